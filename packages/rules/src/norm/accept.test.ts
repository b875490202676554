// The fast accept path (accept.ts) and the full validator (validate.ts) must agree: for any
// input, acceptInput says yes exactly when validateInput finds no issue. Checked on generated
// valid households and on copies with one to three fields removed, changed or added.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, INCOME_TYPES, OTHER_LIVING_COST_SUBTYPES, REASONABLE_COST_TYPES } from '../index.ts';
import {
  acceptInput,
  COST_KIND_OTHER_FIRST,
  costTypeKind,
  createFacts,
  incomeKind,
  subtypeOffset,
} from './accept.ts';
import { createPrepared, validateInput } from './validate.ts';

const facts = createFacts();
const prepared = createPrepared();

function agree(input: unknown): boolean {
  return acceptInput(input, facts) === (validateInput(input, prepared) === null);
}

const FIRST_MONTH = 2013 * 12 + 6;
const LAST_MONTH = 2026 * 12 + 11;
const pad = (n: number): string => String(n).padStart(2, '0');
const monthText = (month: number): string => `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`;

const childArb = fc.record(
  {
    age: fc.integer({ min: 0, max: 22 }),
    birthMonthOfYear: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 31 }),
    weekdayLunchesProvided: fc.boolean(),
    inSchool: fc.boolean(),
    earningsEarlierThisYear: fc.integer({ min: 0, max: 8_000_000 }),
    daysInHousehold: fc.integer({ min: 0, max: 31 }),
  },
  { requiredKeys: ['age', 'birthMonthOfYear', 'day'] },
);

/** Households that are mostly valid; ages, days and flags reach just past the limits. */
const householdArb = fc
  .record({
    month: fc.integer({ min: FIRST_MONTH - 2, max: LAST_MONTH + 2 }),
    applicantAge: fc.integer({ min: 18, max: 90 }),
    partner: fc.boolean(),
    jobStimulus: fc.option(fc.boolean(), { nil: undefined }),
    children: fc.array(childArb, { maxLength: 5 }),
    shared: fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined }),
    costs: fc.array(
      fc.record({
        kind: fc.integer({
          min: 0,
          max: REASONABLE_COST_TYPES.length + OTHER_LIVING_COST_SUBTYPES.length - 1,
        }),
        amount: fc.integer({ min: 0, max: 3_000_000 }),
        member: fc.option(fc.nat(8), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    incomes: fc.array(
      fc.record({
        type: fc.constantFrom(...INCOME_TYPES),
        amount: fc.integer({ min: 0, max: 3_000_000 }),
        member: fc.option(fc.nat(8), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    adjustments: fc.option(
      fc.array(
        fc.record({
          amount: fc.integer({ min: -100_000, max: 100_000 }),
          member: fc.option(fc.nat(8), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map((raw) => {
    const year = Math.floor(raw.month / 12);
    const members: Record<string, unknown>[] = [
      { id: 'a', role: 'applicant', birthDate: `${year - raw.applicantAge}-03-15` },
    ];
    if (raw.jobStimulus !== undefined) members[0] = { ...members[0], jobStimulus: raw.jobStimulus };
    if (raw.partner) members.push({ id: 'p', role: 'partner', birthDate: `${year - 40}-12-31` });
    raw.children.forEach((child, c) => {
      const member: Record<string, unknown> = {
        id: `c${c}`,
        role: 'child',
        birthDate: `${year - child.age}-${pad(child.birthMonthOfYear + 1)}-${pad(child.day)}`,
      };
      for (const key of [
        'weekdayLunchesProvided',
        'inSchool',
        'earningsEarlierThisYear',
        'daysInHousehold',
      ]) {
        const value = (child as Record<string, unknown>)[key];
        if (value !== undefined) member[key] = value;
      }
      members.push(member);
    });
    const idOf = (member: number | undefined): string | undefined =>
      member === undefined ? undefined : ((members[member % members.length] as { id: string }).id ?? 'x');
    const input: Record<string, unknown> = {
      month: monthText(raw.month),
      household:
        raw.shared === undefined
          ? { members }
          : { members, sharedHouseholdSize: members.length + raw.shared },
      costs: raw.costs.map((cost) => {
        const item: Record<string, unknown> =
          cost.kind < COST_KIND_OTHER_FIRST
            ? { type: REASONABLE_COST_TYPES[cost.kind] }
            : {
                type: 'otherLivingCost',
                subtype: OTHER_LIVING_COST_SUBTYPES[cost.kind - COST_KIND_OTHER_FIRST],
              };
        if (cost.member !== undefined) item.memberId = idOf(cost.member);
        item.amount = cost.amount;
        return item;
      }),
      incomes: raw.incomes.map((income) => {
        const item: Record<string, unknown> = { type: income.type, amount: income.amount };
        const member = income.type === 'employment' ? (income.member ?? 0) : income.member;
        if (member !== undefined) item.memberId = idOf(member);
        return item;
      }),
    };
    if (raw.adjustments !== undefined) {
      input.normAdjustments = raw.adjustments.map((adjustment) =>
        adjustment.member === undefined
          ? { amount: adjustment.amount, reason: 'Specialkost' }
          : { memberId: idOf(adjustment.member), amount: adjustment.amount, reason: 'Specialkost' },
      );
    }
    return input;
  });

/** Values that sit on or next to a rule's edge, or belong to another field. */
const interestingValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -1,
    1,
    1.5,
    6,
    7,
    17,
    18,
    21,
    30,
    31,
    1000,
    1001,
    1_000_000_000_000,
    1_000_000_000_001,
    -1_000_000_000_001,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    'a',
    'p',
    'c0',
    'x',
    'applicant',
    'partner',
    'child',
    'employment',
    'housing',
    'otherLivingCost',
    'dentalCare',
    'childAllowance',
    '2026-03',
    '2013-06',
    '2027-01',
    '2026-13',
    '2020-02-29',
    '2021-02-29',
    '2026-04-31',
    '2026-03-31',
    '1990-1-01',
    '2026-03-15',
    [],
    {},
  ),
  fc.anything(),
);

type Container = Record<string, unknown> | unknown[];

/** Every object or list in the input, with the key that holds it (the root has none). */
function containers(value: unknown, found: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null) {
    found.push(value as Container);
    for (const key in value) containers((value as Record<string, unknown>)[key], found);
  }
  return found;
}

const mutationArb = fc.record({
  pick: fc.nat(),
  keyPick: fc.nat(),
  action: fc.constantFrom('delete', 'set', 'set', 'add'),
  value: interestingValue,
  newKey: fc.constantFrom(
    'extra',
    'memberId',
    'subtype',
    'jobStimulus',
    'inSchool',
    'weekdayLunchesProvided',
    'daysInHousehold',
    'earningsEarlierThisYear',
    'sharedHouseholdSize',
    'normAdjustments',
    'reason',
    'role',
    '0',
  ),
});

function mutate(
  input: unknown,
  mutation: typeof mutationArb extends fc.Arbitrary<infer T> ? T : never,
): void {
  const all = containers(input);
  const target = all[mutation.pick % all.length] as Record<string, unknown>;
  const keys = Object.keys(target);
  // A fresh copy each time: fast-check hands out the same `[]` and `{}` constants to every run,
  // and a mutation that adds to a shared one would make it contain itself.
  const value = structuredClone(mutation.value);
  if (mutation.action === 'add' || keys.length === 0) {
    target[mutation.newKey] = value;
    return;
  }
  const key = keys[mutation.keyPick % keys.length] as string;
  if (mutation.action === 'delete') {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  } else target[key] = value;
}

describe('snabbkontrollen och den fullständiga valideringen', () => {
  it('kodtabellerna följer typernas ordning', () => {
    expect(REASONABLE_COST_TYPES.map(costTypeKind)).toEqual([0, 1, 2, 3, 4]);
    expect(costTypeKind('otherLivingCost')).toBe(COST_KIND_OTHER_FIRST);
    expect(OTHER_LIVING_COST_SUBTYPES.map(subtypeOffset)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(INCOME_TYPES.map(incomeKind)).toEqual(INCOME_TYPES.map((_, index) => index));
  });

  it('är överens om genererade hushåll, och ett godtaget underlag ger ett resultat', () => {
    let accepted = 0;
    fc.assert(
      fc.property(householdArb, (input) => {
        const ok = acceptInput(input, facts);
        if (ok) accepted++;
        expect(ok).toBe(validateInput(input, prepared) === null);
        const output = calculate(input);
        const invalid = 'error' in output && output.error.code === 'invalid_input';
        expect(invalid).toBe(!ok);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it('är överens när ett till tre fält tas bort, ändras eller läggs till', () => {
    fc.assert(
      fc.property(householdArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (input, mutations) => {
        for (const mutation of mutations) mutate(input, mutation);
        expect(agree(input)).toBe(true);
        const output = calculate(input);
        const invalid = 'error' in output && output.error.code === 'invalid_input';
        expect(invalid).toBe(validateInput(input, prepared) !== null);
      }),
      { numRuns: 4000 },
    );
  });

  it('är överens om godtyckliga värden', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(agree(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('vägrar en lista där ett objekt väntas, även med rätt fält', () => {
    const members = Object.assign([], { id: 'a', role: 'applicant', birthDate: '1990-01-01' });
    const input = { month: '2026-03', household: { members: [members] }, costs: [], incomes: [] };
    expect(agree(input)).toBe(true);
    expect(acceptInput(input, facts)).toBe(false);
  });
});
