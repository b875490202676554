// Consistency report (likabehandling): across the municipalities that have adopted the same
// guideline set, or across units or caseworkers of one municipality — how often costs above the
// guideline caps were approved, how often applications were rejected, and the average
// assistance per household type. Aggregates only; groups with fewer than five decisions are
// withheld. Each municipality's figures are read inside its own tenant transaction.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { findAdoptions } from '../guidelines/guidelines.queries.ts';
import { guidelineSetFor } from '../guidelines/guidelines.service.ts';
import { AppError } from '../http/problem.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { withoutJit } from './cube.service.ts';
import { HOUSEHOLD_TYPES, type HouseholdType } from './indicators.compute.ts';

export const CONSISTENCY_DIMENSIONS = ['municipality', 'unit', 'caseworker'] as const;
export type ConsistencyDimension = (typeof CONSISTENCY_DIMENSIONS)[number];

export type DecisionRow = {
  group: string;
  householdId: string;
  householdType: HouseholdType;
  grantedTotal: number;
  /** The calculation's assistance, null when the decision has no calculation. */
  calculated: number | null;
  aboveCap: boolean;
};

export type ConsistencyRow = {
  key: string;
  label: string;
  decisions: number | null;
  rejectionRate: number | null;
  aboveCap: number | null;
  aboveCapApprovedShare: number | null;
  averageByHouseholdType: Record<HouseholdType, number | null>;
  suppressed: boolean;
};

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const small = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;

/** Decisions summed per group and household type (what the SQL returns). */
export type DecisionAggregate = {
  group: string;
  householdType: HouseholdType;
  decisions: number;
  rejected: number;
  aboveCap: number;
  approved: number;
  granting: number;
  grantedSum: number;
  /** Distinct households among the granting decisions. */
  households: number;
};

/** Sums decision rows per group and household type, as the SQL does (for the pure tests). */
export function aggregateDecisions(rows: DecisionRow[]): DecisionAggregate[] {
  const out = new Map<string, DecisionAggregate & { ids: Set<string> }>();
  for (const r of rows) {
    const key = `${r.group}\t${r.householdType}`;
    let a = out.get(key);
    if (!a) {
      a = {
        group: r.group,
        householdType: r.householdType,
        decisions: 0,
        rejected: 0,
        aboveCap: 0,
        approved: 0,
        granting: 0,
        grantedSum: 0,
        households: 0,
        ids: new Set(),
      };
      out.set(key, a);
    }
    a.decisions++;
    if (r.grantedTotal === 0) a.rejected++;
    if (r.aboveCap) {
      a.aboveCap++;
      if (r.calculated !== null && r.grantedTotal >= r.calculated) a.approved++;
    }
    if (r.grantedTotal > 0) {
      a.granting++;
      a.grantedSum += r.grantedTotal;
      a.ids.add(r.householdId);
      a.households = a.ids.size;
    }
  }
  return [...out.values()].map(({ ids: _ids, ...a }) => a);
}

/**
 * Pure: the figures per group. Rejected = the decision grants nothing. Above the cap = the
 * calculation warned `guideline_cap_exceeded`; approved = the decision granted at least the
 * calculated assistance (the cost above the cap was accepted as reasonable).
 */
export function consistencyRows(
  rows: DecisionRow[],
  labels: Map<string, string>,
  suppress: boolean,
): ConsistencyRow[] {
  return consistencyFromAggregates(aggregateDecisions(rows), labels, suppress);
}

export function consistencyFromAggregates(
  aggregates: DecisionAggregate[],
  labels: Map<string, string>,
  suppress: boolean,
): ConsistencyRow[] {
  const groups = new Map<string, DecisionAggregate[]>();
  for (const a of aggregates) {
    const list = groups.get(a.group) ?? [];
    list.push(a);
    groups.set(a.group, list);
  }
  return [...groups]
    .map(([key, list]) => {
      const sum = (f: (a: DecisionAggregate) => number) => list.reduce((s, a) => s + f(a), 0);
      const decisions = sum((a) => a.decisions);
      const rejected = sum((a) => a.rejected);
      const above = sum((a) => a.aboveCap);
      const approved = sum((a) => a.approved);
      const averageByHouseholdType = Object.fromEntries(
        HOUSEHOLD_TYPES.map((type) => {
          const a = list.find((x) => x.householdType === type);
          const value =
            !a || a.granting === 0 || (suppress && small(a.households))
              ? null
              : Math.round(a.grantedSum / a.granting);
          return [type, value];
        }),
      ) as Record<HouseholdType, number | null>;
      const hidden = suppress && small(decisions);
      return {
        key,
        label: labels.get(key) ?? key,
        decisions: hidden ? null : decisions,
        rejectionRate: hidden ? null : round4(rejected / decisions),
        aboveCap: hidden || (suppress && small(above)) ? null : above,
        aboveCapApprovedShare:
          hidden || above === 0 || (suppress && small(above)) ? null : round4(approved / above),
        averageByHouseholdType: hidden
          ? (Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, null])) as Record<HouseholdType, null>)
          : averageByHouseholdType,
        suppressed: hidden,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}

/**
 * The period's decisions summed per group and household type in SQL: the latest decision per
 * errand of the period's months (an index lookup per errand, not a sort of every decision in
 * the history), the household's type from its membership in the errand's month. Set-based, so
 * the answer's size is groups × household types whatever the number of decisions.
 */
async function decisionAggregates(
  trx: Kysely<Database>,
  municipalityId: string,
  from: string,
  to: string,
  dimension: ConsistencyDimension,
  unitId: string | null,
): Promise<DecisionAggregate[]> {
  const group =
    dimension === 'municipality'
      ? sql`${municipalityId}::text`
      : dimension === 'unit'
        ? sql`unit_id`
        : sql`decided_by::text`;
  const result = await sql<{
    group: string;
    householdType: HouseholdType;
    decisions: string;
    rejected: string;
    aboveCap: string;
    approved: string;
    granting: string;
    grantedSum: string;
    households: string;
  }>`
    with latest as (
      select e.unit_id, e.household_id, e.month, d.decided_by, d.granted_total, c.assistance as calculated,
             coalesce(c.result -> 'warnings', '[]'::jsonb) @> '[{"code":"guideline_cap_exceeded"}]'::jsonb as above_cap
      from errands e
      join lateral (
        select decided_by, granted_total, calculation_id from decisions d
        where d.municipality_id = e.municipality_id and d.errand_id = e.id
        order by decided_at desc limit 1
      ) d on true
      left join calculations c on c.municipality_id = e.municipality_id and c.id = d.calculation_id
      where e.municipality_id = ${municipalityId} and e.month >= ${from} and e.month <= ${to}
        and ${unitId === null ? sql`true` : sql`e.unit_id = ${unitId}`}
    ), typed as (
      select l.*, (
        select case
                 when count(*) filter (where hm.role <> 'child') >= 2
                   then case when bool_or(hm.role = 'child') then 'coupleWithChildren' else 'coupleNoChildren' end
                 else case when bool_or(hm.role = 'child') then 'singleWithChildren' else 'singleNoChildren' end
               end
        from household_members hm
        where hm.municipality_id = ${municipalityId} and hm.household_id = l.household_id
          and hm.valid_from <= ((l.month || '-01')::date + interval '1 month' - interval '1 day')::date
          and (hm.valid_to is null or hm.valid_to >= (l.month || '-01')::date)
      ) as household_type
      from latest l
    )
    select ${group} as "group", household_type as "householdType",
           count(*) as decisions,
           count(*) filter (where granted_total = 0) as rejected,
           count(*) filter (where above_cap) as "aboveCap",
           count(*) filter (where above_cap and calculated is not null and granted_total >= calculated) as approved,
           count(*) filter (where granted_total > 0) as granting,
           coalesce(sum(granted_total) filter (where granted_total > 0), 0) as "grantedSum",
           count(distinct household_id) filter (where granted_total > 0) as households
    from typed
    group by 1, 2
  `.execute(trx);
  return result.rows.map((r) => ({
    group: r.group,
    householdType: r.householdType,
    decisions: Number(r.decisions),
    rejected: Number(r.rejected),
    aboveCap: Number(r.aboveCap),
    approved: Number(r.approved),
    granting: Number(r.granting),
    grantedSum: Number(r.grantedSum),
    households: Number(r.households),
  }));
}

export async function consistencyReport(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  query: { from: string; to: string; dimension: ConsistencyDimension },
) {
  const manager = viewer.role === 'unitManager';
  if (manager && query.dimension === 'municipality')
    throw new AppError('forbidden', 'Jämförelsen mellan kommuner är nämndens och revisorns');
  const unitId = manager ? (viewer.unit?.id ?? '') : null;
  const set = await guidelineSetFor(db, viewer.municipality.id, isoDay(now).slice(0, 7));
  let municipalities = [{ id: viewer.municipality.id, name: viewer.municipality.name }];
  if (query.dimension === 'municipality' && set) {
    const region = await db
      .selectFrom('municipalities')
      .select('regionId')
      .where('id', '=', viewer.municipality.id)
      .executeTakeFirst();
    const neighbours = region?.regionId
      ? await db
          .selectFrom('municipalities')
          .select(['id', 'name'])
          .where('regionId', '=', region.regionId)
          .orderBy('name')
          .execute()
      : [];
    const sharing = [];
    for (const m of neighbours)
      if (
        (await findAdoptions(db, m.id)).some((a) => a.guidelineSetId === set.id) ||
        m.id === viewer.municipality.id
      )
        sharing.push(m);
    municipalities = sharing;
  }
  const rows: DecisionAggregate[] = [];
  const labels = new Map<string, string>();
  for (const m of municipalities) {
    labels.set(m.id, m.name);
    await inTenant(db, m.id, async (trx) => {
      await withoutJit(trx);
      // Not push(...rows): one argument per decision overflowed the call stack at 20 000 households.
      for (const a of await decisionAggregates(trx, m.id, query.from, query.to, query.dimension, unitId))
        rows.push(a);
      if (query.dimension === 'unit') {
        for (const u of await trx.selectFrom('units').select(['id', 'name']).execute())
          labels.set(u.id, u.name);
      }
      if (query.dimension === 'caseworker') {
        for (const s of await trx.selectFrom('staffUsers').select(['id', 'name']).execute())
          labels.set(s.id, s.name);
      }
    });
  }
  return {
    from: query.from,
    to: query.to,
    dimension: query.dimension,
    guidelineSet: set ? { id: set.id, name: set.name } : null,
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    rows: consistencyFromAggregates(rows, labels, !manager),
  };
}
