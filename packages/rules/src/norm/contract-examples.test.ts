// The contract's worked examples (copied from shared/contracts/examples) must come out exactly.

import { describe, expect, it } from 'vitest';
import { calculate, isCalculationError } from '../index.ts';
import alternateWeeksExpected from './contract-examples/alternate-weeks-and-dental-care.expected.json' with {
  type: 'json',
};
import alternateWeeks from './contract-examples/alternate-weeks-and-dental-care.input.json' with {
  type: 'json',
};
import familyExpected from './contract-examples/family-with-jobstimulus.expected.json' with { type: 'json' };
import family from './contract-examples/family-with-jobstimulus.input.json' with { type: 'json' };
import incomeAboveNeedExpected from './contract-examples/income-above-need.expected.json' with {
  type: 'json',
};
import incomeAboveNeed from './contract-examples/income-above-need.input.json' with { type: 'json' };
import lodgerExpected from './contract-examples/lodger-sharing-with-one-2025.expected.json' with {
  type: 'json',
};
import lodger from './contract-examples/lodger-sharing-with-one-2025.input.json' with { type: 'json' };
import singleExpected from './contract-examples/single-no-income.expected.json' with { type: 'json' };
import single from './contract-examples/single-no-income.input.json' with { type: 'json' };

const EXAMPLES: [string, unknown, Record<string, number>][] = [
  ['alternate-weeks-and-dental-care', alternateWeeks, alternateWeeksExpected],
  ['family-with-jobstimulus', family, familyExpected],
  ['income-above-need', incomeAboveNeed, incomeAboveNeedExpected],
  ['lodger-sharing-with-one-2025', lodger, lodgerExpected],
  ['single-no-income', single, singleExpected],
];

describe('contract examples', () => {
  for (const [name, input, expected] of EXAMPLES) {
    it(`${name} gives the expected totals`, () => {
      const output = calculate(input);
      if (isCalculationError(output)) throw new Error(JSON.stringify(output));
      expect(output).toMatchObject(expected);
      expect(output.month).toBe((input as { month: string }).month);
      expect(output.parameters).toBe(`riksnorm-${output.month.slice(0, 4)}`);
      expect(output.warnings).toEqual([]);
    });

    it(`${name} gives the same totals without lines`, () => {
      const output = calculate(input, { lines: false });
      expect(output).toMatchObject({ ...expected, lines: [] });
    });
  }

  it('family-with-jobstimulus has the lines the contract shows', () => {
    const output = calculate(family);
    if (isCalculationError(output)) throw new Error(JSON.stringify(output));
    expect(output.lines).toContainEqual({
      code: 'norm.personal.couple',
      memberIds: ['p1', 'p2'],
      amount: 710000,
      basis: 'SoF 2025:468 12 kap. 2 §',
    });
    expect(output.lines).toContainEqual(
      expect.objectContaining({ code: 'norm.personal.child', memberIds: ['c1'], amount: 272000 }),
    );
    expect(output.lines).toContainEqual(
      expect.objectContaining({ code: 'norm.common', memberIds: ['p1', 'p2', 'c1', 'c2'], amount: 203000 }),
    );
    expect(output.lines).toContainEqual({
      code: 'disregard.jobStimulus',
      memberIds: ['p1'],
      amount: 300000,
      basis: 'SoL 2025:400 12 kap. 8 §',
    });
  });
});
