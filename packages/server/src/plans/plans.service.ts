// Genomförandeplan and its follow-up: every change is a new immutable version; a follow-up
// records progress per delmål and sets the next date by the municipality's cadence.
// Meetings (flerpartssamtal) write their invitations and reminders to the notifications outbox.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { renderPlanPdf } from './plan-pdf.ts';
import { addMonths, isoDay, planningSettings } from './planning-settings.ts';
import type { MeetingParticipant, PlanContent, SubGoalProgress } from './plans.table.ts';

export type Agreement = { agreedOn: string | null; method: 'digital' | 'paper' | 'oral' | null };
export type PlanInput = PlanContent & { agreement: Agreement };

export type PlanVersion = PlanInput & { version: number; createdBy: string; createdAt: string };
export type Plan = {
  id: string;
  personId: string;
  current: PlanVersion;
  versions: PlanVersion[];
  followUps: FollowUp[];
  nextFollowUpOn: string;
  followUpOverdue: boolean;
};
export type FollowUp = {
  id: string;
  planVersion: number;
  heldOn: string;
  progress: { subGoalId: string; status: SubGoalProgress; comment: string }[];
  nextFollowUpOn: string;
};

async function requireVisiblePerson(trx: Kysely<Database>, viewer: SessionUser, personId: string) {
  const found = await describePersons(trx, viewer, [personId]);
  const person = found.get(personId);
  if (!person) throw new AppError('not_found', 'Personen finns inte');
  return person;
}

function validatePlan(input: PlanInput): void {
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  input.subGoals.forEach((goal, i) => {
    if (ids.has(goal.id)) errors.push({ pointer: `/subGoals/${i}/id`, detail: 'Två delmål har samma id' });
    ids.add(goal.id);
  });
  input.activities.forEach((activity, i) => {
    activity.subGoalIds.forEach((id, j) => {
      if (!ids.has(id))
        errors.push({ pointer: `/activities/${i}/subGoalIds/${j}`, detail: 'Delmålet finns inte i planen' });
    });
  });
  if ((input.agreement.agreedOn === null) !== (input.agreement.method === null))
    errors.push({
      pointer: '/agreement/method',
      detail: 'Ange både datum och hur överenskommelsen gjordes (digitalt, på papper eller muntligt)',
    });
  if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
}

function contentOf(input: PlanInput): PlanContent {
  const { longTermGoal, subGoals, activities, clientWords } = input;
  return { longTermGoal, subGoals, activities, clientWords };
}

async function insertVersion(
  trx: Kysely<Database>,
  viewer: SessionUser,
  planId: string,
  version: number,
  input: PlanInput,
) {
  await trx
    .insertInto('planVersions')
    .values({
      municipalityId: viewer.municipality.id,
      planId,
      version,
      content: JSON.stringify(contentOf(input)),
      agreedOn: input.agreement.agreedOn,
      agreementMethod: input.agreement.method,
      createdBy: viewer.id,
    })
    .execute();
}

export async function createPlan(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: PlanInput,
  today: string,
): Promise<Plan> {
  validatePlan(input);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const id = randomUUID();
    await trx
      .insertInto('plans')
      .values({ municipalityId: viewer.municipality.id, id, personId, createdBy: viewer.id })
      .execute();
    await insertVersion(trx, viewer, id, 1, input);
    await logAccess(trx, request, 'create', [personId]);
    return loadPlan(trx, viewer, id, today);
  });
}

export async function addPlanVersion(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  planId: string,
  input: PlanInput,
  today: string,
): Promise<Plan> {
  validatePlan(input);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const plan = await loadPlan(trx, viewer, planId, today);
    await insertVersion(trx, viewer, planId, plan.current.version + 1, input);
    await logAccess(trx, request, 'update', [plan.personId]);
    return loadPlan(trx, viewer, planId, today);
  });
}

export async function getPlan(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  planId: string,
  today: string,
): Promise<Plan> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const plan = await loadPlan(trx, viewer, planId, today);
    await logAccess(trx, request, 'read', [plan.personId]);
    return plan;
  });
}

export async function listPlans(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  today: string,
): Promise<Plan[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const ids = await trx
      .selectFrom('plans')
      .select('id')
      .where('personId', '=', personId)
      .orderBy('createdAt', 'desc')
      .execute();
    const plans = [];
    for (const { id } of ids) plans.push(await loadPlan(trx, viewer, id, today));
    await logAccess(trx, request, 'read', [personId]);
    return plans;
  });
}

/** The plan with its versions (newest first) and follow-ups; another unit's plan is not found. */
async function loadPlan(
  trx: Kysely<Database>,
  viewer: SessionUser,
  planId: string,
  today: string,
): Promise<Plan> {
  const plan = await trx.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new AppError('not_found', 'Planen finns inte');
  const visible = await describePersons(trx, viewer, [plan.personId]);
  if (!visible.has(plan.personId)) throw new AppError('not_found', 'Planen finns inte');
  const versionRows = await trx
    .selectFrom('planVersions')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('version', 'desc')
    .execute();
  const versions: PlanVersion[] = versionRows.map((row) => ({
    ...row.content,
    activities: row.content.activities.map((a) => ({ ...a, endsOn: a.endsOn ?? null })),
    agreement: { agreedOn: row.agreedOn, method: row.agreementMethod },
    version: row.version,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
  }));
  const followUpRows = await trx
    .selectFrom('planFollowUps')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('heldOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  const followUps: FollowUp[] = followUpRows.map((row) => ({
    id: row.id,
    planVersion: row.planVersion,
    heldOn: row.heldOn,
    progress: row.progress,
    nextFollowUpOn: row.nextFollowUpOn,
  }));
  const current = versions[0];
  if (!current) throw new AppError('internal');
  const settings = await planningSettings(trx, viewer.municipality.id);
  const nextFollowUpOn =
    followUps[0]?.nextFollowUpOn ??
    addMonths(isoDay(new Date(plan.createdAt)), settings.followUpIntervalMonths);
  return {
    id: plan.id,
    personId: plan.personId,
    current,
    versions,
    followUps,
    nextFollowUpOn,
    followUpOverdue: nextFollowUpOn < today,
  };
}

export type FollowUpInput = {
  heldOn?: string | undefined;
  progress: { subGoalId: string; status: SubGoalProgress; comment: string }[];
  nextFollowUpOn?: string | undefined;
};

export async function recordFollowUp(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  planId: string,
  input: FollowUpInput,
  today: string,
): Promise<Plan> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const plan = await loadPlan(trx, viewer, planId, today);
    const heldOn = input.heldOn ?? today;
    const errors: FieldError[] = [];
    const planStart = plan.versions.at(-1)?.createdAt.slice(0, 10) ?? today;
    if (heldOn < planStart)
      errors.push({ pointer: '/heldOn', detail: 'Uppföljningen kan inte vara daterad före planen' });
    if (heldOn > today)
      errors.push({ pointer: '/heldOn', detail: 'Uppföljningen kan inte vara framåt i tiden' });
    const goalIds = new Set(plan.current.subGoals.map((g) => g.id));
    input.progress.forEach((p, i) => {
      if (!goalIds.has(p.subGoalId))
        errors.push({ pointer: `/progress/${i}/subGoalId`, detail: 'Delmålet finns inte i planen' });
    });
    for (const goal of plan.current.subGoals) {
      if (!input.progress.some((p) => p.subGoalId === goal.id))
        errors.push({ pointer: '/progress', detail: `Ange hur det går med delmålet "${goal.outcome}"` });
    }
    const settings = await planningSettings(trx, viewer.municipality.id);
    // The municipality's cadence decides the default next date (setting, default 2 months).
    const nextFollowUpOn = input.nextFollowUpOn ?? addMonths(heldOn, settings.followUpIntervalMonths);
    if (nextFollowUpOn <= heldOn)
      errors.push({ pointer: '/nextFollowUpOn', detail: 'Nästa uppföljning ska vara efter den här' });
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    await trx
      .insertInto('planFollowUps')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        planId,
        planVersion: plan.current.version,
        heldOn,
        progress: JSON.stringify(input.progress),
        nextFollowUpOn,
        createdBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'update', [plan.personId]);
    return loadPlan(trx, viewer, planId, today);
  });
}

export async function planPdf(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  planId: string,
  today: string,
): Promise<Buffer> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const plan = await loadPlan(trx, viewer, planId, today);
    const person = await requireVisiblePerson(trx, viewer, plan.personId);
    const municipality = await trx
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', viewer.municipality.id)
      .executeTakeFirstOrThrow();
    await logAccess(trx, request, 'read', [plan.personId]);
    return renderPlanPdf({
      personName: person.name,
      municipalityName: municipality.name,
      version: plan.current.version,
      createdOn: plan.current.createdAt.slice(0, 10),
      content: plan.current,
      agreedOn: plan.current.agreement.agreedOn,
      agreementMethod: plan.current.agreement.method,
      nextFollowUpOn: plan.nextFollowUpOn,
    });
  });
}

export type MeetingInput = {
  startsAt: string;
  place: string | null;
  homeVisit: boolean;
  participants: (MeetingParticipant & { email: string | null })[];
  purpose: 'followUp' | 'multiParty' | 'other';
  proposal: string | null;
};

export type Meeting = Omit<MeetingInput, 'participants'> & {
  id: string;
  personId: string;
  participants: MeetingParticipant[];
  attendance: 'attended' | 'noShow' | 'cancelled' | null;
  notificationsQueued: number;
};

const SWEDISH_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});

export async function bookMeeting(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: MeetingInput,
  now: Date,
): Promise<Meeting> {
  const startsAt = new Date(input.startsAt);
  const errors: FieldError[] = [];
  if (startsAt.getTime() <= now.getTime())
    errors.push({ pointer: '/startsAt', detail: 'Mötet behöver bokas framåt i tiden' });
  if (!input.homeVisit && !input.place)
    errors.push({ pointer: '/place', detail: 'Ange plats eller att det är ett hembesök' });
  if (input.proposal && input.purpose !== 'multiParty')
    errors.push({
      pointer: '/proposal',
      detail: 'Förslaget om väg framåt presenteras i ett flerpartssamtal',
    });
  if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const id = randomUUID();
    const participants = input.participants.map(({ party, name }) => ({ party, name }));
    await trx
      .insertInto('meetings')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        startsAt,
        place: input.place,
        homeVisit: input.homeVisit,
        participants: JSON.stringify(participants),
        purpose: input.purpose,
        proposal: input.proposal || null,
        createdBy: viewer.id,
      })
      .execute();
    // Invitation now and a reminder the day before, to the person and to each participant
    // with an e-mail address; the transport resolves the person's phone number itself.
    const where = input.homeVisit ? 'hembesök hos dig' : input.place;
    const text = `Möte ${SWEDISH_TIME.format(startsAt)}, ${where}.`;
    const reminderAt = new Date(Math.max(now.getTime(), startsAt.getTime() - 86_400_000));
    const recipients: { channel: 'sms' | 'email'; recipient: string }[] = [
      { channel: 'sms', recipient: `person:${personId}` },
      ...input.participants.flatMap((p) =>
        p.email ? [{ channel: 'email' as const, recipient: p.email }] : [],
      ),
    ];
    const rows = recipients.flatMap(({ channel, recipient }) => [
      { channel, recipient, text: `Inbjudan: ${text}`, sendAfter: now },
      { channel, recipient, text: `Påminnelse: ${text}`, sendAfter: reminderAt },
    ]);
    await trx
      .insertInto('notifications')
      .values(
        rows.map((row) => ({
          municipalityId: viewer.municipality.id,
          id: randomUUID(),
          ...row,
          sentAt: null,
          personId,
          meetingId: id,
        })),
      )
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return {
      id,
      personId,
      startsAt: startsAt.toISOString(),
      place: input.place,
      homeVisit: input.homeVisit,
      participants,
      purpose: input.purpose,
      proposal: input.proposal || null,
      attendance: null,
      notificationsQueued: rows.length,
    };
  });
}

export async function recordAttendance(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  meetingId: string,
  attendance: 'attended' | 'noShow' | 'cancelled',
  now: Date,
): Promise<Meeting> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const meeting = await trx
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', meetingId)
      .executeTakeFirst();
    if (!meeting || !(await describePersons(trx, viewer, [meeting.personId])).has(meeting.personId))
      throw new AppError('not_found', 'Mötet finns inte');
    if (attendance !== 'cancelled' && new Date(meeting.startsAt).getTime() > now.getTime())
      throw new AppError('invalid_input', undefined, [
        { pointer: '/attendance', detail: 'Närvaro kan registreras först när mötet har börjat' },
      ]);
    await trx
      .updateTable('meetings')
      .set({ attendance, updatedAt: now })
      .where('id', '=', meetingId)
      .execute();
    await logAccess(trx, request, 'update', [meeting.personId]);
    return {
      id: meeting.id,
      personId: meeting.personId,
      startsAt: new Date(meeting.startsAt).toISOString(),
      place: meeting.place,
      homeVisit: meeting.homeVisit,
      participants: meeting.participants,
      purpose: meeting.purpose,
      proposal: meeting.proposal,
      attendance,
      notificationsQueued: 0,
    };
  });
}

/** The person's meetings, newest first (the read is logged). */
export async function listMeetings(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<Meeting[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const rows = await trx
      .selectFrom('meetings')
      .selectAll()
      .where('personId', '=', personId)
      .orderBy('startsAt', 'desc')
      .execute();
    await logAccess(trx, request, 'read', [personId]);
    return rows.map((row) => ({
      id: row.id,
      personId: row.personId,
      startsAt: new Date(row.startsAt).toISOString(),
      place: row.place,
      homeVisit: row.homeVisit,
      participants: row.participants,
      purpose: row.purpose,
      proposal: row.proposal,
      attendance: row.attendance,
      notificationsQueued: 0,
    }));
  });
}

/** The person's "ingen plan behövs" records, newest first; the read is access-logged. */
export async function listPlanWaivers(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<{ id: string; reason: string; recordedOn: string; recordedBy: { id: string; name: string } }[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const rows = await trx
      .selectFrom('planWaivers as w')
      .leftJoin('staffUsers as s', (join) =>
        join.onRef('s.municipalityId', '=', 'w.municipalityId').onRef('s.id', '=', 'w.createdBy'),
      )
      .select(['w.id', 'w.reason', 'w.recordedOn', 'w.createdBy', 's.name'])
      .where('w.personId', '=', personId)
      .orderBy('w.recordedOn', 'desc')
      .orderBy('w.createdAt', 'desc')
      .execute();
    await logAccess(trx, request, 'read', [personId]);
    return rows.map((row) => ({
      id: row.id,
      reason: row.reason,
      recordedOn: row.recordedOn,
      recordedBy: { id: row.createdBy, name: row.name ?? '' },
    }));
  });
}

/** "Ingen plan behövs": recorded with its reason instead of a plan. */
export async function recordPlanWaiver(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  reason: string,
  today: string,
): Promise<{ id: string; reason: string; recordedOn: string }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireVisiblePerson(trx, viewer, personId);
    const id = randomUUID();
    await trx
      .insertInto('planWaivers')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        reason,
        recordedOn: today,
        createdBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return { id, reason, recordedOn: today };
  });
}
