// The calculation's input and output, exactly as in contracts/norm-calculation.md (v1).
// Input types are discriminated unions so an impossible combination does not type-check.

import type { Ore } from '../core/money.ts';
import type { ParameterExplanation } from '../parameters/tables.ts';

/** Datum, "YYYY-MM-DD". */
export type IsoDate = string;
/** Månad, "YYYY-MM". */
export type IsoMonth = string;

/** Sökande — the person who applies. */
export interface ApplicantMember {
  id: string;
  role: 'applicant';
  birthDate: IsoDate;
  /** Jobbstimulans applies this month (SoL 2025:400 12 kap. 8 §); eligibility is decided by the case system. */
  jobStimulus?: boolean;
}

/** Make eller sambo. */
export interface PartnerMember {
  id: string;
  role: 'partner';
  birthDate: IsoDate;
  jobStimulus?: boolean;
}

/** Hemmavarande barn eller skolungdom (under 21). */
export interface ChildMember {
  id: string;
  role: 'child';
  birthDate: IsoDate;
  /** Ages 0–6: lunch is not eaten at the household's expense five weekdays a week (förskola etc.). */
  weekdayLunchesProvided?: boolean;
  /** Attends grundskola, gymnasieskola or comparable; required from age 18. */
  inSchool?: boolean;
  /** Own-work earnings earlier this calendar year, öre (SoL 2025:400 12 kap. 9 §). */
  earningsEarlierThisYear?: Ore;
  /** Växelvis boende / umgänge: days (1–30) the child lives in this household this month. */
  daysInHousehold?: number;
}

export type Member = ApplicantMember | PartnerMember | ChildMember;
export type MemberRole = Member['role'];

export interface Household {
  members: Member[];
  /** Hushållsgemenskap with people outside the applying household (SoF 2025:468 12 kap. 3 § andra stycket). */
  sharedHouseholdSize?: number;
}

/** Norm above or below riksnorm in an individual case (SoL 2025:400 12 kap. 7 § tredje stycket). */
export interface NormAdjustment {
  memberId?: string;
  /** Öre; may be negative. */
  amount: Ore;
  reason: string;
}

/** Skäliga kostnader (SoL 2025:400 12 kap. 7 § första stycket 2). */
export const REASONABLE_COST_TYPES = [
  'housing',
  'householdElectricity',
  'homeInsurance',
  'workTravel',
  'unionAndUnemploymentFund',
] as const;
export type ReasonableCostType = (typeof REASONABLE_COST_TYPES)[number];

/** Levnadskostnader i övrigt (SoL 2025:400 12 kap. 1 §). */
export const OTHER_LIVING_COST_SUBTYPES = [
  'childcareFee',
  'medicalCare',
  'medicine',
  'dentalCare',
  'glasses',
  'accessVisits',
  'other',
] as const;
export type OtherLivingCostSubtype = (typeof OTHER_LIVING_COST_SUBTYPES)[number];

export interface ReasonableCost {
  type: ReasonableCostType;
  memberId?: string;
  amount: Ore;
}

export interface OtherLivingCost {
  type: 'otherLivingCost';
  subtype: OtherLivingCostSubtype;
  memberId?: string;
  amount: Ore;
}

export type Cost = ReasonableCost | OtherLivingCost;

export const INCOME_TYPES = [
  'employment',
  'childAllowance',
  'studentAid',
  'housingAllowance',
  'housingSupplement',
  'maintenanceSupport',
  'maintenancePayment',
  'sicknessBenefit',
  'sicknessCompensation',
  'parentalBenefit',
  'unemploymentBenefit',
  'activitySupport',
  'establishmentBenefit',
  'pension',
  'childPension',
  'studentLoan',
  'taxRefund',
  'previousSurplus',
  'other',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** Inkomst av anställning — always belongs to a member (jobbstimulans, children's earnings). */
export interface EmploymentIncome {
  type: 'employment';
  memberId: string;
  amount: Ore;
}

export interface OtherIncome {
  type: Exclude<IncomeType, 'employment'>;
  memberId?: string;
  amount: Ore;
}

export type Income = EmploymentIncome | OtherIncome;

/** One household's month to calculate. */
export interface CalculationInput {
  month: IsoMonth;
  household: Household;
  normAdjustments?: NormAdjustment[];
  costs: Cost[];
  incomes: Income[];
}

export type LineCode =
  | 'norm.personal.single'
  | 'norm.personal.couple'
  | 'norm.personal.child'
  | 'norm.common'
  | 'norm.adjustment'
  | `cost.${ReasonableCostType}`
  | `otherCost.${OtherLivingCostSubtype}`
  | `income.${IncomeType}`
  | 'disregard.jobStimulus'
  | 'disregard.childEarnings';

/** Where an input-given amount comes from: the JSON path of the input item. */
export interface InputExplanation {
  readonly input: string;
}

export type Explanation = ParameterExplanation | readonly ParameterExplanation[] | InputExplanation;

/** Beräkningsrad — one explained amount; the caseworker's screen and the decision letter render these. */
export interface Line {
  code: LineCode;
  memberIds: readonly string[];
  amount: Ore;
  /** Lagrum as in force in the calculated month. */
  basis: string;
  explanation?: Explanation;
  /** norm.adjustment: the caseworker's reason. */
  reason?: string;
  /** norm.personal.child: days in the household when prorated. */
  daysInHousehold?: number;
  /** norm.common: S when the shared-household rule applied. */
  sharedHouseholdSize?: number;
}

export type WarningCode = 'secondary_source' | 'guideline_cap_exceeded';

export interface SecondarySourceWarning {
  code: 'secondary_source';
  message: string;
  parameter: string;
}

export interface GuidelineCapWarning {
  code: 'guideline_cap_exceeded';
  message: string;
  guidelineSetId: string;
  section: string;
  costType: string;
  cap: Ore;
  amount: Ore;
}

export type Warning = SecondarySourceWarning | GuidelineCapWarning;

export interface CalculationResult {
  month: IsoMonth;
  /** The riksnorm table used, e.g. "riksnorm-2026". */
  parameters: string;
  norm: Ore;
  reasonableCosts: Ore;
  otherLivingCosts: Ore;
  need: Ore;
  income: Ore;
  disregardedIncome: Ore;
  countedIncome: Ore;
  assistance: Ore;
  surplus: Ore;
  warnings: Warning[];
  lines: Line[];
}

export interface InputIssue {
  /** JSON path with dots, e.g. "costs.0.amount"; "" for the whole input. */
  path: string;
  message: string;
}

export type CalculationErrorCode = 'invalid_input' | 'parameter_unavailable';

export type CalculationError =
  | { error: { code: 'invalid_input'; issues: InputIssue[] } }
  | { error: { code: 'parameter_unavailable'; parameter: string; month: IsoMonth } };

export type CalculationOutput = CalculationResult | CalculationError;

/** Plain Swedish for each error code — a Record so a new code does not compile until described. */
export const ERROR_DESCRIPTIONS: Record<CalculationErrorCode, string> = {
  invalid_input: 'Uppgifterna i beräkningen är inte kompletta eller inte giltiga.',
  parameter_unavailable: 'Ett belopp som beräkningen behöver är inte känt för månaden.',
};

export function isCalculationError(output: CalculationOutput): output is CalculationError {
  return 'error' in output;
}
