import type { Generated, JSONColumnType } from 'kysely';

/** Per-municipality reporting settings (defaults in the migration). */
export type ReportingSettingsTable = {
  municipalityId: string;
  ageBands: JSONColumnType<{ min: number; max: number | null }[], string | undefined, string>;
  youngAdultMinAge: Generated<number>;
  youngAdultMaxAge: Generated<number>;
  veryLongTermMonths: Generated<number>;
  veryLongTermWindow: Generated<number>;
  /** Folkmängd for population-based key figures, and the year it was counted. */
  population: number | null;
  populationYear: number | null;
  /** The weighted caseload's weights (migration 80); null: the defaults. */
  caseWeights: JSONColumnType<
    Partial<import('./indicators.compute.ts').CaseWeights> | null,
    string | null | undefined,
    string | null
  >;
  updatedAt: Generated<Date>;
};

/** Målvärde — the nämnd's target for one indicator and year (share 0–1, öre, or a number). */
export type IndicatorTargetTable = {
  municipalityId: string;
  indicatorId: string;
  year: number;
  target: number;
  updatedBy: string;
  updatedAt: Generated<Date>;
};

/** Which generation of the indicator cube is current, and what it covers (migration 80). */
export type IndicatorSnapshotTable = {
  municipalityId: string;
  generation: Generated<number>;
  asOfDay: string | null;
  refreshedAt: Date | null;
  dataAsOf: Date | null;
  settings: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  durationMs: number | null;
  households: number | null;
  cells: number | null;
  refreshingSince: Date | null;
  refreshError: string | null;
  /** The indicators behind indicator_subjects' bits, in bit order. */
  subjectIndicators: string[] | null;
  /** The first month with indicator_subjects rows. */
  subjectsFrom: string | null;
};

/**
 * One row of the indicator cube: per measure a sum of contributions with these attributes
 * (`n_<measure>`, `d_<measure>` columns, read with SQL: see cube.service.ts).
 */
export type IndicatorCellTable = {
  municipalityId: string;
  generation: number;
  month: string;
  unitId: string;
  gender: string;
  ageGroup: string;
  householdType: string;
  supportBarrier: string;
  caseworkerId: string | null;
  returnProvisional: boolean;
  referralProvisional: boolean;
};

/** Who counts in which figure of a recent month (the drill-down; see cube.service.ts). */
export type IndicatorSubjectTable = {
  municipalityId: string;
  generation: number;
  month: string;
  subjectId: string;
  personId: string;
  unitId: string;
  gender: string;
  ageGroup: string;
  householdType: string;
  supportBarrier: string;
  numerator: number;
  denominator: number;
};

/** The months a household was granted assistance (the audit draw's candidates; see cube.service.ts). */
export type AssistedHouseholdTable = {
  municipalityId: string;
  generation: number;
  householdId: string;
  months: string[];
};

/** A note that the data the indicators read changed (statement-level triggers). */
export type ReportingChangeTable = {
  municipalityId: string;
  changedAt: Generated<Date>;
};

/**
 * The consistency report's cells (migration 90): the latest decisions per errand summed per
 * month, errand unit, deciding caseworker and household type, in the cube's generations.
 */
export type ConsistencyCellTable = {
  municipalityId: string;
  generation: number;
  month: string;
  unitId: string;
  decidedBy: string;
  householdType: string;
  decisions: number;
  rejected: number;
  aboveCap: number;
  approved: number;
  granting: number;
  grantedSum: string | number;
  grantingHouseholds: number;
  /** The granting households' ids while fewer than five, else null. */
  fewHouseholds: string[] | null;
};
