// @stegvis/rules — the only public entry: the monthly ekonomiskt bistånd calculation, decided reductions applied after it,
// its types, and the example municipal guideline set. Pure: no I/O, no clock, no env.

import exampleGuidelineSetData from './guidelines/example-guideline-set.json' with { type: 'json' };
import type { GuidelineSet } from './guidelines/types.ts';

export type { Ore } from './core/money.ts';
export { validateGuidelineSet } from './guidelines/caps.ts';
export type {
  GuidelineCap,
  GuidelineCostType,
  GuidelineOwner,
  GuidelineSection,
  GuidelineSet,
  GuidelineVersion,
} from './guidelines/types.ts';
export { type CalculateOptions, calculate } from './norm/calculate.ts';
export { calculateJson } from './norm/calculate-json.ts';
export {
  type ApplicantMember,
  type CalculationError,
  type CalculationErrorCode,
  type CalculationInput,
  type CalculationOutput,
  type CalculationResult,
  type ChildMember,
  type Cost,
  type EmploymentIncome,
  ERROR_DESCRIPTIONS,
  type Explanation,
  type GuidelineCapWarning,
  type Household,
  INCOME_TYPES,
  type Income,
  type IncomeType,
  type InputExplanation,
  type InputIssue,
  type IsoDate,
  type IsoMonth,
  isCalculationError,
  type Line,
  type LineCode,
  type Member,
  type MemberRole,
  type NormAdjustment,
  OTHER_LIVING_COST_SUBTYPES,
  type OtherIncome,
  type OtherLivingCost,
  type OtherLivingCostSubtype,
  type PartnerMember,
  REASONABLE_COST_TYPES,
  type ReasonableCost,
  type ReasonableCostType,
  type SecondarySourceWarning,
  type Warning,
  type WarningCode,
} from './norm/types.ts';
export type { Confidence, ParameterExplanation } from './parameters/tables.ts';
export {
  applyReductions,
  type DecidedReduction,
  type LegalStatus,
  REDUCTION_KINDS,
  type ReducedCalculationResult,
  type ReductionBasisReference,
  type ReductionKind,
  type ReductionLine,
  type ReductionLineCode,
  reductionBasisFor,
} from './reductions/apply-reductions.ts';

/** EXEMPEL — an invented guideline set ("Fyrkantskommunerna", fiktiv); not law, not a real municipality. */
export const exampleGuidelineSet: GuidelineSet = exampleGuidelineSetData as GuidelineSet;
