// Ärenden: a household's application for a month moves through an explicit state machine —
// the transitions below are the only ones there are, each with who may make it — and every
// move is recorded in errand_transitions. Staff see and move only their own unit's errands.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import {
  type CalculationBasis,
  type CalculationSnapshot,
  latestCalculation,
} from '../calculations/calculation-snapshots.service.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { MembershipRow } from '../households/households.queries.ts';
import {
  applicantsInMonths,
  describeMembers,
  type HouseholdMember,
  householdForViewer,
  membershipsInMonth,
  swedishDate,
} from '../households/households.service.ts';
import { AppError } from '../http/problem.ts';
import {
  type AttachmentMeta,
  compareItems,
  copyItems,
  type Item,
  type ItemChanges,
  listAttachments,
  listItems,
  listVerifications,
  type Verification,
} from '../investigation/investigation.service.ts';
import {
  type ErrandRow,
  findApplicationForMonth,
  findErrand,
  findErrandsInUnit,
  findMemberFacts,
  findPreviousApplication,
  findTransitions,
} from './errands.queries.ts';
import type { ErrandState, ErrandType } from './errands.table.ts';

export const ERRAND_STATE_LABELS: Record<ErrandState, string> = {
  received: 'Inkommet',
  underInvestigation: 'Under utredning',
  awaitingCompletion: 'Väntar på komplettering',
  readyForDecision: 'Klart för beslut',
  decided: 'Beslutat',
  paid: 'Utbetalt',
  closed: 'Avslutat',
};

export const ERRAND_TYPE_LABELS: Record<ErrandType, string> = {
  newApplication: 'Nyansökan',
  renewalApplication: 'Återansökan',
  supplementaryApplication: 'Tilläggsansökan',
};

/**
 * Who makes a transition: `staff` — the caseworkers and the manager of the errand's unit, through
 * POST /errands/:id/transitions; `decision` and `payment` — the decisions and payments features,
 * through `transitionErrand`, after their own checks (delegation, payment runs).
 */
export type TransitionActor = 'staff' | 'decision' | 'payment';

export const ERRAND_TRANSITIONS: readonly { from: ErrandState; to: ErrandState; by: TransitionActor }[] = [
  { from: 'received', to: 'underInvestigation', by: 'staff' },
  { from: 'underInvestigation', to: 'awaitingCompletion', by: 'staff' },
  { from: 'awaitingCompletion', to: 'underInvestigation', by: 'staff' },
  { from: 'underInvestigation', to: 'readyForDecision', by: 'staff' },
  // The decision-maker may send it back for more investigation.
  { from: 'readyForDecision', to: 'underInvestigation', by: 'staff' },
  { from: 'readyForDecision', to: 'decided', by: 'decision' },
  { from: 'decided', to: 'paid', by: 'payment' },
  { from: 'paid', to: 'closed', by: 'staff' },
  // Avslag: a decision with nothing to pay closes without a payment.
  { from: 'decided', to: 'closed', by: 'staff' },
  // Återtagen ansökan: withdrawn before a decision.
  { from: 'received', to: 'closed', by: 'staff' },
  { from: 'underInvestigation', to: 'closed', by: 'staff' },
];

/** The states an errand may move to from `from`, by the given actors. */
export function nextStates(from: ErrandState, actors: readonly TransitionActor[] = ['staff']): ErrandState[] {
  return ERRAND_TRANSITIONS.filter((t) => t.from === from && actors.includes(t.by)).map((t) => t.to);
}

function unitOf(viewer: SessionUser): string | null {
  if (viewer.role === 'caseworker' || viewer.role === 'unitManager') return viewer.unit?.id ?? null;
  return null;
}

/** An errand found within the viewer's unit, with who lives in the household in its month. */
export type ErrandScope = ErrandRow & { memberships: MembershipRow[]; memberIds: string[] };

async function scopeOf(trx: Kysely<Database>, errand: ErrandRow): Promise<ErrandScope> {
  const memberships = await membershipsInMonth(trx, errand.householdId, errand.month);
  return { ...errand, memberships, memberIds: memberships.map((m) => m.personId) };
}

/**
 * Runs `work` in one tenant transaction on the errand, if it belongs to the viewer's unit;
 * another unit's errand answers exactly like a missing one. `lock` serialises changes.
 */
export async function withErrand<T>(
  db: Kysely<Database>,
  viewer: SessionUser,
  errandId: string,
  work: (trx: Kysely<Database>, errand: ErrandScope) => Promise<T>,
  options: { lock?: boolean } = {},
): Promise<T> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const errand = await findErrand(trx, errandId, options);
    if (!errand || errand.unitId !== unitOf(viewer)) throw new AppError('not_found', 'Ärendet finns inte');
    return work(trx, await scopeOf(trx, errand));
  });
}

function refuse(from: ErrandState, to: ErrandState, actors: readonly TransitionActor[]): never {
  const possible = nextStates(from, actors).map((s) => ERRAND_STATE_LABELS[s]);
  throw new AppError(
    'conflict',
    `Ärendet kan inte gå från ${ERRAND_STATE_LABELS[from]} till ${ERRAND_STATE_LABELS[to]}. ` +
      (possible.length > 0
        ? `Från ${ERRAND_STATE_LABELS[from]} kan det gå till ${possible.join(', ')}.`
        : `Från ${ERRAND_STATE_LABELS[from]} kan det inte flyttas härifrån.`),
    [{ pointer: '/to', detail: `Inte tillåtet från ${ERRAND_STATE_LABELS[from]}` }],
  );
}

async function applyTransition(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errand: ErrandScope,
  to: ErrandState,
  note: string | null,
  actors: readonly TransitionActor[],
): Promise<void> {
  if (!nextStates(errand.state, actors).includes(to)) refuse(errand.state, to, actors);
  const user = request.session?.user;
  await trx
    .updateTable('errands')
    .set({ state: to, updatedAt: new Date() })
    .where('id', '=', errand.id)
    .execute();
  await trx
    .insertInto('errandTransitions')
    .values({
      municipalityId: errand.municipalityId,
      errandId: errand.id,
      fromState: errand.state,
      toState: to,
      userId: user?.id ?? null,
      note,
    })
    .execute();
  await logAccess(trx, request, 'update', errand.memberIds);
}

/**
 * Moves an errand to `to` and records the transition, for the decisions feature (→ decided) and
 * the payments feature (→ paid) within their own transaction. The caller has already checked
 * that the user may decide or pay; this checks that the state machine allows the move (409).
 */
export async function transitionErrand(
  trx: Kysely<Database>,
  request: FastifyRequest,
  errandId: string,
  to: ErrandState,
  note: string | null,
): Promise<void> {
  const errand = await findErrand(trx, errandId, { lock: true });
  if (!errand) throw new AppError('not_found', 'Ärendet finns inte');
  await applyTransition(trx, request, await scopeOf(trx, errand), to, note, ['staff', 'decision', 'payment']);
}

/** A caseworker's or unit manager's move (POST /errands/:id/transitions). */
export async function moveErrand(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  to: ErrandState,
  note: string | null,
  now: Date,
): Promise<ErrandDetail> {
  return withErrand(
    db,
    viewer,
    errandId,
    async (trx, errand) => {
      if (ERRAND_TRANSITIONS.some((t) => t.from === errand.state && t.to === to && t.by !== 'staff')) {
        throw new AppError(
          'conflict',
          to === 'decided'
            ? 'Ärendet blir Beslutat när beslutet fattas, inte genom att byta status.'
            : 'Ärendet blir Utbetalt när utbetalningen görs, inte genom att byta status.',
          [
            {
              pointer: '/to',
              detail: `${ERRAND_STATE_LABELS[to]} sätts av ${to === 'decided' ? 'beslutet' : 'utbetalningen'}`,
            },
          ],
        );
      }
      await applyTransition(trx, request, errand, to, note, ['staff']);
      const moved = await findErrand(trx, errandId);
      if (!moved) throw new AppError('internal');
      return errandDetail(trx, viewer, { ...errand, state: moved.state }, now);
    },
    { lock: true },
  );
}

function waitingDays(receivedAt: Date, now: Date): number {
  const from = Date.parse(swedishDate(new Date(receivedAt)));
  const to = Date.parse(swedishDate(now));
  return Math.max(0, Math.round((to - from) / 86_400_000));
}

export type ErrandSummary = {
  id: string;
  householdId: string;
  type: ErrandType;
  month: string;
  state: ErrandState;
  receivedAt: string;
  waitingDays: number;
  applicant: { id: string; name: string; protectedIdentity: boolean } | null;
};

export async function listErrands(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  query: { state?: ErrandState | undefined; mine: boolean; limit: number; offset: number },
  now: Date,
): Promise<{ items: ErrandSummary[]; total: number }> {
  const unitId = unitOf(viewer);
  if (!unitId) return { items: [], total: 0 };
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const { rows: errands, total } = await findErrandsInUnit(
      trx,
      unitId,
      { state: query.state, touchedBy: query.mine ? viewer.id : undefined },
      query,
    );
    const applicants = await applicantsInMonths(trx, viewer, errands);
    const items = errands.map((e) => {
      const applicant = applicants.get(`${e.householdId}|${e.month}`);
      return {
        id: e.id,
        householdId: e.householdId,
        type: e.type,
        month: e.month,
        state: e.state,
        receivedAt: new Date(e.receivedAt).toISOString(),
        waitingDays: waitingDays(e.receivedAt, now),
        applicant: applicant
          ? {
              id: applicant.personId,
              name: applicant.person.name,
              protectedIdentity: applicant.person.protectedIdentity,
            }
          : null,
      };
    });
    await logAccess(trx, request, 'search', [
      ...new Set(items.flatMap((i) => (i.applicant ? [i.applicant.id] : []))),
    ]);
    return { items, total };
  });
}

export type MemberFacts = {
  jobStimulus: boolean;
  weekdayLunchesProvided: boolean;
  inSchool: boolean;
  daysInHousehold: number | null;
  earningsEarlierThisYear: number | null;
};

const NO_FACTS: MemberFacts = {
  jobStimulus: false,
  weekdayLunchesProvided: false,
  inSchool: false,
  daysInHousehold: null,
  earningsEarlierThisYear: null,
};

export type ErrandDetail = Omit<ErrandSummary, 'applicant'> & {
  requestedNote: string | null;
  household: {
    id: string;
    sharedHouseholdSize: number | null;
    members: (HouseholdMember & { facts: MemberFacts })[];
  };
  items: Item[];
  verifications: Verification[];
  /** The usual checks of an application, each with its latest recorded outcome (null = not yet checked). */
  checklist: { kind: ChecklistKind; label: string; latest: Verification | null }[];
  attachments: AttachmentMeta[];
  transitions: {
    fromState: ErrandState | null;
    toState: ErrandState;
    userId: string | null;
    userName: string | null;
    note: string | null;
    at: string;
  }[];
  allowedTransitions: ErrandState[];
  latestCalculation: CalculationSnapshot | null;
  /** Återansökan: this month's items against the previous application's. */
  changes: (ItemChanges & { previousErrandId: string; previousMonth: string }) | null;
};

type ChecklistKind = Exclude<Verification['kind'], 'other'>;

const CHECKLIST: Record<ChecklistKind, string> = {
  employmentServiceRegistration: 'Inskrivning hos Arbetsförmedlingen',
  socialInsuranceBenefits: 'Ersättningar från Försäkringskassan',
  bankStatements: 'Kontoutdrag',
  rentalContract: 'Hyresavtal eller hyresavi',
};

function checklistOf(verifications: readonly Verification[]): ErrandDetail['checklist'] {
  return (Object.keys(CHECKLIST) as ChecklistKind[]).map((kind) => ({
    kind,
    label: CHECKLIST[kind],
    latest: verifications.findLast((v) => v.kind === kind) ?? null,
  }));
}

async function membersWithFacts(trx: Kysely<Database>, viewer: SessionUser, errand: ErrandScope) {
  const facts = new Map((await findMemberFacts(trx, errand.id)).map(({ personId, ...f }) => [personId, f]));
  const members = await describeMembers(trx, viewer, errand.memberships);
  const order = { applicant: 0, partner: 1, child: 2 };
  return members
    .map((m) => ({ ...m, facts: facts.get(m.personId) ?? NO_FACTS }))
    .sort((a, b) => order[a.role] - order[b.role] || a.person.birthDate.localeCompare(b.person.birthDate));
}

async function errandDetail(
  trx: Kysely<Database>,
  viewer: SessionUser,
  errand: ErrandScope,
  now: Date,
): Promise<ErrandDetail> {
  const household = await householdForViewer(trx, viewer, errand.householdId);
  const items = await listItems(trx, errand.id);
  const verifications = await listVerifications(trx, errand.id);
  let changes: ErrandDetail['changes'] = null;
  if (errand.type === 'renewalApplication') {
    const previous = await findPreviousApplication(trx, errand.householdId, errand.month);
    if (previous) {
      changes = {
        previousErrandId: previous.id,
        previousMonth: previous.month,
        ...compareItems(items, await listItems(trx, previous.id)),
      };
    }
  }
  return {
    id: errand.id,
    householdId: errand.householdId,
    type: errand.type,
    month: errand.month,
    state: errand.state,
    receivedAt: new Date(errand.receivedAt).toISOString(),
    waitingDays: waitingDays(errand.receivedAt, now),
    requestedNote: errand.requestedNote,
    household: {
      id: household.id,
      sharedHouseholdSize: household.sharedHouseholdSize,
      members: await membersWithFacts(trx, viewer, errand),
    },
    items,
    verifications,
    checklist: checklistOf(verifications),
    attachments: await listAttachments(trx, errand.id),
    transitions: (await findTransitions(trx, errand.id)).map((t) => ({
      ...t,
      at: new Date(t.at).toISOString(),
    })),
    allowedTransitions: nextStates(errand.state),
    latestCalculation: await latestCalculation(trx, errand.id),
    changes,
  };
}

export async function getErrand(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  now: Date,
): Promise<ErrandDetail> {
  return withErrand(db, viewer, errandId, async (trx, errand) => {
    const detail = await errandDetail(trx, viewer, errand, now);
    await logAccess(trx, request, 'read', errand.memberIds);
    return detail;
  });
}

const monthName = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function monthLabel(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

export async function createErrand(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  input: { householdId: string; type: ErrandType; month: string; requestedNote?: string | undefined },
  now: Date,
): Promise<ErrandDetail> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const household = await householdForViewer(trx, viewer, input.householdId).catch(() => {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/householdId', detail: 'Hushållet finns inte i din enhet' },
      ]);
    });
    const duplicate = () =>
      new AppError(
        'conflict',
        `Hushållet har redan en ansökan för ${monthLabel(input.month)}. Behöver hushållet mer under månaden registreras en tilläggsansökan.`,
        [{ pointer: '/month', detail: `Det finns redan en ansökan för ${monthLabel(input.month)}` }],
      );
    if (
      input.type !== 'supplementaryApplication' &&
      (await findApplicationForMonth(trx, household.id, input.month))
    ) {
      throw duplicate();
    }
    const memberships = await membershipsInMonth(trx, household.id, input.month);
    if (!memberships.some((m) => m.role === 'applicant')) {
      throw new AppError('invalid_input', undefined, [
        { pointer: '/month', detail: `Hushållet har ingen sökande under ${monthLabel(input.month)}` },
      ]);
    }
    const id = randomUUID();
    const municipalityId = viewer.municipality.id;
    try {
      await trx
        .insertInto('errands')
        .values({
          municipalityId,
          id,
          householdId: household.id,
          unitId: household.unitId,
          type: input.type,
          month: input.month,
          requestedNote: input.requestedNote ?? null,
          receivedAt: now,
          createdBy: viewer.id,
        })
        .execute();
    } catch (error) {
      // Two requests at once: the database's one-application-per-month index decides.
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
    await trx
      .insertInto('errandTransitions')
      .values({
        municipalityId,
        errandId: id,
        fromState: null,
        toState: 'received',
        userId: viewer.id,
        note: null,
      })
      .execute();
    const errand = await findErrand(trx, id);
    if (!errand) throw new AppError('internal');
    const scope = await scopeOf(trx, errand);
    if (input.type === 'renewalApplication') {
      const previous = await findPreviousApplication(trx, household.id, input.month);
      if (previous) {
        await copyItems(trx, previous.id, scope, viewer.id, municipalityId);
        const facts = (await findMemberFacts(trx, previous.id)).filter((f) =>
          scope.memberIds.includes(f.personId),
        );
        if (facts.length > 0) {
          await trx
            .insertInto('errandMemberFacts')
            .values(facts.map((f) => ({ ...f, municipalityId, errandId: id, updatedBy: viewer.id })))
            .execute();
        }
      }
    }
    await logAccess(trx, request, 'create', scope.memberIds);
    return errandDetail(trx, viewer, scope, now);
  });
}

const EDITABLE: readonly ErrandState[] = ['received', 'underInvestigation', 'awaitingCompletion'];

export async function setMemberFacts(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  errandId: string,
  personId: string,
  facts: MemberFacts,
  now: Date,
): Promise<ErrandDetail> {
  return withErrand(
    db,
    viewer,
    errandId,
    async (trx, errand) => {
      if (!EDITABLE.includes(errand.state)) {
        throw new AppError(
          'conflict',
          `Uppgifterna om hushållets medlemmar kan inte ändras när ärendet är ${ERRAND_STATE_LABELS[errand.state]}`,
        );
      }
      const member = errand.memberships.find((m) => m.personId === personId);
      if (!member) throw new AppError('not_found', 'Personen bor inte i hushållet under ärendets månad');
      const errors = [];
      if (member.role === 'child' && facts.jobStimulus) {
        errors.push({
          pointer: '/jobStimulus',
          detail: 'Jobbstimulans gäller sökande och make, maka eller sambo',
        });
      }
      if (member.role !== 'child') {
        for (const field of [
          'weekdayLunchesProvided',
          'inSchool',
          'daysInHousehold',
          'earningsEarlierThisYear',
        ] as const) {
          if (facts[field] !== NO_FACTS[field]) {
            errors.push({ pointer: `/${field}`, detail: 'Uppgiften gäller bara barn i hushållet' });
          }
        }
      }
      if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
      await trx
        .insertInto('errandMemberFacts')
        .values({
          municipalityId: viewer.municipality.id,
          errandId,
          personId,
          ...facts,
          updatedBy: viewer.id,
        })
        .onConflict((oc) =>
          oc
            .columns(['municipalityId', 'errandId', 'personId'])
            .doUpdateSet({ ...facts, updatedBy: viewer.id, updatedAt: now }),
        )
        .execute();
      await logAccess(trx, request, 'update', [personId]);
      return errandDetail(trx, viewer, errand, now);
    },
    { lock: true },
  );
}

/** What the calculation of the errand's month is built from; refused once the errand is decided. */
export async function calculationBasis(
  trx: Kysely<Database>,
  viewer: SessionUser,
  errand: ErrandScope,
): Promise<CalculationBasis> {
  const calculable: readonly ErrandState[] = ['underInvestigation', 'awaitingCompletion', 'readyForDecision'];
  if (!calculable.includes(errand.state)) {
    throw new AppError(
      'conflict',
      `Beräkning görs medan ärendet utreds; nu är det ${ERRAND_STATE_LABELS[errand.state]}`,
    );
  }
  const household = await householdForViewer(trx, viewer, errand.householdId);
  const members = await membersWithFacts(trx, viewer, errand);
  return {
    errandId: errand.id,
    month: errand.month,
    sharedHouseholdSize: household.sharedHouseholdSize,
    members: members.map((m) => ({
      personId: m.personId,
      role: m.role,
      name: m.person.name,
      birthDate: m.person.birthDate,
      facts: m.facts,
    })),
    items: await listItems(trx, errand.id),
  };
}
