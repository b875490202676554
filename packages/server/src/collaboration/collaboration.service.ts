// Samverkan: contacts at partner agencies by role; records of multi-party meetings about a
// person, where every agency taking part needs the person's valid consent covering meetings
// (OSL 26 kap. 1 §, 12 kap. 2 §) — without it the record is refused; and the register of
// överenskommelser with the criteria that make an agreement real, its economic commitments,
// measurable goals and follow-ups, and the list of agreements not followed up in 12 months.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { addMonths } from '../plans/planning-settings.ts';
import { requirePerson, SECRECY_BASIS, validConsent } from '../referrals/consents.service.ts';
import type {
  agreementFollowUpInput,
  agreementInput,
  agreementSchema,
  collaborationMeetingInput,
  collaborationMeetingSchema,
  contactInput,
  contactSchema,
} from './collaboration.schemas.ts';

type Contact = z.infer<typeof contactSchema>;
type CollaborationMeeting = z.infer<typeof collaborationMeetingSchema>;
type Agreement = z.infer<typeof agreementSchema>;
const collator = new Intl.Collator('sv');

async function agencyNames(trx: Kysely<Database>) {
  const rows = await trx.selectFrom('partnerAgencies').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listContacts(
  db: Kysely<Database>,
  viewer: SessionUser,
  agencyId: string,
): Promise<Contact[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    if (!(await agencyNames(trx)).has(agencyId))
      throw new AppError('not_found', 'Samverkansparten finns inte');
    const rows = await trx
      .selectFrom('agencyContacts')
      .select(['id', 'agencyId', 'name', 'role', 'phone', 'email'])
      .where('agencyId', '=', agencyId)
      .execute();
    return rows.sort((a, b) => collator.compare(a.role, b.role) || collator.compare(a.name, b.name));
  });
}

export async function addContact(
  db: Kysely<Database>,
  viewer: SessionUser,
  agencyId: string,
  input: z.infer<typeof contactInput>,
): Promise<Contact> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    if (!(await agencyNames(trx)).has(agencyId))
      throw new AppError('not_found', 'Samverkansparten finns inte');
    return trx
      .insertInto('agencyContacts')
      .values({ municipalityId: viewer.municipality.id, id: randomUUID(), agencyId, ...input })
      .returning(['id', 'agencyId', 'name', 'role', 'phone', 'email'])
      .executeTakeFirstOrThrow();
  });
}

function toMeeting(
  row: Awaited<ReturnType<typeof meetingRows>>[number],
  names: Map<string, string>,
): CollaborationMeeting {
  return {
    id: row.id,
    personId: row.personId,
    heldOn: row.heldOn,
    purpose: row.purpose,
    participants: row.participants,
    agencies: row.agencyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    summary: row.summary,
    agreedActions: row.agreedActions,
  };
}
function meetingRows(trx: Kysely<Database>, personId: string) {
  return trx
    .selectFrom('collaborationMeetings')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('heldOn', 'desc')
    .execute();
}

export async function listCollaborationMeetings(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<CollaborationMeeting[]> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const names = await agencyNames(trx);
    await logAccess(trx, request, 'read', [personId]);
    return (await meetingRows(trx, personId)).map((row) => toMeeting(row, names));
  });
}

export async function recordCollaborationMeeting(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: z.infer<typeof collaborationMeetingInput>,
  today: string,
): Promise<CollaborationMeeting> {
  if (input.heldOn > today)
    throw new AppError('invalid_input', undefined, [
      {
        pointer: '/heldOn',
        detail: 'Ett möte registreras när det har hållits; boka kommande möten i planen',
      },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requirePerson(trx, viewer, personId);
    const names = await agencyNames(trx);
    const errors: FieldError[] = [];
    const agencyIds = [...new Set(input.participants.flatMap((p) => (p.agencyId ? [p.agencyId] : [])))];
    for (const [i, participant] of input.participants.entries()) {
      if (participant.agencyId && !names.has(participant.agencyId))
        errors.push({ pointer: `/participants/${i}/agencyId`, detail: 'Samverkansparten finns inte' });
    }
    // Sharing the person's information with each agency at the table needs valid consent.
    for (const agencyId of agencyIds) {
      if (!names.has(agencyId)) continue;
      if (!(await validConsent(trx, personId, { agencyId }, 'meetings', input.heldOn))) {
        const i = input.participants.findIndex((p) => p.agencyId === agencyId);
        errors.push({
          pointer: `/participants/${i}/agencyId`,
          detail: `Personen har inget giltigt samtycke till samverkansmöten med ${names.get(agencyId)} den ${input.heldOn} (${SECRECY_BASIS})`,
        });
      }
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const id = randomUUID();
    await trx
      .insertInto('collaborationMeetings')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        heldOn: input.heldOn,
        purpose: input.purpose,
        participants: JSON.stringify(input.participants),
        agencyIds: JSON.stringify(agencyIds),
        summary: input.summary,
        agreedActions: JSON.stringify(input.agreedActions),
        recordedBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    const row = (await meetingRows(trx, personId)).find((r) => r.id === id);
    if (!row) throw new AppError('internal');
    return toMeeting(row, names);
  });
}

async function loadAgreements(trx: Kysely<Database>, today: string, id?: string): Promise<Agreement[]> {
  let query = trx.selectFrom('agreements').selectAll();
  if (id) query = query.where('id', '=', id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const followUps = await trx
    .selectFrom('agreementFollowUps')
    .selectAll()
    .where(
      'agreementId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('followedUpOn', 'desc')
    .execute();
  const names = await agencyNames(trx);
  const yearAgo = addMonths(today, -12);
  return rows
    .map((row) => {
      const own = followUps.filter((f) => f.agreementId === row.id);
      const last = own[0]?.followedUpOn ?? null;
      const current = row.validFrom <= today && (row.validTo === null || row.validTo >= today);
      return {
        id: row.id,
        title: row.title,
        parties: row.partyAgencyIds.map((p) => ({ id: p, name: names.get(p) ?? '' })),
        decidedBy: row.decidedBy,
        decidedOn: row.decidedOn,
        validFrom: row.validFrom,
        validTo: row.validTo,
        purpose: row.purpose,
        targetGroup: row.targetGroup,
        procedure: row.procedure,
        responsibilities: row.responsibilities,
        reviewOn: row.reviewOn,
        economicCommitments: row.economicCommitments,
        goals: row.goals,
        current,
        reviewOverdue: current && row.reviewOn < today,
        lastFollowedUpOn: last,
        // A current agreement in force for a year or more without a follow-up in the last 12 months.
        notFollowedUpIn12Months: current && row.validFrom <= yearAgo && (last === null || last < yearAgo),
        followUps: own.map((f) => ({
          id: f.id,
          followedUpOn: f.followedUpOn,
          summary: f.summary,
          goalResults: f.goalResults,
        })),
      };
    })
    .sort((a, b) => collator.compare(a.title, b.title));
}

export async function listAgreements(
  db: Kysely<Database>,
  viewer: SessionUser,
  query: { notFollowedUp: boolean },
  today: string,
): Promise<Agreement[]> {
  return inTenant(db, viewer.municipality.id, async (trx) =>
    (await loadAgreements(trx, today)).filter((a) => !query.notFollowedUp || a.notFollowedUpIn12Months),
  );
}

export async function createAgreement(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: z.infer<typeof agreementInput>,
  today: string,
): Promise<Agreement> {
  const errors: FieldError[] = [];
  if (input.decidedOn > today)
    errors.push({ pointer: '/decidedOn', detail: 'Beslutet kan inte vara fattat i framtiden' });
  if (input.validTo !== null && input.validTo < input.validFrom)
    errors.push({ pointer: '/validTo', detail: 'Överenskommelsen kan inte upphöra innan den börjar gälla' });
  if (input.reviewOn < input.validFrom)
    errors.push({
      pointer: '/reviewOn',
      detail: 'Revideringsdatum ska vara efter att överenskommelsen börjar gälla',
    });
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const names = await agencyNames(trx);
    input.partyAgencyIds.forEach((id, i) => {
      if (!names.has(id))
        errors.push({ pointer: `/partyAgencyIds/${i}`, detail: 'Samverkansparten finns inte' });
    });
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const id = randomUUID();
    await trx
      .insertInto('agreements')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        ...input,
        partyAgencyIds: JSON.stringify([...new Set(input.partyAgencyIds)]),
        responsibilities: JSON.stringify(input.responsibilities),
        goals: JSON.stringify(input.goals),
        createdBy: viewer.id,
      })
      .execute();
    const [agreement] = await loadAgreements(trx, today, id);
    if (!agreement) throw new AppError('internal');
    return agreement;
  });
}

export async function followUpAgreement(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  input: z.infer<typeof agreementFollowUpInput>,
  today: string,
): Promise<Agreement> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const [agreement] = await loadAgreements(trx, today, id);
    if (!agreement) throw new AppError('not_found', 'Överenskommelsen finns inte');
    if (input.followedUpOn > today || input.followedUpOn < agreement.validFrom)
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/followedUpOn',
          detail: `Uppföljningen ska vara daterad mellan ${agreement.validFrom} och i dag`,
        },
      ]);
    await trx
      .insertInto('agreementFollowUps')
      .values({
        municipalityId: viewer.municipality.id,
        id: randomUUID(),
        agreementId: id,
        followedUpOn: input.followedUpOn,
        summary: input.summary,
        goalResults: JSON.stringify(input.goalResults),
        createdBy: viewer.id,
      })
      .execute();
    const [updated] = await loadAgreements(trx, today, id);
    if (!updated) throw new AppError('internal');
    return updated;
  });
}
