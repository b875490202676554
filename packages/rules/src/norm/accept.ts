// The fast accept path: one pass over a valid input that checks exactly what validate.ts checks
// and, on the way, collects every fact the rules need (roles, ages, flags, item kinds, sums) in
// reusable typed arrays, so a calculation without lines reads nothing else from the input.
//
// It only answers yes or no. On no, calculate() runs the full validator (validate.ts), which
// reports every problem by JSON path. Each object's own keys are checked in a single for…in
// pass against a switch, reading values with obj[key] (V8 loads these through the enum cache,
// avoiding megamorphic named loads across the many shapes inputs come in); no Set, no
// Object.keys, no closures, no allocation. The property test in accept.test.ts checks that
// this function and validateInput agree on generated valid and mutated inputs.

import type { MonthNumber } from '../core/month.ts';
import { ageReachedInMonth, parseIsoDateMonth, parseMonth } from '../core/month.ts';
import {
  AGE_TO_BAND,
  monthIndexOf,
  SLOT_CHILD,
  SLOT_CHILD_WITHOUT_LUNCH,
  SLOT_COUPLE,
  SLOT_SINGLE,
} from '../parameters/tables.ts';
import {
  isAmount,
  MAX_AMOUNT,
  MAX_SHARED_HOUSEHOLD_SIZE,
  ROLE_APPLICANT,
  ROLE_CHILD,
  ROLE_PARTNER,
} from './validate.ts';

/** Cost kinds: 0..4 the reasonable-cost types, then 5..11 the otherLivingCost subtypes (types.ts order). */
export const COST_KIND_OTHER_FIRST = 5;
/** Income kinds in INCOME_TYPES order; employment is 0. */
export const INCOME_EMPLOYMENT = 0;

/** Facts of the accepted input, reused between calls (calculation is synchronous). */
export interface Facts {
  /** The input's month text ("2026-03") and number. */
  monthText: string;
  month: MonthNumber;
  monthIndex: number;
  memberCount: number;
  applicant: number;
  /** Partner's member index, or -1. */
  partner: number;
  /** SLOT_SINGLE or SLOT_COUPLE. */
  adultSlot: number;
  /** sharedHouseholdSize, or 0 when not given. */
  sharedSize: number;
  adjustmentCount: number;
  adjustmentsTotal: number;
  costCount: number;
  reasonableCostsTotal: number;
  otherLivingCostsTotal: number;
  incomeCount: number;
  incomeTotal: number;
  /** ROLE_* per member. */
  roles: Int8Array;
  /** Age reached during the month, per member. */
  ages: Int16Array;
  /** Riksnorm slot per child (band, with or without lunch). */
  childSlots: Int8Array;
  /** daysInHousehold per child, 0 when not given (the whole month). */
  days: Uint8Array;
  /** 1 when an adult has jobStimulus: true. */
  jobStimulus: Uint8Array;
  /** earningsEarlierThisYear per child, 0 when not given. */
  earlier: Float64Array;
  /** Sum of the member's employment incomes, and whether it has any employment item at all. */
  earnings: Float64Array;
  hasEmployment: Uint8Array;
  /** Member ids by index (for duplicate and memberId checks). */
  ids: string[];
  /** Member index per item, -1 when the item has no memberId. */
  adjustmentMembers: Int32Array;
  costMembers: Int32Array;
  incomeMembers: Int32Array;
  /** Cost kind per cost, income kind per income (see the constants above). */
  costKinds: Uint8Array;
  incomeKinds: Uint8Array;
}

export function createFacts(): Facts {
  return {
    monthText: '',
    month: 0,
    monthIndex: 0,
    memberCount: 0,
    applicant: 0,
    partner: -1,
    adultSlot: SLOT_SINGLE,
    sharedSize: 0,
    adjustmentCount: 0,
    adjustmentsTotal: 0,
    costCount: 0,
    reasonableCostsTotal: 0,
    otherLivingCostsTotal: 0,
    incomeCount: 0,
    incomeTotal: 0,
    roles: new Int8Array(16),
    ages: new Int16Array(16),
    childSlots: new Int8Array(16),
    days: new Uint8Array(16),
    jobStimulus: new Uint8Array(16),
    earlier: new Float64Array(16),
    earnings: new Float64Array(16),
    hasEmployment: new Uint8Array(16),
    ids: [],
    adjustmentMembers: new Int32Array(16),
    costMembers: new Int32Array(16),
    incomeMembers: new Int32Array(16),
    costKinds: new Uint8Array(16),
    incomeKinds: new Uint8Array(16),
  };
}

/**
 * Age reached during the month by months since the birth month (ageReachedInMonth), precomputed
 * for the first 130 years so the hot path is a table read instead of a division.
 */
const AGE_TABLE_MONTHS = 130 * 12;
const AGE_BY_MONTHS = new Uint8Array(AGE_TABLE_MONTHS);
for (let monthsOld = 0; monthsOld < AGE_TABLE_MONTHS; monthsOld++) {
  AGE_BY_MONTHS[monthsOld] = ageReachedInMonth(0, monthsOld);
}

function growMembers(facts: Facts, count: number): void {
  if (count <= facts.roles.length) return;
  const size = count * 2;
  facts.roles = new Int8Array(size);
  facts.ages = new Int16Array(size);
  facts.childSlots = new Int8Array(size);
  facts.days = new Uint8Array(size);
  facts.jobStimulus = new Uint8Array(size);
  facts.earlier = new Float64Array(size);
  facts.earnings = new Float64Array(size);
  facts.hasEmployment = new Uint8Array(size);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function costTypeKind(type: unknown): number {
  switch (type) {
    case 'housing':
      return 0;
    case 'householdElectricity':
      return 1;
    case 'homeInsurance':
      return 2;
    case 'workTravel':
      return 3;
    case 'unionAndUnemploymentFund':
      return 4;
    case 'otherLivingCost':
      return COST_KIND_OTHER_FIRST;
    default:
      return -1;
  }
}

/** otherLivingCost subtype → offset from COST_KIND_OTHER_FIRST, or -1. */
export function subtypeOffset(subtype: unknown): number {
  switch (subtype) {
    case 'childcareFee':
      return 0;
    case 'medicalCare':
      return 1;
    case 'medicine':
      return 2;
    case 'dentalCare':
      return 3;
    case 'glasses':
      return 4;
    case 'accessVisits':
      return 5;
    case 'other':
      return 6;
    default:
      return -1;
  }
}

export function incomeKind(type: unknown): number {
  switch (type) {
    case 'employment':
      return 0;
    case 'childAllowance':
      return 1;
    case 'studentAid':
      return 2;
    case 'housingAllowance':
      return 3;
    case 'housingSupplement':
      return 4;
    case 'maintenanceSupport':
      return 5;
    case 'maintenancePayment':
      return 6;
    case 'sicknessBenefit':
      return 7;
    case 'sicknessCompensation':
      return 8;
    case 'parentalBenefit':
      return 9;
    case 'unemploymentBenefit':
      return 10;
    case 'activitySupport':
      return 11;
    case 'establishmentBenefit':
      return 12;
    case 'pension':
      return 13;
    case 'childPension':
      return 14;
    case 'studentLoan':
      return 15;
    case 'taxRefund':
      return 16;
    case 'previousSurplus':
      return 17;
    case 'other':
      return 18;
    default:
      return -1;
  }
}

/** Index of the member with this id among the first `count`, or -1 (also for a non-text id). */
function memberIndex(ids: string[], count: number, id: unknown): number {
  if (typeof id !== 'string' || id === '') return -1;
  for (let i = 0; i < count; i++) if (ids[i] === id) return i;
  return -1;
}

/**
 * True when the input is valid under exactly the rules of validateInput (which then would
 * report no issue); `facts` then describes it. False otherwise (facts are then meaningless).
 */
export function acceptInput(input: unknown, facts: Facts): boolean {
  if (!isPlainObject(input)) return false;
  let monthValue: unknown;
  let household: unknown;
  let adjustments: unknown;
  let costs: unknown;
  let incomes: unknown;
  let hasAdjustments = false;
  for (const key in input) {
    const value = input[key];
    switch (key) {
      case 'month':
        monthValue = value;
        break;
      case 'household':
        household = value;
        break;
      case 'costs':
        costs = value;
        break;
      case 'incomes':
        incomes = value;
        break;
      case 'normAdjustments':
        adjustments = value;
        hasAdjustments = true;
        break;
      default:
        return false;
    }
  }
  if (typeof monthValue !== 'string') return false;
  const month = parseMonth(monthValue);
  if (month < 0) return false;
  const monthIndex = monthIndexOf(month);
  if (monthIndex < 0) return false;
  if (!isPlainObject(household)) return false;
  if (!Array.isArray(costs) || !Array.isArray(incomes)) return false;
  if (hasAdjustments && !Array.isArray(adjustments)) return false;

  let members: unknown;
  let sharedSize: unknown;
  let hasSharedSize = false;
  for (const key in household) {
    const value = household[key];
    if (key === 'members') members = value;
    else if (key === 'sharedHouseholdSize') {
      sharedSize = value;
      hasSharedSize = true;
    } else return false;
  }
  if (!Array.isArray(members)) return false;
  const memberCount = members.length;
  if (hasSharedSize) {
    if (
      typeof sharedSize !== 'number' ||
      !Number.isInteger(sharedSize) ||
      sharedSize < memberCount ||
      sharedSize > MAX_SHARED_HOUSEHOLD_SIZE
    )
      return false;
    facts.sharedSize = sharedSize;
  } else facts.sharedSize = 0;

  if (!acceptMembers(members, memberCount, month, facts)) return false;
  facts.monthText = monthValue;
  facts.month = month;
  facts.monthIndex = monthIndex;
  facts.memberCount = memberCount;

  if (hasAdjustments) {
    if (!acceptAdjustments(adjustments as unknown[], memberCount, facts)) return false;
  } else {
    facts.adjustmentCount = 0;
    facts.adjustmentsTotal = 0;
  }
  return acceptCosts(costs, memberCount, facts) && acceptIncomes(incomes, memberCount, facts);
}

function acceptMembers(members: unknown[], memberCount: number, month: number, facts: Facts): boolean {
  growMembers(facts, memberCount);
  const { roles, ages, childSlots, days, jobStimulus, earlier, earnings, hasEmployment, ids } = facts;
  let applicant = -1;
  let partner = -1;
  for (let i = 0; i < memberCount; i++) {
    const member = members[i];
    if (!isPlainObject(member)) return false;
    let id: unknown;
    let role: unknown;
    let birthDate: unknown;
    let job: unknown;
    let lunches: unknown;
    let inSchool: unknown;
    let earlierValue: unknown;
    let daysValue: unknown;
    let hasJob = false;
    let hasChildKey = false;
    for (const key in member) {
      const value = member[key];
      switch (key) {
        case 'id':
          id = value;
          break;
        case 'role':
          role = value;
          break;
        case 'birthDate':
          birthDate = value;
          break;
        case 'jobStimulus':
          job = value;
          hasJob = true;
          break;
        case 'weekdayLunchesProvided':
          lunches = value;
          hasChildKey = true;
          break;
        case 'daysInHousehold':
          daysValue = value;
          hasChildKey = true;
          break;
        case 'inSchool':
          inSchool = value;
          hasChildKey = true;
          break;
        case 'earningsEarlierThisYear':
          earlierValue = value;
          hasChildKey = true;
          break;
        default:
          return false;
      }
    }
    // Id: non-empty text, unique.
    if (typeof id !== 'string' || id.length === 0) return false;
    for (let j = 0; j < i; j++) if (ids[j] === id) return false;
    ids[i] = id;
    // Birth date: a real date, not after the month.
    if (typeof birthDate !== 'string') return false;
    const birthMonth = parseIsoDateMonth(birthDate);
    if (birthMonth < 0 || birthMonth > month) return false;
    const monthsOld = month - birthMonth;
    const age =
      monthsOld < AGE_TABLE_MONTHS ? (AGE_BY_MONTHS[monthsOld] as number) : Math.floor(monthsOld / 12);
    ages[i] = age;
    earnings[i] = 0;
    hasEmployment[i] = 0;
    if (role === 'child') {
      if (hasJob) return false;
      if (age >= 21) return false;
      if (inSchool !== undefined && typeof inSchool !== 'boolean') return false;
      if (age >= 18 && inSchool !== true) return false;
      let slot: number;
      if (lunches === undefined || lunches === false) slot = SLOT_CHILD + (AGE_TO_BAND[age] as number);
      else if (lunches === true && age <= 6) slot = SLOT_CHILD_WITHOUT_LUNCH + (AGE_TO_BAND[age] as number);
      else return false;
      if (earlierValue === undefined) earlier[i] = 0;
      else if (isAmount(earlierValue)) earlier[i] = earlierValue as number;
      else return false;
      if (daysValue === undefined) days[i] = 0;
      else if (
        typeof daysValue === 'number' &&
        Number.isInteger(daysValue) &&
        daysValue >= 1 &&
        daysValue <= 30
      )
        days[i] = daysValue;
      else return false;
      roles[i] = ROLE_CHILD;
      childSlots[i] = slot;
      jobStimulus[i] = 0;
    } else {
      if (hasChildKey) return false;
      if (role === 'applicant') {
        if (applicant >= 0) return false;
        applicant = i;
        roles[i] = ROLE_APPLICANT;
      } else if (role === 'partner') {
        if (partner >= 0) return false;
        partner = i;
        roles[i] = ROLE_PARTNER;
      } else return false;
      if (job === true) jobStimulus[i] = 1;
      else if (job === undefined || job === false) jobStimulus[i] = 0;
      else return false;
    }
  }
  if (applicant < 0) return false;
  facts.applicant = applicant;
  facts.partner = partner;
  facts.adultSlot = partner >= 0 ? SLOT_COUPLE : SLOT_SINGLE;
  return true;
}

function acceptAdjustments(list: unknown[], memberCount: number, facts: Facts): boolean {
  const count = list.length;
  if (count > facts.adjustmentMembers.length) facts.adjustmentMembers = new Int32Array(count * 2);
  const members = facts.adjustmentMembers;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const item = list[i];
    if (!isPlainObject(item)) return false;
    let memberId: unknown;
    let amount: unknown;
    let reason: unknown;
    for (const key in item) {
      const value = item[key];
      switch (key) {
        case 'amount':
          amount = value;
          break;
        case 'reason':
          reason = value;
          break;
        case 'memberId':
          memberId = value;
          break;
        default:
          return false;
      }
    }
    if (
      typeof amount !== 'number' ||
      !Number.isSafeInteger(amount) ||
      amount < -MAX_AMOUNT ||
      amount > MAX_AMOUNT
    )
      return false;
    if (typeof reason !== 'string' || reason.trim().length === 0) return false;
    let member = -1;
    if (memberId !== undefined) {
      member = memberIndex(facts.ids, memberCount, memberId);
      if (member < 0) return false;
    }
    members[i] = member;
    total += amount;
  }
  facts.adjustmentCount = count;
  facts.adjustmentsTotal = total;
  return true;
}

function acceptCosts(list: unknown[], memberCount: number, facts: Facts): boolean {
  const count = list.length;
  if (count > facts.costMembers.length) {
    facts.costMembers = new Int32Array(count * 2);
    facts.costKinds = new Uint8Array(count * 2);
  }
  const { costMembers, costKinds } = facts;
  let reasonable = 0;
  let other = 0;
  for (let i = 0; i < count; i++) {
    const item = list[i];
    if (!isPlainObject(item)) return false;
    let type: unknown;
    let amount: unknown;
    let memberId: unknown;
    let subtype: unknown;
    let hasSubtype = false;
    for (const key in item) {
      const value = item[key];
      switch (key) {
        case 'type':
          type = value;
          break;
        case 'amount':
          amount = value;
          break;
        case 'memberId':
          memberId = value;
          break;
        case 'subtype':
          subtype = value;
          hasSubtype = true;
          break;
        default:
          return false;
      }
    }
    let kind = costTypeKind(type);
    if (kind < 0) return false;
    if (!isAmount(amount)) return false;
    if (kind === COST_KIND_OTHER_FIRST) {
      const offset = subtypeOffset(subtype);
      if (offset < 0) return false;
      kind += offset;
      other += amount as number;
    } else {
      if (hasSubtype) return false;
      reasonable += amount as number;
    }
    let member = -1;
    if (memberId !== undefined) {
      member = memberIndex(facts.ids, memberCount, memberId);
      if (member < 0) return false;
    }
    costMembers[i] = member;
    costKinds[i] = kind;
  }
  facts.costCount = count;
  facts.reasonableCostsTotal = reasonable;
  facts.otherLivingCostsTotal = other;
  return true;
}

function acceptIncomes(list: unknown[], memberCount: number, facts: Facts): boolean {
  const count = list.length;
  if (count > facts.incomeMembers.length) {
    facts.incomeMembers = new Int32Array(count * 2);
    facts.incomeKinds = new Uint8Array(count * 2);
  }
  const { incomeMembers, incomeKinds, earnings, hasEmployment } = facts;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const item = list[i];
    if (!isPlainObject(item)) return false;
    let type: unknown;
    let amount: unknown;
    let memberId: unknown;
    for (const key in item) {
      const value = item[key];
      switch (key) {
        case 'type':
          type = value;
          break;
        case 'amount':
          amount = value;
          break;
        case 'memberId':
          memberId = value;
          break;
        default:
          return false;
      }
    }
    const kind = incomeKind(type);
    if (kind < 0) return false;
    if (!isAmount(amount)) return false;
    let member = -1;
    if (memberId !== undefined) {
      member = memberIndex(facts.ids, memberCount, memberId);
      if (member < 0) return false;
    } else if (kind === INCOME_EMPLOYMENT) return false;
    if (kind === INCOME_EMPLOYMENT) {
      earnings[member] = (earnings[member] as number) + (amount as number);
      hasEmployment[member] = 1;
    }
    incomeMembers[i] = member;
    incomeKinds[i] = kind;
    total += amount as number;
  }
  facts.incomeCount = count;
  facts.incomeTotal = total;
  return true;
}
