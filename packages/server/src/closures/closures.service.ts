// Closing the case: a reason from Socialstyrelsen's list of avslutsorsaker and a date; the
// follow-ups 6 and 12 months after are scheduled at once and recorded when done (still
// self-supporting?); a new application within 12 months after closure is detected and linked.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addMonths } from '../plans/planning-settings.ts';
import { requirePerson } from '../referrals/consents.service.ts';
import { createInvitation } from '../surveys/surveys.service.ts';
import type { closureInput, closureSchema, dueFollowUp, followUpInput } from './closures.schemas.ts';

type Closure = z.infer<typeof closureSchema>;
export const FOLLOW_UP_MONTHS = [6, 12] as const;

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

async function loadClosures(trx: Kysely<Database>, personId: string, today: string): Promise<Closure[]> {
  const closures = await trx
    .selectFrom('caseClosures')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('closedOn', 'desc')
    .execute();
  if (closures.length === 0) return [];
  const followUps = await trx
    .selectFrom('closureFollowUps')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('months')
    .execute();
  // Applications from a household where the person was applicant or partner.
  const errands = await trx
    .selectFrom('errands as e')
    .innerJoin('householdMembers as m', (j) =>
      j.onRef('m.municipalityId', '=', 'e.municipalityId').onRef('m.householdId', '=', 'e.householdId'),
    )
    .select(['e.id', 'e.receivedAt', 'e.month'])
    .where('m.personId', '=', personId)
    .where('m.role', 'in', ['applicant', 'partner'])
    .where('e.type', 'in', ['newApplication', 'renewalApplication'])
    .orderBy('e.receivedAt')
    .execute();
  return closures.map((c) => {
    const limit = addMonths(c.closedOn, 12);
    const back = errands
      .map((e) => ({ ...e, receivedOn: new Date(e.receivedAt).toISOString().slice(0, 10) }))
      .find((e) => e.receivedOn > c.closedOn && e.receivedOn <= limit);
    return {
      id: c.id,
      personId: c.personId,
      closedOn: c.closedOn,
      reason: c.reason,
      note: c.reasonNote,
      followUps: followUps
        .filter((f) => f.closureId === c.id)
        .map((f) => ({
          id: f.id,
          months: f.months,
          dueOn: f.dueOn,
          doneOn: f.doneOn,
          selfSupporting: f.selfSupporting,
          situation: f.situation,
          note: f.note,
          overdue: f.doneOn === null && f.dueOn < today,
        })),
      returned: back
        ? {
            errandId: back.id,
            receivedOn: back.receivedOn,
            month: back.month,
            monthsAfter: monthsBetween(c.closedOn, back.receivedOn),
          }
        : null,
    };
  });
}

export async function listClosures(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  today: string,
): Promise<Closure[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    await logAccess(trx, request, 'read', [personId]);
    return loadClosures(trx, personId, today);
  });
}

export async function closeCase(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: z.infer<typeof closureInput>,
  today: string,
  now: Date,
): Promise<Closure> {
  if (input.closedOn > today)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/closedOn', detail: 'Avslutet kan inte dateras framåt i tiden' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const person = await requirePerson(trx, viewer, personId);
    const open = await trx
      .selectFrom('errands as e')
      .innerJoin('householdMembers as m', (j) =>
        j.onRef('m.municipalityId', '=', 'e.municipalityId').onRef('m.householdId', '=', 'e.householdId'),
      )
      .select('e.id')
      .where('m.personId', '=', personId)
      .where('e.state', 'in', ['received', 'underInvestigation', 'awaitingCompletion', 'readyForDecision'])
      .executeTakeFirst();
    if (open)
      throw new AppError(
        'conflict',
        'Personen har en ansökan som inte är beslutad; besluta den innan ärendet avslutas',
      );
    const previous = await trx
      .selectFrom('caseClosures')
      .select('closedOn')
      .where('personId', '=', personId)
      .where('closedOn', '>=', input.closedOn)
      .executeTakeFirst();
    if (previous)
      throw new AppError('conflict', `Ärendet avslutades redan ${previous.closedOn}`, [
        { pointer: '/closedOn', detail: `Ärendet avslutades redan ${previous.closedOn}` },
      ]);
    const id = randomUUID();
    await trx
      .insertInto('caseClosures')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        closedOn: input.closedOn,
        reason: input.reason,
        reasonNote: input.note,
        closedBy: viewer.id,
      })
      .execute();
    await trx
      .insertInto('closureFollowUps')
      .values(
        FOLLOW_UP_MONTHS.map((months) => ({
          municipalityId: viewer.municipality.id,
          id: randomUUID(),
          closureId: id,
          personId,
          months,
          dueOn: addMonths(input.closedOn, months),
        })),
      )
      .execute();
    // The anonymous survey at closure (the link goes to the person; answers are not linked back).
    await createInvitation(trx, viewer.municipality.id, person.unit.id, 'closure', today, personId, now);
    await logAccess(trx, request, 'update', [personId]);
    const closure = (await loadClosures(trx, personId, today)).find((c) => c.id === id);
    if (!closure) throw new AppError('internal');
    return closure;
  });
}

/** The unit's follow-ups that are due (or overdue) and not yet recorded. */
export async function dueFollowUps(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  today: string,
): Promise<z.infer<typeof dueFollowUp>[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await trx
      .selectFrom('closureFollowUps as f')
      .innerJoin('caseClosures as c', (j) =>
        j.onRef('c.municipalityId', '=', 'f.municipalityId').onRef('c.id', '=', 'f.closureId'),
      )
      .select(['f.id', 'f.closureId', 'f.personId', 'f.months', 'f.dueOn', 'c.closedOn', 'c.reason'])
      .where('f.doneOn', 'is', null)
      .where('f.dueOn', '<=', today)
      .orderBy('f.dueOn')
      .execute();
    const persons = await describePersons(
      trx,
      viewer,
      rows.map((r) => r.personId),
    );
    const visible = rows.filter((r) => persons.has(r.personId));
    await logAccess(trx, request, 'search', [...new Set(visible.map((r) => r.personId))]);
    return visible.map((r) => ({
      id: r.id,
      closureId: r.closureId,
      personId: r.personId,
      name: persons.get(r.personId)?.name ?? '',
      closedOn: r.closedOn,
      reason: r.reason,
      months: r.months,
      dueOn: r.dueOn,
      doneOn: null,
      selfSupporting: null,
      situation: null,
      note: null,
      overdue: r.dueOn < today,
    }));
  });
}

export async function recordFollowUp(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: z.infer<typeof followUpInput>,
  today: string,
  now: Date,
): Promise<Closure> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const row = await trx.selectFrom('closureFollowUps').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await describePersons(trx, viewer, [row.personId])).has(row.personId))
      throw new AppError('not_found', 'Uppföljningen finns inte');
    if (row.doneOn) throw new AppError('conflict', `Uppföljningen gjordes redan ${row.doneOn}`);
    const closure = await trx
      .selectFrom('caseClosures')
      .select('closedOn')
      .where('id', '=', row.closureId)
      .executeTakeFirstOrThrow();
    if (input.doneOn <= closure.closedOn || input.doneOn > today)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/doneOn',
          detail: `Uppföljningen ska vara daterad efter avslutet (${closure.closedOn}) och senast i dag`,
        },
      ]);
    if (input.selfSupporting && input.situation === 'assistanceAgain')
      throw new AppError('invalid_input', undefined, [
        { pointer: '/situation', detail: 'Den som har bistånd igen har inte egen försörjning' },
      ]);
    await trx
      .updateTable('closureFollowUps')
      .set({
        doneOn: input.doneOn,
        selfSupporting: input.selfSupporting,
        situation: input.situation,
        note: input.note,
        recordedBy: viewer.id,
      })
      .where('id', '=', id)
      .execute();
    // 6–12 months after exit: the anonymous survey once more.
    if (row.months === 6) {
      const person = await requirePerson(trx, viewer, row.personId);
      await createInvitation(
        trx,
        viewer.municipality.id,
        person.unit.id,
        'afterExit',
        today,
        row.personId,
        now,
      );
    }
    await logAccess(trx, request, 'update', [row.personId]);
    const updated = (await loadClosures(trx, row.personId, today)).find((c) => c.id === row.closureId);
    if (!updated) throw new AppError('internal');
    return updated;
  });
}
