// One household's ekonomiskt bistånd for one month: riksnorm + reasonable costs + levnadskostnader
// i övrigt − counted income, with an explained line per amount (contracts/norm-calculation.md).

import { percentRoundedDown, roundHalfUpToKrona } from '../core/money.ts';
import { type CompiledGuidelineSet, compileGuidelineSet, guidelineCapWarnings } from '../guidelines/caps.ts';
import type { GuidelineSet } from '../guidelines/types.ts';
import {
  COMMON_TABLE_SIZES,
  EXPLANATIONS,
  LEGAL_BASES,
  type LegalBases,
  PARAMETER_NAMES,
  type ParameterExplanation,
  SLOT_COMMON,
  SLOT_COUNT,
  SLOT_JOB_STIMULUS_PERCENT,
  SLOT_PRISBASBELOPP,
  STATUS,
  STATUS_SECONDARY,
  STATUS_UNAVAILABLE,
  TABLE_LABELS,
  VALUES,
} from '../parameters/tables.ts';
import { acceptInput, COST_KIND_OTHER_FIRST, createFacts } from './accept.ts';
import {
  type CalculationError,
  type CalculationInput,
  type CalculationOutput,
  type Cost,
  INCOME_TYPES,
  type Income,
  type InputIssue,
  type Line,
  type LineCode,
  type NormAdjustment,
  OTHER_LIVING_COST_SUBTYPES,
  REASONABLE_COST_TYPES,
  type Warning,
} from './types.ts';
import { createPrepared, ROLE_CHILD, validateInput } from './validate.ts';

export interface CalculateOptions {
  /** Add an `explanation` (parameter, value, validFrom, source, confidence) to every line. */
  explain?: boolean;
  /** Build `lines` (default true). false skips them for batch speed; the totals are identical. */
  lines?: boolean;
  /** Municipal guideline set whose caps add warnings (never change amounts). */
  guidelines?: GuidelineSet;
}

if (SLOT_COUNT > 31) throw new Error('parameter slots no longer fit the secondary-source bit mask');

const facts = createFacts();
/** Working space of the full validator, used only when the fast accept path says no. */
const slowScratch = createPrepared();
/** Per member: the child's personal amount, and the disregarded employment income. */
let childAmounts = new Float64Array(16);
let memberDisregarded = new Float64Array(16);

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

/** Line code per cost kind (accept.ts): the reasonable-cost types, then the otherLivingCost subtypes. */
const COST_LINE_CODES: readonly LineCode[] = [
  ...REASONABLE_COST_TYPES.map((type): LineCode => `cost.${type}`),
  ...OTHER_LIVING_COST_SUBTYPES.map((subtype): LineCode => `otherCost.${subtype}`),
];

/** Line code per income kind (accept.ts), in INCOME_TYPES order. */
const INCOME_LINE_CODES: readonly LineCode[] = INCOME_TYPES.map((type): LineCode => `income.${type}`);

const DISAGREEMENT = 'could not be read as a calculation input';

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
  if (!acceptInput(input, facts)) {
    // Something is wrong: the full validator reports every problem by JSON path. The two agree
    // (accept.test.ts); should they ever not, the input is refused rather than guessed at.
    return invalid(validateInput(input, slowScratch) ?? [{ path: '', message: DISAGREEMENT }]);
  }
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
  const withLines = options?.lines !== false;
  const memberCount = facts.memberCount;
  const { roles, childSlots, days, jobStimulus, earlier, earnings, hasEmployment } = facts;
  const monthIndex = facts.monthIndex;
  const row = monthIndex * SLOT_COUNT;
  if (memberCount > childAmounts.length) {
    childAmounts = new Float64Array(memberCount * 2);
    memberDisregarded = new Float64Array(memberCount * 2);
  }
  secondaryUsed = 0;
  unavailableUsed = 0;

  // 1. Personal costs, riksnorm (SoF 2025:468 12 kap. 2 §; before 2025-07 SoF 2001:937 2 kap. 1 §).
  let personal = take(row, facts.adultSlot);
  for (let i = 0; i < memberCount; i++) {
    if (roles[i] !== ROLE_CHILD) continue;
    // The slot is the child's age band, "utan lunch" for ages 0–6 with weekdayLunchesProvided.
    const full = take(row, childSlots[i] as number);
    const d = days[i] as number;
    // Växelvis boende: days ÷ 30, rounded to whole krona half up (contract rule 1).
    const amount = d === 0 ? full : roundHalfUpToKrona(full * d, 30);
    childAmounts[i] = amount;
    personal += amount;
  }

  // 2–3. Common household costs by size; shared household gets S × M ÷ S, rounded once
  // (SoF 2025:468 12 kap. 3 § första och andra stycket).
  const sharedSize = facts.sharedSize;
  const isShared = sharedSize > memberCount;
  const fullCommon = commonCosts(row, isShared ? sharedSize : memberCount);
  const common = isShared ? roundHalfUpToKrona(fullCommon * memberCount, sharedSize) : fullCommon;

  // 4–5. Norm adjustments added as given (SoL 2025:400 12 kap. 7 § tredje stycket), reasonable
  // costs (12 kap. 7 § första stycket 2) and levnadskostnader i övrigt (12 kap. 1 §): summed
  // while the input was accepted.

  // 6. Income, and the employment income that is not counted.
  let disregardedIncome = 0;
  for (let i = 0; i < memberCount; i++) {
    if (hasEmployment[i] === 0) continue;
    const earned = earnings[i] as number;
    if (roles[i] === ROLE_CHILD) {
      // Children's own work: not counted up to one prisbasbelopp per calendar year less earlier
      // earnings, used up across the child's employment incomes (SoL 2025:400 12 kap. 9 §; before
      // 2025-07 SoL 2001:453 4 kap. 1 a §). Used up in input order, the sum is min(earned, allowance).
      const yearly = take(row, SLOT_PRISBASBELOPP);
      const allowance = Math.max(0, yearly - (earlier[i] as number));
      const disregard = Math.min(earned, allowance);
      memberDisregarded[i] = disregard;
      disregardedIncome += disregard;
    } else if (earned !== 0 && jobStimulus[i] === 1) {
      // Jobbstimulans: 25 % of the member's total employment income, rounded down to whole öre
      // (SoL 2025:400 12 kap. 8 §; before 2025-07 SoL 2001:453 4 kap. 1 b §).
      const disregard = percentRoundedDown(earned, take(row, SLOT_JOB_STIMULUS_PERCENT));
      memberDisregarded[i] = disregard;
      disregardedIncome += disregard;
    }
  }

  // A value the rules needed is unknown or only inferred: no guessed result (contract). The
  // lowest slot is named, so the error does not depend on the order of the members.
  if (unavailableUsed !== 0) {
    const slot = 31 - Math.clz32(unavailableUsed & -unavailableUsed);
    return {
      error: {
        code: 'parameter_unavailable',
        parameter: PARAMETER_NAMES[slot] as string,
        month: facts.monthText,
      },
    };
  }

  // 7. Totals (contract rules 5 and 7).
  const reasonableCosts = facts.reasonableCostsTotal;
  const otherLivingCosts = facts.otherLivingCostsTotal;
  const income = facts.incomeTotal;
  const norm = personal + common + facts.adjustmentsTotal;
  const need = norm + reasonableCosts + otherLivingCosts;
  const countedIncome = income - disregardedIncome;
  const warnings: Warning[] = secondaryUsed === 0 ? [] : secondaryWarnings(row);
  const data = input as CalculationInput;
  if (guidelines !== null) guidelineCapWarnings(guidelines, monthIndex, memberCount, data.costs, warnings);
  return {
    month: facts.monthText,
    parameters: TABLE_LABELS[monthIndex] as string,
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
    lines: withLines ? buildLines(data, row, common, isShared, options?.explain === true) : [],
  };
}

/** The explained lines, in contract order, from the facts and the amounts computed above. */
function buildLines(
  data: CalculationInput,
  row: number,
  common: number,
  isShared: boolean,
  explain: boolean,
): Line[] {
  const lines: Line[] = [];
  const memberCount = facts.memberCount;
  const { roles, childSlots, days, ids, earnings, hasEmployment, jobStimulus } = facts;
  const basis = LEGAL_BASES[facts.monthIndex] as LegalBases;
  const allIds: string[] = ids.slice(0, memberCount);

  const adultSlot = facts.adultSlot;
  const couple = facts.partner >= 0;
  const adults: Line = {
    code: couple ? 'norm.personal.couple' : 'norm.personal.single',
    memberIds: couple
      ? [ids[facts.applicant] as string, ids[facts.partner] as string]
      : [ids[facts.applicant] as string],
    amount: VALUES[row + adultSlot] as number,
    basis: basis.riksnormPersonal,
  };
  if (explain) adults.explanation = EXPLANATIONS[row + adultSlot] as ParameterExplanation;
  lines.push(adults);
  for (let i = 0; i < memberCount; i++) {
    if (roles[i] !== ROLE_CHILD) continue;
    const line: Line = {
      code: 'norm.personal.child',
      memberIds: [ids[i] as string],
      amount: childAmounts[i] as number,
      basis: basis.riksnormPersonal,
    };
    if (days[i] !== 0) line.daysInHousehold = days[i] as number;
    if (explain) line.explanation = EXPLANATIONS[row + (childSlots[i] as number)] as ParameterExplanation;
    lines.push(line);
  }

  const sharedSize = facts.sharedSize;
  const commonLine: Line = {
    code: 'norm.common',
    memberIds: allIds,
    amount: common,
    basis: isShared ? basis.sharedHousehold : basis.riksnormCommon,
  };
  if (isShared) commonLine.sharedHouseholdSize = sharedSize;
  if (explain) commonLine.explanation = commonExplanation(row, isShared ? sharedSize : memberCount);
  lines.push(commonLine);

  const normAdjustments = data.normAdjustments;
  if (normAdjustments !== undefined) {
    const adjustmentMembers = facts.adjustmentMembers;
    for (let i = 0; i < normAdjustments.length; i++) {
      const adjustment = normAdjustments[i] as NormAdjustment;
      const member = adjustmentMembers[i] as number;
      const line: Line = {
        code: 'norm.adjustment',
        memberIds: member < 0 ? allIds : [ids[member] as string],
        amount: adjustment.amount,
        basis: basis.normAdjustment,
        reason: adjustment.reason,
      };
      if (explain) line.explanation = { input: `normAdjustments.${i}` };
      lines.push(line);
    }
  }

  const costs = data.costs;
  const { costMembers, costKinds } = facts;
  for (let i = 0; i < facts.costCount; i++) {
    const kind = costKinds[i] as number;
    const member = costMembers[i] as number;
    const line: Line = {
      code: COST_LINE_CODES[kind] as LineCode,
      memberIds: member < 0 ? allIds : [ids[member] as string],
      amount: (costs[i] as Cost).amount,
      basis: kind >= COST_KIND_OTHER_FIRST ? basis.otherLivingCosts : basis.reasonableCosts,
    };
    if (explain) line.explanation = { input: `costs.${i}` };
    lines.push(line);
  }

  const incomes = data.incomes;
  const { incomeMembers, incomeKinds } = facts;
  for (let i = 0; i < facts.incomeCount; i++) {
    const member = incomeMembers[i] as number;
    const line: Line = {
      code: INCOME_LINE_CODES[incomeKinds[i] as number] as LineCode,
      memberIds: member < 0 ? allIds : [ids[member] as string],
      amount: (incomes[i] as Income).amount,
      basis: basis.income,
    };
    if (explain) line.explanation = { input: `incomes.${i}` };
    lines.push(line);
  }

  for (let i = 0; i < memberCount; i++) {
    if (hasEmployment[i] === 0 || earnings[i] === 0) continue;
    if (roles[i] === ROLE_CHILD) {
      const line: Line = {
        code: 'disregard.childEarnings',
        memberIds: [ids[i] as string],
        amount: memberDisregarded[i] as number,
        basis: basis.childEarnings,
      };
      if (explain) line.explanation = EXPLANATIONS[row + SLOT_PRISBASBELOPP] as ParameterExplanation;
      lines.push(line);
    } else if (jobStimulus[i] === 1) {
      const line: Line = {
        code: 'disregard.jobStimulus',
        memberIds: [ids[i] as string],
        amount: memberDisregarded[i] as number,
        basis: basis.jobStimulus,
      };
      if (explain) line.explanation = EXPLANATIONS[row + SLOT_JOB_STIMULUS_PERCENT] as ParameterExplanation;
      lines.push(line);
    }
  }
  return lines;
}
