// Consistency report (likabehandling): across the municipalities that have adopted the same
// guideline set, or across units or caseworkers of one municipality — how often costs above the
// guideline caps were approved, how often applications were rejected, and the average
// assistance per household type. Aggregates only. Each municipality's figures are read inside
// its own tenant transaction.
//
// The figures come from the indicator cube (docs/indicators.md, "Consistency report"): its
// refresh sums the latest decision of every errand into `consistency_cells` per month, errand
// unit, deciding caseworker and household type (cube.service.ts `addConsistencyDecisions`), and
// the report sums the period's cells per group and household type (`cubeConsistency`) — a few
// thousand rows whatever the number of decisions.
//
// Small groups (nämnd and revisor): a group with 1–4 decisions is withheld; a household type's
// average is withheld when its granting decisions come from 1–4 distinct households, counted
// over the whole period (a household granted in three months counts once). Distinct counts do
// not add up over cells, so a cell keeps the ids of its granting households while they are fewer
// than five: if any cell of a group has five or more, so has the group; otherwise the union of
// the cells' ids gives the exact count. consistency.test.ts computes the same from raw decision
// rows as its reference.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { findAdoptions } from '../guidelines/guidelines.queries.ts';
import { guidelineSetFor } from '../guidelines/guidelines.service.ts';
import { AppError } from '../http/problem.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { cubeConsistency, ensureCube, type Snapshot } from './cube.service.ts';
import { HOUSEHOLD_TYPES, type HouseholdType } from './indicators.compute.ts';

export const CONSISTENCY_DIMENSIONS = ['municipality', 'unit', 'caseworker'] as const;
export type ConsistencyDimension = (typeof CONSISTENCY_DIMENSIONS)[number];

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

/** Decisions summed per group and household type (what `cubeConsistency` returns). */
export type DecisionAggregate = {
  group: string;
  householdType: HouseholdType;
  decisions: number;
  rejected: number;
  aboveCap: number;
  approved: number;
  granting: number;
  grantedSum: number;
  /**
   * Distinct households among the granting decisions — exact below SUPPRESSION_THRESHOLD; from
   * the cube, at or above it a lower bound that is itself at or above it (all the rule needs).
   */
  households: number;
};

/**
 * Pure: the figures per group. Rejected = the decision grants nothing. Above the cap = the
 * calculation warned `guideline_cap_exceeded`; approved = the decision granted at least the
 * calculated assistance (the cost above the cap was accepted as reasonable).
 */
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

export async function consistencyReport(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  query: { from: string; to: string; dimension: ConsistencyDimension },
  log?: FastifyBaseLogger,
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
  const snapshots: Snapshot[] = [];
  for (const m of municipalities) {
    labels.set(m.id, m.name);
    // Outside the read's transaction: a refresh runs in its own.
    snapshots.push(await ensureCube(db, m.id, now, log));
    await inTenant(db, m.id, async (trx) => {
      const aggregates = await cubeConsistency(trx, m.id, {
        from: query.from,
        to: query.to,
        dimension: query.dimension,
        unitId,
      });
      for (const a of aggregates) rows.push(a);
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
    snapshot: oldest(snapshots),
    rows: consistencyFromAggregates(rows, labels, !manager),
  };
}

/**
 * How fresh the figures are, as the indicator report says it: across several municipalities
 * the oldest figures, stale or refreshing when any is.
 */
function oldest(snapshots: Snapshot[]) {
  const first = [...snapshots].sort((a, b) => a.refreshedAt.localeCompare(b.refreshedAt))[0];
  if (!first) throw new Error('consistency report: no municipality');
  return {
    asOfDay: snapshots.map((s) => s.asOfDay).sort()[0] as string,
    refreshedAt: first.refreshedAt,
    stale: snapshots.some((s) => s.stale),
    refreshing: snapshots.some((s) => s.refreshing),
    durationMs: snapshots.reduce<number | null>(
      (most, s) => (s.durationMs === null ? most : Math.max(most ?? 0, s.durationMs)),
      null,
    ),
  };
}
