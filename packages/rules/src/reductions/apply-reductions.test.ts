// applyReductions: examples for the legal basis by month and the cap, and properties over real
// calculation results (fast-check): never below 0, deducts exactly what it shows, leaves the
// contract result untouched.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyReductions,
  type CalculationInput,
  type CalculationResult,
  calculate,
  type DecidedReduction,
  isCalculationError,
  reductionBasisFor,
} from '../index.ts';

function calculated(input: CalculationInput): CalculationResult {
  const result = calculate(input);
  if (isCalculationError(result)) throw new Error(JSON.stringify(result));
  return result;
}

const single = (month: string, housing: number, income = 0) =>
  calculated({
    month,
    household: { members: [{ id: 'a', role: 'applicant', birthDate: '1990-05-01' }] },
    costs: [{ type: 'housing', amount: housing }],
    incomes: income > 0 ? [{ type: 'unemploymentBenefit', amount: income }] : [],
  });

const reduction = (overrides: Partial<DecidedReduction> = {}): DecidedReduction => ({
  decisionId: 'r1',
  kind: 'aktivitetskrav',
  memberId: 'a',
  month: '2026-12',
  amount: 150_000,
  reason: 'Uteblev från arbetsträningen utan godtagbart skäl trots förvarning.',
  ...overrides,
});

describe('applyReductions', () => {
  it('adds a reduction line below the assistance with the basis in force that month', () => {
    const result = single('2026-12', 480_000);
    const reduced = applyReductions(result, [reduction()]);
    if (isCalculationError(reduced)) throw new Error(JSON.stringify(reduced));
    expect(reduced.assistance).toBe(result.assistance);
    expect(reduced.lines).toEqual(result.lines);
    expect(reduced.assistanceAfterReductions).toBe(result.assistance - 150_000);
    expect(reduced.reductions).toEqual([
      expect.objectContaining({
        code: 'reduction.aktivitetskrav',
        memberIds: ['a'],
        decisionId: 'r1',
        decidedAmount: 150_000,
        amount: 150_000,
        reason: 'Uteblev från arbetsträningen utan godtagbart skäl trots förvarning.',
      }),
    ]);
    const line = reduced.reductions[0];
    expect(line?.cap).toBeUndefined();
    // From October 2026 the proposed aktivitetskrav is cited beside 12 kap. 5 §, marked as a proposal.
    expect(line?.basis).toBe(
      'SoL 2025:400 12 kap. 5 §; Aktivitetskrav för mottagare av försörjningsstöd (lagrådsremiss december 2025) (förslag, paragraf ej känd)',
    );
    expect(line?.references.map((r) => r.status)).toEqual(['inForce', 'proposed']);
  });

  it('cites only 12 kap. 5 § for a month before the aktivitetskrav proposal first applies', () => {
    const reduced = applyReductions(single('2026-09', 480_000), [reduction({ month: '2026-09' })]);
    if (isCalculationError(reduced)) throw new Error(JSON.stringify(reduced));
    expect(reduced.reductions[0]?.basis).toBe('SoL 2025:400 12 kap. 5 §');
    expect(reductionBasisFor('2025-07', 'aktivitetskrav')?.basis).toBe('SoL 2025:400 12 kap. 5 §');
  });

  it('refuses a month without a known legal basis rather than guessing the old section', () => {
    expect(reductionBasisFor('2025-06', 'aktivitetskrav')).toBeNull();
    const reduced = applyReductions(single('2025-06', 480_000), [reduction({ month: '2025-06' })]);
    expect(reduced).toEqual({
      error: {
        code: 'invalid_input',
        issues: [
          { path: 'reductions.0.month', message: 'no legal basis for a reduction is known for 2025-06' },
        ],
      },
    });
  });

  it('caps a reduction larger than the assistance left and says so', () => {
    const result = single('2026-12', 100_000, 500_000);
    expect(result.assistance).toBeGreaterThan(0);
    const reduced = applyReductions(result, [
      reduction({ amount: result.assistance - 1_000 }),
      reduction({ decisionId: 'r2', amount: 50_000 }),
    ]);
    if (isCalculationError(reduced)) throw new Error(JSON.stringify(reduced));
    expect(reduced.assistanceAfterReductions).toBe(0);
    expect(reduced.reductions[1]).toMatchObject({
      decidedAmount: 50_000,
      amount: 1_000,
      cap: { assistanceLeft: 1_000 },
    });
    expect(reduced.reductions[1]?.cap?.message).toContain('aldrig lägre än 0 kr');
  });

  it('refuses reductions of another month, member or without amount or reason, naming each field', () => {
    const reduced = applyReductions(single('2026-12', 480_000), [
      reduction({ month: '2026-11', memberId: 'nobody', amount: 0, reason: ' ' }),
    ]);
    expect(
      isCalculationError(reduced) &&
        reduced.error.code === 'invalid_input' &&
        reduced.error.issues.map((i) => i.path),
    ).toEqual(['reductions.0.memberId', 'reductions.0.month', 'reductions.0.amount', 'reductions.0.reason']);
  });

  it('without reductions leaves the assistance as it is', () => {
    const result = single('2026-12', 480_000);
    expect(applyReductions(result, [])).toEqual({
      ...result,
      reductions: [],
      assistanceAfterReductions: result.assistance,
    });
  });
});

describe('applyReductions properties', () => {
  const caseArb = fc.record({
    month: fc.constantFrom('2025-07', '2026-01', '2026-09', '2026-10', '2026-12'),
    housing: fc.integer({ min: 0, max: 2_000_000 }),
    income: fc.integer({ min: 0, max: 3_000_000 }),
    amounts: fc.array(fc.integer({ min: 1, max: 3_000_000 }), { maxLength: 4 }),
  });

  it('never goes below 0, deducts exactly the lines, never more than decided, and keeps the result', () => {
    fc.assert(
      fc.property(caseArb, ({ month, housing, income, amounts }) => {
        const result = single(month, housing, income);
        const before = structuredClone(result);
        const reductions = amounts.map((amount, i) => reduction({ decisionId: `r${i}`, month, amount }));
        const reduced = applyReductions(result, reductions);
        if (isCalculationError(reduced)) return false;
        const deducted = reduced.reductions.reduce((sum, line) => sum + line.amount, 0);
        const decided = amounts.reduce((sum, amount) => sum + amount, 0);
        expect(result).toEqual(before);
        expect(reduced.assistanceAfterReductions).toBeGreaterThanOrEqual(0);
        expect(reduced.assistanceAfterReductions).toBe(Math.max(0, result.assistance - decided));
        expect(reduced.assistance - deducted).toBe(reduced.assistanceAfterReductions);
        for (const line of reduced.reductions) {
          expect(line.amount).toBeLessThanOrEqual(line.decidedAmount);
          expect(line.cap !== undefined).toBe(line.amount < line.decidedAmount);
          expect(line.basis).toContain('12 kap. 5 §');
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('the total left does not depend on the order of the decisions', () => {
    fc.assert(
      fc.property(caseArb, ({ month, housing, income, amounts }) => {
        const result = single(month, housing, income);
        const reductions = amounts.map((amount, i) => reduction({ decisionId: `r${i}`, month, amount }));
        const forward = applyReductions(result, reductions);
        const backward = applyReductions(result, [...reductions].reverse());
        if (isCalculationError(forward) || isCalculationError(backward)) return false;
        return forward.assistanceAfterReductions === backward.assistanceAfterReductions;
      }),
      { numRuns: 200 },
    );
  });
});
