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
