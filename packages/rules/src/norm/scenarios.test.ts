// Scenarios a caseworker can check by hand: each name is the rule in plain Swedish, each
// expected amount is written in kronor from the riksnorm table of that year.

import { describe, expect, it } from 'vitest';
import {
  type CalculateOptions,
  type CalculationInput,
  type CalculationOutput,
  type CalculationResult,
  calculate,
  exampleGuidelineSet,
  isCalculationError,
  type Member,
} from '../index.ts';

const kr = (kronor: number) => Math.round(kronor * 100);

function calculated(input: CalculationInput, options?: CalculateOptions): CalculationResult {
  const output = calculate(input, options);
  if (isCalculationError(output)) throw new Error(`unexpected error ${JSON.stringify(output)}`);
  return output;
}

function household(
  month: string,
  members: Member[],
  extra: Partial<CalculationInput> = {},
): CalculationInput {
  return { month, household: { members }, costs: [], incomes: [], ...extra };
}

const applicant: Member = { id: 'a', role: 'applicant', birthDate: '1985-05-05' };
const partner: Member = { id: 'p', role: 'partner', birthDate: '1987-09-09' };

function amountOf(result: CalculationResult, code: string, memberId?: string): number {
  return result.lines
    .filter((line) => line.code === code && (memberId === undefined || line.memberIds.includes(memberId)))
    .reduce((sum, line) => sum + line.amount, 0);
}

function issuePaths(output: CalculationOutput): string[] {
  if (!isCalculationError(output) || output.error.code !== 'invalid_input')
    throw new Error('expected invalid_input');
  return output.error.issues.map((issue) => issue.path);
}

describe('riksnorm: personliga kostnader', () => {
  it('En ensamstående utan inkomst i april 2026 får norm 5 220 kr plus hyra', () => {
    const result = calculated(
      household('2026-04', [applicant], { costs: [{ type: 'housing', amount: kr(6500) }] }),
    );
    expect(result.norm).toBe(kr(5220));
    expect(amountOf(result, 'norm.personal.single')).toBe(kr(3940));
    expect(amountOf(result, 'norm.common')).toBe(kr(1280));
    expect(result.reasonableCosts).toBe(kr(6500));
    expect(result.assistance).toBe(kr(5220 + 6500));
  });

  it('Sambor i mars 2026 får 7 100 kr tillsammans och 1 410 kr i gemensamma kostnader', () => {
    const result = calculated(household('2026-03', [applicant, partner]));
    expect(result.lines[0]).toMatchObject({
      code: 'norm.personal.couple',
      memberIds: ['a', 'p'],
      amount: kr(7100),
    });
    expect(result.norm).toBe(kr(8510));
  });

  it('Ett barn som fyller 7 år i mars 2026 får beloppet för 7–10 år (3 820 kr) för hela mars', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2019-03-31' };
    expect(amountOf(calculated(household('2026-03', [applicant, child])), 'norm.personal.child')).toBe(
      kr(3820),
    );
  });

  it('Samma barn räknas som 6 år i februari 2026 och får 2 720 kr när det äter lunch i förskolan', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2019-03-31', weekdayLunchesProvided: true };
    expect(amountOf(calculated(household('2026-02', [applicant, child])), 'norm.personal.child')).toBe(
      kr(2720),
    );
  });

  it('Ett barn under 1 år utan lunch i förskola får 2 740 kr i januari 2026; ett barn fött i månaden räknas', () => {
    const baby: Member = { id: 'c', role: 'child', birthDate: '2026-01-31' };
    expect(amountOf(calculated(household('2026-01', [applicant, baby])), 'norm.personal.child')).toBe(
      kr(2740),
    );
  });

  it('Varje åldersgrupp får sitt belopp 2026: 2 740, 3 060, 2 720, 3 060, 3 820, 4 390, 4 960 och 5 000 kr', () => {
    const ages = [0, 2, 3, 6, 10, 14, 18, 20];
    const children: Member[] = ages.map((age, i) => ({
      id: `c${i}`,
      role: 'child',
      birthDate: `${2026 - age}-01-15`,
      ...(age >= 18 ? { inSchool: true } : {}),
    }));
    const result = calculated(household('2026-06', [applicant, ...children]));
    expect(children.map((child) => amountOf(result, 'norm.personal.child', child.id))).toEqual(
      [2740, 3060, 2720, 3060, 3820, 4390, 4960, 5000].map(kr),
    );
  });

  it('En 19-åring som går i gymnasiet räknas som skolungdom och får 5 000 kr i maj 2026', () => {
    const pupil: Member = { id: 'c', role: 'child', birthDate: '2007-02-01', inSchool: true };
    expect(amountOf(calculated(household('2026-05', [applicant, pupil])), 'norm.personal.child')).toBe(
      kr(5000),
    );
  });

  it('Ett barn som bor hos sökanden 14 dagar i oktober 2026 får 14/30 av 4 960 kr = 2 314,67, avrundat till 2 315 kr', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2010-01-01', daysInHousehold: 14 };
    const result = calculated(household('2026-10', [applicant, child]));
    expect(result.lines[1]).toMatchObject({
      code: 'norm.personal.child',
      amount: kr(2315),
      daysInHousehold: 14,
    });
    expect(amountOf(result, 'norm.common')).toBe(kr(1410)); // still counts in the household size
  });
});

describe('riksnorm: gemensamma hushållskostnader', () => {
  it('Ett hushåll med 8 personer 2026 får 2 830 + (2 830 − 2 640) = 3 020 kr i gemensamma kostnader', () => {
    const children: Member[] = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`,
      role: 'child',
      birthDate: `201${i}-01-01`,
    }));
    const result = calculated(household('2026-02', [applicant, partner, ...children]));
    expect(amountOf(result, 'norm.common')).toBe(kr(3020));
  });

  it('Ett hushåll med 10 personer 2024 får 2 730 + 3 × 190 = 3 300 kr', () => {
    const children: Member[] = Array.from({ length: 8 }, (_, i) => ({
      id: `c${i}`,
      role: 'child',
      birthDate: `201${i}-01-01`,
    }));
    expect(amountOf(calculated(household('2024-02', [applicant, partner, ...children])), 'norm.common')).toBe(
      kr(3300),
    );
  });

  it('En inneboende som delar hushåll med tre andra 2026 får 2 030 × 1 ÷ 4 = 507,50, avrundat till 508 kr', () => {
    const input = household('2026-04', [applicant]);
    input.household.sharedHouseholdSize = 4;
    const result = calculated(input);
    expect(result.lines[1]).toMatchObject({
      code: 'norm.common',
      amount: kr(508),
      sharedHouseholdSize: 4,
      basis: 'SoF 2025:468 12 kap. 3 § andra stycket',
    });
    expect(result.norm).toBe(kr(3940 + 508));
  });

  it('Ett par i hushållsgemenskap med en vuxen son 2026 får 1 790 × 2 ÷ 3 = 1 193,33, avrundat till 1 193 kr', () => {
    const input = household('2026-04', [applicant, partner]);
    input.household.sharedHouseholdSize = 3;
    expect(amountOf(calculated(input), 'norm.common')).toBe(kr(1193));
  });

  it('sharedHouseholdSize lika med antalet medlemmar ändrar ingenting', () => {
    const input = household('2026-04', [applicant, partner]);
    input.household.sharedHouseholdSize = 2;
    expect(amountOf(calculated(input), 'norm.common')).toBe(kr(1410));
  });
});

describe('normjustering, kostnader och levnadskostnader i övrigt', () => {
  it('En läkarordinerad specialkost på 400 kr läggs till normen, och en sänkning på 300 kr dras av', () => {
    const result = calculated(
      household('2026-03', [applicant], {
        normAdjustments: [
          { memberId: 'a', amount: kr(400), reason: 'Läkarordinerad specialkost' },
          { amount: -kr(300), reason: 'Särskilda skäl: kost ingår i boendet' },
        ],
      }),
    );
    expect(result.norm).toBe(kr(5220 + 400 - 300));
    expect(result.lines.filter((line) => line.code === 'norm.adjustment')).toMatchObject([
      {
        memberIds: ['a'],
        amount: kr(400),
        reason: 'Läkarordinerad specialkost',
        basis: 'SoL 2025:400 12 kap. 7 § tredje stycket',
      },
      { memberIds: ['a'], amount: -kr(300) },
    ]);
  });

  it('Skäliga kostnader och tandvård räknas var för sig och summeras i behovet', () => {
    const result = calculated(
      household('2026-03', [applicant], {
        costs: [
          { type: 'housing', amount: kr(6000) },
          { type: 'householdElectricity', amount: kr(350) },
          { type: 'homeInsurance', amount: kr(150) },
          { type: 'workTravel', memberId: 'a', amount: kr(970) },
          { type: 'unionAndUnemploymentFund', memberId: 'a', amount: kr(500) },
          { type: 'otherLivingCost', subtype: 'dentalCare', memberId: 'a', amount: kr(1200) },
          { type: 'otherLivingCost', subtype: 'glasses', amount: kr(800) },
        ],
      }),
    );
    expect(result.reasonableCosts).toBe(kr(7970));
    expect(result.otherLivingCosts).toBe(kr(2000));
    expect(result.need).toBe(kr(5220 + 7970 + 2000));
    expect(result.lines.map((line) => line.code)).toEqual([
      'norm.personal.single',
      'norm.common',
      'cost.housing',
      'cost.householdElectricity',
      'cost.homeInsurance',
      'cost.workTravel',
      'cost.unionAndUnemploymentFund',
      'otherCost.dentalCare',
      'otherCost.glasses',
    ]);
    expect(result.lines[7]?.basis).toBe('SoL 2025:400 12 kap. 1 §');
  });
});

describe('inkomster', () => {
  it('Inkomst över behovet ger inget bistånd men ett överskott', () => {
    const result = calculated(
      household('2026-03', [applicant], { incomes: [{ type: 'sicknessCompensation', amount: kr(9000) }] }),
    );
    expect(result.assistance).toBe(0);
    expect(result.surplus).toBe(kr(9000 - 5220));
  });

  it('Alla inkomstslag räknas fullt ut utom anställning med jobbstimulans eller barns arbete', () => {
    const result = calculated(
      household('2026-03', [applicant], {
        incomes: [
          { type: 'housingAllowance', amount: kr(1500) },
          { type: 'previousSurplus', amount: kr(200) },
          { type: 'employment', memberId: 'a', amount: kr(1000) },
        ],
      }),
    );
    expect(result.income).toBe(kr(2700));
    expect(result.disregardedIncome).toBe(0);
    expect(result.countedIncome).toBe(kr(2700));
  });

  it('Jobbstimulans: 25 % av 12 345,67 kr = 3 086,4175 kr, avrundat nedåt till 3 086,41 kr', () => {
    const result = calculated(
      household('2026-03', [{ ...applicant, jobStimulus: true }], {
        incomes: [
          { type: 'employment', memberId: 'a', amount: 1000000 },
          { type: 'employment', memberId: 'a', amount: 234567 },
        ],
      }),
    );
    expect(result.disregardedIncome).toBe(308641);
    expect(result.lines.at(-1)).toEqual({
      code: 'disregard.jobStimulus',
      memberIds: ['a'],
      amount: 308641,
      basis: 'SoL 2025:400 12 kap. 8 §',
    });
  });

  it('Jobbstimulans i maj 2025 hänvisar till den gamla lagen, SoL 2001:453 4 kap. 1 b §', () => {
    const result = calculated(
      household('2025-05', [{ ...applicant, jobStimulus: true }], {
        incomes: [{ type: 'employment', memberId: 'a', amount: kr(8000) }],
      }),
    );
    expect(result.lines.find((line) => line.code === 'disregard.jobStimulus')).toMatchObject({
      amount: kr(2000),
      basis: 'SoL 2001:453 4 kap. 1 b §',
    });
    expect(result.lines[0]?.basis).toBe('SoF 2001:937 2 kap. 1 §');
  });

  it('Från juli 2025 hänvisar samma rader till SoL 2025:400 och SoF 2025:468', () => {
    const result = calculated(
      household('2025-07', [{ ...applicant, jobStimulus: true }], {
        incomes: [{ type: 'employment', memberId: 'a', amount: kr(8000) }],
      }),
    );
    expect(result.lines.find((line) => line.code === 'disregard.jobStimulus')?.basis).toBe(
      'SoL 2025:400 12 kap. 8 §',
    );
    expect(result.lines[0]?.basis).toBe('SoF 2025:468 12 kap. 2 §');
  });

  it('Utan jobbstimulans räknas hela lönen', () => {
    const result = calculated(
      household('2026-03', [applicant, { ...partner, jobStimulus: true }], {
        incomes: [{ type: 'employment', memberId: 'a', amount: kr(8000) }],
      }),
    );
    expect(result.disregardedIncome).toBe(0);
  });

  it('Ett barns lön räknas inte upp till ett prisbasbelopp (59 200 kr 2026); det som går över räknas', () => {
    const teenager: Member = {
      id: 'c',
      role: 'child',
      birthDate: '2009-04-04',
      earningsEarlierThisYear: kr(58000),
    };
    const result = calculated(
      household('2026-09', [applicant, teenager], {
        incomes: [
          { type: 'employment', memberId: 'c', amount: kr(1000) },
          { type: 'employment', memberId: 'c', amount: kr(2000) },
        ],
      }),
    );
    // 59 200 − 58 000 = 1 200 kr left: the first 1 000 kr, then 200 kr of the second income.
    expect(result.disregardedIncome).toBe(kr(1200));
    expect(result.countedIncome).toBe(kr(1800));
    expect(result.lines.at(-1)).toMatchObject({
      code: 'disregard.childEarnings',
      memberIds: ['c'],
      amount: kr(1200),
      basis: 'SoL 2025:400 12 kap. 9 §',
    });
  });

  it('Ett barn som redan tjänat mer än prisbasbeloppet i år får hela lönen räknad', () => {
    const teenager: Member = {
      id: 'c',
      role: 'child',
      birthDate: '2009-04-04',
      earningsEarlierThisYear: kr(70000),
    };
    const result = calculated(
      household('2026-09', [applicant, teenager], {
        incomes: [{ type: 'employment', memberId: 'c', amount: kr(3000) }],
      }),
    );
    expect(result.disregardedIncome).toBe(0);
    expect(result.countedIncome).toBe(kr(3000));
  });

  it('Barns arbetsinkomst i mars 2025 hänvisar till SoL 2001:453 4 kap. 1 a §', () => {
    const pupil: Member = { id: 'c', role: 'child', birthDate: '2006-01-01', inSchool: true };
    const result = calculated(
      household('2025-03', [applicant, pupil], {
        incomes: [{ type: 'employment', memberId: 'c', amount: kr(3000) }],
      }),
    );
    expect(result.lines.at(-1)).toMatchObject({
      code: 'disregard.childEarnings',
      basis: 'SoL 2001:453 4 kap. 1 a §',
    });
  });
});

describe('okända och osäkra belopp', () => {
  it('Ett barn som äter lunch i förskolan 2022 ger parameter_unavailable – beloppet utan lunch är okänt', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2017-06-01', weekdayLunchesProvided: true };
    expect(calculate(household('2022-05', [applicant, child]))).toEqual({
      error: {
        code: 'parameter_unavailable',
        parameter: 'riksnorm.childrenWithoutLunch.age4to6',
        month: '2022-05',
      },
    });
  });

  it('Beloppet utan lunch 2018 är bara härlett och används inte', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2016-01-01', weekdayLunchesProvided: true };
    expect(calculate(household('2018-03', [applicant, child]))).toMatchObject({
      error: { code: 'parameter_unavailable', parameter: 'riksnorm.childrenWithoutLunch.age1to2' },
    });
  });

  it('En beräkning för 2016 bygger på sekundära källor och får en varning för varje sådant belopp', () => {
    const result = calculated(household('2016-04', [applicant]));
    expect(result.norm).toBe(kr(2950 + 940));
    expect(result.warnings.map((warning) => warning.code)).toEqual(['secondary_source', 'secondary_source']);
    expect(
      result.warnings.map((warning) => (warning.code === 'secondary_source' ? warning.parameter : '')),
    ).toEqual(['riksnorm.adults.single', 'riksnorm.common.size1']);
    expect(result.warnings[0]?.message).toContain('riksnorm.adults.single');
    expect(result.warnings[0]?.message).toContain('sekundär källa');
  });

  it('En beräkning för 2017 (primära källor) har inga varningar', () => {
    expect(calculated(household('2017-04', [applicant])).warnings).toEqual([]);
  });

  it('Prisbasbeloppet 2015 är sekundärt: barns lön 2015 ger en varning', () => {
    const teenager: Member = { id: 'c', role: 'child', birthDate: '2000-01-01' };
    const result = calculated(
      household('2015-06', [applicant, teenager], {
        incomes: [{ type: 'employment', memberId: 'c', amount: kr(1000) }],
      }),
    );
    expect(result.warnings).toMatchObject([{ code: 'secondary_source', parameter: 'prisbasbelopp' }]);
  });
});

describe('kommunala riktlinjer', () => {
  it('En hyra över riktlinjens tak ger en varning med avsnitt och tak, men hela hyran räknas', () => {
    const result = calculated(
      household('2026-03', [applicant], { costs: [{ type: 'housing', amount: kr(7000) }] }),
      {
        guidelines: exampleGuidelineSet,
      },
    );
    expect(result.reasonableCosts).toBe(kr(7000));
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'guideline_cap_exceeded',
        section: '4.2',
        costType: 'housing',
        cap: kr(6200),
        amount: kr(7000),
      }),
    ]);
    expect(result.warnings[0]?.message).toMatch(/avsnitt 4\.2/);
    expect(result.warnings[0]?.message).toMatch(/6\u00a0200\u00a0kr/);
  });

  it('Riktlinjens version som gällde 2025 har ett lägre tak (6 000 kr) och inget tak för tandvård', () => {
    const result = calculated(
      household('2025-03', [applicant], {
        costs: [
          { type: 'housing', amount: kr(6100) },
          { type: 'otherLivingCost', subtype: 'dentalCare', amount: kr(5000) },
        ],
      }),
      { guidelines: exampleGuidelineSet },
    );
    expect(result.warnings).toMatchObject([
      { code: 'guideline_cap_exceeded', cap: kr(6000), section: '4.2' },
    ]);
  });

  it('Före riktlinjens första version ger den inga varningar', () => {
    const result = calculated(
      household('2023-03', [applicant], { costs: [{ type: 'housing', amount: kr(9000) }] }),
      {
        guidelines: exampleGuidelineSet,
      },
    );
    expect(result.warnings.filter((warning) => warning.code === 'guideline_cap_exceeded')).toEqual([]);
  });
});

describe('förklaringar och rader', () => {
  it('Med explain får varje rad parameter, belopp, giltighetsdatum, källa och tillförlitlighet', () => {
    const result = calculated(
      household('2026-03', [applicant], { costs: [{ type: 'housing', amount: kr(5000) }] }),
      { explain: true },
    );
    expect(result.lines[0]?.explanation).toMatchObject({
      parameter: 'riksnorm.adults.single',
      value: kr(3940),
      validFrom: '2026-01-01',
      confidence: 'primary',
      source: ['SOF2025_1046'],
    });
    expect(result.lines[2]?.explanation).toEqual({ input: 'costs.0' });
  });

  it('Ett hushåll med fler än sju personer förklaras med både 7- och 6-personersbeloppet', () => {
    const children: Member[] = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`,
      role: 'child',
      birthDate: '2015-01-01',
    }));
    const result = calculated(household('2026-03', [applicant, partner, ...children]), { explain: true });
    const common = result.lines.find((line) => line.code === 'norm.common');
    expect(common?.explanation).toMatchObject([
      { parameter: 'riksnorm.common.size7' },
      { parameter: 'riksnorm.common.size6' },
    ]);
  });

  it('Utan rader (lines: false) blir alla summor desamma', () => {
    const input = household('2026-03', [{ ...applicant, jobStimulus: true }, partner], {
      costs: [{ type: 'housing', amount: kr(8000) }],
      incomes: [{ type: 'employment', memberId: 'a', amount: kr(9000) }],
    });
    const full = calculated(input);
    const fast = calculated(input, { lines: false });
    expect({ ...fast, lines: full.lines }).toEqual(full);
    expect(fast.lines).toEqual([]);
  });
});

describe('ogiltiga uppgifter', () => {
  it('Ett barn på 18 år som inte går i skolan är ogiltigt', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2008-01-01' };
    expect(issuePaths(calculate(household('2026-03', [applicant, child])))).toEqual([
      'household.members.1.inSchool',
    ]);
  });

  it('Ett barn som fyller 21 under månaden är ogiltigt, även i skolan', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2005-03-30', inSchool: true };
    expect(issuePaths(calculate(household('2026-03', [applicant, child])))).toEqual([
      'household.members.1.birthDate',
    ]);
  });

  it('Ett barn fött efter månaden är ogiltigt', () => {
    const child: Member = { id: 'c', role: 'child', birthDate: '2026-04-01' };
    expect(issuePaths(calculate(household('2026-03', [applicant, child])))).toEqual([
      'household.members.1.birthDate',
    ]);
  });

  it('Månader före 2013-07 och efter 2026-12 beräknas inte', () => {
    expect(issuePaths(calculate(household('2013-06', [applicant])))).toEqual(['month']);
    expect(issuePaths(calculate(household('2027-01', [applicant])))).toEqual(['month']);
    expect(isCalculationError(calculate(household('2013-07', [applicant])))).toBe(false);
  });

  it('Alla fel rapporteras på en gång, var och en med sin JSON-sökväg', () => {
    const output = calculate({
      month: '2026-03',
      household: {
        members: [
          { id: 'a', role: 'applicant', birthDate: '1980-01-01', inSchool: true },
          { id: 'p', role: 'partner', birthDate: '1980-02-30' },
          { id: 'q', role: 'partner', birthDate: '1981-01-01' },
          {
            id: 'c',
            role: 'child',
            birthDate: '2018-01-01',
            jobStimulus: true,
            weekdayLunchesProvided: true,
          },
          { id: 'd', role: 'child', birthDate: '2020-01-01', daysInHousehold: 31, nickname: 'D' },
          { id: 'a', role: 'child', birthDate: '2021-01-01' },
        ],
        sharedHouseholdSize: 3,
      },
      normAdjustments: [{ amount: 10.5, reason: '' }],
      costs: [
        { type: 'housing', amount: -1 },
        { type: 'otherLivingCost', amount: 100 },
        { type: 'parking', amount: 100 },
        { type: 'housing', subtype: 'dentalCare', amount: 100 },
        { type: 'workTravel', memberId: 'x', amount: 100 },
      ],
      incomes: [
        { type: 'employment', amount: 1 },
        { type: 'salary', amount: 1 },
        { type: 'other', amount: '1' },
      ],
      comment: 'hello',
    });
    expect(issuePaths(output).sort()).toEqual(
      [
        'comment',
        'household.sharedHouseholdSize',
        'household.members.0.inSchool',
        'household.members.1.birthDate',
        'household.members.2.role',
        'household.members.3.jobStimulus',
        'household.members.3.weekdayLunchesProvided',
        'household.members.4.nickname',
        'household.members.4.daysInHousehold',
        'household.members.5.id',
        'normAdjustments.0.amount',
        'normAdjustments.0.reason',
        'costs.0.amount',
        'costs.1.subtype',
        'costs.2.type',
        'costs.3.subtype',
        'costs.4.memberId',
        'incomes.0.memberId',
        'incomes.1.type',
        'incomes.2.amount',
      ].sort(),
    );
  });

  it('Ingen sökande, eller fel typ på fälten, rapporteras', () => {
    expect(issuePaths(calculate(household('2026-03', [{ ...partner }])))).toEqual(['household.members']);
    expect(issuePaths(calculate({ month: 202603, household: [], costs: {}, incomes: null }))).toEqual([
      'month',
      'household',
      'costs',
      'incomes',
    ]);
    expect(issuePaths(calculate(null))).toEqual(['']);
    expect(issuePaths(calculate({}))).toEqual(['month', 'household', 'costs', 'incomes']);
  });

  it('Ett belopp får inte vara negativt eller ett decimaltal, och felmeddelandet säger det', () => {
    const output = calculate(
      household('2026-03', [applicant], { costs: [{ type: 'housing', amount: 100.5 }] }),
    );
    expect(output).toEqual({
      error: {
        code: 'invalid_input',
        issues: [{ path: 'costs.0.amount', message: 'must be a whole number of öre ≥ 0' }],
      },
    });
  });
});
