// The indicator cube answers exactly what the in-memory computation answers over the whole
// history, for every breakdown and filter; refreshed in small chunks it is the same; it follows
// new decisions and changed settings; a refresh is claimed so two never run at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { seedDemoHistory } from '../demo/seed.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { as, buildTestApp, type Login, loginAs, TEST_SEED, type TestApp } from '../testing.ts';
import {
  applicantsOf,
  buildGeneration,
  cubeDrillDown,
  cubeIndicators,
  cubeSavings,
  cubeYearFigures,
  ensureCube,
  refreshCube,
  refreshesSettled,
} from './cube.service.ts';
import {
  computeIndicators,
  type Dimension,
  type Filters,
  INDICATORS,
  type IndicatorResult,
  lastDay,
  savingsEstimate,
} from './indicators.compute.ts';
import { indicatorSettings } from './reporting.service.ts';
import { loadFacts } from './testing-facts.ts';

let t: TestApp;
let manager: Login;
let committee: Login;
const M = 'alvstad';
const now = () => new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  t = await buildTestApp();
  manager = await loginAs(t.app, 'unitManager');
  committee = await loginAs(t.app, 'committee');
  await seedDemoHistory(t.db.db, TEST_SEED);
});
afterAll(() => t.close());

/** Points with a value, in a stable order, for comparison. */
function normalise(results: IndicatorResult[]) {
  return results.map((r) => ({
    id: r.id,
    points: [...r.points].sort((a, b) => a.month.localeCompare(b.month) || a.group.localeCompare(b.group)),
  }));
}

async function inMemory(options: { from: string; to: string; dimension: Dimension; filters: Filters }) {
  return inTenant(t.db.db, M, async (trx) => {
    const settings = await indicatorSettings(trx, M);
    const facts = await loadFacts(trx, M, isoDay(now()), null);
    return { facts, result: computeIndicators(facts, settings, options).indicators };
  });
}

async function fromCube(options: { from: string; to: string; dimension: Dimension; filters: Filters }) {
  await ensureCube(t.db.db, M, now(), undefined);
  return inTenant(t.db.db, M, (trx) => cubeIndicators(trx, M, options));
}

const CASES: { from: string; to: string; dimension: Dimension; filters: Filters }[] = [
  { from: '2025-01', to: '2026-11', dimension: 'none', filters: {} },
  { from: '2026-01', to: '2026-10', dimension: 'unit', filters: {} },
  { from: '2026-01', to: '2026-10', dimension: 'gender', filters: { unitId: 'eb-norr' } },
  {
    from: '2025-06',
    to: '2026-10',
    dimension: 'ageGroup',
    filters: { supportBarrier: 'unemployedNoBenefit' },
  },
  { from: '2026-01', to: '2026-10', dimension: 'householdType', filters: { gender: 'female' } },
  {
    from: '2026-03',
    to: '2026-09',
    dimension: 'supportBarrier',
    filters: { householdType: 'singleNoChildren' },
  },
  { from: '2026-01', to: '2026-10', dimension: 'none', filters: { ageGroup: '30–39', unitId: 'eb-syd' } },
];

describe('indicator cube', () => {
  it('has figures to compare on the demo history', async () => {
    const { result } = await inMemory(CASES[0] as (typeof CASES)[number]);
    const households = result.find((r) => r.id === 'households')?.points ?? [];
    expect(households.reduce((s, p) => s + p.numerator, 0)).toBeGreaterThan(100);
    const caseload = result.find((r) => r.id === 'caseload')?.points ?? [];
    expect(caseload.some((p) => (p.denominator ?? 0) > 0)).toBe(true);
    const returns = result.find((r) => r.id === 'returnWithin12Months')?.points ?? [];
    expect(returns.length).toBeGreaterThan(0);
    // The demo's labour-market referrals and the weighted caseload are compared too.
    const referrals = result.find((r) => r.id === 'referralsSent')?.points ?? [];
    expect(referrals.reduce((s, p) => s + p.numerator, 0)).toBeGreaterThan(0);
    const weighted = result.find((r) => r.id === 'weightedCaseload')?.points ?? [];
    expect(weighted.some((p) => (p.value ?? 0) > 0)).toBe(true);
  });

  it.each(CASES)('answers like computeIndicators: by $dimension, filters $filters', async (options) => {
    const cube = await fromCube(options);
    const { result } = await inMemory(options);
    expect(normalise(cube)).toEqual(normalise(result));
  });

  it('gives the same figures refreshed in chunks of three households', async () => {
    const options = { from: '2025-01', to: '2026-11', dimension: 'unit' as const, filters: {} };
    const before = await fromCube(options);
    const generation = await inTenant(t.db.db, M, (trx) =>
      trx.selectFrom('indicatorSnapshots').select('generation').executeTakeFirstOrThrow(),
    );
    const stats = await buildGeneration(t.db.db, M, isoDay(now()), generation.generation + 1, new Date(), 3);
    expect(stats.chunks).toBeGreaterThan(5);
    const after = await inTenant(t.db.db, M, (trx) => cubeIndicators(trx, M, options));
    expect(normalise(after)).toEqual(normalise(before));
  });

  it('gives each year’s key figures once per person, also refreshed in chunks', async () => {
    const { facts } = await inMemory(CASES[0] as (typeof CASES)[number]);
    // The key figures as statistics computed them before the cube: over the year's assisted
    // household-months, every member once, adults with at least 10 such months long-term.
    const reference = (year: number) => {
      const persons = new Set<string>();
      const adultMonths = new Map<string, Set<string>>();
      let assistance = 0;
      for (const a of facts.assistance) {
        if (Number(a.month.slice(0, 4)) !== year) continue;
        assistance += a.amount;
        for (const m of facts.members) {
          if (m.householdId !== a.householdId) continue;
          if (!(m.validFrom <= lastDay(a.month) && (m.validTo === null || m.validTo >= `${a.month}-01`)))
            continue;
          persons.add(m.personId);
          if (m.role !== 'child')
            adultMonths.set(m.personId, (adultMonths.get(m.personId) ?? new Set()).add(a.month));
        }
      }
      const longTermAdults = [...adultMonths.values()].filter((s) => s.size >= 10).length;
      return { persons: persons.size, longTermAdults, assistance };
    };
    await ensureCube(t.db.db, M, now(), undefined);
    const generation = await inTenant(t.db.db, M, (trx) =>
      trx.selectFrom('indicatorSnapshots').select('generation').executeTakeFirstOrThrow(),
    );
    await buildGeneration(t.db.db, M, isoDay(now()), generation.generation + 1, new Date(), 4);
    for (const year of [2025, 2026]) {
      const expected = reference(year);
      expect(expected.persons).toBeGreaterThan(0);
      expect(await inTenant(t.db.db, M, (trx) => cubeYearFigures(trx, M, year))).toEqual(expected);
    }
  });

  it('answers the savings estimate like savingsEstimate', async () => {
    await ensureCube(t.db.db, M, now(), undefined);
    const { facts } = await inMemory(CASES[0] as (typeof CASES)[number]);
    for (const unitId of [undefined, 'eb-norr']) {
      const expected = savingsEstimate(facts, { from: '2025-06', to: '2026-09', teamMonthlyCost: 0, unitId });
      const sums = await inTenant(t.db.db, M, (trx) =>
        cubeSavings(trx, M, { from: '2025-06', to: '2026-09', unitId: unitId ?? null }),
      );
      expect(sums).toEqual({
        exits: expected.exits,
        monthsWithout: expected.monthsWithout,
        savings: expected.estimatedSavings,
      });
    }
  });

  it('drills down to the same people as the whole history gives: recent months from the cube’s subjects, older ones computed', async () => {
    const unit = 'eb-norr';
    let total = 0;
    for (const [month, ids] of [
      ['2026-10', INDICATORS],
      ['2026-03', ['returnWithin12Months', 'planWithinDeadline', 'veryLongTerm', 'longTerm']],
      // Before the cube's subjects (13 months back from November 2026): computed from the case data.
      ['2025-06', ['households', 'longTerm', 'planWithinDeadline', 'currentPlan']],
    ] as const) {
      for (const indicator of ids) {
        const reference = await inTenant(t.db.db, M, async (trx) => {
          const settings = await indicatorSettings(trx, M);
          const facts = await loadFacts(trx, M, isoDay(now()), unit);
          const selected = computeIndicators(facts, settings, {
            from: month,
            to: month,
            dimension: 'none',
            filters: { unitId: unit },
            select: { indicator, month, group: 'all' },
          }).selected;
          const applicants = applicantsOf(facts.members);
          const person = (id: string) => applicants.get(id) ?? id;
          return {
            numerator: new Set((selected?.numerator ?? []).map(person)),
            all: new Set([...(selected?.numerator ?? []), ...(selected?.denominator ?? [])].map(person)),
          };
        });
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/indicators/cases?indicator=${indicator}&month=${month}&group=all&from=${month}&to=${month}&limit=200`,
          headers: as(manager),
        });
        expect(response.statusCode).toBe(200);
        const body = response.json() as {
          total: number;
          inNumerator: number;
          cases: { personId: string; inNumerator: boolean }[];
        };
        expect(body.total).toBeLessThanOrEqual(200);
        total += body.total;
        const sorted = (ids: Iterable<string>) => [...ids].sort();
        expect({
          indicator,
          month,
          all: sorted(body.cases.map((c) => c.personId)),
          numerator: sorted(body.cases.filter((c) => c.inNumerator).map((c) => c.personId)),
          total: body.total,
          inNumerator: body.inNumerator,
        }).toEqual({
          indicator,
          month,
          all: sorted(reference.all),
          numerator: sorted(reference.numerator),
          total: reference.all.size,
          inNumerator: reference.numerator.size,
        });
      }
    }
    expect(total).toBeGreaterThan(50);
  });

  it('keeps the subjects of the recent months only, and pages the drill-down (only the page is logged)', async () => {
    await ensureCube(t.db.db, M, now(), undefined);
    const months = await inTenant(t.db.db, M, (trx) =>
      trx.selectFrom('indicatorSubjects').select('month').distinct().orderBy('month').execute(),
    );
    // The demo history begins December 2025; the subjects from November 2025 (13 months).
    expect(months.map((m) => m.month)).toEqual(
      Array.from(
        { length: 12 },
        (_, i) => `${i < 1 ? 2025 : 2026}-${String(((i + 11) % 12) + 1).padStart(2, '0')}`,
      ),
    );
    const snapshot = await inTenant(t.db.db, M, (trx) =>
      trx.selectFrom('indicatorSnapshots').select('subjectsFrom').executeTakeFirstOrThrow(),
    );
    expect(snapshot.subjectsFrom).toBe('2025-11');
    const page = async (offset: number) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/indicators/cases?indicator=recipients&month=2026-10&from=2026-10&to=2026-10&offset=${offset}&limit=5`,
        headers: as(manager),
      });
      expect(response.statusCode).toBe(200);
      return response.json() as {
        total: number;
        offset: number;
        cases: { personId: string; name: string }[];
      };
    };
    const first = await page(0);
    const second = await page(5);
    expect(first.total).toBeGreaterThan(10);
    expect(first.cases).toHaveLength(5);
    expect(second).toMatchObject({ total: first.total, offset: 5 });
    expect(second.cases.some((c) => first.cases.some((f) => f.personId === c.personId))).toBe(false);
    const collator = new Intl.Collator('sv');
    const names = [...first.cases, ...second.cases].map((c) => c.name);
    expect(names).toEqual([...names].sort(collator.compare));
    const logged = await inTenant(t.db.db, M, (trx) =>
      trx
        .selectFrom('accessLog')
        .select('personId')
        .where('userId', '=', manager.userId)
        .where('route', '=', 'GET /api/v1/reports/indicators/cases')
        .where(
          'personId',
          'in',
          [...first.cases, ...second.cases].map((c) => c.personId),
        )
        .execute(),
    );
    expect(new Set(logged.map((l) => l.personId)).size).toBe(10);
    // The page came from the stored subjects; a month before them is computed instead.
    const stored = (month: string) =>
      inTenant(t.db.db, M, (trx) =>
        cubeDrillDown(trx, M, {
          indicator: 'recipients',
          month,
          dimension: 'none',
          group: 'all',
          filters: { unitId: 'eb-norr' },
        }),
      );
    expect((await stored('2026-10'))?.length).toBe(first.total);
    expect(await stored('2025-06')).toBeNull();
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/indicators/cases?indicator=recipients&month=2026-10&from=2026-10&to=2026-10&limit=500',
      headers: as(manager),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('limit');
  });

  it('follows a new decision on the next read (a quick refresh runs before answering)', async () => {
    const read = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/reports/indicators?from=2026-10&to=2026-10&unitId=eb-norr',
          headers: as(committee),
        })
      ).json() as {
        snapshot: { refreshedAt: string; stale: boolean };
        indicators: { id: string; points: { numerator: number | null }[] }[];
      };
    const before = await read();
    const count = (r: typeof before) =>
      r.indicators.find((i) => i.id === 'households')?.points[0]?.numerator ?? 0;
    const [household] = await householdsOf(t.db.db, M, 'eb-norr', 1);
    await createDecidedErrand(t.db.db, {
      municipalityId: M,
      householdId: household?.id as string,
      month: '2026-10',
      decidedBy: manager.userId,
      items: [{ granted: 400_000 }],
    });
    const after = await read();
    expect(count(after)).toBe(count(before) + 1);
    expect(after.snapshot.stale).toBe(false);
    expect(after.snapshot.refreshedAt > before.snapshot.refreshedAt).toBe(true);
  });

  it('at scale (a slow last refresh) answers from the existing figures and refreshes in the background', async () => {
    const read = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/reports/indicators?from=2026-10&to=2026-10&unitId=eb-norr',
          headers: as(committee),
        })
      ).json() as {
        snapshot: { refreshedAt: string; stale: boolean; refreshing: boolean };
        indicators: { id: string; points: { numerator: number | null }[] }[];
      };
    const count = (r: Awaited<ReturnType<typeof read>>) =>
      r.indicators.find((i) => i.id === 'households')?.points[0]?.numerator ?? 0;
    const before = await read();
    // As if the last refresh had taken a minute (20 000 households).
    await inTenant(t.db.db, M, (trx) =>
      trx.updateTable('indicatorSnapshots').set({ durationMs: 60_000 }).execute(),
    );
    const [household] = await householdsOf(t.db.db, M, 'eb-norr', 1);
    await createDecidedErrand(t.db.db, {
      municipalityId: M,
      householdId: household?.id as string,
      month: '2026-10',
      decidedBy: manager.userId,
      items: [{ granted: 250_000 }],
    });
    const stale = await read();
    expect(count(stale)).toBe(count(before));
    expect(stale.snapshot).toMatchObject({
      stale: true,
      refreshing: true,
      refreshedAt: before.snapshot.refreshedAt,
    });
    await refreshesSettled(t.db.db);
    const fresh = await read();
    expect(count(fresh)).toBe(count(before) + 1);
    expect(fresh.snapshot.stale).toBe(false);
  });

  it('never runs two refreshes at once (the second waits for the first)', async () => {
    const [a, b] = [refreshCube(t.db.db, M, now()), refreshCube(t.db.db, M, now())];
    expect(a).toBe(b);
    await Promise.all([a, b]);
    const snapshot = await inTenant(t.db.db, M, (trx) =>
      trx
        .selectFrom('indicatorSnapshots')
        .select(['refreshingSince', 'refreshError'])
        .executeTakeFirstOrThrow(),
    );
    expect(snapshot).toEqual({ refreshingSince: null, refreshError: null });
  });

  it('lets a unit manager start a refresh; the nämnd cannot', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/indicators/refresh',
      headers: as(manager),
      payload: {},
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ refreshing: true });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/indicators/refresh',
      headers: as(committee),
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
  });
});
