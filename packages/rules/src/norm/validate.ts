// Hand-written validation of the contract's input: every problem reported by JSON path,
// and, on valid input, the facts the rules need (month index, ages, member of each item)
// left in a reusable scratch area so calculation allocates nothing beyond its result.

import type { Ore } from '../core/money.ts';
import {
  ageReachedInMonth,
  formatMonth,
  type MonthNumber,
  parseIsoDateMonth,
  parseMonth,
} from '../core/month.ts';
import { monthIndexOf, RANGE } from '../parameters/tables.ts';
import type { InputIssue } from './types.ts';

/** Largest amount accepted, in öre (10 000 000 000 kr): keeps every sum an exact integer. */
export const MAX_AMOUNT: Ore = 1_000_000_000_000;
/** Sanity limit for sharedHouseholdSize; the contract sets no upper bound. */
export const MAX_SHARED_HOUSEHOLD_SIZE = 1000;

export const ROLE_APPLICANT = 0;
export const ROLE_PARTNER = 1;
export const ROLE_CHILD = 2;
const ROLE_INVALID = -1;

/** Facts established by validation, reused between calls (grown when a household is larger). */
export interface Prepared {
  month: MonthNumber;
  monthIndex: number;
  memberCount: number;
  /** ROLE_* per member, in input order. */
  roles: Int8Array;
  /** Age reached during the month, per member. */
  ages: Int16Array;
  /** Member index per item, -1 when the item has no memberId. */
  adjustmentMembers: Int32Array;
  costMembers: Int32Array;
  incomeMembers: Int32Array;
  /** Working space for the income rules, per member: employment total, pbb allowance left, disregarded. */
  memberEarnings: Float64Array;
  memberAllowance: Float64Array;
  memberDisregarded: Float64Array;
}

export function createPrepared(): Prepared {
  return {
    month: 0,
    monthIndex: 0,
    memberCount: 0,
    roles: new Int8Array(16),
    ages: new Int16Array(16),
    adjustmentMembers: new Int32Array(16),
    costMembers: new Int32Array(16),
    incomeMembers: new Int32Array(16),
    memberEarnings: new Float64Array(16),
    memberAllowance: new Float64Array(16),
    memberDisregarded: new Float64Array(16),
  };
}

function grow(
  prepared: Prepared,
  members: number,
  adjustments: number,
  costs: number,
  incomes: number,
): void {
  if (members > prepared.roles.length) {
    prepared.roles = new Int8Array(members * 2);
    prepared.ages = new Int16Array(members * 2);
    prepared.memberEarnings = new Float64Array(members * 2);
    prepared.memberAllowance = new Float64Array(members * 2);
    prepared.memberDisregarded = new Float64Array(members * 2);
  }
  if (adjustments > prepared.adjustmentMembers.length)
    prepared.adjustmentMembers = new Int32Array(adjustments * 2);
  if (costs > prepared.costMembers.length) prepared.costMembers = new Int32Array(costs * 2);
  if (incomes > prepared.incomeMembers.length) prepared.incomeMembers = new Int32Array(incomes * 2);
}

/** Kind of cost type: 1 reasonable cost, 2 otherLivingCost, 0 unknown (a switch beats a Set lookup here). */
function costKind(type: unknown): number {
  switch (type) {
    case 'housing':
    case 'householdElectricity':
    case 'homeInsurance':
    case 'workTravel':
    case 'unionAndUnemploymentFund':
      return 1;
    case 'otherLivingCost':
      return 2;
    default:
      return 0;
  }
}

function isOtherLivingCostSubtype(subtype: unknown): boolean {
  switch (subtype) {
    case 'childcareFee':
    case 'medicalCare':
    case 'medicine':
    case 'dentalCare':
    case 'glasses':
    case 'accessVisits':
    case 'other':
      return true;
    default:
      return false;
  }
}

function isIncomeType(type: unknown): boolean {
  switch (type) {
    case 'employment':
    case 'childAllowance':
    case 'studentAid':
    case 'housingAllowance':
    case 'housingSupplement':
    case 'maintenanceSupport':
    case 'maintenancePayment':
    case 'sicknessBenefit':
    case 'sicknessCompensation':
    case 'parentalBenefit':
    case 'unemploymentBenefit':
    case 'activitySupport':
    case 'establishmentBenefit':
    case 'pension':
    case 'childPension':
    case 'studentLoan':
    case 'taxRefund':
    case 'previousSurplus':
    case 'other':
      return true;
    default:
      return false;
  }
}

const MESSAGE_AMOUNT = 'must be a whole number of öre ≥ 0';
const MESSAGE_SIGNED_AMOUNT = 'must be a whole number of öre';
const MESSAGE_UNKNOWN_FIELD = 'unknown field';
const MESSAGE_REQUIRED = 'is required';
const MEMBERS = 'household.members';

type Record_ = Record<string, unknown>;

export function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAmount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT;
}

function isSignedAmount(value: unknown): boolean {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= -MAX_AMOUNT && value <= MAX_AMOUNT
  );
}

/** Collects issues; the array is only allocated when the first problem is found. */
class Issues {
  list: InputIssue[] | null = null;
  add(path: string, message: string): void {
    if (this.list === null) this.list = [];
    this.list.push({ path, message });
  }
  /** An issue at prefix.index[.field]; the path text is only built when there is an issue. */
  at(prefix: string, index: number, field: string, message: string): void {
    this.add(field === '' ? `${prefix}.${index}` : `${prefix}.${index}.${field}`, message);
  }
}

/** Reused between calls (calculation is synchronous); only its list escapes, into the error. */
const sharedIssues = new Issues();

/** Member ids of the input being validated, by member index (reused; "" when missing or invalid). */
const memberIds: string[] = [];

function memberIndexOf(count: number, id: unknown): number {
  if (typeof id !== 'string' || id === '') return -1;
  for (let i = 0; i < count; i++) if (memberIds[i] === id) return i;
  return -1;
}

function roleOf(value: unknown): number {
  return value === 'applicant'
    ? ROLE_APPLICANT
    : value === 'partner'
      ? ROLE_PARTNER
      : value === 'child'
        ? ROLE_CHILD
        : ROLE_INVALID;
}

/**
 * Validates input against the contract. Returns null when valid (and fills `prepared`),
 * otherwise every issue found.
 */
export function validateInput(input: unknown, prepared: Prepared): InputIssue[] | null {
  const issues = sharedIssues;
  issues.list = null;
  if (!isObject(input)) {
    issues.add('', 'must be an object');
    return issues.list;
  }
  let monthValue: unknown;
  let household: unknown;
  let adjustments: unknown;
  let costs: unknown;
  let incomes: unknown;
  let hasAdjustments = false;
  for (const key in input) {
    switch (key) {
      case 'month':
        monthValue = input.month;
        break;
      case 'household':
        household = input.household;
        break;
      case 'normAdjustments':
        adjustments = input.normAdjustments;
        hasAdjustments = true;
        break;
      case 'costs':
        costs = input.costs;
        break;
      case 'incomes':
        incomes = input.incomes;
        break;
      default:
        issues.add(key, MESSAGE_UNKNOWN_FIELD);
    }
  }

  // Month: YYYY-MM within the range the parameter files cover (contract: 2013-07..2026-12).
  let month = typeof monthValue === 'string' ? parseMonth(monthValue) : -1;
  const monthIndex = monthIndexOf(month);
  if (monthValue === undefined) issues.add('month', MESSAGE_REQUIRED);
  else if (month < 0) issues.add('month', 'must be a month YYYY-MM');
  else if (monthIndex < 0) {
    issues.add('month', `must be between ${formatMonth(RANGE.first)} and ${formatMonth(RANGE.last)}`);
    month = -1;
  }

  // Household and members.
  let members: unknown[] = [];
  let memberCount = 0;
  let membersGiven = false;
  if (household === undefined) issues.add('household', MESSAGE_REQUIRED);
  else if (!isObject(household)) issues.add('household', 'must be an object');
  else {
    let membersValue: unknown;
    let sharedSize: unknown;
    let hasSharedSize = false;
    for (const key in household) {
      if (key === 'members') membersValue = household.members;
      else if (key === 'sharedHouseholdSize') {
        sharedSize = household.sharedHouseholdSize;
        hasSharedSize = true;
      } else issues.add(`household.${key}`, MESSAGE_UNKNOWN_FIELD);
    }
    if (membersValue === undefined) issues.add('household.members', MESSAGE_REQUIRED);
    else if (!Array.isArray(membersValue)) issues.add('household.members', 'must be a list');
    else {
      members = membersValue;
      memberCount = members.length;
      membersGiven = true;
    }
    if (hasSharedSize) {
      if (typeof sharedSize !== 'number' || !Number.isInteger(sharedSize)) {
        issues.add('household.sharedHouseholdSize', 'must be a whole number');
      } else if (sharedSize < memberCount) {
        issues.add('household.sharedHouseholdSize', 'must be at least the number of members');
      } else if (sharedSize > MAX_SHARED_HOUSEHOLD_SIZE) {
        issues.add('household.sharedHouseholdSize', `must be at most ${MAX_SHARED_HOUSEHOLD_SIZE}`);
      }
    }
  }

  const adjustmentList = Array.isArray(adjustments) ? adjustments : null;
  const costList = Array.isArray(costs) ? costs : null;
  const incomeList = Array.isArray(incomes) ? incomes : null;
  grow(prepared, memberCount, adjustmentList?.length ?? 0, costList?.length ?? 0, incomeList?.length ?? 0);

  let applicants = 0;
  let partners = 0;
  for (let i = 0; i < memberCount; i++) {
    const role = validateMember(members, i, month, prepared, issues);
    if (role === ROLE_APPLICANT) applicants++;
    else if (role === ROLE_PARTNER && ++partners > 1) {
      issues.at(MEMBERS, i, 'role', 'a household has at most one partner');
    }
  }
  if (membersGiven && applicants !== 1) {
    issues.add('household.members', 'must include exactly one applicant');
  }

  if (hasAdjustments) {
    if (adjustmentList === null) issues.add('normAdjustments', 'must be a list');
    else {
      for (let i = 0; i < adjustmentList.length; i++) {
        prepared.adjustmentMembers[i] = validateAdjustment(adjustmentList[i], i, memberCount, issues);
      }
    }
  }
  if (costs === undefined) issues.add('costs', MESSAGE_REQUIRED);
  else if (costList === null) issues.add('costs', 'must be a list');
  else {
    for (let i = 0; i < costList.length; i++) {
      prepared.costMembers[i] = validateCost(costList[i], i, memberCount, issues);
    }
  }
  if (incomes === undefined) issues.add('incomes', MESSAGE_REQUIRED);
  else if (incomeList === null) issues.add('incomes', 'must be a list');
  else {
    for (let i = 0; i < incomeList.length; i++) {
      prepared.incomeMembers[i] = validateIncome(incomeList[i], i, memberCount, issues);
    }
  }

  if (issues.list !== null) return issues.list;
  prepared.month = month;
  prepared.monthIndex = monthIndex;
  prepared.memberCount = memberCount;
  return null;
}

/** Validates household.members[i]; returns its ROLE_* (or ROLE_INVALID). */
function validateMember(
  members: unknown[],
  i: number,
  month: number,
  prepared: Prepared,
  issues: Issues,
): number {
  const member = members[i];
  if (!isObject(member)) {
    issues.at(MEMBERS, i, '', 'must be an object');
    return ROLE_INVALID;
  }
  const role = roleOf(member.role);
  let id: unknown;
  let birthDate: unknown;
  let jobStimulus: unknown;
  let lunches: unknown;
  let inSchool: unknown;
  let earlier: unknown;
  let days: unknown;
  for (const key in member) {
    switch (key) {
      case 'id':
        id = member.id;
        break;
      case 'role':
        break;
      case 'birthDate':
        birthDate = member.birthDate;
        break;
      case 'jobStimulus':
        // Jobbstimulans is for the applicant and partner only (12 kap. 8 §; children have 12 kap. 9 §).
        if (role === ROLE_CHILD)
          issues.at(MEMBERS, i, 'jobStimulus', 'applies only to the applicant or partner');
        else jobStimulus = member.jobStimulus;
        break;
      case 'weekdayLunchesProvided':
      case 'inSchool':
      case 'earningsEarlierThisYear':
      case 'daysInHousehold':
        if (role === ROLE_APPLICANT || role === ROLE_PARTNER) {
          issues.at(MEMBERS, i, key, 'applies only to a child');
        } else if (key === 'weekdayLunchesProvided') lunches = member.weekdayLunchesProvided;
        else if (key === 'inSchool') inSchool = member.inSchool;
        else if (key === 'earningsEarlierThisYear') earlier = member.earningsEarlierThisYear;
        else days = member.daysInHousehold;
        break;
      default:
        issues.at(MEMBERS, i, key, MESSAGE_UNKNOWN_FIELD);
    }
  }
  if (role === ROLE_INVALID) {
    issues.at(
      MEMBERS,
      i,
      'role',
      member.role === undefined ? MESSAGE_REQUIRED : 'must be applicant, partner or child',
    );
  }
  if (id === undefined) issues.at(MEMBERS, i, 'id', MESSAGE_REQUIRED);
  else if (typeof id !== 'string' || id.length === 0) issues.at(MEMBERS, i, 'id', 'must be a non-empty text');
  else if (memberIndexOf(i, id) >= 0) issues.at(MEMBERS, i, 'id', 'duplicate member id');
  else memberIds[i] = id;

  let age = -1;
  if (birthDate === undefined) issues.at(MEMBERS, i, 'birthDate', MESSAGE_REQUIRED);
  else {
    const birthMonth = typeof birthDate === 'string' ? parseIsoDateMonth(birthDate) : -1;
    if (birthMonth < 0) issues.at(MEMBERS, i, 'birthDate', 'must be a date YYYY-MM-DD');
    else if (month >= 0) {
      if (birthMonth > month) issues.at(MEMBERS, i, 'birthDate', 'born after the month');
      else age = ageReachedInMonth(birthMonth, month);
    }
  }

  if (jobStimulus !== undefined && typeof jobStimulus !== 'boolean') {
    issues.at(MEMBERS, i, 'jobStimulus', 'must be true or false');
  }
  if (lunches !== undefined) {
    if (typeof lunches !== 'boolean')
      issues.at(MEMBERS, i, 'weekdayLunchesProvided', 'must be true or false');
    else if (lunches && age > 6)
      issues.at(MEMBERS, i, 'weekdayLunchesProvided', 'applies only to children aged 0–6');
  }
  if (inSchool !== undefined && typeof inSchool !== 'boolean') {
    issues.at(MEMBERS, i, 'inSchool', 'must be true or false');
  }
  if (earlier !== undefined && !isAmount(earlier))
    issues.at(MEMBERS, i, 'earningsEarlierThisYear', MESSAGE_AMOUNT);
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 30)) {
    issues.at(MEMBERS, i, 'daysInHousehold', 'must be a whole number of days from 1 to 30');
  }
  // Hemmavarande barn och skolungdom under 21 (SoF 2025:468 12 kap. 2 §; SoL 2025:400 12 kap. 9 §).
  if (role === ROLE_CHILD && age >= 0) {
    if (age >= 21) issues.at(MEMBERS, i, 'birthDate', 'a child must be under 21 during the month');
    else if (age >= 18 && inSchool !== true) {
      issues.at(MEMBERS, i, 'inSchool', 'a child aged 18–20 must attend school (inSchool: true)');
    }
  }
  if (role !== ROLE_INVALID) {
    prepared.roles[i] = role;
    prepared.ages[i] = age;
  }
  return role;
}

function checkMemberId(
  item: Record_,
  prefix: string,
  i: number,
  memberCount: number,
  required: boolean,
  issues: Issues,
): number {
  const id = item.memberId;
  if (id === undefined) {
    if (required) issues.at(prefix, i, 'memberId', MESSAGE_REQUIRED);
    return -1;
  }
  const index = memberIndexOf(memberCount, id);
  if (index < 0) issues.at(prefix, i, 'memberId', 'is not a member of the household');
  return index;
}

function validateAdjustment(item: unknown, i: number, memberCount: number, issues: Issues): number {
  if (!isObject(item)) {
    issues.at('normAdjustments', i, '', 'must be an object');
    return -1;
  }
  for (const key in item) {
    if (key !== 'memberId' && key !== 'amount' && key !== 'reason')
      issues.at('normAdjustments', i, key, MESSAGE_UNKNOWN_FIELD);
  }
  if (item.amount === undefined) issues.at('normAdjustments', i, 'amount', MESSAGE_REQUIRED);
  else if (!isSignedAmount(item.amount)) issues.at('normAdjustments', i, 'amount', MESSAGE_SIGNED_AMOUNT);
  // The nämnd must document why the norm differs from riksnorm (12 kap. 7 § tredje stycket).
  if (item.reason === undefined) issues.at('normAdjustments', i, 'reason', MESSAGE_REQUIRED);
  else if (typeof item.reason !== 'string' || item.reason.trim().length === 0) {
    issues.at('normAdjustments', i, 'reason', 'must be a non-empty text');
  }
  return checkMemberId(item, 'normAdjustments', i, memberCount, false, issues);
}

function validateCost(item: unknown, i: number, memberCount: number, issues: Issues): number {
  if (!isObject(item)) {
    issues.at('costs', i, '', 'must be an object');
    return -1;
  }
  const kind = costKind(item.type);
  for (const key in item) {
    switch (key) {
      case 'type':
      case 'memberId':
      case 'amount':
        break;
      case 'subtype':
        if (kind === 1) issues.at('costs', i, 'subtype', 'applies only to otherLivingCost');
        break;
      default:
        issues.at('costs', i, key, MESSAGE_UNKNOWN_FIELD);
    }
  }
  if (item.type === undefined) issues.at('costs', i, 'type', MESSAGE_REQUIRED);
  else if (kind === 0) issues.at('costs', i, 'type', 'unknown cost type');
  else if (kind === 2) {
    if (item.subtype === undefined) issues.at('costs', i, 'subtype', MESSAGE_REQUIRED);
    else if (!isOtherLivingCostSubtype(item.subtype)) issues.at('costs', i, 'subtype', 'unknown subtype');
  }
  if (item.amount === undefined) issues.at('costs', i, 'amount', MESSAGE_REQUIRED);
  else if (!isAmount(item.amount)) issues.at('costs', i, 'amount', MESSAGE_AMOUNT);
  return checkMemberId(item, 'costs', i, memberCount, false, issues);
}

function validateIncome(item: unknown, i: number, memberCount: number, issues: Issues): number {
  if (!isObject(item)) {
    issues.at('incomes', i, '', 'must be an object');
    return -1;
  }
  for (const key in item) {
    switch (key) {
      case 'type':
      case 'memberId':
      case 'amount':
        break;
      default:
        issues.at('incomes', i, key, MESSAGE_UNKNOWN_FIELD);
    }
  }
  if (item.type === undefined) issues.at('incomes', i, 'type', MESSAGE_REQUIRED);
  else if (!isIncomeType(item.type)) issues.at('incomes', i, 'type', 'unknown income type');
  if (item.amount === undefined) issues.at('incomes', i, 'amount', MESSAGE_REQUIRED);
  else if (!isAmount(item.amount)) issues.at('incomes', i, 'amount', MESSAGE_AMOUNT);
  // Employment income always names its earner: jobbstimulans and children's earnings depend on who.
  return checkMemberId(item, 'incomes', i, memberCount, item.type === 'employment', issues);
}
