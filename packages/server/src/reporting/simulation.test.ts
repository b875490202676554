// Policy simulation: five single households without income in Syd, October 2026 — the contract
// example single-no-income (norm 5 220 kr, costs 6 160 kr, assistance 11 380 kr).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, loginAs, type TestApp } from '../testing.ts';
import { simulateOne } from './simulation.ts';

const example = { norm: 522_000, reasonableCosts: 616_000, otherLivingCosts: 0, countedIncome: 0 };

describe('simulating one household (pure)', () => {
  it('raises the norm by a percentage and applies a benefit cap', () => {
    // 5 220 kr × 1.10 = 5 742 kr; + 6 160 kr costs = 11 902 kr.
    expect(simulateOne(example, { normChangePercent: 10, benefitCap: null })).toBe(1_190_200);
    expect(simulateOne(example, { normChangePercent: 10, benefitCap: 1_150_000 })).toBe(1_150_000);
    expect(simulateOne(example, { normChangePercent: 0, benefitCap: null })).toBe(1_138_000);
    // Income above the lowered need: no assistance, never negative.
    expect(
      simulateOne({ ...example, countedIncome: 1_000_000 }, { normChangePercent: -50, benefitCap: null }),
    ).toBe(0);
  });
});

let t: TestApp;
let committee: Login;
let manager: Login;

beforeAll(async () => {
  t = await buildTestApp();
  committee = await loginAs(t.app, 'committee');
  manager = await loginAs(t.app, 'unitManager');
  const households = await householdsOf(t.db.db, 'alvstad', 'eb-syd', 5);
  await inTenant(t.db.db, 'alvstad', async (trx) => {
    for (const h of households) {
      const errandId = randomUUID();
      await trx
        .insertInto('errands')
        .values({
          municipalityId: 'alvstad',
          id: errandId,
          householdId: h.id,
          unitId: 'eb-syd',
          type: 'renewalApplication',
          month: '2026-10',
        })
        .execute();
      await trx
        .insertInto('calculations')
        .values({
          municipalityId: 'alvstad',
          id: randomUUID(),
          errandId,
          input: JSON.stringify({
            month: '2026-10',
            household: { members: [{ id: h.applicantId, role: 'applicant', birthDate: '1979-11-03' }] },
            costs: [
              { type: 'housing', amount: 585_000 },
              { type: 'householdElectricity', amount: 31_000 },
            ],
            incomes: [],
          }),
          result: JSON.stringify({ assistance: 1_138_000 }),
          parameterSet: 'riksnorm-2026',
          guidelineSetId: null,
          assistance: 1_138_000,
          createdBy: manager.userId,
        })
        .execute();
    }
  });
});
afterAll(() => t.close());

describe('policy simulation API', () => {
  it('reruns the month’s calculations and shows the change by household type and in total', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/simulation',
      headers: as(committee),
      payload: { month: '2026-10', normChangePercent: 10 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ households: 5, refused: 0, benefitCap: null });
    const singles = body.groups.find(
      (g: { householdType: string }) => g.householdType === 'singleNoChildren',
    );
    expect(singles).toMatchObject({
      households: 5,
      baselineTotal: 5_690_000,
      simulatedTotal: 5_951_000,
      change: 261_000,
      averageChange: 52_200,
      buckets: {
        decreaseOver1000: 0,
        decreaseUpTo1000: 0,
        unchanged: 0,
        increaseUpTo1000: 5,
        increaseOver1000: 0,
      },
    });
    const all = body.groups.find((g: { householdType: string }) => g.householdType === 'all');
    expect(all.change).toBe(261_000);
  });

  it('applies a benefit cap, and names a bad parameter', async () => {
    const capped = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/simulation',
      headers: as(manager),
      payload: { month: '2026-10', normChangePercent: 0, benefitCap: 1_100_000 },
    });
    // The manager's own unit is Norr: nothing to simulate there.
    expect(capped.json()).toMatchObject({ households: 0 });
    const committeeCapped = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/simulation',
      headers: as(committee),
      payload: { month: '2026-10', normChangePercent: 0, benefitCap: 1_100_000 },
    });
    const all = committeeCapped
      .json()
      .groups.find((g: { householdType: string }) => g.householdType === 'all');
    expect(all).toMatchObject({ change: -190_000, averageChange: -38_000 });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/simulation',
      headers: as(committee),
      payload: { month: '2026-10', normChangePercent: 500 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/normChangePercent');
  });
});
