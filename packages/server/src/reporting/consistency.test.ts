// The consistency report: hand-checked figures on a small list, and across the two demo
// municipalities that adopted the region's guideline set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, loginAs, type TestApp } from '../testing.ts';
import { consistencyRows, type DecisionRow } from './consistency.ts';

describe('consistency figures (pure)', () => {
  const row = (over: Partial<DecisionRow>): DecisionRow => ({
    group: 'A',
    householdId: randomUUID(),
    householdType: 'singleNoChildren',
    grantedTotal: 500_000,
    calculated: 500_000,
    aboveCap: false,
    ...over,
  });
  const rows = [
    row({ grantedTotal: 400_000, calculated: 400_000 }),
    row({ grantedTotal: 600_000, calculated: 600_000 }),
    row({ grantedTotal: 0, calculated: 300_000 }),
    // Above the cap: one granted in full (approved), one granted less than calculated.
    row({ householdType: 'coupleWithChildren', grantedTotal: 900_000, calculated: 900_000, aboveCap: true }),
    row({ householdType: 'coupleWithChildren', grantedTotal: 700_000, calculated: 800_000, aboveCap: true }),
    row({}),
  ];

  it('computes rejection rate, approvals above the cap and average by household type', () => {
    const [a] = consistencyRows(rows, new Map([['A', 'Enhet A']]), false);
    expect(a).toMatchObject({
      label: 'Enhet A',
      decisions: 6,
      rejectionRate: 0.1667,
      aboveCap: 2,
      aboveCapApprovedShare: 0.5,
      suppressed: false,
    });
    // Singles: 400 000, 600 000 and 500 000 granted (the rejection does not count).
    expect(a?.averageByHouseholdType.singleNoChildren).toBe(500_000);
    expect(a?.averageByHouseholdType.coupleWithChildren).toBe(800_000);
    expect(a?.averageByHouseholdType.singleWithChildren).toBeNull();
  });

  it('withholds small groups for the nämnd and the revisor', () => {
    const [a] = consistencyRows(rows, new Map(), true);
    expect(a).toMatchObject({ decisions: 6, aboveCap: null, aboveCapApprovedShare: null });
    // Two couple households: withheld; three singles: withheld too (fewer than five).
    expect(a?.averageByHouseholdType.coupleWithChildren).toBeNull();
    const [b] = consistencyRows(rows.slice(0, 4), new Map(), true);
    expect(b).toMatchObject({ decisions: null, rejectionRate: null, suppressed: true });
  });
});

let t: TestApp;
let committee: Login;
let manager: Login;

async function decided(municipalityId: string, unitId: string, count: number, by: string, aboveCap: number) {
  const households = await householdsOf(t.db.db, municipalityId, unitId, count);
  await inTenant(t.db.db, municipalityId, async (trx) => {
    for (const [i, h] of households.entries()) {
      const errandId = randomUUID();
      const calculationId = randomUUID();
      await trx
        .insertInto('errands')
        .values({
          municipalityId,
          id: errandId,
          householdId: h.id,
          unitId,
          type: 'renewalApplication',
          month: '2026-12',
          state: 'decided',
        })
        .execute();
      await trx
        .insertInto('calculations')
        .values({
          municipalityId,
          id: calculationId,
          errandId,
          input: JSON.stringify({ month: '2026-12' }),
          result: JSON.stringify({
            warnings:
              i < aboveCap
                ? [{ code: 'guideline_cap_exceeded', message: 'Boendekostnaden är över riktlinjens tak' }]
                : [],
          }),
          parameterSet: 'riksnorm-2026',
          guidelineSetId: null,
          assistance: 600_000,
          createdBy: by,
        })
        .execute();
      await trx
        .insertInto('decisions')
        .values({
          municipalityId,
          id: randomUUID(),
          errandId,
          calculationId,
          decidedBy: by,
          reasoning: 'Behovet är styrkt.',
          grantedTotal: i === count - 1 ? 0 : 600_000,
        })
        .execute();
    }
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  committee = await loginAs(t.app, 'committee');
  manager = await loginAs(t.app, 'unitManager');
  const kim = await login(t.app, 'kim');
  await decided('alvstad', 'eb-syd', 6, manager.userId, 5);
  await decided('sjoby', 'eb', 5, kim.userId, 0);
});
afterAll(() => t.close());

describe('consistency report API', () => {
  it('compares the municipalities that share the guideline set', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/consistency?from=2026-12&to=2026-12&dimension=municipality',
      headers: as(committee),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.guidelineSet).not.toBeNull();
    // Swedish order: Ä after S.
    expect(body.rows.map((r: { label: string; decisions: number }) => [r.label, r.decisions])).toEqual([
      ['Sjöby kommun', 5],
      ['Älvstads kommun', 6],
    ]);
    const alvstad = body.rows[1];
    // Five above the cap, all granted in full; one of six rejected.
    expect(alvstad).toMatchObject({ aboveCap: 5, aboveCapApprovedShare: 1, rejectionRate: 0.1667 });
  });

  it('compares units, and keeps the municipality comparison from a unit manager', async () => {
    const units = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/consistency?from=2026-12&to=2026-12&dimension=unit',
      headers: as(committee),
    });
    expect(units.json().rows.map((r: { label: string }) => r.label)).toEqual(['Ekonomiskt bistånd Syd']);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/consistency?from=2026-12&to=2026-12&dimension=municipality',
      headers: as(manager),
    });
    expect(refused.statusCode).toBe(403);
  });
});
