// The dashboard API on the real app: figures from decisions written the way the decision
// feature writes them, small groups withheld for the nämnd, a manager limited to the own unit
// with a logged drill-down, targets, and the CSV/XLSX exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_BARRIERS } from '../assessments/assessments.schemas.ts';
import { inTenant } from '../db/database.ts';
import { seedDemoHistory } from '../demo/seed.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, loginAs, TEST_SEED, type TestApp } from '../testing.ts';
import { SUPPORT_BARRIER_IDS } from './barriers.ts';

let t: TestApp;
let committee: Login;
let manager: Login;
let auditor: Login;
const testUnitApplicants: string[] = [];
const norrApplicants: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  committee = await loginAs(t.app, 'committee');
  manager = await loginAs(t.app, 'unitManager');
  auditor = await loginAs(t.app, 'auditor');
  const db = t.db.db;
  await inTenant(db, 'alvstad', (trx) =>
    trx
      .insertInto('units')
      .values({
        municipalityId: 'alvstad',
        id: 'eb-test',
        name: 'Ekonomiskt bistånd Test',
        kind: 'financialAssistance',
      })
      .execute(),
  );
  const decidedBy = manager.userId;
  // Six households in the test unit (applicants born 1980, alternating gender), assisted
  // September and October with 5 000 kr; the first decided on 5 September.
  for (const h of await householdsOf(db, 'alvstad', 'eb-test', 6)) {
    testUnitApplicants.push(h.applicantId);
    for (const month of ['2026-09', '2026-10'])
      await createDecidedErrand(db, {
        municipalityId: 'alvstad',
        householdId: h.id,
        month,
        decidedBy,
        items: [{ granted: 500_000 }],
        decidedAt: new Date(`${month}-05T10:00:00Z`),
      });
  }
  // Two in the manager's unit, assisted in October only.
  for (const h of await householdsOf(db, 'alvstad', 'eb-norr', 2)) {
    norrApplicants.push(h.applicantId);
    await createDecidedErrand(db, {
      municipalityId: 'alvstad',
      householdId: h.id,
      month: '2026-10',
      decidedBy,
      items: [{ granted: 300_000 }],
    });
  }
});
afterAll(() => t.close());

type Report = {
  aggregatesOnly: boolean;
  scopeUnitId: string | null;
  groups: { key: string; label: string }[];
  indicators: {
    id: string;
    targets: { year: number; target: number }[];
    points: {
      month: string;
      group: string;
      value: number | null;
      numerator: number | null;
      suppressed: boolean;
    }[];
  }[];
};

async function report(login: Login, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/reports/indicators?${query}`, headers: as(login) });
}
const pointOf = (r: Report, id: string, month: string, group = 'all') =>
  r.indicators.find((i) => i.id === id)?.points.find((p) => p.month === month && p.group === group);

describe('indicators API', () => {
  it('keeps the report’s försörjningshinder labels in step with the kartläggning’s list', () => {
    expect([...SUPPORT_BARRIER_IDS].sort()).toEqual([...SUPPORT_BARRIERS].sort());
  });

  it('gives the nämnd figures computed from the decisions', async () => {
    const response = await report(committee, 'from=2026-09&to=2026-10&unitId=eb-test');
    expect(response.statusCode).toBe(200);
    const body = response.json() as Report;
    expect(body.aggregatesOnly).toBe(true);
    expect(pointOf(body, 'households', '2026-10')).toMatchObject({ value: 6, suppressed: false });
    expect(pointOf(body, 'recipients', '2026-09')).toMatchObject({ value: 6 });
    expect(pointOf(body, 'averageAssistance', '2026-10')).toMatchObject({ value: 500_000 });
    // Nobody has a plan: 0 of 6 (a zero is not a small group).
    expect(pointOf(body, 'currentPlan', '2026-10')).toMatchObject({ value: 0, suppressed: false });
    // Plan within 14 days of the first decision (5 Sep): none of six.
    expect(pointOf(body, 'planWithinDeadline', '2026-09')).toMatchObject({ numerator: 0, value: 0 });
  });

  it('withholds groups of fewer than five from the nämnd and the revisor', async () => {
    for (const login of [committee, auditor]) {
      const body = (
        await report(login, 'from=2026-10&to=2026-10&unitId=eb-test&dimension=gender')
      ).json() as Report;
      expect(pointOf(body, 'recipients', '2026-10', 'female')).toMatchObject({
        value: null,
        suppressed: true,
      });
      expect(pointOf(body, 'recipients', '2026-10', 'male')).toMatchObject({ value: null, suppressed: true });
    }
  });

  it('limits a unit manager to the own unit, unsuppressed', async () => {
    const body = (await report(manager, 'from=2026-10&to=2026-10')).json() as Report;
    expect(body.scopeUnitId).toBe('eb-norr');
    expect(body.aggregatesOnly).toBe(false);
    const households = pointOf(body, 'households', '2026-10');
    expect(households?.suppressed).toBe(false);
    expect(households?.value).toBeGreaterThanOrEqual(2);
    const other = await report(manager, 'from=2026-10&to=2026-10&unitId=eb-test');
    expect(other.statusCode).toBe(403);
  });

  it('lets a manager drill down to the cases behind a figure, and logs the read', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/indicators/cases?from=2026-10&to=2026-10&indicator=households&month=2026-10',
      headers: as(manager),
    });
    expect(response.statusCode).toBe(200);
    const ids = (response.json() as { cases: { personId: string; name: string }[] }).cases.map(
      (c) => c.personId,
    );
    for (const id of norrApplicants) expect(ids).toContain(id);
    for (const id of testUnitApplicants) expect(ids).not.toContain(id);
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(['personId', 'action', 'route'])
        .where('userId', '=', manager.userId)
        .where('personId', 'in', norrApplicants)
        .execute(),
    );
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ action: 'search', route: 'GET /api/v1/reports/indicators/cases' });
  });

  it('refuses the drill-down to the nämnd (aggregates only)', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/indicators/cases?from=2026-10&to=2026-10&indicator=households&month=2026-10',
      headers: as(committee),
    });
    expect(response.statusCode).toBe(403);
  });

  it('names the field of a bad query', async () => {
    const response = await report(committee, 'from=2026-13&to=2026-10');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].pointer).toContain('from');
    const backwards = await report(committee, 'from=2026-10&to=2026-09');
    expect(backwards.statusCode).toBe(422);
  });

  it('stores the nämnd’s target beside the indicator', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/targets/longTerm/2026',
      headers: as(committee),
      payload: { target: 0.3 },
    });
    expect(put.statusCode).toBe(200);
    const tooHigh = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/targets/longTerm/2026',
      headers: as(committee),
      payload: { target: 30 },
    });
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().errors[0].pointer).toBe('/target');
    const body = (await report(auditor, 'from=2026-10&to=2026-10')).json() as Report;
    expect(body.indicators.find((i) => i.id === 'longTerm')?.targets).toEqual([{ year: 2026, target: 0.3 }]);
    const auditorPut = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/targets/longTerm/2026',
      headers: as(auditor),
      payload: { target: 0.2 },
    });
    expect(auditorPut.statusCode).toBe(403);
  });

  it('exports CSV and XLSX with the same suppression', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/indicators/export?format=csv&from=2026-10&to=2026-10&unitId=eb-test&dimension=gender',
      headers: as(committee),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Indikator;Månad;Grupp;Täljare;Nämnare;Värde;Enhet;Målvärde;Preliminär;Anmärkning');
    expect(lines).toContain('Vuxna biståndsmottagare;2026-10;Kvinnor;;;;antal;;nej;Färre än 5, visas inte');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/indicators/export?format=xlsx&from=2026-10&to=2026-10&unitId=eb-test',
      headers: as(committee),
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('estimates savings with the team cost as a parameter', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/savings?from=2026-01&to=2026-10&teamMonthlyCost=10000000&unitId=eb-test',
      headers: as(committee),
    });
    expect(response.statusCode).toBe(200);
    // The October recipients may still get November's assistance: no exits yet.
    expect(response.json()).toMatchObject({
      exits: 0,
      estimatedSavings: 0,
      teamCost: 100_000_000,
      suppressed: false,
    });
  });

  it('keeps the age bands and the population as the municipality’s settings', async () => {
    const sysadmin = await loginAs(t.app, 'sysadmin');
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/settings',
      headers: as(sysadmin),
    });
    expect(before.json()).toMatchObject({ youngAdult: { min: 18, max: 25 }, population: 48_500 });
    const settings = {
      ageBands: [
        { min: 30, max: null },
        { min: 0, max: 17 },
        { min: 18, max: 29 },
      ],
      youngAdult: { min: 18, max: 24 },
      veryLongTerm: { months: 27, window: 30 },
      population: 49_000,
      populationYear: 2026,
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/settings',
      headers: as(committee),
      payload: settings,
    });
    expect(put.statusCode).toBe(200);
    const body = (
      await report(committee, 'from=2026-10&to=2026-10&unitId=eb-test&dimension=ageGroup')
    ).json() as Report & {
      ageGroups: string[];
    };
    expect(body.ageGroups).toEqual(['0–17', '18–29', '30+']);
    // Applicants born 1980 are 46: all six in 30+.
    expect(pointOf(body, 'recipients', '2026-10', '30+')?.value).toBe(6);
    const overlapping = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/settings',
      headers: as(committee),
      payload: {
        ...settings,
        ageBands: [
          { min: 0, max: 20 },
          { min: 18, max: null },
        ],
      },
    });
    expect(overlapping.statusCode).toBe(422);
    expect(overlapping.json().errors[0].pointer).toBe('/ageBands');
  });

  // Last: changes the municipality's figures for the tests above.
  it('the demo history (npm start) gives the dashboard figures for every month', async () => {
    await seedDemoHistory(t.db.db, TEST_SEED);
    const body = (await report(committee, 'from=2026-01&to=2026-10')).json() as Report;
    for (const month of ['2026-06', '2026-10']) {
      expect(pointOf(body, 'households', month)?.value).toBeGreaterThanOrEqual(5);
      expect(pointOf(body, 'averageAssistance', month)?.value).toBeGreaterThan(0);
    }
    expect(pointOf(body, 'currentPlan', '2026-10')?.suppressed).toBe(false);
    expect(pointOf(body, 'currentPlan', '2026-10')?.numerator).toBeGreaterThan(0);
    const byBarrier = (
      await report(committee, 'from=2026-10&to=2026-10&dimension=supportBarrier')
    ).json() as Report;
    expect(byBarrier.groups.map((g) => g.key)).toContain('unemployedNoBenefit');
    // The history's decisions rest on calculations: the simulation and the consistency report have data.
    const simulation = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/simulation',
      headers: as(committee),
      payload: { month: '2026-10', normChangePercent: 2.5 },
    });
    expect(simulation.json().households).toBeGreaterThan(5);
    expect(simulation.json().refused).toBe(0);
    const consistency = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/consistency?from=2026-01&to=2026-10&dimension=unit',
      headers: as(committee),
    });
    const rows = consistency.json().rows as { decisions: number; aboveCap: number | null }[];
    expect(rows.reduce((s, r) => s + (r.decisions ?? 0), 0)).toBeGreaterThan(50);
  });
});
