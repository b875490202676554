// Indicators on a hand-built dataset whose answers are worked out by hand (see the comments):
// three households, five adults and two children, today 2026-11-23.
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  DEFAULT_INDICATOR_SETTINGS,
  type Facts,
  type IndicatorId,
  savingsEstimate,
} from './indicators.compute.ts';

const months = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
};

// H1 (unit A): P1 (woman, 1990) and child C2 — assisted 2025-12..2026-10 (11 months), 5 000 kr.
// H2 (unit B): P2 (man, 2003), P3 (woman, 2004), child C1 — assisted 2026-08..2026-10, 10 000 kr.
// H3 (unit A): P4 (man, 1960) — assisted 2026-03, 2026-04 and 2026-07, 3 000 kr.
const facts: Facts = {
  today: '2026-11-23',
  households: [
    { id: 'H1', unitId: 'A' },
    { id: 'H2', unitId: 'B' },
    { id: 'H3', unitId: 'A' },
  ],
  members: [
    {
      householdId: 'H1',
      personId: 'P1',
      role: 'applicant',
      validFrom: '2025-01-01',
      validTo: null,
      birthDate: '1990-05-10',
      gender: 'female',
    },
    {
      householdId: 'H1',
      personId: 'C2',
      role: 'child',
      validFrom: '2025-01-01',
      validTo: null,
      birthDate: '2015-01-01',
      gender: 'male',
    },
    {
      householdId: 'H2',
      personId: 'P2',
      role: 'applicant',
      validFrom: '2026-08-01',
      validTo: null,
      birthDate: '2003-01-15',
      gender: 'male',
    },
    {
      householdId: 'H2',
      personId: 'P3',
      role: 'partner',
      validFrom: '2026-08-01',
      validTo: null,
      birthDate: '2004-06-01',
      gender: 'female',
    },
    {
      householdId: 'H2',
      personId: 'C1',
      role: 'child',
      validFrom: '2026-08-01',
      validTo: null,
      birthDate: '2020-02-02',
      gender: 'female',
    },
    {
      householdId: 'H3',
      personId: 'P4',
      role: 'applicant',
      validFrom: '2026-01-01',
      validTo: null,
      birthDate: '1960-03-03',
      gender: 'male',
    },
  ],
  assistance: [
    ...months('2025-12', '2026-10').map((month) => ({
      householdId: 'H1',
      month,
      amount: 500_000,
      decidedOn: month === '2025-12' ? '2025-12-03' : `${month}-02`,
    })),
    ...months('2026-08', '2026-10').map((month) => ({
      householdId: 'H2',
      month,
      amount: 1_000_000,
      decidedOn: `${month}-05`,
    })),
    ...['2026-03', '2026-04', '2026-07'].map((month) => ({
      householdId: 'H3',
      month,
      amount: 300_000,
      decidedOn: `${month}-04`,
    })),
  ],
  plans: [
    // P1: made 1 July, followed up 30 Aug (due 1 Sep: on time), next due 31 Oct: missed.
    {
      personId: 'P1',
      createdOn: '2026-07-01',
      versionOn: ['2026-07-01'],
      followUps: [{ heldOn: '2026-08-30', nextFollowUpOn: '2026-10-31' }],
    },
    // P2: made 15 Aug (10 days after the first decision), due 15 Oct, held 20 Oct: late.
    {
      personId: 'P2',
      createdOn: '2026-08-15',
      versionOn: ['2026-08-15'],
      followUps: [{ heldOn: '2026-10-20', nextFollowUpOn: '2026-12-20' }],
    },
  ],
  barriers: [
    { personId: 'P1', supportBarrier: 'unemployedNoBenefit', assessedOn: '2026-02-01' },
    { personId: 'P2', supportBarrier: 'workBarrierSocialReasons', assessedOn: '2026-11-01' },
  ],
  assignments: [
    { householdId: 'H1', caseworkerId: 'cw1', validFrom: '2025-01-01', validTo: null },
    { householdId: 'H2', caseworkerId: 'cw1', validFrom: '2026-08-01', validTo: '2026-09-10' },
    { householdId: 'H2', caseworkerId: 'cw2', validFrom: '2026-09-10', validTo: null },
  ],
  // R1: P1 sent 1 Sep, first meeting 8 Sep, started 15 Sep. R2: P2 sent 10 Sep, returned 12 Sep.
  // R3: P4 sent 5 Oct, still open. R4: P3 sent 20 Oct, no start on the referral but an insats
  // participation made on it started 2 Nov.
  referrals: [
    {
      personId: 'P1',
      sentOn: '2026-09-01',
      firstMeetingOn: '2026-09-08',
      startedOn: '2026-09-15',
      returnedOn: null,
      closedOn: null,
      participationStartedOn: null,
    },
    {
      personId: 'P2',
      sentOn: '2026-09-10',
      firstMeetingOn: null,
      startedOn: null,
      returnedOn: '2026-09-12',
      closedOn: null,
      participationStartedOn: null,
    },
    {
      personId: 'P4',
      sentOn: '2026-10-05',
      firstMeetingOn: null,
      startedOn: null,
      returnedOn: null,
      closedOn: null,
      participationStartedOn: null,
    },
    {
      personId: 'P3',
      sentOn: '2026-10-20',
      firstMeetingOn: null,
      startedOn: null,
      returnedOn: null,
      closedOn: null,
      participationStartedOn: '2026-11-02',
    },
  ],
};

const settings = DEFAULT_INDICATOR_SETTINGS;

function run(options: Partial<Parameters<typeof computeIndicators>[2]> = {}) {
  return computeIndicators(facts, settings, {
    from: '2025-12',
    to: '2026-11',
    dimension: 'none',
    filters: {},
    ...options,
  });
}

function point(result: ReturnType<typeof run>, id: IndicatorId, month: string, group = 'all') {
  return result.indicators
    .find((i) => i.id === id)
    ?.points.find((p) => p.month === month && p.group === group);
}

describe('indicators on a hand-built dataset', () => {
  const result = run();

  it('counts recipients and households in October 2026', () => {
    expect(point(result, 'households', '2026-10')?.value).toBe(2);
    expect(point(result, 'recipients', '2026-10')?.value).toBe(3);
    // November: nothing decided yet for the current month.
    expect(point(result, 'households', '2026-11')).toBeUndefined();
  });

  it('splits duration: P1 has 11 of the last 12 months (long-term), P2 and P3 three', () => {
    expect(point(result, 'longTerm', '2026-10')).toMatchObject({
      numerator: 1,
      denominator: 3,
      value: 0.3333,
    });
    expect(point(result, 'under10Months', '2026-10')).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 0.6667,
    });
    expect(point(result, 'veryLongTerm', '2026-10')).toMatchObject({
      numerator: 0,
      denominator: 3,
      value: 0,
    });
    // In September P1 had 10 of 12 (Dec–Sep): still long-term.
    expect(point(result, 'longTerm', '2026-09')).toMatchObject({ numerator: 1, denominator: 3 });
    // In August P1 had 9: not yet.
    expect(point(result, 'longTerm', '2026-08')).toMatchObject({ numerator: 0, denominator: 3 });
  });

  it('young adults 18–25: P2 (23) and P3 (22) of three', () => {
    expect(point(result, 'youngAdults', '2026-10')).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 0.6667,
    });
  });

  it('current plan: P1 and P2 have one, P3 not', () => {
    expect(point(result, 'currentPlan', '2026-10')).toMatchObject({ numerator: 2, denominator: 3 });
    // In June nobody had a plan yet (H1 and H3 assisted: P1 and P4 are no recipients of June? P4 is not).
    expect(point(result, 'currentPlan', '2026-06')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('plan within 14 days of the first granting decision', () => {
    // H2 first decided 5 Aug: P2's plan 15 Aug is in time, P3 has none.
    expect(point(result, 'planWithinDeadline', '2026-08')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    // H1 first decided 3 Dec 2025: P1's plan came in July.
    expect(point(result, 'planWithinDeadline', '2025-12')).toMatchObject({ numerator: 0, denominator: 1 });
    // H3 first decided 4 Mar: no plan.
    expect(point(result, 'planWithinDeadline', '2026-03')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('follow-ups on time by due month', () => {
    expect(point(result, 'followUpsOnTime', '2026-09')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
    });
    // P1's due 31 Oct missed, P2's due 15 Oct held late.
    expect(point(result, 'followUpsOnTime', '2026-10')).toMatchObject({
      numerator: 0,
      denominator: 2,
      value: 0,
    });
  });

  it('children in assisted households, and in long-term ones', () => {
    expect(point(result, 'children', '2026-10')?.value).toBe(2);
    expect(point(result, 'childrenLongTerm', '2026-10')?.value).toBe(1);
    expect(point(result, 'childrenLongTerm', '2026-08')).toBeUndefined();
  });

  it('return within 12 months: H3 left in April and came back in July; left again in July (provisional)', () => {
    expect(point(result, 'returnWithin12Months', '2026-04')).toMatchObject({
      numerator: 1,
      denominator: 1,
      provisional: false,
    });
    expect(point(result, 'returnWithin12Months', '2026-07')).toMatchObject({
      numerator: 0,
      denominator: 1,
      provisional: true,
    });
    // October's recipients may still get November's assistance: no exits counted yet.
    expect(point(result, 'returnWithin12Months', '2026-10')).toBeUndefined();
  });

  it('average assistance, caseload and caseworker changes', () => {
    expect(point(result, 'averageAssistance', '2026-10')).toMatchObject({
      numerator: 1_500_000,
      denominator: 2,
      value: 750_000,
    });
    // H1 with cw1, H2 with cw2 at the end of October.
    expect(point(result, 'caseload', '2026-10')).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    // H2 changed caseworker once (10 Sep); H1 never.
    expect(point(result, 'caseworkerChanges', '2026-10')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    // In August both were with cw1.
    expect(point(result, 'caseload', '2026-08')).toMatchObject({ numerator: 2, denominator: 1, value: 2 });
  });

  it('weights the caseload by the households’ make-up, with the municipality’s weights', () => {
    // October, default weights (base 1, +0.5 per adult beyond the first, +0.25 per child):
    // H1 (P1 + C2) 1.25, H2 (P2, P3 + C1) 1.75 → 3.00 over cw1 and cw2 = 1.5.
    expect(point(result, 'weightedCaseload', '2026-10')).toMatchObject({
      numerator: 3,
      denominator: 2,
      value: 1.5,
    });
    // With +1 for unemployedNoBenefit (P1's hinder since Feb; P2's only from Nov) and +0.5 for a
    // protected member (C1 in H2): H1 2.25, H2 2.25 → 4.50 / 2 = 2.25.
    const weighted = computeIndicators(
      {
        ...facts,
        members: facts.members.map((m) => (m.personId === 'C1' ? { ...m, protectedIdentity: true } : m)),
      },
      {
        ...settings,
        caseWeights: { ...settings.caseWeights, supportBarrier: { unemployedNoBenefit: 1 } },
      },
      { from: '2026-10', to: '2026-10', dimension: 'none', filters: {} },
    );
    expect(point(weighted, 'weightedCaseload', '2026-10')).toMatchObject({
      numerator: 4.5,
      denominator: 2,
      value: 2.25,
    });
  });

  it('referrals: sent, enrolled, returned, waiting days and time to first activity', () => {
    // September: R1 (enrolled) and R2 (returned); both settled, so not provisional.
    expect(point(result, 'referralsSent', '2026-09')).toMatchObject({ value: 2 });
    expect(point(result, 'referralsEnrolled', '2026-09')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      provisional: false,
    });
    expect(point(result, 'referralsReturned', '2026-09')).toMatchObject({ numerator: 1, denominator: 2 });
    // October: R3 still open (provisional), R4 enrolled through its participation.
    expect(point(result, 'referralsEnrolled', '2026-10')).toMatchObject({
      numerator: 1,
      denominator: 2,
      provisional: true,
    });
    expect(point(result, 'referralsReturned', '2026-10')).toMatchObject({ numerator: 0, provisional: true });
    // R1 waited 1 → 15 Sep = 14 days, its first activity (the meeting) came after 7.
    expect(point(result, 'referralWaitingDays', '2026-09')).toMatchObject({ numerator: 14, value: 14 });
    expect(point(result, 'referralToFirstActivity', '2026-09')).toMatchObject({ numerator: 7, value: 7 });
    // R4: 20 Oct → 2 Nov = 13 days, counted in November when it started.
    expect(point(result, 'referralWaitingDays', '2026-11')).toMatchObject({ numerator: 13, denominator: 1 });
    expect(point(result, 'referralToFirstActivity', '2026-10')).toBeUndefined();
    // By gender in September: P1 (woman) enrolled, P2 (man) returned.
    const byGender = run({ dimension: 'gender' });
    expect(point(byGender, 'referralsEnrolled', '2026-09', 'female')).toMatchObject({ value: 1 });
    expect(point(byGender, 'referralsReturned', '2026-09', 'male')).toMatchObject({ value: 1 });
  });

  it('breaks down by unit, gender, household type and försörjningshinder', () => {
    const byUnit = run({ dimension: 'unit' });
    expect(point(byUnit, 'recipients', '2026-10', 'A')?.value).toBe(1);
    expect(point(byUnit, 'recipients', '2026-10', 'B')?.value).toBe(2);
    const byGender = run({ dimension: 'gender' });
    expect(point(byGender, 'recipients', '2026-10', 'female')?.value).toBe(2);
    expect(point(byGender, 'recipients', '2026-10', 'male')?.value).toBe(1);
    const byType = run({ dimension: 'householdType' });
    expect(point(byType, 'households', '2026-10', 'singleWithChildren')?.value).toBe(1);
    expect(point(byType, 'households', '2026-10', 'coupleWithChildren')?.value).toBe(1);
    // P2's kartläggning is from 1 Nov: in October his hinder is not recorded.
    const byBarrier = run({ dimension: 'supportBarrier' });
    expect(point(byBarrier, 'recipients', '2026-10', 'unemployedNoBenefit')?.value).toBe(1);
    expect(point(byBarrier, 'recipients', '2026-10', 'notRecorded')?.value).toBe(2);
    const byAge = run({ dimension: 'ageGroup' });
    expect(point(byAge, 'recipients', '2026-10', '18–25')?.value).toBe(2);
    expect(point(byAge, 'recipients', '2026-10', '30–39')?.value).toBe(1);
  });

  it('filters by age group and unit', () => {
    expect(point(run({ filters: { ageGroup: '18–25' } }), 'recipients', '2026-10')?.value).toBe(2);
    expect(point(run({ filters: { unitId: 'A' } }), 'households', '2026-10')?.value).toBe(1);
    // April: H1 and H3, both in unit A.
    expect(point(run({ filters: { unitId: 'A' } }), 'households', '2026-04')?.value).toBe(2);
  });

  it('returns the people behind one figure', () => {
    const drill = run({ select: { indicator: 'longTerm', month: '2026-10', group: 'all' } });
    expect(drill.selected?.numerator).toEqual(['P1']);
    expect(drill.selected?.denominator.sort()).toEqual(['P1', 'P2', 'P3']);
  });

  it('estimates savings against the team cost', () => {
    // H3 left in April (avg 3 000 kr × 2 months without) and in July (avg 3 000 kr × Aug–Oct).
    expect(savingsEstimate(facts, { from: '2026-01', to: '2026-07', teamMonthlyCost: 100_000 })).toEqual({
      exits: 2,
      monthsWithout: 5,
      estimatedSavings: 1_500_000,
      teamCost: 700_000,
      net: 800_000,
    });
  });
});
