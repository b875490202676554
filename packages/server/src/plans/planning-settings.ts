// Planning settings per municipality: the plan deadline after the first decision, the
// follow-up cadence, the time for a documented proposal and the young-adult age band.
// Municipalities differ (one follows plans up quarterly), so these are data, not constants.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';

export type PlanningSettings = {
  planDeadlineDays: number;
  followUpIntervalMonths: number;
  proposalWithinMonths: number;
  youngAdultBand: { minAge: number; maxAge: number };
  /** Months in a row with assistance and no planned activity before an adult is listed. */
  withoutActivityMonths: number;
};

/** Used when a municipality has no settings row yet (same defaults as the migration). */
export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  planDeadlineDays: 14,
  followUpIntervalMonths: 2,
  proposalWithinMonths: 6,
  youngAdultBand: { minAge: 18, maxAge: 24 },
  withoutActivityMonths: 3,
};

export async function planningSettings(
  trx: Kysely<Database>,
  municipalityId: string,
): Promise<PlanningSettings> {
  const row = await trx
    .selectFrom('planningSettings')
    .selectAll()
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return DEFAULT_PLANNING_SETTINGS;
  return {
    planDeadlineDays: row.planDeadlineDays,
    followUpIntervalMonths: row.followUpIntervalMonths,
    proposalWithinMonths: row.proposalWithinMonths,
    youngAdultBand: { minAge: row.youngAdultMinAge, maxAge: row.youngAdultMaxAge },
    withoutActivityMonths: row.withoutActivityMonths,
  };
}

export async function getPlanningSettings(
  db: Kysely<Database>,
  viewer: SessionUser,
): Promise<PlanningSettings> {
  return inTenant(db, viewer.municipality.id, (trx) => planningSettings(trx, viewer.municipality.id));
}

/** The unit manager changes the municipality's cadence, deadlines and age band (no person data). */
export async function updatePlanningSettings(
  db: Kysely<Database>,
  _request: FastifyRequest,
  viewer: SessionUser,
  input: PlanningSettings,
  now: Date,
): Promise<PlanningSettings> {
  if (input.youngAdultBand.minAge > input.youngAdultBand.maxAge)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/youngAdultBand/maxAge', detail: 'Den övre åldern kan inte vara lägre än den nedre' },
    ]);
  const values = {
    planDeadlineDays: input.planDeadlineDays,
    followUpIntervalMonths: input.followUpIntervalMonths,
    proposalWithinMonths: input.proposalWithinMonths,
    youngAdultMinAge: input.youngAdultBand.minAge,
    youngAdultMaxAge: input.youngAdultBand.maxAge,
    withoutActivityMonths: input.withoutActivityMonths,
    updatedAt: now,
  };
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await trx
      .insertInto('planningSettings')
      .values({ municipalityId: viewer.municipality.id, ...values })
      .onConflict((oc) => oc.column('municipalityId').doUpdateSet(values))
      .execute();
    return planningSettings(trx, viewer.municipality.id);
  });
}

/** Demo data: Älvstad follows plans up every two months, Sjöby quarterly. */
const DEMO_SETTINGS: Record<string, { followUpIntervalMonths: number }> = {
  alvstad: { followUpIntervalMonths: 2 },
  sjoby: { followUpIntervalMonths: 3 },
};

export async function seedPlanningSettings(db: Kysely<Database>, municipalityId: string): Promise<void> {
  const demo = DEMO_SETTINGS[municipalityId];
  await inTenant(db, municipalityId, (trx) =>
    trx
      .insertInto('planningSettings')
      .values({ municipalityId, ...(demo ?? {}) })
      .onConflict((oc) => oc.column('municipalityId').doNothing())
      .execute(),
  );
}

/** Adds whole months to an ISO date, clamping to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Today in Sweden as an ISO date. */
export function isoDay(now: Date): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
