import { describe, expect, it } from 'vitest';
import { calculate, exampleGuidelineSet, type GuidelineSet, validateGuidelineSet } from '../index.ts';

describe('guideline sets', () => {
  it('the shipped example set is valid and clearly marked as an invented example', () => {
    expect(validateGuidelineSet(exampleGuidelineSet)).toEqual([]);
    expect(exampleGuidelineSet.name).toMatch(/^EXEMPEL – .*\(fiktiv\)$/);
    for (const version of exampleGuidelineSet.versions) {
      for (const section of version.sections) expect(section.text).toMatch(/^EXEMPEL\./);
    }
  });

  it('reports every problem in a guideline set by path', () => {
    const issues = validateGuidelineSet({
      id: '',
      name: 'X',
      owner: { kind: 'county', name: 'X' },
      versions: [
        {
          validFrom: '2026-01-15',
          sections: [{ number: '1', title: 'T', text: 'x' }],
          caps: [
            { costType: 'parking', section: '9', amount: -1 },
            { costType: 'housing', section: '1' },
          ],
        },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'id',
      'owner',
      'versions.0.validFrom',
      'versions.0.caps.0.costType',
      'versions.0.caps.0.amount',
      'versions.0.caps.0.section',
      'versions.0.caps.1',
    ]);
  });

  it('an invalid set passed to calculate gives invalid_input under options.guidelines, never an exception', () => {
    const output = calculate(
      {
        month: '2026-03',
        household: { members: [{ id: 'a', role: 'applicant', birthDate: '1980-01-01' }] },
        costs: [],
        incomes: [],
      },
      { guidelines: { id: 'x' } as unknown as GuidelineSet },
    );
    expect(output).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [
          { path: 'options.guidelines.name' },
          { path: 'options.guidelines.owner' },
          { path: 'options.guidelines.versions' },
        ],
      },
    });
  });

  it('a household larger than the largest size in byHouseholdSize uses the largest size given', () => {
    const children = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`,
      role: 'child',
      birthDate: '2015-01-01',
    }));
    const output = calculate(
      {
        month: '2026-03',
        household: { members: [{ id: 'a', role: 'applicant', birthDate: '1980-01-01' }, ...children] },
        costs: [{ type: 'housing', amount: 1_200_000 }],
        incomes: [],
      },
      { guidelines: exampleGuidelineSet },
    );
    expect(output).toMatchObject({
      warnings: [{ code: 'guideline_cap_exceeded', cap: 1_150_000, amount: 1_200_000 }],
    });
  });
});
