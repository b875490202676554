// Participation in an insats: weekly attendance (planned and attended hours, absence with a
// reason), leaving the insats (its own event, not the closing of the case), moving from the
// wait list to a place, and the coach's payment request — a coach cannot commit money, so the
// request becomes a tilläggsansökan for the caseworker to investigate and decide.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addDays } from '../plans/planning-settings.ts';
import { isoWeek, mondayOfIsoWeek } from '../referrals/clock.ts';
import { createInvitation } from '../surveys/surveys.service.ts';
import type { attendanceInput, participationSchema } from './insatser.schemas.ts';
import { findInsats } from './insatser.service.ts';

type Participation = z.infer<typeof participationSchema>;
const kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });

export async function loadParticipations(
  trx: Kysely<Database>,
  where: { referralId: string } | { id: string },
): Promise<Participation[]> {
  const rows = await trx
    .selectFrom('insatsParticipations as p')
    .innerJoin('insatser as i', 'i.id', 'p.insatsId')
    .selectAll('p')
    .select(['i.name as insatsName', 'i.kind as insatsKind'])
    .where(
      'referralId' in where ? 'p.referralId' : 'p.id',
      '=',
      'referralId' in where ? where.referralId : where.id,
    )
    .orderBy('p.listedOn')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const weeks = await trx
    .selectFrom('attendanceWeeks')
    .selectAll()
    .where('participationId', 'in', ids)
    .orderBy('weekStart', 'desc')
    .execute();
  const requests = await trx
    .selectFrom('paymentRequests as r')
    .innerJoin('errands as e', (j) =>
      j.onRef('e.municipalityId', '=', 'r.municipalityId').onRef('e.id', '=', 'r.errandId'),
    )
    .select([
      'r.id',
      'r.participationId',
      'r.purpose',
      'r.amountOre',
      'r.errandId',
      'e.state',
      'r.requestedAt',
    ])
    .where('r.participationId', 'in', ids)
    .orderBy('r.requestedAt', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.personId,
    referralId: row.referralId,
    insats: { id: row.insatsId, name: row.insatsName, kind: row.insatsKind },
    status: row.status,
    listedOn: row.listedOn,
    startedOn: row.startedOn,
    plannedEndOn: row.plannedEndOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
    attendance: weeks
      .filter((w) => w.participationId === row.id)
      .map((w) => ({
        weekStart: w.weekStart,
        week: isoWeek(w.weekStart),
        plannedHours: Number(w.plannedHours),
        attendedHours: Number(w.attendedHours),
        absences: w.absences,
        unexcusedHours: Number(w.unexcusedHours),
      })),
    paymentRequests: requests
      .filter((r) => r.participationId === row.id)
      .map((r) => ({
        id: r.id,
        purpose: r.purpose,
        amountOre: r.amountOre,
        errandId: r.errandId,
        errandState: r.state,
        requestedAt: new Date(r.requestedAt).toISOString(),
      })),
  }));
}

/** The participation, for the staff of the unit the referral went to (the coach's unit). */
async function forCoach(trx: Kysely<Database>, viewer: SessionUser, id: string) {
  const row = await trx
    .selectFrom('insatsParticipations as p')
    .leftJoin('referrals as r', (j) =>
      j.onRef('r.municipalityId', '=', 'p.municipalityId').onRef('r.id', '=', 'p.referralId'),
    )
    .selectAll('p')
    .select(['r.toUnitId', 'r.sentBy', 'r.fromUnitId', 'r.status as referralStatus'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || !(await describePersons(trx, viewer, [row.personId])).has(row.personId))
    throw new AppError('not_found', 'Deltagandet finns inte');
  if (row.toUnitId !== viewer.unit?.id)
    throw new AppError('forbidden', 'Närvaro och deltagande registreras av enheten som har insatsen');
  return row;
}

export async function getParticipation(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await forCoach(trx, viewer, id);
    await logAccess(trx, request, 'read', [row.personId]);
    const [participation] = await loadParticipations(trx, { id });
    if (!participation) throw new AppError('internal');
    return participation;
  });
}

export async function recordAttendance(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  week: string,
  input: z.infer<typeof attendanceInput>,
  now: Date,
  today: string,
) {
  const weekStart = mondayOfIsoWeek(week);
  if (!weekStart)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/params/week', detail: 'Ange veckan som 2026-W48' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await forCoach(trx, viewer, id);
    if (row.status === 'waiting' || !row.startedOn)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/params/week',
          detail: 'Personen står i kö och har inte börjat insatsen; närvaro kan inte registreras',
        },
      ]);
    const last = row.endedOn ?? row.plannedEndOn;
    const weekEnd = addDays(weekStart, 6);
    if (weekEnd < row.startedOn || (last && weekStart > last))
      throw new AppError('invalid_input', 'Veckan ligger utanför insatsen', [
        {
          pointer: '/params/week',
          detail: `Vecka ${week} ligger utanför insatsen (${row.startedOn} – ${last ?? 'tills vidare'})`,
        },
      ]);
    if (weekStart > today)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/params/week', detail: 'Närvaro kan inte registreras för en vecka som inte har börjat' },
      ]);
    const errors: FieldError[] = [];
    if (input.attendedHours > input.plannedHours)
      errors.push({
        pointer: '/attendedHours',
        detail: 'Närvaron kan inte vara större än de planerade timmarna',
      });
    const absent = input.absences.reduce((sum, a) => sum + a.hours, 0);
    const missing = input.plannedHours - input.attendedHours;
    if (errors.length === 0 && Math.abs(absent - missing) > 0.001)
      errors.push({
        pointer: '/absences',
        detail: `Frånvaron (${absent} tim) ska förklara de ${missing} timmar som saknas mot planen, med orsak`,
      });
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const unexcusedHours = input.absences
      .filter((a) => a.reason === 'unexcused')
      .reduce((sum, a) => sum + a.hours, 0);
    const values = {
      plannedHours: input.plannedHours,
      attendedHours: input.attendedHours,
      absences: JSON.stringify(input.absences),
      unexcusedHours,
      recordedBy: viewer.id,
      recordedAt: now,
    };
    const before = await trx
      .selectFrom('attendanceWeeks')
      .select('unexcusedHours')
      .where('participationId', '=', id)
      .where('weekStart', '=', weekStart)
      .executeTakeFirst();
    await trx
      .insertInto('attendanceWeeks')
      .values({
        municipalityId: viewer.municipality.id,
        participationId: id,
        personId: row.personId,
        weekStart,
        ...values,
      })
      .onConflict((oc) => oc.columns(['municipalityId', 'participationId', 'weekStart']).doUpdateSet(values))
      .execute();
    // Ogiltig frånvaro: the caseworker is told (it may matter for the aktivitetskrav and the
    // right to assistance, SoL 2025:400 — the caseworker decides, not the coach).
    if (unexcusedHours > Number(before?.unexcusedHours ?? 0)) {
      const caseworker = await caseworkerOf(trx, row.personId, row.sentBy);
      if (caseworker) {
        const insats = await findInsats(trx, viewer.municipality.id, row.insatsId);
        await trx
          .insertInto('notifications')
          .values({
            municipalityId: viewer.municipality.id,
            id: randomUUID(),
            channel: 'internal',
            recipient: `staff:${caseworker}`,
            text: `Ogiltig frånvaro vecka ${week}: ${unexcusedHours} av ${input.plannedHours} planerade timmar i ${insats.name}.`,
            sendAfter: now,
            sentAt: null,
            personId: row.personId,
            meetingId: null,
          })
          .execute();
      }
    }
    await logAccess(trx, request, 'update', [row.personId]);
    const [participation] = await loadParticipations(trx, { id });
    if (!participation) throw new AppError('internal');
    return participation;
  });
}

/** The person's responsible caseworker, else the one who sent the referral. */
async function caseworkerOf(trx: Kysely<Database>, personId: string, sentBy: string | null) {
  const person = await trx
    .selectFrom('persons')
    .select('responsibleUserId')
    .where('id', '=', personId)
    .executeTakeFirst();
  return person?.responsibleUserId ?? sentBy;
}

export async function activateParticipation(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  startsOn: string,
  now: Date,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await forCoach(trx, viewer, id);
    if (row.status !== 'waiting') throw new AppError('conflict', 'Personen står inte i kö till insatsen');
    const insats = await findInsats(trx, viewer.municipality.id, row.insatsId);
    if (insats.free <= 0) throw new AppError('conflict', `${insats.name} har inga lediga platser`);
    if (startsOn < row.listedOn)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/startsOn', detail: 'Starten kan inte vara före köplaceringen' },
      ]);
    await trx
      .updateTable('insatsParticipations')
      .set({
        status: 'active',
        startedOn: startsOn,
        plannedEndOn: addDays(startsOn, insats.durationWeeks * 7 - 1),
      })
      .where('id', '=', id)
      .execute();
    if (row.referralId)
      await trx
        .updateTable('referrals')
        .set({ startedOn: startsOn, updatedAt: now })
        .where('id', '=', row.referralId)
        .where('startedOn', 'is', null)
        .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    const [participation] = await loadParticipations(trx, { id });
    if (!participation) throw new AppError('internal');
    return participation;
  });
}

export async function endParticipation(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: { endedOn: string; reason: string },
  today: string,
  now: Date,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await forCoach(trx, viewer, id);
    if (row.status === 'ended') throw new AppError('conflict', 'Deltagandet är redan avslutat');
    const from = row.startedOn ?? row.listedOn;
    if (input.endedOn < from || input.endedOn > today)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/endedOn', detail: `Slutdatum ska vara mellan ${from} och i dag` },
      ]);
    await trx
      .updateTable('insatsParticipations')
      .set({
        status: 'ended',
        endedOn: input.endedOn,
        endReason: input.reason,
        startedOn: row.startedOn ?? input.endedOn,
      })
      .where('id', '=', id)
      .execute();
    // The anonymous survey at the end of the insats, about the unit that gave it.
    if (viewer.unit)
      await createInvitation(
        trx,
        viewer.municipality.id,
        viewer.unit.id,
        'insatsEnd',
        today,
        row.personId,
        now,
      );
    await logAccess(trx, request, 'update', [row.personId]);
    const [participation] = await loadParticipations(trx, { id });
    if (!participation) throw new AppError('internal');
    return participation;
  });
}

export async function requestPayment(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: { purpose: string; amountOre: number },
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await forCoach(trx, viewer, id);
    if (row.status !== 'active')
      throw new AppError('invalid_input', undefined, [
        { pointer: '/purpose', detail: 'Begäran gäller en pågående insats' },
      ]);
    const household = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('households as h', (j) =>
        j.onRef('h.municipalityId', '=', 'm.municipalityId').onRef('h.id', '=', 'm.householdId'),
      )
      .select(['h.id', 'h.unitId'])
      .where('m.personId', '=', id ? row.personId : '')
      .where('m.validTo', 'is', null)
      .where('m.role', 'in', ['applicant', 'partner'])
      .executeTakeFirst();
    if (!household)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/purpose',
          detail: 'Personen har inget aktuellt hushåll med ekonomiskt bistånd att pröva begäran i',
        },
      ]);
    const insats = await findInsats(trx, viewer.municipality.id, row.insatsId);
    const errandId = randomUUID();
    // A tilläggsansökan in the caseworker's queue: the nämnd (through its delegation) decides
    // on bistånd, never the coach.
    await trx
      .insertInto('errands')
      .values({
        municipalityId: viewer.municipality.id,
        id: errandId,
        householdId: household.id,
        unitId: household.unitId,
        type: 'supplementaryApplication',
        month: today.slice(0, 7),
        requestedNote: `Begäran från ${viewer.name} (${viewer.unit?.name ?? 'arbetsmarknadsenheten'}) för ${insats.name}: ${input.purpose}, ${kronor.format(input.amountOre / 100)}. Coachen kan inte besluta om pengar; handläggaren prövar begäran.`,
        receivedAt: now,
        createdBy: viewer.id,
      })
      .execute();
    await trx
      .insertInto('errandTransitions')
      .values({
        municipalityId: viewer.municipality.id,
        errandId,
        fromState: null,
        toState: 'received',
        userId: viewer.id,
        note: 'Begäran om beslut från arbetsmarknadsenheten',
      })
      .execute();
    await trx
      .insertInto('paymentRequests')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        personId: row.personId,
        participationId: id,
        errandId,
        purpose: input.purpose,
        amountOre: input.amountOre,
        requestedBy: viewer.id,
      })
      .execute();
    const caseworker = await caseworkerOf(trx, row.personId, row.sentBy);
    if (caseworker)
      await trx
        .insertInto('notifications')
        .values({
          municipalityId: viewer.municipality.id,
          id: randomUUID(),
          channel: 'internal',
          recipient: `staff:${caseworker}`,
          text: `Begäran om beslut från ${viewer.name}: ${input.purpose}, ${kronor.format(input.amountOre / 100)}.`,
          sendAfter: now,
          sentAt: null,
          personId: row.personId,
          meetingId: null,
        })
        .execute();
    await logAccess(trx, request, 'create', [row.personId]);
    const [participation] = await loadParticipations(trx, { id });
    if (!participation) throw new AppError('internal');
    return participation;
  });
}
