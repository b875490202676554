// One household's ekonomiskt bistånd for one month: riksnorm + reasonable costs + levnadskostnader
// i övrigt − counted income, with an explained line per amount (contracts/norm-calculation.md).

import { percentRoundedDown, roundHalfUpToKrona } from '../core/money.ts';
import { type CompiledGuidelineSet, compileGuidelineSet, guidelineCapWarnings } from '../guidelines/caps.ts';
import type { GuidelineSet } from '../guidelines/types.ts';
import {
  AGE_TO_BAND,
  COMMON_TABLE_SIZES,
  EXPLANATIONS,
  LEGAL_BASES,
  type LegalBases,
  PARAMETER_NAMES,
  type ParameterExplanation,
  SLOT_CHILD,
  SLOT_CHILD_WITHOUT_LUNCH,
  SLOT_COMMON,
  SLOT_COUNT,
  SLOT_COUPLE,
  SLOT_JOB_STIMULUS_PERCENT,
  SLOT_PRISBASBELOPP,
  SLOT_SINGLE,
  STATUS,
  STATUS_SECONDARY,
  STATUS_UNAVAILABLE,
  TABLE_LABELS,
  VALUES,
} from '../parameters/tables.ts';
import type {
  CalculationError,
  CalculationInput,
  CalculationOutput,
  ChildMember,
  IncomeType,
  InputIssue,
  Line,
  LineCode,
  Member,
  OtherLivingCostSubtype,
  ReasonableCostType,
  Warning,
} from './types.ts';
import { createPrepared, ROLE_CHILD, ROLE_PARTNER, validateInput } from './validate.ts';

export interface CalculateOptions {
  /** Add an `explanation` (parameter, value, validFrom, source, confidence) to every line. */
  explain?: boolean;
  /** Build `lines` (default true). false skips them for batch speed; the totals are identical. */
  lines?: boolean;
  /** Municipal guideline set whose caps add warnings (never change amounts). */
  guidelines?: GuidelineSet;
}

if (SLOT_COUNT > 31) throw new Error('parameter slots no longer fit the secondary-source bit mask');

const prepared = createPrepared();

/** Parameters the current calculation needed, a bit per slot: secondary ones, and unavailable ones. */
let secondaryUsed = 0;
let unavailableUsed = 0;

/** The value of a parameter in the month, or -1 when unavailable (remembered for the error). */
function take(row: number, slot: number): number {
  const status = STATUS[row + slot];
  if (status === STATUS_UNAVAILABLE) {
    unavailableUsed |= 1 << slot;
    return -1;
  }
  if (status === STATUS_SECONDARY) secondaryUsed |= 1 << slot;
  return VALUES[row + slot] as number;
}

/**
 * Gemensamma hushållskostnader for a household of `size` (SoF 2025:468 12 kap. 3 § första
 * stycket): the table up to seven, then size7 − size6 for each further member.
 */
function commonCosts(row: number, size: number): number {
  if (size <= COMMON_TABLE_SIZES) return take(row, SLOT_COMMON + size - 1);
  const seven = take(row, SLOT_COMMON + COMMON_TABLE_SIZES - 1);
  const six = take(row, SLOT_COMMON + COMMON_TABLE_SIZES - 2);
  return seven + (size - COMMON_TABLE_SIZES) * (seven - six);
}

function commonExplanation(row: number, size: number): ParameterExplanation | ParameterExplanation[] {
  const slot = SLOT_COMMON + Math.min(size, COMMON_TABLE_SIZES) - 1;
  const explanation = EXPLANATIONS[row + slot] as ParameterExplanation;
  if (size <= COMMON_TABLE_SIZES) return explanation;
  return [explanation, EXPLANATIONS[row + slot - 1] as ParameterExplanation];
}

const COST_LINE_CODES: Record<ReasonableCostType, LineCode> = {
  housing: 'cost.housing',
  householdElectricity: 'cost.householdElectricity',
  homeInsurance: 'cost.homeInsurance',
  workTravel: 'cost.workTravel',
  unionAndUnemploymentFund: 'cost.unionAndUnemploymentFund',
};

const OTHER_COST_LINE_CODES: Record<OtherLivingCostSubtype, LineCode> = {
  childcareFee: 'otherCost.childcareFee',
  medicalCare: 'otherCost.medicalCare',
  medicine: 'otherCost.medicine',
  dentalCare: 'otherCost.dentalCare',
  glasses: 'otherCost.glasses',
  accessVisits: 'otherCost.accessVisits',
  other: 'otherCost.other',
};

const INCOME_LINE_CODES: Record<IncomeType, LineCode> = {
  employment: 'income.employment',
  childAllowance: 'income.childAllowance',
  studentAid: 'income.studentAid',
  housingAllowance: 'income.housingAllowance',
  housingSupplement: 'income.housingSupplement',
  maintenanceSupport: 'income.maintenanceSupport',
  maintenancePayment: 'income.maintenancePayment',
  sicknessBenefit: 'income.sicknessBenefit',
  sicknessCompensation: 'income.sicknessCompensation',
  parentalBenefit: 'income.parentalBenefit',
  unemploymentBenefit: 'income.unemploymentBenefit',
  activitySupport: 'income.activitySupport',
  establishmentBenefit: 'income.establishmentBenefit',
  pension: 'income.pension',
  childPension: 'income.childPension',
  studentLoan: 'income.studentLoan',
  taxRefund: 'income.taxRefund',
  previousSurplus: 'income.previousSurplus',
  other: 'income.other',
};

function invalid(issues: InputIssue[]): CalculationError {
  return { error: { code: 'invalid_input', issues } };
}

function secondaryWarnings(row: number): Warning[] {
  const warnings: Warning[] = [];
  for (let slot = 0; secondaryUsed !== 0 && slot < SLOT_COUNT; slot++) {
    if ((secondaryUsed & (1 << slot)) === 0) continue;
    const explanation = EXPLANATIONS[row + slot] as ParameterExplanation;
    warnings.push({
      code: 'secondary_source',
      message:
        `Beloppet för ${explanation.parameter} (gäller från ${explanation.validFrom}) kommer från en sekundär källa ` +
        `(${explanation.source.join(', ')}) och är inte kontrollerat mot författningstexten. Kontrollera beloppet före beslut.`,
      parameter: explanation.parameter,
    });
  }
  return warnings;
}

/**
 * Calculates one household-month. Never throws: returns the result, or an error object
 * (`invalid_input` with every issue, or `parameter_unavailable`).
 */
export function calculate(input: unknown, options?: CalculateOptions): CalculationOutput {
  try {
    return calculateChecked(input, options);
  } catch {
    // Safety net only: validation is meant to make this unreachable (see the property tests).
    return invalid([{ path: '', message: 'could not be read as a calculation input' }]);
  }
}

function calculateChecked(input: unknown, options: CalculateOptions | undefined): CalculationOutput {
  const issues = validateInput(input, prepared);
  if (issues !== null) return invalid(issues);
  let guidelines: CompiledGuidelineSet | null = null;
  if (options?.guidelines !== undefined) {
    const compiled = compileGuidelineSet(options.guidelines);
    if (Array.isArray(compiled)) {
      return invalid(
        compiled.map((issue) => ({
          path: issue.path === '' ? 'options.guidelines' : `options.guidelines.${issue.path}`,
          message: issue.message,
        })),
      );
    }
    guidelines = compiled;
  }
  const data = input as CalculationInput;
  const withLines = options?.lines !== false;
  const explain = withLines && options?.explain === true;
  const lines: Line[] = [];
  const members = data.household.members;
  const memberCount = prepared.memberCount;
  const { roles, ages, costMembers, incomeMembers, adjustmentMembers } = prepared;
  const row = prepared.monthIndex * SLOT_COUNT;
  const basis = LEGAL_BASES[prepared.monthIndex] as LegalBases;
  const allIds: readonly string[] = withLines ? members.map((member) => member.id) : [];
  secondaryUsed = 0;
  unavailableUsed = 0;

  // 1. Personal costs, riksnorm (SoF 2025:468 12 kap. 2 §; before 2025-07 SoF 2001:937 2 kap. 1 §).
  let applicant = 0;
  let partner = -1;
  for (let i = 0; i < memberCount; i++) {
    if (roles[i] === ROLE_PARTNER) partner = i;
    else if (roles[i] !== ROLE_CHILD) applicant = i;
  }
  const adultSlot = partner >= 0 ? SLOT_COUPLE : SLOT_SINGLE;
  let personal = take(row, adultSlot);
  if (withLines) {
    const line: Line = {
      code: partner >= 0 ? 'norm.personal.couple' : 'norm.personal.single',
      memberIds:
        partner >= 0
          ? [(members[applicant] as Member).id, (members[partner] as Member).id]
          : [(members[applicant] as Member).id],
      amount: personal,
      basis: basis.riksnormPersonal,
    };
    if (explain) line.explanation = EXPLANATIONS[row + adultSlot] as ParameterExplanation;
    lines.push(line);
  }
  for (let i = 0; i < memberCount; i++) {
    if (roles[i] !== ROLE_CHILD) continue;
    const child = members[i] as ChildMember;
    const band = AGE_TO_BAND[ages[i] as number] as number;
    // "Utan lunch fem dagar per vecka" exists for ages 0–6 only; validation rejects the flag above 6.
    const slot = child.weekdayLunchesProvided === true ? SLOT_CHILD_WITHOUT_LUNCH + band : SLOT_CHILD + band;
    const full = take(row, slot);
    const days = child.daysInHousehold;
    // Växelvis boende: days ÷ 30, rounded to whole krona half up (contract rule 1).
    const amount = days === undefined ? full : roundHalfUpToKrona(full * days, 30);
    personal += amount;
    if (withLines) {
      const line: Line = {
        code: 'norm.personal.child',
        memberIds: [child.id],
        amount,
        basis: basis.riksnormPersonal,
      };
      if (days !== undefined) line.daysInHousehold = days;
      if (explain) line.explanation = EXPLANATIONS[row + slot] as ParameterExplanation;
      lines.push(line);
    }
  }

  // 2–3. Common household costs by size; shared household gets S × M ÷ S, rounded once
  // (SoF 2025:468 12 kap. 3 § första och andra stycket).
  const sharedSize = data.household.sharedHouseholdSize;
  const isShared = sharedSize !== undefined && sharedSize > memberCount;
  const fullCommon = commonCosts(row, isShared ? sharedSize : memberCount);
  const common = isShared ? roundHalfUpToKrona(fullCommon * memberCount, sharedSize) : fullCommon;
  if (withLines) {
    const line: Line = {
      code: 'norm.common',
      memberIds: allIds,
      amount: common,
      basis: isShared ? basis.sharedHousehold : basis.riksnormCommon,
    };
    if (isShared) line.sharedHouseholdSize = sharedSize;
    if (explain) line.explanation = commonExplanation(row, isShared ? sharedSize : memberCount);
    lines.push(line);
  }

  // 4. Norm adjustments, added as given (SoL 2025:400 12 kap. 7 § tredje stycket).
  let adjustments = 0;
  const normAdjustments = data.normAdjustments;
  if (normAdjustments !== undefined) {
    for (let i = 0; i < normAdjustments.length; i++) {
      const adjustment = normAdjustments[i] as NonNullable<CalculationInput['normAdjustments']>[number];
      adjustments += adjustment.amount;
      if (withLines) {
        const member = adjustmentMembers[i] as number;
        const line: Line = {
          code: 'norm.adjustment',
          memberIds: member < 0 ? allIds : [(members[member] as Member).id],
          amount: adjustment.amount,
          basis: basis.normAdjustment,
          reason: adjustment.reason,
        };
        if (explain) line.explanation = { input: `normAdjustments.${i}` };
        lines.push(line);
      }
    }
  }

  // 5. Reasonable costs (12 kap. 7 § första stycket 2) and levnadskostnader i övrigt (12 kap. 1 §).
  let reasonableCosts = 0;
  let otherLivingCosts = 0;
  const costs = data.costs;
  for (let i = 0; i < costs.length; i++) {
    const cost = costs[i] as CalculationInput['costs'][number];
    const isOther = cost.type === 'otherLivingCost';
    if (isOther) otherLivingCosts += cost.amount;
    else reasonableCosts += cost.amount;
    if (withLines) {
      const member = costMembers[i] as number;
      const line: Line = {
        code:
          cost.type === 'otherLivingCost' ? OTHER_COST_LINE_CODES[cost.subtype] : COST_LINE_CODES[cost.type],
        memberIds: member < 0 ? allIds : [(members[member] as Member).id],
        amount: cost.amount,
        basis: isOther ? basis.otherLivingCosts : basis.reasonableCosts,
      };
      if (explain) line.explanation = { input: `costs.${i}` };
      lines.push(line);
    }
  }

  // 6. Income, and the employment income that is not counted.
  const earnings = prepared.memberEarnings;
  const allowance = prepared.memberAllowance;
  const childDisregarded = prepared.memberDisregarded;
  for (let i = 0; i < memberCount; i++) {
    earnings[i] = 0;
    allowance[i] = -1;
    childDisregarded[i] = 0;
  }
  let income = 0;
  let disregardedIncome = 0;
  const incomes = data.incomes;
  for (let i = 0; i < incomes.length; i++) {
    const item = incomes[i] as CalculationInput['incomes'][number];
    income += item.amount;
    const member = incomeMembers[i] as number;
    if (item.type === 'employment') {
      earnings[member] = (earnings[member] as number) + item.amount;
      if (roles[member] === ROLE_CHILD) {
        // Children's own work: not counted up to one prisbasbelopp per calendar year, used up in
        // input order (SoL 2025:400 12 kap. 9 §; before 2025-07 SoL 2001:453 4 kap. 1 a §).
        if ((allowance[member] as number) < 0) {
          const yearly = take(row, SLOT_PRISBASBELOPP);
          const earlier = (members[member] as ChildMember).earningsEarlierThisYear ?? 0;
          allowance[member] = Math.max(0, yearly - earlier);
        }
        const disregard = Math.min(item.amount, allowance[member] as number);
        allowance[member] = (allowance[member] as number) - disregard;
        childDisregarded[member] = (childDisregarded[member] as number) + disregard;
        disregardedIncome += disregard;
      }
    }
    if (withLines) {
      const line: Line = {
        code: INCOME_LINE_CODES[item.type],
        memberIds: member < 0 ? allIds : [(members[member] as Member).id],
        amount: item.amount,
        basis: basis.income,
      };
      if (explain) line.explanation = { input: `incomes.${i}` };
      lines.push(line);
    }
  }
  for (let i = 0; i < memberCount; i++) {
    const earned = earnings[i] as number;
    if (earned === 0) continue;
    const person = members[i] as Member;
    if (person.role === 'child') {
      if (withLines) {
        const line: Line = {
          code: 'disregard.childEarnings',
          memberIds: [person.id],
          amount: childDisregarded[i] as number,
          basis: basis.childEarnings,
        };
        if (explain) line.explanation = EXPLANATIONS[row + SLOT_PRISBASBELOPP] as ParameterExplanation;
        lines.push(line);
      }
    } else if (person.jobStimulus === true) {
      // Jobbstimulans: 25 % of the member's total employment income, rounded down to whole öre
      // (SoL 2025:400 12 kap. 8 §; before 2025-07 SoL 2001:453 4 kap. 1 b §).
      const disregard = percentRoundedDown(earned, take(row, SLOT_JOB_STIMULUS_PERCENT));
      disregardedIncome += disregard;
      if (withLines) {
        const line: Line = {
          code: 'disregard.jobStimulus',
          memberIds: [person.id],
          amount: disregard,
          basis: basis.jobStimulus,
        };
        if (explain) line.explanation = EXPLANATIONS[row + SLOT_JOB_STIMULUS_PERCENT] as ParameterExplanation;
        lines.push(line);
      }
    }
  }

  // A value the rules needed is unknown or only inferred: no guessed result (contract). The
  // lowest slot is named, so the error does not depend on the order of the members.
  if (unavailableUsed !== 0) {
    const slot = 31 - Math.clz32(unavailableUsed & -unavailableUsed);
    return {
      error: { code: 'parameter_unavailable', parameter: PARAMETER_NAMES[slot] as string, month: data.month },
    };
  }

  // 7. Totals (contract rules 5 and 7).
  const norm = personal + common + adjustments;
  const need = norm + reasonableCosts + otherLivingCosts;
  const countedIncome = income - disregardedIncome;
  const warnings = secondaryUsed === 0 ? [] : secondaryWarnings(row);
  if (guidelines !== null)
    guidelineCapWarnings(guidelines, prepared.monthIndex, memberCount, costs, warnings);
  return {
    month: data.month,
    parameters: TABLE_LABELS[prepared.monthIndex] as string,
    norm,
    reasonableCosts,
    otherLivingCosts,
    need,
    income,
    disregardedIncome,
    countedIncome,
    assistance: need > countedIncome ? need - countedIncome : 0,
    surplus: countedIncome > need ? countedIncome - need : 0,
    warnings,
    lines,
  };
}
