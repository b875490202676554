// Properties that must hold for every household, checked with generated inputs (fast-check),
// and robustness: any JSON at all gives a result or a contract error, never an exception.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalculationInput,
  type CalculationOutput,
  type CalculationResult,
  calculate,
  INCOME_TYPES,
  isCalculationError,
  type Member,
  OTHER_LIVING_COST_SUBTYPES,
  REASONABLE_COST_TYPES,
} from '../index.ts';

const RUNS = { numRuns: 300 };
const FIRST_MONTH = 2013 * 12 + 6;
const LAST_MONTH = 2026 * 12 + 11;

function monthText(month: number): string {
  const m = (month % 12) + 1;
  return `${Math.floor(month / 12)}-${m < 10 ? '0' : ''}${m}`;
}

/** A birth date that makes the member exactly `age` during `month`. */
function birthDateFor(month: number, age: number, pick: number): string {
  const monthOfYear = month % 12;
  const birthMonth = pick % (monthOfYear + 1); // not later in the year than the month
  const day = 1 + (pick % 28);
  return `${Math.floor(month / 12) - age}-${String(birthMonth + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const childArb = fc.record({
  age: fc.integer({ min: 0, max: 20 }),
  pick: fc.nat(),
  lunch: fc.boolean(),
  inSchool: fc.boolean(),
  earlier: fc.option(fc.integer({ min: 0, max: 8_000_000 }), { nil: undefined }),
  days: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});

const amountArb = fc.integer({ min: 0, max: 3_000_000 });

const rawArb = fc.record({
  month: fc.integer({ min: FIRST_MONTH, max: LAST_MONTH }),
  partner: fc.boolean(),
  jobStimulus: fc.tuple(fc.boolean(), fc.boolean()),
  children: fc.array(childArb, { maxLength: 9 }),
  costs: fc.array(
    fc.record({
      type: fc.constantFrom(...REASONABLE_COST_TYPES, 'otherLivingCost' as const),
      subtype: fc.constantFrom(...OTHER_LIVING_COST_SUBTYPES),
      amount: amountArb,
      member: fc.option(fc.nat(), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
  incomes: fc.array(
    fc.record({ type: fc.constantFrom(...INCOME_TYPES), amount: amountArb, member: fc.nat() }),
    {
      maxLength: 6,
    },
  ),
  adjustments: fc.option(
    fc.array(
      fc.record({
        amount: fc.integer({ min: -100_000, max: 100_000 }),
        member: fc.option(fc.nat(), { nil: undefined }),
      }),
      {
        maxLength: 3,
      },
    ),
    { nil: undefined },
  ),
  extraShared: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});

type Raw = typeof rawArb extends fc.Arbitrary<infer T> ? T : never;

function buildInput(raw: Raw): CalculationInput {
  const members: Member[] = [
    {
      id: 'a',
      role: 'applicant',
      birthDate: birthDateFor(raw.month, 40, 3),
      jobStimulus: raw.jobStimulus[0],
    },
  ];
  if (raw.partner) {
    members.push({
      id: 'p',
      role: 'partner',
      birthDate: birthDateFor(raw.month, 35, 7),
      jobStimulus: raw.jobStimulus[1],
    });
  }
  raw.children.forEach((child, i) => {
    const member: Member = {
      id: `c${i}`,
      role: 'child',
      birthDate: birthDateFor(raw.month, child.age, child.pick),
    };
    if (child.age <= 6) member.weekdayLunchesProvided = child.lunch;
    if (child.age >= 18 || child.inSchool) member.inSchool = true;
    if (child.earlier !== undefined) member.earningsEarlierThisYear = child.earlier;
    if (child.days !== undefined) member.daysInHousehold = child.days;
    members.push(member);
  });
  const idOf = (n: number) => (members[n % members.length] as Member).id;
  const input: CalculationInput = {
    month: monthText(raw.month),
    household: { members },
    costs: raw.costs.map((cost) => {
      const memberId = cost.member === undefined ? {} : { memberId: idOf(cost.member) };
      return cost.type === 'otherLivingCost'
        ? { type: cost.type, subtype: cost.subtype, amount: cost.amount, ...memberId }
        : { type: cost.type, amount: cost.amount, ...memberId };
    }),
    incomes: raw.incomes.map((income) => ({
      type: income.type,
      amount: income.amount,
      memberId: idOf(income.member),
    })),
  };
  if (raw.adjustments !== undefined) {
    input.normAdjustments = raw.adjustments.map((adjustment) => ({
      amount: adjustment.amount,
      reason: 'Särskilda skäl',
      ...(adjustment.member === undefined ? {} : { memberId: idOf(adjustment.member) }),
    }));
  }
  if (raw.extraShared !== undefined) input.household.sharedHouseholdSize = members.length + raw.extraShared;
  return input;
}

const inputArb = rawArb.map(buildInput);

/** The result, or null when a needed parameter is unknown for the month (a valid outcome). */
function resultOf(output: CalculationOutput): CalculationResult | null {
  if (!isCalculationError(output)) return output;
  if (output.error.code === 'parameter_unavailable') return null;
  throw new Error(`generated input was invalid: ${JSON.stringify(output.error)}`);
}

const TOTALS = [
  'norm',
  'reasonableCosts',
  'otherLivingCosts',
  'need',
  'income',
  'disregardedIncome',
  'countedIncome',
  'assistance',
  'surplus',
] as const;

function totals(result: CalculationResult): Record<string, number> {
  return Object.fromEntries(TOTALS.map((key) => [key, result[key]]));
}

describe('egenskaper för alla hushåll', () => {
  it('biståndet och överskottet är aldrig negativa, och högst ett av dem är större än noll', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = resultOf(calculate(input));
        if (result === null) return;
        expect(result.assistance).toBeGreaterThanOrEqual(0);
        expect(result.surplus).toBeGreaterThanOrEqual(0);
        expect(result.assistance === 0 || result.surplus === 0).toBe(true);
        expect(result.assistance - result.surplus).toBe(result.need - result.countedIncome);
        for (const key of TOTALS) expect(Number.isSafeInteger(result[key])).toBe(true);
      }),
      RUNS,
    );
  });

  it('raderna summerar exakt till varje delsumma', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = resultOf(calculate(input));
        if (result === null) return;
        const sum = (prefix: string) =>
          result.lines
            .filter((line) => line.code.startsWith(prefix))
            .reduce((total, line) => total + line.amount, 0);
        expect(sum('norm.')).toBe(result.norm);
        expect(sum('cost.')).toBe(result.reasonableCosts);
        expect(sum('otherCost.')).toBe(result.otherLivingCosts);
        expect(sum('income.')).toBe(result.income);
        expect(sum('disregard.')).toBe(result.disregardedIncome);
        expect(result.need).toBe(result.norm + result.reasonableCosts + result.otherLivingCosts);
        expect(result.countedIncome).toBe(result.income - result.disregardedIncome);
        for (const line of result.lines) expect(line.basis).toMatch(/^So[FL] 20\d\d:\d+ \d+ kap\. /);
      }),
      RUNS,
    );
  });

  it('mer inkomst ger aldrig mer bistånd', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(...INCOME_TYPES),
        amountArb,
        fc.nat(),
        (input, type, amount, member) => {
          const before = resultOf(calculate(input));
          if (before === null) return;
          const memberId = (input.household.members[member % input.household.members.length] as Member).id;
          const more = { ...input, incomes: [...input.incomes, { type, amount, memberId }] };
          const after = resultOf(calculate(more));
          if (after === null) return; // e.g. prisbasbelopp newly needed — unknown for no month today
          expect(after.assistance).toBeLessThanOrEqual(before.assistance);
          expect(after.countedIncome).toBeGreaterThanOrEqual(before.countedIncome);
        },
      ),
      RUNS,
    );
  });

  it('medlemmarnas ordning spelar ingen roll', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (input, keys) => {
        const shuffled = input.household.members
          .map((member, i) => ({ member, key: keys[i % keys.length] as number }))
          .sort((x, y) => x.key - y.key)
          .map((entry) => entry.member);
        const reordered = { ...input, household: { ...input.household, members: shuffled } };
        const a = calculate(input);
        const b = calculate(reordered);
        if (isCalculationError(a) || isCalculationError(b)) {
          expect(b).toEqual(a);
          return;
        }
        expect(totals(b)).toEqual(totals(a));
        expect(b.warnings).toEqual(a.warnings);
      }),
      RUNS,
    );
  });

  it('utan rader blir summorna desamma som med rader', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const full = calculate(input, { explain: true });
        const fast = calculate(input, { lines: false });
        if (isCalculationError(full)) expect(fast).toEqual(full);
        else expect({ ...fast, lines: full.lines }).toEqual(full);
      }),
      RUNS,
    );
  });
});

const SAFETY_NET = 'could not be read as a calculation input';

function expectContractOutcome(output: CalculationOutput): void {
  if (!isCalculationError(output)) {
    expect(typeof output.assistance).toBe('number');
    return;
  }
  expect(['invalid_input', 'parameter_unavailable']).toContain(output.error.code);
  if (output.error.code === 'invalid_input') {
    expect(output.error.issues.length).toBeGreaterThan(0);
    for (const issue of output.error.issues) expect(issue.message).not.toBe(SAFETY_NET);
  }
}

/** Every path (as key lists) inside a JSON value. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) paths.push(...pathsOf(value[i], [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function mutate(input: unknown, path: (string | number)[], action: number, replacement: unknown): unknown {
  const copy = structuredClone(input);
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (action === 0) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (
    action === 1 &&
    typeof parent[last] === 'object' &&
    parent[last] !== null &&
    !Array.isArray(parent[last])
  ) {
    (parent[last] as Record<string, unknown>).extra = replacement;
  } else parent[last] = replacement;
  return copy;
}

describe('robusthet', () => {
  it('vilket JavaScript-värde som helst ger ett resultat eller invalid_input, aldrig ett undantag', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withBoxedValues: true,
        }),
        (value) => {
          const output = calculate(value);
          expect(isCalculationError(output) && output.error.code).toBe('invalid_input');
          expectContractOutcome(output);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('vilken JSON-text som helst ger ett resultat eller invalid_input', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const output = calculate(JSON.parse(text));
        expect(isCalculationError(output) && output.error.code).toBe('invalid_input');
      }),
      { numRuns: 500 },
    );
  });

  it('ett giltigt underlag med ett fält borttaget, ändrat eller tillagt ger ett resultat eller ett kontraktsfel', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withBoxedValues: true })),
        (input, pick, action, replacement) => {
          const paths = pathsOf(input);
          const mutated = mutate(
            input,
            paths[pick % paths.length] as (string | number)[],
            action,
            replacement,
          );
          expectContractOutcome(calculate(mutated));
          expectContractOutcome(calculate(mutated, { explain: true }));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
