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
import { HOUSEHOLD_TYPES, type HouseholdType, lastDay } from './indicators.compute.ts';

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
  const groups = new Map<string, DecisionRow[]>();
  for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return [...groups]
    .map(([key, list]) => {
      const rejected = list.filter((r) => r.grantedTotal === 0).length;
      const above = list.filter((r) => r.aboveCap);
      const approved = above.filter((r) => r.calculated !== null && r.grantedTotal >= r.calculated).length;
      const averageByHouseholdType = Object.fromEntries(
        HOUSEHOLD_TYPES.map((type) => {
          const granted = list.filter((r) => r.householdType === type && r.grantedTotal > 0);
          const households = new Set(granted.map((r) => r.householdId)).size;
          const value =
            granted.length === 0 || (suppress && small(households))
              ? null
              : Math.round(granted.reduce((s, r) => s + r.grantedTotal, 0) / granted.length);
          return [type, value];
        }),
      ) as Record<HouseholdType, number | null>;
      const hidden = suppress && small(list.length);
      return {
        key,
        label: labels.get(key) ?? key,
        decisions: hidden ? null : list.length,
        rejectionRate: hidden ? null : round4(rejected / list.length),
        aboveCap: hidden || (suppress && small(above.length)) ? null : above.length,
        aboveCapApprovedShare:
          hidden || above.length === 0 || (suppress && small(above.length))
            ? null
            : round4(approved / above.length),
        averageByHouseholdType: hidden
          ? (Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, null])) as Record<HouseholdType, null>)
          : averageByHouseholdType,
        suppressed: hidden,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}

async function decisionRows(
  trx: Kysely<Database>,
  municipalityId: string,
  from: string,
  to: string,
  dimension: ConsistencyDimension,
  unitId: string | null,
): Promise<DecisionRow[]> {
  const result = await sql<{
    unitId: string;
    decidedBy: string;
    householdId: string;
    month: string;
    grantedTotal: number;
    calculated: number | null;
    aboveCap: boolean | null;
  }>`
    select e.unit_id as "unitId", d.decided_by as "decidedBy", e.household_id as "householdId", e.month,
           d.granted_total as "grantedTotal", c.assistance as calculated,
           coalesce(c.result -> 'warnings', '[]'::jsonb) @> '[{"code":"guideline_cap_exceeded"}]'::jsonb as "aboveCap"
    from (
      select distinct on (errand_id) id, errand_id, granted_total, decided_by, calculation_id
      from decisions where municipality_id = ${municipalityId}
      order by errand_id, decided_at desc
    ) d
    join errands e on e.municipality_id = ${municipalityId} and e.id = d.errand_id
    left join calculations c on c.municipality_id = ${municipalityId} and c.id = d.calculation_id
    where e.month >= ${from} and e.month <= ${to}
      and ${unitId === null ? sql`true` : sql`e.unit_id = ${unitId}`}
  `.execute(trx);
  if (result.rows.length === 0) return [];
  const households = [...new Set(result.rows.map((r) => r.householdId))];
  const members = await trx
    .selectFrom('householdMembers')
    .select([
      'householdId',
      'role',
      sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('validFrom'),
      sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('validTo'),
    ])
    .where('householdId', 'in', households)
    .execute();
  const typeOf = (householdId: string, month: string): HouseholdType => {
    const inMonth = members.filter(
      (m) =>
        m.householdId === householdId &&
        m.validFrom <= lastDay(month) &&
        (m.validTo === null || m.validTo >= `${month}-01`),
    );
    const adults = inMonth.filter((m) => m.role !== 'child').length;
    const children = inMonth.some((m) => m.role === 'child');
    return adults >= 2
      ? children
        ? 'coupleWithChildren'
        : 'coupleNoChildren'
      : children
        ? 'singleWithChildren'
        : 'singleNoChildren';
  };
  return result.rows.map((r) => ({
    group: dimension === 'municipality' ? municipalityId : dimension === 'unit' ? r.unitId : r.decidedBy,
    householdId: r.householdId,
    householdType: typeOf(r.householdId, r.month),
    grantedTotal: Number(r.grantedTotal),
    calculated: r.calculated === null ? null : Number(r.calculated),
    aboveCap: r.aboveCap === true,
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
  const rows: DecisionRow[] = [];
  const labels = new Map<string, string>();
  for (const m of municipalities) {
    labels.set(m.id, m.name);
    await inTenant(db, m.id, async (trx) => {
      rows.push(...(await decisionRows(trx, m.id, query.from, query.to, query.dimension, unitId)));
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
    rows: consistencyRows(rows, labels, !manager),
  };
}
