// Outcome indicators: hand-built facts with answers worked out by hand, then the report
// through the real app — a closure recorded by a caseworker shows up for the manager, and
// the nämnd gets the same figures with small groups withheld.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';
import { computeOutcomes, type OutcomeFacts } from './outcomes.compute.ts';

const facts = (over: Partial<OutcomeFacts>): OutcomeFacts => ({
  today: '2026-11-23',
  closures: [],
  referrals: [],
  assistedMonths: [],
  insatser: [],
  participations: [],
  attendance: [],
  ...over,
});

describe('outcomes, by hand', () => {
  it('counts closures in the period by reason; work, studies and subsidised employment are "work or studies"', () => {
    const result = computeOutcomes(
      facts({
        closures: [
          { personId: 'a', closedOn: '2026-03-01', reason: 'work' },
          { personId: 'b', closedOn: '2026-03-31', reason: 'studiesWithAllowance' },
          { personId: 'c', closedOn: '2026-04-15', reason: 'subsidisedEmployment' },
          { personId: 'd', closedOn: '2026-04-20', reason: 'moved' },
          { personId: 'e', closedOn: '2026-04-30', reason: 'didNotReapply' },
          // Outside the period.
          { personId: 'f', closedOn: '2026-02-28', reason: 'work' },
          { personId: 'g', closedOn: '2026-05-01', reason: 'work' },
        ],
      }),
      { from: '2026-03', to: '2026-04' },
    );
    expect(result.closures).toBe(5);
    expect(result.destinations.find((d) => d.reason === 'work')?.count).toBe(1);
    expect(result.destinations.find((d) => d.reason === 'deceased')?.count).toBe(0);
    expect(result.destinations).toHaveLength(8);
    expect(result.workOrStudiesAtExit).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
  });

  it('measures self-support in the month twelve months after the first referral, leaving out who moved and what has not ended', () => {
    const result = computeOutcomes(
      facts({
        referrals: [
          // a: referred 2025-03 (and again later: the first counts) → measured 2026-03, not assisted.
          { personId: 'a', sentOn: '2025-03-10' },
          { personId: 'a', sentOn: '2025-09-01' },
          // b: referred 2025-04 → measured 2026-04, still assisted.
          { personId: 'b', sentOn: '2025-04-02' },
          // c: referred 2025-04 but moved away before 2026-04: cannot be observed.
          { personId: 'c', sentOn: '2025-04-20' },
          // d: referred 2025-11 → measured 2026-11, this month has not ended.
          { personId: 'd', sentOn: '2025-11-05' },
          // e: measured 2026-02, before the period.
          { personId: 'e', sentOn: '2025-02-05' },
        ],
        assistedMonths: [
          { personId: 'a', month: '2026-02' },
          { personId: 'b', month: '2026-04' },
        ],
        closures: [{ personId: 'c', closedOn: '2026-01-31', reason: 'moved' }],
      }),
      { from: '2026-03', to: '2026-11' },
    );
    expect(result.selfSupportingAfterReferral).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      pending: 1,
      notObservable: 1,
    });
  });

  it('sums attendance hours and gives cost and outcome per insats', () => {
    const result = computeOutcomes(
      facts({
        insatser: [
          { id: 'praktik', name: 'Arbetspraktik', costPerParticipantOre: 1_200_000 },
          { id: 'sfi', name: 'SFI-stöd', costPerParticipantOre: 500_000 },
        ],
        participations: [
          { personId: 'a', insatsId: 'praktik', startedOn: '2026-03-02', endedOn: '2026-05-29' },
          { personId: 'b', insatsId: 'praktik', startedOn: '2026-04-06', endedOn: '2026-06-30' },
          { personId: 'c', insatsId: 'praktik', startedOn: '2026-01-12', endedOn: null },
          { personId: 'd', insatsId: 'sfi', startedOn: null, endedOn: null },
        ],
        closures: [
          // a: to work 60 days after leaving the insats → counts.
          { personId: 'a', closedOn: '2026-07-28', reason: 'work' },
          // b: closed for another reason → does not.
          { personId: 'b', closedOn: '2026-07-01', reason: 'didNotReapply' },
        ],
        attendance: [
          {
            personId: 'a',
            insatsId: 'praktik',
            weekStart: '2026-03-02',
            plannedHours: 32,
            attendedHours: 30.5,
            unexcusedHours: 1.5,
          },
          {
            personId: 'b',
            insatsId: 'praktik',
            weekStart: '2026-04-06',
            plannedHours: 32,
            attendedHours: 16,
            unexcusedHours: 16,
          },
          {
            personId: 'c',
            insatsId: 'praktik',
            weekStart: '2026-02-23',
            plannedHours: 20,
            attendedHours: 0,
            unexcusedHours: 20,
          },
        ],
      }),
      { from: '2026-03', to: '2026-06' },
    );
    expect(result.attendance).toEqual({
      participants: 2,
      plannedHours: 64,
      attendedHours: 46.5,
      unexcusedHours: 17.5,
      share: 0.7266,
    });
    // Started in the period: a and b (c started in January); ended: a and b; to work: a.
    expect(result.insatser).toEqual([
      {
        insatsId: 'praktik',
        name: 'Arbetspraktik',
        started: 2,
        ended: 2,
        toWorkOrStudies: 1,
        costOre: 2_400_000,
        costPerOutcomeOre: 2_400_000,
        attendees: 2,
        attendanceShare: 0.7266,
      },
    ]);
  });
});

describe('GET /reports/outcomes', () => {
  let t: TestApp;
  let erik: Login;
  let lina: Login;
  let maria: Login;
  let nils: Login;
  const report = (who: Login, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/reports/outcomes?${query}`, headers: as(who) });

  beforeAll(async () => {
    t = await buildTestApp();
    [erik, lina, maria, nils] = await Promise.all([
      login(t.app, 'erik'),
      login(t.app, 'lina'),
      login(t.app, 'maria'),
      login(t.app, 'nils'),
    ]);
  });
  afterAll(() => t.close());

  it('shows closures the caseworkers record to the unit manager, and to the nämnd only from five on', async () => {
    // A month before the demo's closures (they fall in the past year).
    const query = 'from=2025-06&to=2025-06';
    expect((await report(maria, query)).json().closures).toBe(0);
    const close = async (who: Login, unit: string, n: number) => {
      for (const household of await householdsOf(t.db.db, 'alvstad', unit, n)) {
        const closed = await t.app.inject({
          method: 'POST',
          url: `/api/v1/persons/${household.applicantId}/closures`,
          headers: as(who),
          payload: { closedOn: '2025-06-12', reason: 'work' },
        });
        expect(closed.statusCode).toBe(201);
      }
    };
    await close(erik, 'eb-norr', 2);
    const manager = (await report(maria, query)).json();
    expect(manager.scopeUnitId).toBe('eb-norr');
    expect(manager.aggregatesOnly).toBe(false);
    expect(manager.closures).toBe(2);
    expect(manager.workOrStudiesAtExit).toEqual({ numerator: 2, denominator: 2, value: 1 });

    const fewer = (await report(nils, query)).json();
    expect(fewer.aggregatesOnly).toBe(true);
    expect(fewer.closures).toBeNull();
    expect(fewer.destinations.find((d: { reason: string }) => d.reason === 'work').count).toBeNull();
    expect(fewer.workOrStudiesAtExit.value).toBeNull();

    await close(lina, 'eb-syd', 3);
    const five = (await report(nils, query)).json();
    expect(five.closures).toBe(5);
    expect(five.destinations.find((d: { reason: string }) => d.reason === 'work').count).toBe(5);
    // The manager still sees the own unit only.
    expect((await report(maria, query)).json().closures).toBe(2);
  });

  it('lets a manager see only the own unit and refuses caseworkers', async () => {
    expect((await report(maria, 'from=2026-01&to=2026-06&unitId=eb-syd')).statusCode).toBe(403);
    expect((await report(erik, 'from=2026-01&to=2026-06')).statusCode).toBe(403);
  });

  it('names the field of a bad period', async () => {
    const response = await report(nils, 'from=2026-06&to=2026-01');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/query/to']);
  });
});
