// Remiss: the caseworker asks the labour-market unit (or another authority) for help with a
// question, tied to the plan it serves. Across a nämnd or to another authority a valid
// consent is required (consents.service.ts). The receiving unit accepts with a named coach
// (and a notice to the person) or returns it with a reason. The clocks — sent, first meeting,
// start — give the waiting days both sides see; the unit's action plan is due within 14 days;
// its arbetsförmågebedömning goes back into the person's kartläggning.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { findInsats } from '../insatser/insatser.service.ts';
import { loadParticipations } from '../insatser/participations.service.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addDays, isoDay } from '../plans/planning-settings.ts';
import { daysBetween } from './clock.ts';
import { committeeOf, requirePerson, SECRECY_BASIS, validConsent } from './consents.service.ts';
import type {
  actionPlanInput,
  closeReferralInput,
  referralDetail,
  referralInput,
  referralSchema,
  workCapacityInput,
} from './referrals.schemas.ts';
import type { ReferralStatus, ReferralTable } from './referrals.table.ts';

export type Referral = z.infer<typeof referralSchema>;
export type ReferralDetail = z.infer<typeof referralDetail>;

/** The labour-market unit's action plan is due this many days after acceptance. */
export const ACTION_PLAN_DAYS = 14;

type Row = Selectable<ReferralTable>;

async function names(trx: Kysely<Database>) {
  const [units, agencies, staff, insatser] = await Promise.all([
    trx.selectFrom('units').select(['id', 'name', 'kind']).execute(),
    trx.selectFrom('partnerAgencies').select(['id', 'name']).execute(),
    trx.selectFrom('staffUsers').select(['id', 'name']).execute(),
    trx.selectFrom('insatser').select(['id', 'name']).execute(),
  ]);
  const map = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return {
    units: map(units),
    unitKinds: new Map(units.map((u) => [u.id, u.kind])),
    agencies: map(agencies),
    staff: map(staff),
    insatser: map(insatser),
  };
}
type Names = Awaited<ReturnType<typeof names>>;

async function unexcusedLast4Weeks(trx: Kysely<Database>, referralIds: string[], today: string) {
  if (referralIds.length === 0) return new Map<string, number>();
  const rows = await trx
    .selectFrom('attendanceWeeks as a')
    .innerJoin('insatsParticipations as p', (j) =>
      j.onRef('p.municipalityId', '=', 'a.municipalityId').onRef('p.id', '=', 'a.participationId'),
    )
    .select(['p.referralId', 'a.unexcusedHours'])
    .where('p.referralId', 'in', referralIds)
    .where('a.weekStart', '>=', addDays(today, -28))
    .execute();
  const sums = new Map<string, number>();
  for (const row of rows)
    if (row.referralId)
      sums.set(row.referralId, (sums.get(row.referralId) ?? 0) + Number(row.unexcusedHours));
  return sums;
}

function toReferral(row: Row, personName: string, n: Names, today: string, unexcused: number): Referral {
  const party = (unitId: string | null, agencyId: string | null) =>
    unitId
      ? { kind: 'unit' as const, id: unitId, name: n.units.get(unitId) ?? '' }
      : { kind: 'agency' as const, id: agencyId ?? '', name: n.agencies.get(agencyId ?? '') ?? '' };
  const open = row.status === 'sent' || row.status === 'accepted';
  const waitEnd = row.startedOn ?? (open ? today : (row.returnedOn ?? row.closedOn ?? today));
  return {
    id: row.id,
    personId: row.personId,
    personName,
    direction: row.direction,
    from: party(row.fromUnitId, row.fromAgencyId),
    to: party(row.toUnitId, row.toAgencyId),
    question: row.question,
    planId: row.planId,
    insats: row.insatsId ? { id: row.insatsId, name: n.insatser.get(row.insatsId) ?? '' } : null,
    status: row.status,
    sentOn: row.sentOn,
    sentBy: n.staff.get(row.sentBy) ?? '',
    coach: row.coachId ? { id: row.coachId, name: n.staff.get(row.coachId) ?? '' } : null,
    acceptedOn: row.acceptedOn,
    returnedOn: row.returnedOn,
    returnReason: row.returnReason,
    firstMeetingOn: row.firstMeetingOn,
    startedOn: row.startedOn,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
    closeNote: row.closeNote,
    clocks: {
      waitingDays: Math.max(0, daysBetween(row.sentOn, waitEnd)),
      daysToFirstMeeting: row.firstMeetingOn ? daysBetween(row.sentOn, row.firstMeetingOn) : null,
      daysFirstMeetingToStart:
        row.firstMeetingOn && row.startedOn ? daysBetween(row.firstMeetingOn, row.startedOn) : null,
      waiting: open && row.startedOn === null,
    },
    actionPlan: {
      dueOn: row.actionPlanDueOn,
      deliveredOn: row.actionPlanOn,
      overdue:
        row.status === 'accepted' &&
        row.actionPlanOn === null &&
        row.actionPlanDueOn !== null &&
        row.actionPlanDueOn < today,
      summary: row.actionPlan?.summary ?? null,
      steps: row.actionPlan?.steps ?? [],
    },
    workCapacity: row.workCapacity,
    consent: null,
    unexcusedHoursLast4Weeks: unexcused,
  };
}

/** Rows the viewer may see: persons they may see; a coach only the referrals to their own unit. */
async function visibleReferrals(trx: Kysely<Database>, viewer: SessionUser, rows: Row[]) {
  const persons = await describePersons(
    trx,
    viewer,
    rows.map((r) => r.personId),
  );
  return {
    rows: rows.filter(
      (r) => persons.has(r.personId) && (viewer.role !== 'coach' || r.toUnitId === viewer.unit?.id),
    ),
    persons,
  };
}

async function withConsent(trx: Kysely<Database>, referral: Referral, row: Row): Promise<Referral> {
  if (!row.consentId) return referral;
  const consent = await trx
    .selectFrom('consents')
    .select(['id', 'expiresOn'])
    .where('id', '=', row.consentId)
    .executeTakeFirst();
  return { ...referral, consent: consent ?? null };
}

async function loadReferral(
  trx: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  today: string,
): Promise<ReferralDetail & { row: Row }> {
  const row = await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  const visible = row ? await visibleReferrals(trx, viewer, [row]) : null;
  if (!row || !visible || visible.rows.length === 0) throw new AppError('not_found', 'Remissen finns inte');
  const n = await names(trx);
  const unexcused = await unexcusedLast4Weeks(trx, [row.id], today);
  const referral = await withConsent(
    trx,
    toReferral(row, visible.persons.get(row.personId)?.name ?? '', n, today, unexcused.get(row.id) ?? 0),
    row,
  );
  const participations = await loadParticipations(trx, { referralId: row.id });
  return { ...referral, participations, row };
}

function strip<T extends { row: Row }>(detail: T): Omit<T, 'row'> {
  const { row: _row, ...rest } = detail;
  return rest;
}

export async function getReferral(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const detail = await loadReferral(trx, viewer, id, today);
    await logAccess(trx, request, 'read', [detail.personId]);
    return strip(detail);
  });
}

/**
 * The queue: for a coach, the open referrals to their unit; for the social-assistance unit,
 * the referrals of its persons. Ordered by waiting days, longest wait first.
 */
export async function listReferrals(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  query: { status?: ReferralStatus | undefined; personId?: string | undefined },
  today: string,
): Promise<Referral[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    if (query.personId) await requirePerson(trx, viewer, query.personId);
    let q = trx.selectFrom('referrals').selectAll();
    if (viewer.role === 'coach') q = q.where('toUnitId', '=', viewer.unit?.id ?? '');
    if (query.status) q = q.where('status', '=', query.status);
    else if (!query.personId) q = q.where('status', 'in', ['sent', 'accepted']);
    if (query.personId) q = q.where('personId', '=', query.personId);
    const all = await q.execute();
    const { rows, persons } = await visibleReferrals(trx, viewer, all);
    const n = await names(trx);
    const unexcused = await unexcusedLast4Weeks(
      trx,
      rows.map((r) => r.id),
      today,
    );
    const items: Referral[] = [];
    for (const row of rows)
      items.push(
        await withConsent(
          trx,
          toReferral(row, persons.get(row.personId)?.name ?? '', n, today, unexcused.get(row.id) ?? 0),
          row,
        ),
      );
    items.sort((a, b) => b.clocks.waitingDays - a.clocks.waitingDays || a.sentOn.localeCompare(b.sentOn));
    await logAccess(trx, request, 'search', [...new Set(items.map((i) => i.personId))]);
    return items;
  });
}

export async function sendReferral(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: z.infer<typeof referralInput>,
  now: Date,
) {
  const today = isoDay(now);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const fromUnitId = viewer.unit?.id ?? null;
    if (!fromUnitId) throw new AppError('forbidden', 'Du behöver tillhöra en enhet för att skicka remisser');
    let consentId: string | null = null;
    const values: Partial<ReferralTable> = {};
    if (input.direction === 'internal') {
      const unit = await trx
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', '=', input.toUnitId)
        .executeTakeFirst();
      if (!unit || unit.id === fromUnitId)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/toUnitId', detail: 'Välj en annan enhet i kommunen' },
        ]);
      const [from, to] = [await committeeOf(trx, fromUnitId, today), await committeeOf(trx, unit.id, today)];
      // Inside one nämnd no consent is needed; across nämnder the secrecy boundary applies.
      if (to && from?.id !== to.id) {
        const consent = await validConsent(trx, personId, { committeeId: to.id }, 'referral', today);
        if (!consent)
          throw new AppError('invalid_input', 'Samtycke saknas', [
            {
              pointer: '/toUnitId',
              detail: `${unit.name} hör till ${to.name}, en annan nämnd. Remissen kan skickas först när personen har lämnat ett giltigt samtycke till remiss dit (${SECRECY_BASIS}).`,
            },
          ]);
        consentId = consent.id;
      }
      if (input.planId) {
        const plan = await trx
          .selectFrom('plans')
          .select('personId')
          .where('id', '=', input.planId)
          .executeTakeFirst();
        if (plan?.personId !== personId)
          throw new AppError('invalid_input', undefined, [
            { pointer: '/planId', detail: 'Planen hör inte till personen' },
          ]);
      }
      if (input.insatsId) {
        await findInsats(trx, viewer.municipality.id, input.insatsId).catch(() => {
          throw new AppError('invalid_input', undefined, [
            { pointer: '/insatsId', detail: 'Insatsen finns inte i katalogen' },
          ]);
        });
      }
      Object.assign(values, {
        fromUnitId,
        toUnitId: unit.id,
        planId: input.planId,
        insatsId: input.insatsId,
        sentOn: today,
      });
    } else if (input.direction === 'outgoing') {
      const agency = await trx
        .selectFrom('partnerAgencies')
        .select(['id', 'name'])
        .where('id', '=', input.toAgencyId)
        .executeTakeFirst();
      if (!agency)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/toAgencyId', detail: 'Samverkansparten finns inte' },
        ]);
      const consent = await validConsent(trx, personId, { agencyId: agency.id }, 'referral', today);
      if (!consent)
        throw new AppError('invalid_input', 'Samtycke saknas', [
          {
            pointer: '/toAgencyId',
            detail: `Personen har inget giltigt samtycke till att uppgifter lämnas till ${agency.name}. Remissen kan inte skickas (${SECRECY_BASIS}).`,
          },
        ]);
      consentId = consent.id;
      if (input.planId) {
        const plan = await trx
          .selectFrom('plans')
          .select('personId')
          .where('id', '=', input.planId)
          .executeTakeFirst();
        if (plan?.personId !== personId)
          throw new AppError('invalid_input', undefined, [
            { pointer: '/planId', detail: 'Planen hör inte till personen' },
          ]);
      }
      Object.assign(values, { fromUnitId, toAgencyId: agency.id, planId: input.planId, sentOn: today });
    } else {
      const agency = await trx
        .selectFrom('partnerAgencies')
        .select('id')
        .where('id', '=', input.fromAgencyId)
        .executeTakeFirst();
      if (!agency)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/fromAgencyId', detail: 'Samverkansparten finns inte' },
        ]);
      const receivedOn = input.receivedOn ?? today;
      if (receivedOn > today)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/receivedOn', detail: 'Remissen kan inte ha kommit in i framtiden' },
        ]);
      Object.assign(values, { fromAgencyId: agency.id, toUnitId: fromUnitId, sentOn: receivedOn });
    }
    const id = randomUUID();
    await trx
      .insertInto('referrals')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        direction: input.direction,
        fromUnitId: values.fromUnitId ?? null,
        fromAgencyId: values.fromAgencyId ?? null,
        toUnitId: values.toUnitId ?? null,
        toAgencyId: values.toAgencyId ?? null,
        question: input.question,
        planId: values.planId ?? null,
        insatsId: values.insatsId ?? null,
        consentId,
        status: 'sent',
        sentOn: values.sentOn ?? today,
        sentBy: viewer.id,
      })
      .execute();
    // The receiving unit's coaches and manager hear of it in their inbox, so the wait starts short.
    if (input.direction === 'internal' && values.toUnitId) {
      const receivers = await trx
        .selectFrom('staffUsers')
        .select('id')
        .where('unitId', '=', values.toUnitId)
        .where('role', 'in', ['coach', 'unitManager'])
        .execute();
      const from = viewer.unit?.name ?? '';
      for (const receiver of receivers)
        await notifyStaff(
          trx,
          viewer.municipality.id,
          receiver.id,
          personId,
          `Ny remiss från ${from} väntar på svar.`,
          now,
        );
    }
    await logAccess(trx, request, 'create', [personId]);
    return strip(await loadReferral(trx, viewer, id, today));
  });
}

/** The referral, checked to be open for an answer by the viewer's unit. */
async function forReceiver(
  trx: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  today: string,
  statuses: ReferralStatus[],
) {
  const detail = await loadReferral(trx, viewer, id, today);
  const { row } = detail;
  // To a unit: its own staff answer. To another authority: the sending unit records the answer.
  const receiver = row.toUnitId ? row.toUnitId === viewer.unit?.id : row.fromUnitId === viewer.unit?.id;
  if (!receiver) throw new AppError('forbidden', 'Remissen besvaras av den mottagande enheten');
  if (!statuses.includes(row.status))
    throw new AppError('conflict', `Remissen är ${STATUS_LABEL[row.status]} och kan inte ändras så`);
  return detail;
}

const STATUS_LABEL: Record<ReferralStatus, string> = {
  sent: 'skickad',
  accepted: 'antagen',
  returned: 'returnerad',
  closed: 'avslutad',
};

async function notifyStaff(
  trx: Kysely<Database>,
  municipalityId: string,
  staffId: string,
  personId: string,
  text: string,
  now: Date,
) {
  await trx
    .insertInto('notifications')
    .values({
      municipalityId,
      id: randomUUID(),
      channel: 'internal',
      recipient: `staff:${staffId}`,
      text,
      sendAfter: now,
      sentAt: null,
      personId,
      meetingId: null,
    })
    .execute();
}

export async function acceptReferral(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: { coachId: string | null },
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['sent']);
    const n = await names(trx);
    const labourMarket = row.toUnitId !== null && n.unitKinds.get(row.toUnitId) === 'labourMarket';
    const coachId = input.coachId ?? (viewer.role === 'coach' ? viewer.id : null);
    if (labourMarket && !coachId)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/coachId', detail: 'Välj vilken coach som ska ha personen' },
      ]);
    if (coachId) {
      const coach = await trx
        .selectFrom('staffUsers')
        .select(['id', 'name'])
        .where('id', '=', coachId)
        .where('municipalityId', '=', viewer.municipality.id)
        .where('role', '=', 'coach')
        .where('unitId', '=', row.toUnitId ?? '')
        .where('active', '=', true)
        .executeTakeFirst();
      if (!coach)
        throw new AppError('invalid_input', undefined, [
          { pointer: '/coachId', detail: 'Coachen finns inte i den mottagande enheten' },
        ]);
    }
    await trx
      .updateTable('referrals')
      .set({
        status: 'accepted',
        coachId,
        acceptedOn: today,
        actionPlanDueOn: addDays(today, ACTION_PLAN_DAYS),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const unitName = n.units.get(row.toUnitId ?? '') ?? n.agencies.get(row.toAgencyId ?? '') ?? '';
    const coachName = coachId ? n.staff.get(coachId) : null;
    // The notice to the person (the outbox's transport finds the phone number).
    await trx
      .insertInto('notifications')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        channel: 'sms',
        recipient: `person:${row.personId}`,
        text: coachName
          ? `${unitName} har tagit emot remissen om dig. Din coach är ${coachName}, som kontaktar dig för ett första möte.`
          : `${unitName} har tagit emot remissen om dig och kontaktar dig.`,
        sendAfter: now,
        sentAt: null,
        personId: row.personId,
        meetingId: null,
      })
      .execute();
    if (row.sentBy !== viewer.id)
      await notifyStaff(
        trx,
        viewer.municipality.id,
        row.sentBy,
        row.personId,
        `Remissen till ${unitName} är antagen${coachName ? `; coach ${coachName}` : ''}.`,
        now,
      );
    await logAccess(trx, request, 'update', [row.personId]);
    return strip(await loadReferral(trx, viewer, id, today));
  });
}

export async function returnReferral(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  reason: string,
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['sent']);
    await trx
      .updateTable('referrals')
      .set({ status: 'returned', returnReason: reason, returnedOn: today, updatedAt: now })
      .where('id', '=', id)
      .execute();
    if (row.sentBy !== viewer.id)
      await notifyStaff(
        trx,
        viewer.municipality.id,
        row.sentBy,
        row.personId,
        `Remissen har skickats tillbaka: ${reason}`,
        now,
      );
    await logAccess(trx, request, 'update', [row.personId]);
    // After returning it, a coach no longer sees the person: answer from the row itself.
    const n = await names(trx);
    const returned = await trx
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...toReferral(returned, '', n, today, 0), participations: [] };
  });
}

const CLOSE_TEXT: Record<z.infer<typeof closeReferralInput>['reason'], string> = {
  completed: 'frågan är besvarad',
  withdrawn: 'återkallad av avsändaren',
  declined: 'personen avböjde',
  moved: 'personen har flyttat',
  caseClosed: 'ärendet är avslutat',
  other: 'annat skäl',
};

/**
 * Closes an open referral (sent or accepted) for either side: the sending unit (withdrawing it,
 * or when the case closes) or the receiving unit (its question answered). A place on the wait
 * list ends with it; an insats in progress must be left first — leaving the insats is its own
 * event with its own reason. The other side is told in its inbox.
 */
export async function closeReferral(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: z.infer<typeof closeReferralInput>,
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row, participations, personName, consent } = await loadReferral(trx, viewer, id, today);
    const unit = viewer.unit?.id;
    const sender = unit !== undefined && row.fromUnitId === unit;
    const receiver = unit !== undefined && row.toUnitId === unit;
    if (!sender && !receiver)
      throw new AppError('forbidden', 'Remissen avslutas av den skickande eller den mottagande enheten');
    if (row.status !== 'sent' && row.status !== 'accepted')
      throw new AppError('conflict', `Remissen är ${STATUS_LABEL[row.status]} och kan inte avslutas`);
    if (input.closedOn < row.sentOn || input.closedOn > today)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/closedOn',
          detail: `Avslutsdatum ska vara mellan ${row.sentOn} (remissen skickades) och i dag`,
        },
      ]);
    const active = participations.find((p) => p.status === 'active');
    if (active)
      throw new AppError(
        'conflict',
        `${active.insats.name} pågår: avsluta deltagandet i insatsen först (det är en egen händelse med eget skäl)`,
      );
    await trx
      .updateTable('insatsParticipations')
      .set({
        status: 'ended',
        // As when a waiting participant leaves (participations.service): an ended row has a start.
        startedOn: input.closedOn,
        endedOn: input.closedOn,
        endReason: input.reason === 'moved' ? 'moved' : 'discontinued',
      })
      .where('referralId', '=', id)
      .where('status', '=', 'waiting')
      .execute();
    await trx
      .updateTable('referrals')
      .set({
        status: 'closed',
        closedOn: input.closedOn,
        closeReason: input.reason,
        closeNote: input.note,
        closedBy: viewer.id,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const text = `Remissen för ${personName || 'personen'} är avslutad av ${viewer.name}: ${CLOSE_TEXT[input.reason]}${input.note ? ` (${input.note})` : ''}.`;
    const tell = sender ? row.coachId : row.sentBy;
    if (tell && tell !== viewer.id)
      await notifyStaff(trx, viewer.municipality.id, tell, row.personId, text, now);
    await logAccess(trx, request, 'update', [row.personId]);
    // A coach no longer sees the person once the referral is closed: answer from the row itself.
    const closed = await trx
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      ...toReferral(closed, personName, await names(trx), today, 0),
      consent,
      participations: await loadParticipations(trx, { referralId: id }),
    };
  });
}

export async function recordFirstMeeting(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  heldOn: string,
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['accepted']);
    if (heldOn < row.sentOn || heldOn > today)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/heldOn',
          detail: `Det första mötet ska vara mellan ${row.sentOn} (remissen skickades) och i dag`,
        },
      ]);
    await trx
      .updateTable('referrals')
      .set({ firstMeetingOn: heldOn, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    return strip(await loadReferral(trx, viewer, id, today));
  });
}

export async function recordActionPlan(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: z.infer<typeof actionPlanInput>,
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['accepted']);
    await trx
      .updateTable('referrals')
      .set({ actionPlan: JSON.stringify(input), actionPlanOn: today, updatedAt: now })
      .where('id', '=', id)
      .execute();
    if (row.sentBy !== viewer.id)
      await notifyStaff(
        trx,
        viewer.municipality.id,
        row.sentBy,
        row.personId,
        'Arbetsmarknadsenhetens handlingsplan är klar.',
        now,
      );
    await logAccess(trx, request, 'update', [row.personId]);
    return strip(await loadReferral(trx, viewer, id, today));
  });
}

/**
 * The unit's arbetsförmågebedömning: kept on the referral and, when the person has a
 * kartläggning, added to it as a new version (earlier versions stay as they were).
 */
export async function returnWorkCapacity(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: z.infer<typeof workCapacityInput>,
  now: Date,
  today: string,
) {
  if (input.assessedOn > today)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/assessedOn', detail: 'Bedömningen kan inte vara gjord i framtiden' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['accepted', 'closed']);
    const n = await names(trx);
    const assessedBy = `${viewer.name}, ${n.units.get(row.toUnitId ?? '') ?? n.agencies.get(row.toAgencyId ?? '') ?? ''}`;
    const workCapacity = { ...input, assessedBy };
    await trx
      .updateTable('referrals')
      .set({ workCapacity: JSON.stringify(workCapacity), updatedAt: now })
      .where('id', '=', id)
      .execute();
    const latest = await trx
      .selectFrom('assessments')
      .selectAll()
      .where('personId', '=', row.personId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    let version: number | null = null;
    if (latest) {
      version = latest.version + 1;
      await trx
        .insertInto('assessments')
        .values({
          municipalityId: viewer.municipality.id,
          id: randomUUID(),
          personId: row.personId,
          version,
          sections: JSON.stringify(latest.sections),
          supportBarrier: latest.supportBarrier,
          workCapacity: JSON.stringify({
            capacity: input.capacity,
            hoursPerWeek: input.hoursPerWeek,
            assessedBy,
            assessedOn: input.assessedOn,
          }),
          createdBy: viewer.id,
        })
        .execute();
    }
    await notifyStaff(
      trx,
      viewer.municipality.id,
      row.sentBy,
      row.personId,
      latest
        ? `Arbetsförmågebedömning från ${assessedBy} är inlagd i kartläggningen (version ${version}).`
        : `Arbetsförmågebedömning från ${assessedBy} finns på remissen; personen har ingen kartläggning ännu.`,
      now,
    );
    await logAccess(trx, request, 'update', [row.personId]);
    return {
      referral: strip(await loadReferral(trx, viewer, id, today)),
      returnedToAssessment: latest !== undefined,
      assessmentVersion: version,
    };
  });
}

export async function placeInInsats(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  id: string,
  input: { insatsId: string; startsOn: string },
  now: Date,
  today: string,
) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { row } = await forReceiver(trx, viewer, id, today, ['accepted']);
    const insats = await findInsats(trx, viewer.municipality.id, input.insatsId).catch(() => {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/insatsId', detail: 'Insatsen finns inte i katalogen' },
      ]);
    });
    if (!insats.active)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/insatsId', detail: 'Insatsen tar inte emot deltagare' },
      ]);
    if (input.startsOn < row.sentOn)
      throw new AppError('invalid_input', undefined, [
        { pointer: '/startsOn', detail: 'Starten kan inte vara före remissen' },
      ]);
    const existing = await trx
      .selectFrom('insatsParticipations')
      .select('id')
      .where('referralId', '=', id)
      .where('insatsId', '=', insats.id)
      .where('status', 'in', ['waiting', 'active'])
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', 'Personen deltar redan eller står i kö till insatsen');
    // Full: the person goes on the wait list; the clock keeps running until the start.
    const active = insats.free > 0;
    await trx
      .insertInto('insatsParticipations')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        personId: row.personId,
        referralId: id,
        insatsId: insats.id,
        status: active ? 'active' : 'waiting',
        listedOn: today,
        startedOn: active ? input.startsOn : null,
        plannedEndOn: active ? addDays(input.startsOn, insats.durationWeeks * 7 - 1) : null,
        createdBy: viewer.id,
      })
      .execute();
    if (active && !row.startedOn)
      await trx
        .updateTable('referrals')
        .set({ startedOn: input.startsOn, updatedAt: now })
        .where('id', '=', id)
        .execute();
    await logAccess(trx, request, 'update', [row.personId]);
    return strip(await loadReferral(trx, viewer, id, today));
  });
}
