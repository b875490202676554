// The citizen e-service: a person signed in with e-legitimation sees and acts only on their own
// household. Applications are drafts kept on the server until submitted; submission creates the
// errand in the caseworker's queue with the answers as the calculation's incomes and costs, so
// nobody retypes them. Every read of the household's data is written to the access log with the
// citizen as the actor.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { AccessAction } from '../access-log/access-log.table.ts';
import type { CitizenPrincipal, SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { ErrandState } from '../errands/errands.schemas.ts';
import { transitionErrand, withErrand } from '../errands/errands.service.ts';
import { membershipsInMonth, swedishDate } from '../households/households.service.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import type { AttachmentType } from '../investigation/investigation.service.ts';
import { renderPlanPdf } from '../plans/plan-pdf.ts';
import { addMonths, isoDay, planningSettings } from '../plans/planning-settings.ts';
import type { Answers, CitizenStatus } from './citizen.schemas.ts';
import type { Notifier } from './notifier.ts';

/** The demo citizen `npm start` creates (see demo-citizen.ts), listed first by the local IdP. */
export const DEMO_CITIZEN_PERSONNUMMER = '198804129263';

const monthName = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function monthLabel(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}
const iso = (d: Date | string) => new Date(d).toISOString();

export type CitizenHousehold = { householdId: string; unitId: string; role: 'applicant' | 'partner' };

/** The household the person is an adult member of today (sökande or make/sambo), if any. */
export async function citizenHouseholdOf(
  trx: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<CitizenHousehold | null> {
  const today = swedishDate(now);
  const row = await trx
    .selectFrom('householdMembers as m')
    .innerJoin('households as h', (j) =>
      j.onRef('h.municipalityId', '=', 'm.municipalityId').onRef('h.id', '=', 'm.householdId'),
    )
    .select(['m.householdId', 'h.unitId', 'm.role'])
    .where('m.personId', '=', personId)
    .where('m.role', 'in', ['applicant', 'partner'])
    .where('m.validFrom', '<=', today)
    .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>=', today)]))
    .orderBy('m.validFrom', 'desc')
    .executeTakeFirst();
  if (!row || row.role === 'child') return null;
  return { householdId: row.householdId, unitId: row.unitId, role: row.role };
}

/**
 * The local identity provider's suggestions: the adults of a few Älvstad households (unit Norr,
 * those with errands first, no protected identity): two households with two adults (the
 * applicant, then the make/maka/sambo) and two with one, so both a joint and a single
 * application can be tried.
 */
export async function demoCitizens(db: Kysely<Database>): Promise<{ personnummer: string; label: string }[]> {
  return inTenant(db, 'alvstad', async (trx) => {
    const applicants = await trx
      .selectFrom('persons as p')
      .innerJoin('householdMembers as m', (j) =>
        j.onRef('m.municipalityId', '=', 'p.municipalityId').onRef('m.personId', '=', 'p.id'),
      )
      .select(['m.householdId', 'p.personalIdentityNumber'])
      .where('m.role', '=', 'applicant')
      .where('m.validTo', 'is', null)
      .where('p.unitId', '=', 'eb-norr')
      .where('p.protectedRegistration', '=', false)
      .where('p.confidentialityMarking', '=', false)
      // The demo citizen of `npm start` (seedDemoCitizen) first, then by personnummer.
      .orderBy((eb) =>
        eb.case().when('p.personalIdentityNumber', '=', DEMO_CITIZEN_PERSONNUMMER).then(0).else(1).end(),
      )
      // Households with errands first: there is more to see.
      .orderBy((eb) =>
        eb
          .case()
          .when(
            eb.exists(
              eb
                .selectFrom('errands as e')
                .select('e.id')
                .whereRef('e.householdId', '=', 'm.householdId')
                .whereRef('e.municipalityId', '=', 'm.municipalityId'),
            ),
          )
          .then(0)
          .else(1)
          .end(),
      )
      .orderBy('p.personalIdentityNumber')
      .limit(40)
      .execute();
    if (applicants.length === 0) return [];
    const adults = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select([
        'm.householdId',
        'm.role',
        'p.personalIdentityNumber',
        'p.firstName',
        'p.lastName',
        'p.protectedRegistration',
        'p.confidentialityMarking',
        'p.fictitiousIdentity',
      ])
      .where(
        'm.householdId',
        'in',
        applicants.map((a) => a.householdId),
      )
      .where('m.role', 'in', ['applicant', 'partner'])
      .where('m.validTo', 'is', null)
      .execute();
    const withPartner = (householdId: string) =>
      adults.some((a) => a.householdId === householdId && a.role === 'partner');
    // A household where any adult has a protected identity is never offered.
    const open = applicants.filter(
      (a) =>
        !adults.some(
          (x) =>
            x.householdId === a.householdId &&
            (x.protectedRegistration || x.confidentialityMarking || x.fictitiousIdentity),
        ),
    );
    const chosen = [
      ...open.filter((a) => withPartner(a.householdId)).slice(0, 2),
      ...open.filter((a) => !withPartner(a.householdId)).slice(0, 2),
    ];
    // The demo citizen of `npm start`, when there, stays first.
    const demo = applicants.find((a) => a.personalIdentityNumber === DEMO_CITIZEN_PERSONNUMMER);
    const ordered = demo ? [demo, ...chosen.filter((a) => a !== demo)] : chosen;
    return ordered.flatMap(({ householdId }) => {
      const inHousehold = adults.filter((a) => a.householdId === householdId);
      const applicant = inHousehold.find((a) => a.role === 'applicant');
      const partner = inHousehold.find((a) => a.role === 'partner');
      if (!applicant) return [];
      const name = (a: typeof applicant) => `${a.firstName} ${a.lastName}`;
      return [
        {
          personnummer: applicant.personalIdentityNumber,
          label: partner ? `${name(applicant)} – sökande` : `${name(applicant)} – sökande, ensam vuxen`,
        },
        ...(partner
          ? [
              {
                personnummer: partner.personalIdentityNumber,
                label: `${name(partner)} – make/maka/sambo till ${applicant.firstName}`,
              },
            ]
          : []),
      ];
    });
  });
}

/** The citizen's own reads and writes, logged like staff ones but with the citizen as actor. */
export async function logCitizenAccess(
  trx: Kysely<Database>,
  request: FastifyRequest,
  citizen: CitizenPrincipal,
  action: AccessAction,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  await trx
    .insertInto('accessLog')
    .values(
      personIds.map((personId) => ({
        municipalityId: citizen.municipality.id,
        userId: null,
        citizenPersonId: citizen.personId,
        personId,
        action,
        route,
        requestId: request.id,
        actor: 'citizen' as const,
      })),
    )
    .execute();
}

type Scope = {
  trx: Kysely<Database>;
  citizen: CitizenPrincipal;
  household: CitizenHousehold;
  memberIds: string[];
};

/** Runs `work` in the citizen's tenant on their current household; no household → 403. */
export async function withCitizen<T>(
  db: Kysely<Database>,
  request: FastifyRequest,
  now: Date,
  work: (scope: Scope) => Promise<T>,
): Promise<T> {
  const citizen = request.session?.citizen;
  if (!citizen) throw new AppError('unauthenticated');
  return inTenant(db, citizen.municipality.id, async (trx) => {
    const household = await citizenHouseholdOf(trx, citizen.personId, now);
    if (!household) throw new AppError('forbidden', 'Du är inte längre med i något hushåll hos kommunen');
    const members = await membershipsInMonth(trx, household.householdId, swedishDate(now).slice(0, 7));
    return work({ trx, citizen, household, memberIds: members.map((m) => m.personId) });
  });
}

function citizenStatus(state: ErrandState, openRequests: number): CitizenStatus {
  switch (state) {
    case 'received':
      return 'received';
    case 'awaitingCompletion':
      return openRequests > 0 ? 'needsCompletion' : 'underReview';
    case 'underInvestigation':
    case 'readyForDecision':
      return 'underReview';
    case 'decided':
    case 'closed':
      return 'decided';
    case 'paid':
      return 'paid';
  }
}

function nextMonthOf(now: Date): string {
  const [y, m] = swedishDate(now).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

async function householdErrands(trx: Kysely<Database>, householdId: string) {
  const errands = await trx
    .selectFrom('errands')
    .select(['id', 'type', 'month', 'state', 'receivedAt'])
    .where('householdId', '=', householdId)
    .orderBy('month', 'desc')
    .orderBy('receivedAt', 'desc')
    .execute();
  const open = await trx
    .selectFrom('completionRequests')
    .select(['errandId'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'errandId',
      'in',
      errands.length > 0 ? errands.map((e) => e.id) : ['00000000-0000-4000-8000-000000000000'],
    )
    .where('answeredAt', 'is', null)
    .groupBy('errandId')
    .execute();
  const openBy = new Map(open.map((o) => [o.errandId, Number(o.n)]));
  return errands.map((e) => ({
    id: e.id,
    type: e.type,
    month: e.month,
    status: citizenStatus(e.state, openBy.get(e.id) ?? 0),
    receivedAt: iso(e.receivedAt),
    openCompletionRequests: openBy.get(e.id) ?? 0,
  }));
}

export async function overview(db: Kysely<Database>, request: FastifyRequest, now: Date) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const people = await trx
      .selectFrom('persons')
      .select([
        'id',
        'firstName',
        'lastName',
        'protectedRegistration',
        'fictitiousIdentity',
        'responsibleUserId',
      ])
      .where('id', 'in', memberIds.length > 0 ? memberIds : [citizen.personId])
      .execute();
    const members = await membershipsInMonth(trx, household.householdId, swedishDate(now).slice(0, 7));
    const self = people.find((p) => p.id === citizen.personId);
    const applicant = people.find((p) => members.some((m) => m.personId === p.id && m.role === 'applicant'));
    const responsible = applicant?.responsibleUserId ?? self?.responsibleUserId ?? null;
    const contact = responsible
      ? await trx
          .selectFrom('staffUsers as s')
          .leftJoin('units as u', (j) =>
            j.onRef('u.municipalityId', '=', 's.municipalityId').onRef('u.id', '=', 's.unitId'),
          )
          .select(['s.name', 'u.name as unit'])
          .where('s.id', '=', responsible)
          .executeTakeFirst()
      : undefined;
    const drafts = await trx
      .selectFrom('citizenApplications')
      .select(['id', 'type', 'month', 'updatedAt', 'personId', 'partnerConfirmedAt'])
      .where('householdId', '=', household.householdId)
      .where('status', '=', 'draft')
      .orderBy('month', 'desc')
      .execute();
    await logCitizenAccess(trx, request, citizen, 'read', memberIds);
    const order = { applicant: 0, partner: 1, child: 2 } as const;
    return {
      person: { id: citizen.personId, name: self ? `${self.firstName} ${self.lastName}` : '' },
      municipality: citizen.municipality,
      household: {
        id: household.householdId,
        members: members
          .toSorted((a, b) => order[a.role] - order[b.role])
          .map((m) => {
            const p = people.find((x) => x.id === m.personId);
            // Skyddad folkbokföring (FBL 16 §) or fingerade personuppgifter: the name is not shown
            // to the rest of the household in the e-service.
            const hidden =
              !!p && m.personId !== citizen.personId && (p.protectedRegistration || p.fictitiousIdentity);
            return {
              personId: m.personId,
              name: !p || hidden ? 'Person med skyddad identitet' : `${p.firstName} ${p.lastName}`,
              role: m.role,
              protectedIdentity: hidden,
            };
          }),
      },
      contact: contact ? { name: contact.name, unit: contact.unit ?? '' } : null,
      errands: await householdErrands(trx, household.householdId),
      drafts: drafts.map((d) => {
        const creator = people.find((p) => p.id === d.personId);
        const hidden =
          !!creator &&
          d.personId !== citizen.personId &&
          (creator.protectedRegistration || creator.fictitiousIdentity);
        return {
          id: d.id,
          type: d.type,
          month: d.month,
          updatedAt: iso(d.updatedAt),
          createdBy: {
            personId: d.personId,
            name: !creator || hidden ? HIDDEN_NAME : `${creator.firstName} ${creator.lastName}`,
          },
          partnerConfirmedAt: d.partnerConfirmedAt ? iso(d.partnerConfirmedAt) : null,
          awaitsMyConfirmation: d.personId !== citizen.personId && d.partnerConfirmedAt === null,
        };
      }),
      thisMonth: swedishDate(now).slice(0, 7),
      nextMonth: nextMonthOf(now),
    };
  });
}

async function filesOf(trx: Kysely<Database>, applicationId: string) {
  const rows = await trx
    .selectFrom('citizenApplicationFiles')
    .select(['id', 'fileName', 'contentType', 'sizeBytes', 'uploadedAt'])
    .where('applicationId', '=', applicationId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, uploadedAt: iso(r.uploadedAt) }));
}

async function loadApplication(trx: Kysely<Database>, householdId: string, id: string, lock = false) {
  const query = trx
    .selectFrom('citizenApplications')
    .selectAll()
    .where('id', '=', id)
    .where('householdId', '=', householdId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Ansökan finns inte');
  return row;
}

/** Skyddad folkbokföring or fingerade personuppgifter: not named to the rest of the household. */
const HIDDEN_NAME = 'Person med skyddad identitet';

async function adultsOf(trx: Kysely<Database>, householdId: string, month: string, viewerId: string) {
  const members = (await membershipsInMonth(trx, householdId, month)).filter((m) => m.role !== 'child');
  if (members.length === 0) return [];
  const people = await trx
    .selectFrom('persons')
    .select(['id', 'firstName', 'lastName', 'protectedRegistration', 'fictitiousIdentity'])
    .where(
      'id',
      'in',
      members.map((m) => m.personId),
    )
    .execute();
  return people.map((p) => ({
    personId: p.id,
    name:
      p.id !== viewerId && (p.protectedRegistration || p.fictitiousIdentity)
        ? HIDDEN_NAME
        : `${p.firstName} ${p.lastName}`,
  }));
}

async function applicationView(
  trx: Kysely<Database>,
  row: Awaited<ReturnType<typeof loadApplication>>,
  viewerId: string,
) {
  const adults = await adultsOf(trx, row.householdId, row.month, viewerId);
  const creator = adults.find((a) => a.personId === row.personId) ?? { personId: row.personId, name: '' };
  return {
    id: row.id,
    createdBy: creator,
    otherAdult: adults.find((a) => a.personId !== row.personId) ?? null,
    partnerConfirmedAt: row.partnerConfirmedAt ? iso(row.partnerConfirmedAt) : null,
    type: row.type,
    month: row.month,
    status: row.status,
    answers: (row.answers ?? {}) as Answers,
    files: await filesOf(trx, row.id),
    errandId: row.errandId,
    submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
    updatedAt: iso(row.updatedAt),
  };
}

const ERRAND_DONE: readonly ErrandState[] = ['decided', 'paid', 'closed'];

/** 409 when the household already has an application (an errand) for the month. */
async function refuseExistingErrand(trx: Kysely<Database>, householdId: string, month: string) {
  const existing = await trx
    .selectFrom('errands')
    .select(['id', 'state'])
    .where('householdId', '=', householdId)
    .where('month', '=', month)
    .where('type', '<>', 'supplementaryApplication')
    .executeTakeFirst();
  if (!existing) return;
  if (ERRAND_DONE.includes(existing.state)) {
    throw new AppError(
      'conflict',
      `Det finns redan ett beslut om ${monthLabel(month)}. Behöver du mer pengar för ${monthLabel(month)}, kontakta din handläggare.`,
      [{ pointer: '/month', detail: `${monthLabel(month)} är redan beslutad` }],
    );
  }
  throw new AppError(
    'conflict',
    `Ni har redan skickat in en ansökan för ${monthLabel(month)}. Den handläggs nu, du behöver inte skicka in den igen.`,
    [{ pointer: '/month', detail: `Det finns redan en ansökan för ${monthLabel(month)}` }],
  );
}

/** Starts the month's application, or resumes the household's draft for it. */
export async function startApplication(
  db: Kysely<Database>,
  request: FastifyRequest,
  month: string,
  now: Date,
): Promise<{ created: boolean; application: Awaited<ReturnType<typeof applicationView>> }> {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const thisMonth = swedishDate(now).slice(0, 7);
    if (month < thisMonth || month > nextMonthOf(now)) {
      throw new AppError('invalid_input', undefined, [
        {
          pointer: '/month',
          detail: `Du kan söka för ${monthLabel(thisMonth)} eller ${monthLabel(nextMonthOf(now))}`,
        },
      ]);
    }
    const existing = await trx
      .selectFrom('citizenApplications')
      .select('id')
      .where('householdId', '=', household.householdId)
      .where('month', '=', month)
      .executeTakeFirst();
    if (existing) {
      const row = await loadApplication(trx, household.householdId, existing.id);
      if (row.status === 'submitted') {
        throw new AppError(
          'conflict',
          `Ni har redan skickat in en ansökan för ${monthLabel(month)}. Den handläggs nu, du behöver inte skicka in den igen.`,
          [{ pointer: '/month', detail: `Det finns redan en ansökan för ${monthLabel(month)}` }],
        );
      }
      await logCitizenAccess(trx, request, citizen, 'read', memberIds);
      return { created: false, application: await applicationView(trx, row, citizen.personId) };
    }
    await refuseExistingErrand(trx, household.householdId, month);
    // Återansökan: last month's incomes and costs are filled in, to be checked and changed.
    const previous = await trx
      .selectFrom('errands')
      .select('id')
      .where('householdId', '=', household.householdId)
      .where('month', '<', month)
      .where('type', '<>', 'supplementaryApplication')
      .orderBy('month', 'desc')
      .executeTakeFirst();
    const answers: Answers = { incomes: [], costs: [] };
    if (previous) {
      const items = await trx
        .selectFrom('errandItems')
        .select(['kind', 'type', 'subtype', 'personId', 'amount'])
        .where('errandId', '=', previous.id)
        .where('kind', 'in', ['income', 'cost'])
        .orderBy('createdAt')
        .execute();
      answers.incomes = items
        .filter((i) => i.kind === 'income')
        .map((i) => ({ type: i.type as never, personId: i.personId, amount: i.amount }));
      answers.costs = items
        .filter((i) => i.kind === 'cost')
        .map((i) => ({ type: i.type as never, subtype: (i.subtype ?? null) as never, amount: i.amount }));
    }
    const id = randomUUID();
    await trx
      .insertInto('citizenApplications')
      .values({
        municipalityId: citizen.municipality.id,
        id,
        householdId: household.householdId,
        personId: citizen.personId,
        type: previous ? 'renewalApplication' : 'newApplication',
        month,
        answers: JSON.stringify(answers),
        errandId: null,
        partnerId: null,
        partnerConfirmedAt: null,
        submittedAt: null,
      })
      .execute();
    await logCitizenAccess(trx, request, citizen, 'create', memberIds);
    return {
      created: true,
      application: await applicationView(
        trx,
        await loadApplication(trx, household.householdId, id),
        citizen.personId,
      ),
    };
  });
}

export async function getApplication(db: Kysely<Database>, request: FastifyRequest, id: string, now: Date) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id);
    await logCitizenAccess(trx, request, citizen, 'read', memberIds);
    return applicationView(trx, row, citizen.personId);
  });
}

/** JSON with object keys sorted, to compare answers whatever order the database keeps them in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function requireDraft(row: { status: string; submittedAt: Date | null; month: string }) {
  if (row.status !== 'draft') {
    throw new AppError(
      'conflict',
      `Ansökan för ${monthLabel(row.month)} är redan inskickad${row.submittedAt ? ` (${swedishDate(new Date(row.submittedAt))})` : ''}. Den finns hos din handläggare; du behöver inte skicka den igen.`,
    );
  }
}

export async function saveApplication(
  db: Kysely<Database>,
  request: FastifyRequest,
  id: string,
  answers: Answers,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id, true);
    requireDraft(row);
    const badPerson = (answers.incomes ?? []).findIndex(
      (i) => i.personId !== null && !memberIds.includes(i.personId),
    );
    if (badPerson >= 0) {
      throw new AppError('invalid_input', undefined, [
        { pointer: `/answers/incomes/${badPerson}/personId`, detail: 'Personen bor inte i hushållet' },
      ]);
    }
    // A confirmation covers the answers as they were: a change needs a new one.
    const changed = stableJson(row.answers ?? {}) !== stableJson(answers);
    await trx
      .updateTable('citizenApplications')
      .set({
        answers: JSON.stringify(answers),
        updatedAt: now,
        ...(changed ? { partnerId: null, partnerConfirmedAt: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
    return applicationView(trx, await loadApplication(trx, household.householdId, id), citizen.personId);
  });
}

export type UploadedFile = { fileName: string; contentType: AttachmentType; content: Buffer };

const MAX_FILES_PER_APPLICATION = 20;

export async function addApplicationFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  id: string,
  file: UploadedFile,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id, true);
    requireDraft(row);
    const files = await filesOf(trx, id);
    if (files.length >= MAX_FILES_PER_APPLICATION) {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/file', detail: `Högst ${MAX_FILES_PER_APPLICATION} filer per ansökan` },
      ]);
    }
    const fileId = randomUUID();
    await trx
      .insertInto('citizenApplicationFiles')
      .values({
        municipalityId: citizen.municipality.id,
        id: fileId,
        applicationId: id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.content.byteLength,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
      })
      .execute();
    await trx.updateTable('citizenApplications').set({ updatedAt: now }).where('id', '=', id).execute();
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
    return (await filesOf(trx, id)).find((f) => f.id === fileId) as Awaited<
      ReturnType<typeof filesOf>
    >[number];
  });
}

export async function deleteApplicationFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  id: string,
  fileId: string,
  now: Date,
): Promise<void> {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id, true);
    requireDraft(row);
    const deleted = await trx
      .deleteFrom('citizenApplicationFiles')
      .where('applicationId', '=', id)
      .where('id', '=', fileId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new AppError('not_found', 'Filen finns inte');
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
  });
}

/** Digits with spaces, hyphens, parentheses or a leading +; 7 to 15 digits (E.164 at most 15). */
function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return /^\+?[\d\s()-]+$/.test(text.trim()) && digits.length >= 7 && digits.length <= 15;
}

function validateForSubmission(answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  if (!answers.phone?.trim() && !answers.email?.trim()) {
    errors.push({
      pointer: '/answers/phone',
      detail: 'Skriv ett telefonnummer eller en e-postadress så att vi kan nå dig',
    });
  }
  if (answers.phone?.trim() && !isPhoneNumber(answers.phone)) {
    errors.push({
      pointer: '/answers/phone',
      detail: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67',
    });
  }
  if (answers.email?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answers.email.trim())) {
    errors.push({ pointer: '/answers/email', detail: 'Skriv e-postadressen som namn@exempel.se' });
  }
  if (answers.householdCorrect === null || answers.householdCorrect === undefined) {
    errors.push({ pointer: '/answers/householdCorrect', detail: 'Svara om hushållet stämmer' });
  }
  if (answers.householdCorrect === false && !answers.householdChanges?.trim()) {
    errors.push({ pointer: '/answers/householdChanges', detail: 'Skriv vad som har ändrats i hushållet' });
  }
  (answers.costs ?? []).forEach((c, i) => {
    if (c.type === 'otherLivingCost' && !c.subtype) {
      errors.push({ pointer: `/answers/costs/${i}/subtype`, detail: 'Välj vilken sorts kostnad' });
    }
  });
  return errors;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * Submits the draft: one errand in the caseworker's queue, its incomes and costs taken from the
 * answers and its files as attachments. A second submission of the same draft, or one for a
 * month that already has an application, is refused with a clear message; nothing is doubled.
 */
export async function submitApplication(
  db: Kysely<Database>,
  request: FastifyRequest,
  id: string,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id, true);
    requireDraft(row);
    if (row.month < swedishDate(now).slice(0, 7)) {
      throw new AppError(
        'conflict',
        `Ansökan gällde ${monthLabel(row.month)}, som har passerat. Börja en ny ansökan för den månad du behöver hjälp med, eller kontakta din handläggare.`,
      );
    }
    const adults = await adultsOf(trx, household.householdId, row.month, citizen.personId);
    const creator = adults.find((a) => a.personId === row.personId);
    const other = adults.find((a) => a.personId !== row.personId);
    if (row.personId !== citizen.personId) {
      throw new AppError(
        'conflict',
        `Det är ${creator?.name ?? 'den som började ansökan'} som skickar in ansökan. Du bekräftar den på sidan Kontrollera och skicka.`,
      );
    }
    const answers = (row.answers ?? {}) as Answers;
    const errors = validateForSubmission(answers);
    if (errors.length > 0)
      throw new AppError('invalid_input', 'Några uppgifter saknas innan du kan skicka in', errors);
    // Makar och sambor ansöker tillsammans: the other adult confirms the answers first.
    if (other && (row.partnerId !== other.personId || row.partnerConfirmedAt === null)) {
      throw new AppError(
        'conflict',
        `Ni ansöker tillsammans. ${other.name} behöver logga in och bekräfta ansökan innan du kan skicka den.`,
      );
    }
    await refuseExistingErrand(trx, household.householdId, row.month);
    const members = await membershipsInMonth(trx, household.householdId, row.month);
    if (!members.some((m) => m.role === 'applicant')) {
      throw new AppError(
        'conflict',
        `Hushållet har ingen sökande under ${monthLabel(row.month)}. Kontakta din handläggare.`,
      );
    }
    const municipalityId = citizen.municipality.id;
    const errandId = randomUUID();
    const notes = [
      answers.householdCorrect === false ? `Ändringar i hushållet: ${answers.householdChanges ?? ''}` : null,
      answers.otherInformation?.trim() ? `Övrigt: ${answers.otherInformation.trim()}` : null,
      `Kontakt: ${[answers.phone, answers.email].filter(Boolean).join(', ')}`,
    ].filter(Boolean);
    try {
      await trx
        .insertInto('errands')
        .values({
          municipalityId,
          id: errandId,
          householdId: household.householdId,
          unitId: household.unitId,
          type: row.type,
          month: row.month,
          source: 'eService',
          requestedNote: `Ansökan via e-tjänsten. ${notes.join(' ')}`.slice(0, 2000),
          receivedAt: now,
          createdBy: null,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) await refuseExistingErrand(trx, household.householdId, row.month);
      throw error;
    }
    await trx
      .insertInto('errandTransitions')
      .values({
        municipalityId,
        errandId,
        fromState: null,
        toState: 'received',
        userId: null,
        note: 'Inkommen via e-tjänsten',
      })
      .execute();
    const validPerson = (personId: string | null) =>
      personId && members.some((m) => m.personId === personId) ? personId : null;
    const items = [
      ...(answers.incomes ?? []).map((i) => ({
        kind: 'income' as const,
        type: i.type as string,
        subtype: null,
        personId: validPerson(i.personId),
        amount: i.amount,
      })),
      ...(answers.costs ?? []).map((c) => ({
        kind: 'cost' as const,
        type: c.type as string,
        subtype: c.type === 'otherLivingCost' ? c.subtype : null,
        personId: null,
        amount: c.amount,
      })),
    ];
    if (items.length > 0) {
      await trx
        .insertInto('errandItems')
        .values(
          items.map((item) => ({
            municipalityId,
            id: randomUUID(),
            errandId,
            ...item,
            note: 'Uppgift från e-tjänsten',
            attachmentId: null,
            createdBy: null,
          })),
        )
        .execute();
    }
    const files = await trx
      .selectFrom('citizenApplicationFiles')
      .selectAll()
      .where('applicationId', '=', id)
      .orderBy('uploadedAt')
      .execute();
    if (files.length > 0) {
      await trx
        .insertInto('attachments')
        .values(
          files.map((f) => ({
            municipalityId,
            id: randomUUID(),
            errandId,
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            content: f.content,
            uploadedBy: null,
            uploadedByPerson: citizen.personId,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('citizenApplications')
      .set({ status: 'submitted', errandId, submittedAt: now, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await logCitizenAccess(trx, request, citizen, 'create', memberIds);
    return applicationView(trx, await loadApplication(trx, household.householdId, id), citizen.personId);
  });
}

/** The other adult of a joint application confirms the answers as they are now. */
export async function confirmApplication(
  db: Kysely<Database>,
  request: FastifyRequest,
  id: string,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await loadApplication(trx, household.householdId, id, true);
    requireDraft(row);
    if (row.personId === citizen.personId) {
      throw new AppError(
        'conflict',
        'Du har själv börjat ansökan. Det är den andra vuxna i hushållet som bekräftar den.',
      );
    }
    const adults = await adultsOf(trx, household.householdId, row.month, citizen.personId);
    if (!adults.some((a) => a.personId === citizen.personId)) {
      throw new AppError('forbidden', `Du bor inte i hushållet under ${monthLabel(row.month)}`);
    }
    await trx
      .updateTable('citizenApplications')
      .set({ partnerId: citizen.personId, partnerConfirmedAt: now })
      .where('id', '=', id)
      .execute();
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
    return applicationView(trx, await loadApplication(trx, household.householdId, id), citizen.personId);
  });
}

async function errandOfHousehold(trx: Kysely<Database>, householdId: string, errandId: string, lock = false) {
  const query = trx
    .selectFrom('errands')
    .select(['id', 'type', 'month', 'state', 'receivedAt', 'householdId'])
    .where('id', '=', errandId)
    .where('householdId', '=', householdId);
  const errand = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!errand) throw new AppError('not_found', 'Ärendet finns inte');
  return errand;
}

async function attachmentsOf(trx: Kysely<Database>, errandId: string) {
  const rows = await trx
    .selectFrom('attachments')
    .select(['id', 'fileName', 'contentType', 'sizeBytes', 'uploadedAt', 'completionRequestId'])
    .where('errandId', '=', errandId)
    .where('uploadedByPerson', 'is not', null)
    .orderBy('uploadedAt')
    .execute();
  return rows.map((r) => ({ ...r, uploadedAt: iso(r.uploadedAt) }));
}

export async function listCompletionRequests(trx: Kysely<Database>, errandId: string) {
  const requests = await trx
    .selectFrom('completionRequests')
    .selectAll()
    .where('errandId', '=', errandId)
    .orderBy('requestedAt')
    .execute();
  const files = await attachmentsOf(trx, errandId);
  return requests.map((r) => ({
    id: r.id,
    documents: r.documents,
    dueOn: r.dueOn,
    requestedAt: iso(r.requestedAt),
    answeredAt: r.answeredAt ? iso(r.answeredAt) : null,
    requestedBy: r.requestedBy,
    files: files.filter((f) => f.completionRequestId === r.id).map(({ completionRequestId: _, ...f }) => f),
  }));
}

export async function citizenErrand(
  db: Kysely<Database>,
  request: FastifyRequest,
  errandId: string,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const errand = await errandOfHousehold(trx, household.householdId, errandId);
    const requests = (await listCompletionRequests(trx, errandId)).map(({ requestedBy: _, ...r }) => r);
    const open = requests.filter((r) => r.answeredAt === null).length;
    const decisions = await trx
      .selectFrom('decisions')
      .select(['id', 'decidedAt', 'grantedTotal', 'letterSha256'])
      .where('errandId', '=', errandId)
      .orderBy('decidedAt')
      .execute();
    const items = decisions.length
      ? await trx
          .selectFrom('decisionItems')
          .select(['decisionId', 'description', 'requested', 'granted', 'outcome', 'reasons', 'legalBasis'])
          .where(
            'decisionId',
            'in',
            decisions.map((d) => d.id),
          )
          .orderBy('itemNo')
          .execute()
      : [];
    await logCitizenAccess(trx, request, citizen, 'read', memberIds);
    return {
      id: errand.id,
      type: errand.type,
      month: errand.month,
      status: citizenStatus(errand.state, open),
      receivedAt: iso(errand.receivedAt),
      openCompletionRequests: open,
      completionRequests: requests,
      decisions: decisions.map((d) => ({
        id: d.id,
        decidedAt: iso(d.decidedAt),
        grantedTotal: d.grantedTotal,
        items: items.filter((i) => i.decisionId === d.id).map(({ decisionId: _, ...i }) => i),
        hasLetter: d.letterSha256 !== null,
      })),
      files: (await attachmentsOf(trx, errandId)).map(({ completionRequestId: _, ...f }) => f),
    };
  });
}

export async function addCompletionFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  errandId: string,
  requestId: string,
  file: UploadedFile,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    await errandOfHousehold(trx, household.householdId, errandId, true);
    const completion = await trx
      .selectFrom('completionRequests')
      .select(['id', 'answeredAt'])
      .where('errandId', '=', errandId)
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!completion) throw new AppError('not_found', 'Begäran om komplettering finns inte');
    if (completion.answeredAt)
      throw new AppError(
        'conflict',
        'Du har redan skickat in kompletteringen. Har du fler handlingar, skicka ett meddelande till din handläggare.',
      );
    const id = randomUUID();
    await trx
      .insertInto('attachments')
      .values({
        municipalityId: citizen.municipality.id,
        id,
        errandId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.content.byteLength,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        uploadedBy: null,
        uploadedByPerson: citizen.personId,
        completionRequestId: requestId,
      })
      .execute();
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
    const files = await attachmentsOf(trx, errandId);
    const { completionRequestId: _, ...meta } = files.find((f) => f.id === id) as (typeof files)[number];
    return meta;
  });
}

export async function answerCompletion(
  db: Kysely<Database>,
  request: FastifyRequest,
  errandId: string,
  requestId: string,
  now: Date,
): Promise<void> {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    await errandOfHousehold(trx, household.householdId, errandId, true);
    const completion = await trx
      .selectFrom('completionRequests')
      .select(['id', 'answeredAt'])
      .where('errandId', '=', errandId)
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!completion) throw new AppError('not_found', 'Begäran om komplettering finns inte');
    if (completion.answeredAt) throw new AppError('conflict', 'Kompletteringen är redan inskickad.');
    const files = (await attachmentsOf(trx, errandId)).filter((f) => f.completionRequestId === requestId);
    if (files.length === 0) {
      throw new AppError('invalid_input', 'Lägg till minst en fil innan du skickar kompletteringen', [
        { pointer: '/file', detail: 'Lägg till minst en fil' },
      ]);
    }
    await trx
      .updateTable('completionRequests')
      .set({ answeredAt: now })
      .where('id', '=', requestId)
      .execute();
    await logCitizenAccess(trx, request, citizen, 'update', memberIds);
  });
}

export async function citizenDecisionLetter(
  db: Kysely<Database>,
  request: FastifyRequest,
  decisionId: string,
  now: Date,
): Promise<Buffer> {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const row = await trx
      .selectFrom('decisions as d')
      .innerJoin('errands as e', (j) =>
        j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
      )
      .select(['d.letterPdf'])
      .where('d.id', '=', decisionId)
      .where('e.householdId', '=', household.householdId)
      .executeTakeFirst();
    if (!row?.letterPdf) throw new AppError('not_found', 'Beslutsbrevet finns inte');
    await logCitizenAccess(trx, request, citizen, 'read', memberIds);
    return Buffer.from(row.letterPdf);
  });
}

/**
 * Begäran om komplettering (FL 2017:900 20 §: the authority shall see that the matter is
 * sufficiently investigated): the caseworker names the documents; the errand waits for them and
 * the household is told through the notification adapter.
 */
export async function requestCompletion(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  input: { documents: string; dueOn?: string | null | undefined },
  notifier: Notifier,
  now: Date,
) {
  const { created, messages } = await withErrand(
    db,
    viewer,
    errandId,
    async (trx, errand) => {
      if (errand.state === 'received')
        await transitionErrand(trx, request, errand.id, 'underInvestigation', null);
      if (errand.state === 'received' || errand.state === 'underInvestigation') {
        await transitionErrand(trx, request, errand.id, 'awaitingCompletion', 'Begäran om komplettering');
      } else if (errand.state !== 'awaitingCompletion') {
        throw new AppError('conflict', 'Komplettering kan bara begäras innan ärendet är klart för beslut');
      }
      const id = randomUUID();
      await trx
        .insertInto('completionRequests')
        .values({
          municipalityId: viewer.municipality.id,
          id,
          errandId,
          documents: input.documents,
          dueOn: input.dueOn ?? null,
          requestedBy: viewer.id,
          answeredAt: null,
        })
        .execute();
      const text = `Din handläggare behöver fler handlingar för din ansökan om ekonomiskt bistånd${input.dueOn ? ` senast ${input.dueOn}` : ''}. Logga in i e-tjänsten för att se vilka och skicka in dem.`;
      const messages = await queueNotification(
        trx,
        viewer.municipality.id,
        errand.householdId,
        errand.memberships.find((m) => m.role === 'applicant')?.personId ?? null,
        text,
        now,
      );
      const created = (await listCompletionRequests(trx, errandId)).find((r) => r.id === id);
      if (!created) throw new AppError('internal');
      return { created, messages };
    },
    { lock: true },
  );
  await dispatch(db, viewer.municipality.id, messages, notifier);
  return created;
}

export async function staffCompletionRequests(db: Kysely<Database>, viewer: SessionUser, errandId: string) {
  return withErrand(db, viewer, errandId, (trx) => listCompletionRequests(trx, errandId));
}

// Secure messages: one thread per household.
async function thread(trx: Kysely<Database>, householdId: string, viewerId: string | null) {
  const rows = await trx
    .selectFrom('citizenMessages as m')
    .leftJoin('persons as p', (j) =>
      j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
    )
    .leftJoin('staffUsers as s', (j) =>
      j.onRef('s.municipalityId', '=', 'm.municipalityId').onRef('s.id', '=', 'm.staffUserId'),
    )
    .select([
      'm.id',
      'm.body',
      'm.createdAt',
      'm.personId',
      'p.firstName',
      'p.lastName',
      'p.protectedRegistration',
      'p.fictitiousIdentity',
      's.name as staffName',
    ])
    .where('m.householdId', '=', householdId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: iso(r.createdAt),
    fromCitizen: r.personId !== null,
    author:
      r.personId === null
        ? (r.staffName ?? '')
        : r.personId !== viewerId && (r.protectedRegistration || r.fictitiousIdentity)
          ? HIDDEN_NAME
          : `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim(),
  }));
}

export async function citizenMessages(db: Kysely<Database>, request: FastifyRequest, now: Date) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    await logCitizenAccess(trx, request, citizen, 'read', memberIds);
    return thread(trx, household.householdId, citizen.personId);
  });
}

export async function sendCitizenMessage(
  db: Kysely<Database>,
  request: FastifyRequest,
  body: string,
  now: Date,
) {
  return withCitizen(db, request, now, async ({ trx, citizen, household, memberIds }) => {
    const id = randomUUID();
    await trx
      .insertInto('citizenMessages')
      .values({
        municipalityId: citizen.municipality.id,
        id,
        householdId: household.householdId,
        personId: citizen.personId,
        staffUserId: null,
        body,
      })
      .execute();
    await logCitizenAccess(trx, request, citizen, 'create', memberIds);
    return (await thread(trx, household.householdId, citizen.personId)).find((m) => m.id === id) as Awaited<
      ReturnType<typeof thread>
    >[number];
  });
}

export async function staffMessages(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
) {
  return withErrand(db, viewer, errandId, async (trx, errand) => {
    await logAccess(trx, request, 'read', errand.memberIds);
    return thread(trx, errand.householdId, null);
  });
}

/** A caseworker writes to the household; the household is told there is a message (not its text). */
export async function sendStaffMessage(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  body: string,
  notifier: Notifier,
  now: Date,
) {
  const { message, outgoing } = await withErrand(db, viewer, errandId, async (trx, errand) => {
    const id = randomUUID();
    await trx
      .insertInto('citizenMessages')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        householdId: errand.householdId,
        personId: null,
        staffUserId: viewer.id,
        body,
      })
      .execute();
    const outgoing = await queueNotification(
      trx,
      viewer.municipality.id,
      errand.householdId,
      errand.memberships.find((m) => m.role === 'applicant')?.personId ?? null,
      'Du har fått ett nytt meddelande från din handläggare. Logga in i e-tjänsten för att läsa det.',
      now,
    );
    await logAccess(trx, request, 'update', errand.memberIds);
    const message = (await thread(trx, errand.householdId, null)).find((m) => m.id === id);
    if (!message) throw new AppError('internal');
    return { message, outgoing };
  });
  await dispatch(db, viewer.municipality.id, outgoing, notifier);
  return message;
}

type Outgoing = { id: string; channel: 'sms' | 'email'; recipient: string; text: string };

/**
 * Puts a message to the household in the notifications outbox: to the phone and e-mail from the
 * household's latest e-service application, else to the person register's channel
 * (`person:<id>`, which the transport resolves). Never any case details in the text.
 */
async function queueNotification(
  trx: Kysely<Database>,
  municipalityId: string,
  householdId: string,
  applicantId: string | null,
  text: string,
  now: Date,
): Promise<Outgoing[]> {
  const latest = await trx
    .selectFrom('citizenApplications')
    .select(['answers', 'personId'])
    .where('householdId', '=', householdId)
    .orderBy('updatedAt', 'desc')
    .executeTakeFirst();
  const answers = (latest?.answers ?? {}) as Answers;
  const recipients: { channel: 'sms' | 'email'; recipient: string }[] = [];
  if (answers.phone) recipients.push({ channel: 'sms', recipient: answers.phone });
  if (answers.email) recipients.push({ channel: 'email', recipient: answers.email });
  if (recipients.length === 0 && applicantId)
    recipients.push({ channel: 'sms', recipient: `person:${applicantId}` });
  const rows = recipients.map((r) => ({ id: randomUUID(), ...r, text }));
  if (rows.length > 0) {
    await trx
      .insertInto('notifications')
      .values(
        rows.map((r) => ({
          municipalityId,
          ...r,
          sendAfter: now,
          sentAt: null,
          personId: latest?.personId ?? applicantId,
          meetingId: null,
        })),
      )
      .execute();
  }
  return rows;
}

/** Sent after the commit: a failing transport leaves the message unsent in the outbox. */
async function dispatch(
  db: Kysely<Database>,
  municipalityId: string,
  outgoing: Outgoing[],
  notifier: Notifier,
) {
  for (const message of outgoing) {
    if (await notifier.send(message)) {
      await inTenant(db, municipalityId, (trx) =>
        trx.updateTable('notifications').set({ sentAt: new Date() }).where('id', '=', message.id).execute(),
      );
    }
  }
}

/** The person's latest plan version with its next follow-up (last one's date, else by the municipality's cadence). */
async function ownPlan(trx: Kysely<Database>, citizen: CitizenPrincipal) {
  const plan = await trx
    .selectFrom('plans as p')
    .innerJoin('planVersions as v', (j) =>
      j.onRef('v.municipalityId', '=', 'p.municipalityId').onRef('v.planId', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.createdAt as planCreatedAt',
      'v.version',
      'v.content',
      'v.agreedOn',
      'v.agreementMethod',
      'v.createdAt',
    ])
    .where('p.personId', '=', citizen.personId)
    .orderBy('p.createdAt', 'desc')
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
  if (!plan) return null;
  const followUp = await trx
    .selectFrom('planFollowUps')
    .select('nextFollowUpOn')
    .where('planId', '=', plan.id)
    .orderBy('heldOn', 'desc')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  const settings = await planningSettings(trx, citizen.municipality.id);
  const nextFollowUpOn =
    followUp?.nextFollowUpOn ??
    addMonths(isoDay(new Date(plan.planCreatedAt)), settings.followUpIntervalMonths);
  return { ...plan, nextFollowUpOn };
}

/** The citizen's own genomförandeplan as PDF, as the caseworker prints it for them. */
export async function citizenPlanPdf(
  db: Kysely<Database>,
  request: FastifyRequest,
  now: Date,
): Promise<Buffer> {
  return withCitizen(db, request, now, async ({ trx, citizen }) => {
    const plan = await ownPlan(trx, citizen);
    if (!plan) throw new AppError('not_found', 'Du har ingen planering ännu');
    const person = await trx
      .selectFrom('persons')
      .select(['firstName', 'lastName'])
      .where('id', '=', citizen.personId)
      .executeTakeFirstOrThrow();
    await logCitizenAccess(trx, request, citizen, 'read', [citizen.personId]);
    return renderPlanPdf({
      personName: `${person.firstName} ${person.lastName}`,
      municipalityName: citizen.municipality.name,
      version: plan.version,
      createdOn: isoDay(new Date(plan.createdAt)),
      content: plan.content,
      agreedOn: plan.agreedOn,
      agreementMethod: plan.agreementMethod,
      nextFollowUpOn: plan.nextFollowUpOn,
    });
  });
}

/** The citizen's own genomförandeplan (latest version), their next follow-up and their meetings. */
export async function citizenPlan(db: Kysely<Database>, request: FastifyRequest, now: Date) {
  return withCitizen(db, request, now, async ({ trx, citizen }) => {
    const plan = await ownPlan(trx, citizen);
    const meetings = await trx
      .selectFrom('meetings')
      .select(['id', 'startsAt', 'place', 'homeVisit', 'purpose', 'attendance'])
      .where('personId', '=', citizen.personId)
      .where('startsAt', '>=', new Date(now.getTime() - 86_400_000))
      .orderBy('startsAt')
      .execute();
    await logCitizenAccess(trx, request, citizen, 'read', [citizen.personId]);
    const content = plan?.content;
    return {
      plan:
        plan && content
          ? {
              version: plan.version,
              agreedOn: plan.agreedOn,
              longTermGoal: content.longTermGoal,
              subGoals: content.subGoals,
              activities: content.activities.map((a) => ({
                description: a.description,
                responsible: a.responsible,
                hoursPerWeek: a.hoursPerWeek,
              })),
              clientWords: content.clientWords,
              nextFollowUpOn: plan.nextFollowUpOn,
            }
          : null,
      meetings: meetings
        .filter((m) => m.attendance !== 'cancelled')
        .map((m) => ({
          id: m.id,
          startsAt: iso(m.startsAt),
          place: m.place,
          homeVisit: m.homeVisit,
          purpose: m.purpose,
        })),
    };
  });
}
