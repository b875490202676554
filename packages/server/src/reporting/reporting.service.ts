// Reporting: reads the case facts the indicators need (decisions, membership, plans,
// kartläggning, assignments) inside the tenant, runs the pure computation and decides what
// the viewer may see: the nämnd and the revisor get aggregates with small groups withheld;
// a unit manager gets the own unit's figures and may drill down to the cases behind them
// (every drill-down is access-logged).
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { latestDecisionOfErrand } from '../decisions/decisions.queries.ts';
import { AppError } from '../http/problem.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { describePersons } from '../persons/persons.service.ts';
import { isoDay, planningSettings } from '../plans/planning-settings.ts';
import { NOT_RECORDED_LABEL, SUPPORT_BARRIER_LABELS } from './barriers.ts';
import {
  applicantsOf,
  cubeDrillDown,
  cubeIndicators,
  cubeSavings,
  drillDownWindow,
  ensureCube,
  personFacts,
  refreshInBackground,
  withoutJit,
} from './cube.service.ts';
import {
  bandLabel,
  type CaseWeights,
  computeIndicators,
  DEFAULT_CASE_WEIGHTS,
  DEFAULT_INDICATOR_SETTINGS,
  type Dimension,
  type Facts,
  type Filters,
  INDICATOR_KIND,
  type IndicatorId,
  type IndicatorSettings,
  type Point,
  savingsTotals,
} from './indicators.compute.ts';
import type { drillDown, indicatorReport, savingsSchema } from './reporting.schemas.ts';

export type IndicatorReport = z.infer<typeof indicatorReport>;
export type IndicatorQuery = {
  from: string;
  to: string;
  dimension: Dimension;
  unitId?: string | undefined;
  gender?: 'female' | 'male' | undefined;
  ageGroup?: string | undefined;
  householdType?: Filters['householdType'];
  supportBarrier?: string | undefined;
};

export const INDICATOR_LABELS: Record<IndicatorId, string> = {
  recipients: 'Vuxna biståndsmottagare',
  households: 'Hushåll med bistånd',
  under10Months: 'Andel med bistånd kortare än 10 av 12 månader',
  longTerm: 'Andel med långvarigt bistånd (10–12 av 12 månader)',
  veryLongTerm: 'Andel med mycket långvarigt bistånd',
  youngAdults: 'Andel unga vuxna',
  currentPlan: 'Andel med aktuell planering',
  planWithinDeadline: 'Andel med plan inom tidsfristen efter första beslut',
  followUpsOnTime: 'Andel uppföljningar gjorda i tid',
  children: 'Barn i hushåll med bistånd',
  childrenLongTerm: 'Barn i hushåll med långvarigt bistånd',
  returnWithin12Months: 'Andel som återkommer inom 12 månader',
  averageAssistance: 'Genomsnittligt bistånd per hushållsmånad',
  caseload: 'Hushåll per handläggare',
  weightedCaseload: 'Hushåll per handläggare, viktat efter ärendenas komplexitet',
  caseworkerChanges: 'Handläggarbyten per hushåll (12 mån)',
  referralsSent: 'Remisser skickade',
  referralsEnrolled: 'Andel remisser som ledde till start i insats',
  referralsReturned: 'Andel remisser som returnerades',
  referralWaitingDays: 'Väntetid från remiss till start (dagar, medel)',
  referralToFirstActivity: 'Tid från remiss till första aktivitet (dagar, medel)',
};

const HOUSEHOLD_TYPE_LABELS: Record<string, string> = {
  singleNoChildren: 'Ensamstående utan barn',
  singleWithChildren: 'Ensamstående med barn',
  coupleNoChildren: 'Sammanboende utan barn',
  coupleWithChildren: 'Sammanboende med barn',
};
const GENDER_LABELS: Record<string, string> = { female: 'Kvinnor', male: 'Män' };

export async function indicatorSettings(
  trx: Kysely<Database>,
  municipalityId: string,
): Promise<IndicatorSettings> {
  const planning = await planningSettings(trx, municipalityId);
  const row = await trx
    .selectFrom('reportingSettings')
    .selectAll()
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  return {
    ...DEFAULT_INDICATOR_SETTINGS,
    planDeadlineDays: planning.planDeadlineDays,
    followUpIntervalMonths: planning.followUpIntervalMonths,
    ...(row
      ? {
          ageBands: row.ageBands,
          youngAdult: { min: row.youngAdultMinAge, max: row.youngAdultMaxAge },
          veryLongTerm: { months: row.veryLongTermMonths, window: row.veryLongTermWindow },
          caseWeights: { ...DEFAULT_CASE_WEIGHTS, ...(row.caseWeights ?? {}) },
        }
      : {}),
  };
}

/**
 * The facts of the months `from`..`to` only, for one unit's households (or the municipality's):
 * memberships, assistance in those months, plans, kartläggning and assignments of those people.
 * With `firstGrantedIn` (plan within the deadline), also which households assisted in that month
 * had assistance before `from` — their first decision is earlier than any the period shows.
 */
export async function loadPeriodFacts(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  unitId: string | null,
  period: { from: string; to: string; firstGrantedIn: string | null },
): Promise<Facts> {
  const inScope = sql`(select id from households where municipality_id = ${municipalityId}
                       and ${unitId === null ? sql`true` : sql`unit_id = ${unitId}`})`;
  const persons = sql`(select person_id from household_members
                       where municipality_id = ${municipalityId} and household_id in ${inScope})`;
  const households = await sql<{ id: string; unitId: string }>`
    select id, unit_id as "unitId" from households
    where municipality_id = ${municipalityId} and id in ${inScope}
  `.execute(trx);
  const members = await sql<Facts['members'][number]>`
    select hm.household_id as "householdId", hm.person_id as "personId", hm.role,
           to_char(hm.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(hm.valid_to, 'YYYY-MM-DD') as "validTo",
           to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.gender,
           (p.confidentiality_marking or p.protected_registration or p.fictitious_identity) as "protectedIdentity"
    from household_members hm
    join persons p on p.municipality_id = hm.municipality_id and p.id = hm.person_id
    where hm.municipality_id = ${municipalityId} and hm.household_id in ${inScope}
  `.execute(trx);
  const assistance = await sql<{ householdId: string; month: string; amount: string; decidedOn: string }>`
    select e.household_id as "householdId", e.month, sum(d.granted_total)::bigint as amount,
           to_char(min(d.decided_at) at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "decidedOn"
    from errands e ${latestDecisionOfErrand}
    where e.municipality_id = ${municipalityId} and e.household_id in ${inScope}
      and e.month >= ${period.from} and e.month <= ${period.to}
    group by e.household_id, e.month
    having sum(d.granted_total) > 0
  `.execute(trx);
  const firstGrantedOn: Record<string, string> = {};
  if (period.firstGrantedIn) {
    const earlier = await sql<{ householdId: string }>`
      select h.household_id as "householdId"
      from (select distinct household_id from errands
            where municipality_id = ${municipalityId} and month = ${period.firstGrantedIn}
              and household_id in ${inScope}) h
      where exists (
        select 1 from errands e ${latestDecisionOfErrand}
        where e.municipality_id = ${municipalityId} and e.household_id = h.household_id
          and e.month < ${period.from} and d.granted_total > 0
      )
    `.execute(trx);
    for (const r of earlier.rows) firstGrantedOn[r.householdId] = '0000-01-01';
  }
  const rest = await personFacts(trx, municipalityId, persons, sql`household_id in ${inScope}`);
  return {
    today,
    households: households.rows,
    members: members.rows,
    assistance: assistance.rows.map((a) => ({ ...a, amount: Number(a.amount) })),
    ...rest,
    firstGrantedOn,
  };
}

/** Aggregates only: nämnd and revisor. A manager sees the own unit in full. */
export function aggregatesOnly(viewer: SessionUser): boolean {
  return viewer.role === 'committee' || viewer.role === 'auditor';
}

/** The unit a viewer's figures are limited to (a manager: the own unit). */
export function scopeOf(viewer: SessionUser, requested: string | undefined): string | null {
  if (viewer.role !== 'unitManager') return null;
  const own = viewer.unit?.id ?? '';
  if (requested && requested !== own)
    throw new AppError('forbidden', 'Som enhetschef ser du bara siffror för din egen enhet');
  return own;
}

export const small = (n: number | null) => n !== null && n > 0 && n < SUPPRESSION_THRESHOLD;

export type ShownPoint = Omit<Point, 'numerator' | 'value'> & {
  numerator: number | null;
  value: number | null;
  suppressed: boolean;
};

/** Withholds a figure with fewer than five people (or households) behind it. */
export function suppressPoint(id: IndicatorId, p: Point): ShownPoint {
  const kind = INDICATOR_KIND[id];
  // The people (or households) behind the figure: for caseload its households (the weighted one:
  // its weights, at least one per household with the default base); for averages the number averaged.
  const people =
    id === 'caseload' || id === 'weightedCaseload'
      ? [p.numerator]
      : id === 'caseworkerChanges' ||
          id === 'referralWaitingDays' ||
          id === 'referralToFirstActivity' ||
          kind === 'amount'
        ? [p.denominator]
        : [p.numerator, p.denominator];
  if (people.some(small)) return { ...p, numerator: null, denominator: null, value: null, suppressed: true };
  return { ...p, suppressed: false };
}

export async function indicatorReportFor(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  query: IndicatorQuery,
  log?: FastifyBaseLogger,
): Promise<IndicatorReport> {
  const scope = scopeOf(viewer, query.unitId);
  const limited = aggregatesOnly(viewer);
  // Outside the read's transaction: a refresh runs in its own.
  const snapshot = await ensureCube(db, viewer.municipality.id, now, log);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const settings = await indicatorSettings(trx, viewer.municipality.id);
    const units = await trx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('municipalityId', '=', viewer.municipality.id)
      .where('kind', '=', 'financialAssistance')
      .orderBy('name')
      .execute();
    const targets = await trx
      .selectFrom('indicatorTargets')
      .select(['indicatorId', 'year', 'target'])
      .where('municipalityId', '=', viewer.municipality.id)
      .orderBy('year')
      .execute();
    const indicators = await cubeIndicators(trx, viewer.municipality.id, {
      from: query.from,
      to: query.to,
      dimension: query.dimension,
      filters: { ...filtersOf(query), unitId: scope ?? query.unitId },
    });
    const keys = new Set<string>();
    for (const i of indicators) for (const p of i.points) keys.add(p.group);
    const label = groupLabel(query.dimension, units);
    return {
      municipality: viewer.municipality.name,
      snapshot: {
        asOfDay: snapshot.asOfDay,
        refreshedAt: snapshot.refreshedAt,
        stale: snapshot.stale,
        refreshing: snapshot.refreshing,
        durationMs: snapshot.durationMs,
      },
      from: query.from,
      to: query.to,
      dimension: query.dimension,
      aggregatesOnly: limited,
      suppressionThreshold: SUPPRESSION_THRESHOLD,
      scopeUnitId: scope,
      groups: [...keys].sort().map((key) => ({ key, label: label(key) })),
      units: scope ? units.filter((u) => u.id === scope) : units,
      ageGroups: settings.ageBands.map(bandLabel),
      indicators: indicators.map((i) => ({
        id: i.id,
        kind: i.kind,
        label: INDICATOR_LABELS[i.id],
        targets: targets
          .filter((t) => t.indicatorId === i.id)
          .map((t) => ({ year: t.year, target: t.target })),
        points: i.points.map((p) => (limited ? suppressPoint(i.id, p) : { ...p, suppressed: false })),
      })),
    };
  });
}

function filtersOf(q: IndicatorQuery): Filters {
  return {
    unitId: q.unitId,
    gender: q.gender,
    ageGroup: q.ageGroup,
    householdType: q.householdType,
    supportBarrier: q.supportBarrier,
  };
}

export function groupLabel(dimension: Dimension, units: { id: string; name: string }[]) {
  return (key: string): string => {
    if (dimension === 'none') return 'Samtliga';
    if (dimension === 'unit') return units.find((u) => u.id === key)?.name ?? key;
    if (dimension === 'gender') return GENDER_LABELS[key] ?? key;
    if (dimension === 'householdType') return HOUSEHOLD_TYPE_LABELS[key] ?? key;
    if (dimension === 'supportBarrier')
      return key === 'notRecorded'
        ? NOT_RECORDED_LABEL
        : (SUPPORT_BARRIER_LABELS[key as keyof typeof SUPPORT_BARRIER_LABELS] ?? key);
    if (dimension === 'ageGroup') return key === 'other' ? 'Övriga åldrar' : `${key} år`;
    return key;
  };
}

/**
 * The cases behind one figure, for a unit manager within the own unit: a page of them, the
 * people counted in the figure's numerator first, then by name; the page's people are logged as
 * a search. A recent month is read from the cube's subjects (the generation the figure came
 * from), an older one computed from the case data.
 */
export async function drillDownFor(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  now: Date,
  query: IndicatorQuery & {
    indicator: IndicatorId;
    month: string;
    group: string;
    offset: number;
    limit: number;
  },
): Promise<z.infer<typeof drillDown>> {
  const municipalityId = viewer.municipality.id;
  const scope = scopeOf(viewer, query.unitId);
  const filters = { ...filtersOf(query), unitId: scope ?? query.unitId };
  await ensureCube(db, municipalityId, now, request.log);
  return inTenant(db, municipalityId, async (trx) => {
    await withoutJit(trx);
    const selected =
      (await cubeDrillDown(trx, municipalityId, { ...query, filters })) ??
      (await computeDrillDown(trx, municipalityId, isoDay(now), scope, { ...query, filters }));
    const persons = await describePersons(
      trx,
      viewer,
      selected.map((s) => s.personId),
    );
    const collator = new Intl.Collator('sv');
    const cases = selected
      .flatMap((s) => {
        const person = persons.get(s.personId);
        return person ? [{ personId: s.personId, name: person.name, inNumerator: s.inNumerator }] : [];
      })
      .sort((a, b) => Number(b.inNumerator) - Number(a.inNumerator) || collator.compare(a.name, b.name));
    const page = cases.slice(query.offset, query.offset + query.limit);
    await logAccess(
      trx,
      request,
      'search',
      page.map((c) => c.personId),
    );
    return {
      indicator: query.indicator,
      month: query.month,
      group: query.group,
      total: cases.length,
      inNumerator: cases.filter((c) => c.inNumerator).length,
      offset: query.offset,
      cases: page,
    };
  });
}

/** The people behind one figure, computed from the case data of the months the indicator needs. */
async function computeDrillDown(
  trx: Kysely<Database>,
  municipalityId: string,
  today: string,
  scope: string | null,
  query: { indicator: IndicatorId; month: string; dimension: Dimension; group: string; filters: Filters },
): Promise<{ personId: string; inNumerator: boolean }[]> {
  const settings = await indicatorSettings(trx, municipalityId);
  // Only what the month needs: the windows back, return within 12 months ahead, the unit's households.
  const facts = await loadPeriodFacts(trx, municipalityId, today, scope, {
    ...drillDownWindow(query.month, settings, query.indicator),
    firstGrantedIn: query.indicator === 'planWithinDeadline' ? query.month : null,
  });
  const { selected } = computeIndicators(facts, settings, {
    from: query.month,
    to: query.month,
    dimension: query.dimension,
    filters: query.filters,
    select: { indicator: query.indicator, month: query.month, group: query.group },
  });
  // Household subjects lead to the household's applicant.
  const applicants = applicantsOf(facts.members);
  const personOf = (id: string) => applicants.get(id) ?? id;
  const inNumerator = new Set((selected?.numerator ?? []).map(personOf));
  const all = new Set([...(selected?.denominator ?? []).map(personOf), ...inNumerator]);
  return [...all].map((personId) => ({ personId, inNumerator: inNumerator.has(personId) }));
}

export async function setTarget(
  db: Kysely<Database>,
  viewer: SessionUser,
  indicator: IndicatorId,
  year: number,
  target: number | null,
): Promise<void> {
  if (target !== null && INDICATOR_KIND[indicator] === 'share' && (target < 0 || target > 1))
    throw new AppError('invalid_input', undefined, [
      { pointer: '/target', detail: 'En andel anges mellan 0 och 1 (till exempel 0,25 för 25 %)' },
    ]);
  if (target !== null && target < 0)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/target', detail: 'Målvärdet kan inte vara negativt' },
    ]);
  await inTenant(db, viewer.municipality.id, async (trx) => {
    if (target === null) {
      await trx
        .deleteFrom('indicatorTargets')
        .where('municipalityId', '=', viewer.municipality.id)
        .where('indicatorId', '=', indicator)
        .where('year', '=', year)
        .execute();
      return;
    }
    await trx
      .insertInto('indicatorTargets')
      .values({
        municipalityId: viewer.municipality.id,
        indicatorId: indicator,
        year,
        target,
        updatedBy: viewer.id,
      })
      .onConflict((oc) =>
        oc
          .columns(['municipalityId', 'indicatorId', 'year'])
          .doUpdateSet({ target, updatedBy: viewer.id, updatedAt: sql`now()` }),
      )
      .execute();
  });
}

export async function savingsFor(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  query: { from: string; to: string; teamMonthlyCost: number; unitId?: string | undefined },
  log?: FastifyBaseLogger,
): Promise<z.infer<typeof savingsSchema>> {
  const scope = scopeOf(viewer, query.unitId);
  await ensureCube(db, viewer.municipality.id, now, log);
  const sums = await inTenant(db, viewer.municipality.id, (trx) =>
    cubeSavings(trx, viewer.municipality.id, {
      from: query.from,
      to: query.to,
      unitId: scope ?? query.unitId ?? null,
    }),
  );
  const result = savingsTotals(sums, query);
  const suppressed = aggregatesOnly(viewer) && small(result.exits);
  return {
    from: query.from,
    to: query.to,
    ...(suppressed
      ? { exits: null, monthsWithout: null, estimatedSavings: null, net: null, teamCost: result.teamCost }
      : result),
    suppressed,
  };
}

export type ReportingSettings = {
  ageBands: { min: number; max: number | null }[];
  youngAdult: { min: number; max: number };
  veryLongTerm: { months: number; window: number };
  population: number | null;
  populationYear: number | null;
  caseWeights: CaseWeights;
};

export async function reportingSettingsFor(
  db: Kysely<Database>,
  viewer: SessionUser,
): Promise<ReportingSettings> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const settings = await indicatorSettings(trx, viewer.municipality.id);
    const row = await trx
      .selectFrom('reportingSettings')
      .select(['population', 'populationYear'])
      .where('municipalityId', '=', viewer.municipality.id)
      .executeTakeFirst();
    return {
      ageBands: settings.ageBands,
      youngAdult: settings.youngAdult,
      veryLongTerm: settings.veryLongTerm,
      population: row?.population ?? null,
      populationYear: row?.populationYear ?? null,
      caseWeights: settings.caseWeights,
    };
  });
}

export async function saveReportingSettings(
  db: Kysely<Database>,
  viewer: SessionUser,
  input: Omit<ReportingSettings, 'caseWeights'> & { caseWeights?: Partial<CaseWeights> | undefined },
  now?: Date,
  log?: FastifyBaseLogger,
): Promise<ReportingSettings> {
  const values = {
    ageBands: JSON.stringify([...input.ageBands].sort((a, b) => a.min - b.min)),
    youngAdultMinAge: input.youngAdult.min,
    youngAdultMaxAge: input.youngAdult.max,
    veryLongTermMonths: input.veryLongTerm.months,
    veryLongTermWindow: input.veryLongTerm.window,
    population: input.population,
    populationYear: input.populationYear,
    ...(input.caseWeights ? { caseWeights: JSON.stringify(input.caseWeights) } : {}),
  };
  await inTenant(db, viewer.municipality.id, (trx) =>
    trx
      .insertInto('reportingSettings')
      .values({ municipalityId: viewer.municipality.id, ...values })
      .onConflict((oc) => oc.column('municipalityId').doUpdateSet({ ...values, updatedAt: sql`now()` }))
      .execute(),
  );
  // The figures depend on the settings (age bands, windows): recompute them. A dashboard read
  // before it is done waits for it (the cube's settings differ).
  if (now) refreshInBackground(db, viewer.municipality.id, now, log);
  return reportingSettingsFor(db, viewer);
}
