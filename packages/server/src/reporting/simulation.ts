// Policy simulation: take every household's latest calculation for a month, run its stored input
// through @stegvis/rules again, apply the proposed change and show the distribution of changes
// by household type and the total cost. The rules engine takes no replacement riksnorm table,
// so a proposed norm is given as a percentage change of the norm the engine computes (the
// "proposed 2027 norm" is then e.g. +2.5 %); a benefit cap (bidragstak) limits the assistance
// per household and month. Neither changes any stored calculation.
import { type CalculationInput, calculate, isCalculationError } from '@stegvis/rules';
import { type Kysely, sql } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { HOUSEHOLD_TYPES, type HouseholdType, householdTypeOf } from './indicators.compute.ts';

export type SimulationParameters = {
  month: string;
  /** Change of the norm (riksnorm and common household costs), percent, e.g. 2.5. */
  normChangePercent: number;
  /** Highest assistance per household and month, öre; null = no cap. */
  benefitCap: number | null;
};

export const CHANGE_BUCKETS = [
  { key: 'decreaseOver1000', max: -100_001 },
  { key: 'decreaseUpTo1000', max: -1 },
  { key: 'unchanged', max: 0 },
  { key: 'increaseUpTo1000', max: 100_000 },
  { key: 'increaseOver1000', max: Number.POSITIVE_INFINITY },
] as const;

export type SimulatedHousehold = { householdType: HouseholdType; baseline: number; simulated: number };

/** The proposed assistance for one calculation result. */
export function simulateOne(
  result: { norm: number; reasonableCosts: number; otherLivingCosts: number; countedIncome: number },
  parameters: Pick<SimulationParameters, 'normChangePercent' | 'benefitCap'>,
): number {
  const norm = Math.round(result.norm * (1 + parameters.normChangePercent / 100));
  const need = norm + result.reasonableCosts + result.otherLivingCosts;
  const assistance = Math.max(0, need - result.countedIncome);
  return parameters.benefitCap === null ? assistance : Math.min(assistance, parameters.benefitCap);
}

export function summarizeSimulation(households: SimulatedHousehold[], suppress: boolean) {
  const groups = [...HOUSEHOLD_TYPES, 'all' as const].map((type) => {
    const list = type === 'all' ? households : households.filter((h) => h.householdType === type);
    const hidden = suppress && list.length > 0 && list.length < SUPPRESSION_THRESHOLD;
    const baseline = list.reduce((s, h) => s + h.baseline, 0);
    const simulated = list.reduce((s, h) => s + h.simulated, 0);
    const buckets = Object.fromEntries(CHANGE_BUCKETS.map((b) => [b.key, 0])) as Record<
      (typeof CHANGE_BUCKETS)[number]['key'],
      number
    >;
    for (const h of list) {
      const change = h.simulated - h.baseline;
      const bucket = CHANGE_BUCKETS.find((b) => change <= b.max) ?? CHANGE_BUCKETS[4];
      buckets[bucket.key]++;
    }
    return {
      householdType: type,
      households: hidden ? null : list.length,
      baselineTotal: hidden ? null : baseline,
      simulatedTotal: hidden ? null : simulated,
      change: hidden ? null : simulated - baseline,
      averageChange: hidden || list.length === 0 ? null : Math.round((simulated - baseline) / list.length),
      buckets: hidden ? null : buckets,
      suppressed: hidden,
    };
  });
  return groups;
}

export async function runSimulation(
  db: Kysely<Database>,
  viewer: SessionUser,
  parameters: SimulationParameters,
) {
  const unitId = viewer.role === 'unitManager' ? (viewer.unit?.id ?? '') : null;
  const started = performance.now();
  const rows = await inTenant(db, viewer.municipality.id, async (trx) => {
    const calculations = await sql<{ householdId: string; input: unknown; assistance: number }>`
      select distinct on (e.household_id) e.household_id as "householdId", c.input, c.assistance
      from calculations c
      join errands e on e.municipality_id = c.municipality_id and e.id = c.errand_id
      where c.municipality_id = ${viewer.municipality.id} and e.month = ${parameters.month}
        and ${unitId === null ? sql`true` : sql`e.unit_id = ${unitId}`}
      order by e.household_id, c.created_at desc
    `.execute(trx);
    return calculations.rows;
  });
  const households: SimulatedHousehold[] = [];
  let refused = 0;
  for (const row of rows) {
    const input = (typeof row.input === 'string' ? JSON.parse(row.input) : row.input) as CalculationInput;
    const output = calculate(input, { lines: false });
    if (isCalculationError(output)) {
      refused++;
      continue;
    }
    const members = input.household.members;
    const children = members.filter((m) => m.role === 'child').length;
    households.push({
      householdType: householdTypeOf(members.length - children, children),
      baseline: output.assistance,
      simulated: simulateOne(output, parameters),
    });
  }
  return {
    ...parameters,
    households: households.length,
    refused,
    elapsedMs: Math.round(performance.now() - started),
    groups: summarizeSimulation(households, viewer.role === 'committee' || viewer.role === 'auditor'),
  };
}
