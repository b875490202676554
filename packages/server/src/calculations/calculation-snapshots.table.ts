import type { Generated } from 'kysely';

/** Beräkning — an immutable snapshot: the input, what the rules computed, parameters and guideline set. */
export type CalculationTable = {
  municipalityId: string;
  id: string;
  errandId: string;
  input: unknown;
  result: unknown;
  /** The riksnorm table used, e.g. "riksnorm-2026". */
  parameterSet: string;
  guidelineSetId: string | null;
  /** Öre. */
  assistance: number;
  createdBy: string | null;
  createdAt: Generated<Date>;
};
