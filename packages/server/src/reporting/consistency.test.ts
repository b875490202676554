// The consistency report: hand-checked figures on a small list, and across the two demo
// municipalities that adopted the region's guideline set. The report reads the indicator cube's
// consistency cells; on the demo history it answers exactly what the pure computation answers
// over the raw decision rows, also for small groups whose households repeat across months.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { seedDemoHistory } from '../demo/seed.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import {
  as,
  buildTestApp,
  type Login,
  login,
  loginAs,
  TEST_SEED,
  TEST_TODAY,
  type TestApp,
} from '../testing.ts';
import {
  type ConsistencyDimension,
  type ConsistencyRow,
  consistencyFromAggregates,
  type DecisionAggregate,
} from './consistency.ts';
import { buildGeneration, refreshesSettled } from './cube.service.ts';
import type { HouseholdType } from './indicators.compute.ts';

// The reference: the report computed straight from decision rows, one decision at a time.
type DecisionRow = {
  group: string;
  householdId: string;
  householdType: HouseholdType;
  grantedTotal: number;
  /** The calculation's assistance, null when the decision has no calculation. */
  calculated: number | null;
  aboveCap: boolean;
};

/** Sums decision rows per group and household type, as the cube does (the tests' reference). */
function aggregateDecisions(rows: DecisionRow[]): DecisionAggregate[] {
  const out = new Map<string, DecisionAggregate & { ids: Set<string> }>();
  for (const r of rows) {
    const key = `${r.group}\t${r.householdType}`;
    let a = out.get(key);
    if (!a) {
      a = {
        group: r.group,
        householdType: r.householdType,
        decisions: 0,
        rejected: 0,
        aboveCap: 0,
        approved: 0,
        granting: 0,
        grantedSum: 0,
        households: 0,
        ids: new Set(),
      };
      out.set(key, a);
    }
    a.decisions++;
    if (r.grantedTotal === 0) a.rejected++;
    if (r.aboveCap) {
      a.aboveCap++;
      if (r.calculated !== null && r.grantedTotal >= r.calculated) a.approved++;
    }
    if (r.grantedTotal > 0) {
      a.granting++;
      a.grantedSum += r.grantedTotal;
      a.ids.add(r.householdId);
      a.households = a.ids.size;
    }
  }
  return [...out.values()].map(({ ids: _ids, ...a }) => a);
}

/** The report's rows from raw decision rows. */
function consistencyRows(
  rows: DecisionRow[],
  labels: Map<string, string>,
  suppress: boolean,
): ConsistencyRow[] {
  return consistencyFromAggregates(aggregateDecisions(rows), labels, suppress);
}

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
  await seedDemoHistory(t.db.db, TEST_SEED);
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

/** The last day of a month, computed independently of the app's helpers. */
const lastDayOf = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * The reference: every errand of the period with its latest decision, read straight from the
 * tables (no cube), the household type worked out from the membership rows in JS.
 */
async function referenceRows(
  municipalityId: string,
  query: { from: string; to: string; dimension: ConsistencyDimension },
  unitId: string | null,
): Promise<DecisionRow[]> {
  return inTenant(t.db.db, municipalityId, async (trx) => {
    const latest = await sql<{
      householdId: string;
      unitId: string;
      month: string;
      decidedBy: string;
      grantedTotal: number;
      calculated: number | null;
      result: { warnings?: { code: string }[] } | null;
    }>`
      select distinct on (e.id) e.household_id as "householdId", e.unit_id as "unitId", e.month,
             d.decided_by as "decidedBy", d.granted_total as "grantedTotal", c.assistance as calculated, c.result
      from errands e
      join decisions d on d.municipality_id = e.municipality_id and d.errand_id = e.id
      left join calculations c on c.municipality_id = d.municipality_id and c.id = d.calculation_id
      where e.month >= ${query.from} and e.month <= ${query.to}
      order by e.id, d.decided_at desc
    `.execute(trx);
    const members = await sql<{
      householdId: string;
      role: string;
      validFrom: string;
      validTo: string | null;
    }>`
      select household_id as "householdId", role, to_char(valid_from, 'YYYY-MM-DD') as "validFrom",
             to_char(valid_to, 'YYYY-MM-DD') as "validTo"
      from household_members
    `.execute(trx);
    const typeOf = (householdId: string, month: string): HouseholdType => {
      const now = members.rows.filter(
        (m) =>
          m.householdId === householdId &&
          m.validFrom <= lastDayOf(month) &&
          (m.validTo === null || m.validTo >= `${month}-01`),
      );
      const adults = now.filter((m) => m.role !== 'child').length;
      const children = now.length - adults;
      if (adults >= 2) return children > 0 ? 'coupleWithChildren' : 'coupleNoChildren';
      return children > 0 ? 'singleWithChildren' : 'singleNoChildren';
    };
    return latest.rows
      .filter((r) => unitId === null || r.unitId === unitId)
      .map((r) => ({
        group:
          query.dimension === 'municipality'
            ? municipalityId
            : query.dimension === 'unit'
              ? r.unitId
              : r.decidedBy,
        householdId: r.householdId,
        householdType: typeOf(r.householdId, r.month),
        grantedTotal: r.grantedTotal,
        calculated: r.calculated,
        aboveCap: (r.result?.warnings ?? []).some((w) => w.code === 'guideline_cap_exceeded'),
      }));
  });
}

type Report = { rows: ConsistencyRow[]; snapshot: { refreshedAt: string; stale: boolean } };

async function report(viewer: Login, query: { from: string; to: string; dimension: ConsistencyDimension }) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/reports/consistency?from=${query.from}&to=${query.to}&dimension=${query.dimension}`,
    headers: as(viewer),
  });
  expect(response.statusCode).toBe(200);
  return response.json() as Report;
}

/** What the pure computation answers on the reference rows, with the report's labels. */
async function expected(
  body: Report,
  query: { from: string; to: string; dimension: ConsistencyDimension },
  viewer: 'committee' | 'manager',
) {
  const municipalities = query.dimension === 'municipality' ? body.rows.map((r) => r.key) : ['alvstad'];
  const rows: DecisionRow[] = [];
  for (const m of municipalities)
    for (const r of await referenceRows(m, query, viewer === 'manager' ? 'eb-norr' : null)) rows.push(r);
  return consistencyRows(rows, new Map(body.rows.map((r) => [r.key, r.label])), viewer === 'committee');
}

describe('consistency report from the indicator cube', () => {
  const CASES: {
    viewer: 'committee' | 'manager';
    from: string;
    to: string;
    dimension: ConsistencyDimension;
  }[] = [
    { viewer: 'committee', from: '2025-12', to: '2026-11', dimension: 'unit' },
    { viewer: 'committee', from: '2026-03', to: '2026-08', dimension: 'caseworker' },
    { viewer: 'committee', from: '2026-01', to: '2026-12', dimension: 'municipality' },
    { viewer: 'manager', from: '2025-12', to: '2026-11', dimension: 'caseworker' },
    { viewer: 'manager', from: '2026-06', to: '2026-06', dimension: 'unit' },
  ];

  it.each(CASES)(
    'answers like the pure computation on raw decisions: $viewer by $dimension, $from–$to',
    async ({ viewer, ...query }) => {
      const body = await report(viewer === 'committee' ? committee : manager, query);
      const reference = await expected(body, query, viewer);
      expect(body.rows).toEqual(reference);
      // Not a comparison of two empty answers: the demo history's decisions, some above the cap.
      const decided = reference.reduce((s, r) => s + (r.decisions ?? 0), 0);
      expect(decided).toBeGreaterThan(query.from === query.to ? 5 : 50);
      if (query.from !== query.to) expect(reference.some((r) => (r.aboveCap ?? 0) > 0)).toBe(true);
    },
  );

  it('keeps each municipality’s cells in its tenant (row-level security)', async () => {
    await report(committee, { from: '2026-01', to: '2026-12', dimension: 'municipality' });
    for (const m of ['alvstad', 'sjoby']) {
      const seen = await inTenant(t.db.db, m, (trx) =>
        trx.selectFrom('consistencyCells').select('municipalityId').distinct().execute(),
      );
      expect(seen).toEqual([{ municipalityId: m }]);
    }
  });

  it('withholds a household type’s average when its households are fewer than five across the months, shows it when the union reaches five', async () => {
    const db = t.db.db;
    const repeating = randomUUID();
    const spread = randomUUID();
    // Four households granted in each of three months: 12 granting decisions, 4 households.
    const four = await householdsOf(db, 'alvstad', 'eb-norr', 4);
    for (const month of ['2026-09', '2026-10', '2026-11'])
      for (const h of four)
        await createDecidedErrand(db, {
          municipalityId: 'alvstad',
          householdId: h.id,
          month,
          decidedBy: repeating,
          items: [{ granted: 500_000 }],
        });
    // Five households, at most two a month (the first twice): no month's cell reaches five.
    const five = await householdsOf(db, 'alvstad', 'eb-norr', 5);
    const spreadDecisions: [number, string, number][] = [
      [0, '2026-09', 300_000],
      [1, '2026-09', 400_000],
      [2, '2026-10', 500_000],
      [3, '2026-10', 600_000],
      [4, '2026-11', 700_000],
      [0, '2026-11', 900_000],
    ];
    for (const [i, month, granted] of spreadDecisions)
      await createDecidedErrand(db, {
        municipalityId: 'alvstad',
        householdId: five[i]?.id as string,
        month,
        decidedBy: spread,
        items: [{ granted }],
      });
    const query = { from: '2026-09', to: '2026-11', dimension: 'caseworker' as const };
    const check = async () => {
      const body = await report(committee, query);
      expect(body.rows).toEqual(await expected(body, query, 'committee'));
      const byKey = new Map(body.rows.map((r) => [r.key, r]));
      expect(byKey.get(repeating)).toMatchObject({ decisions: 12, rejectionRate: 0, suppressed: false });
      expect(byKey.get(repeating)?.averageByHouseholdType.singleNoChildren).toBeNull();
      expect(byKey.get(spread)).toMatchObject({ decisions: 6, suppressed: false });
      expect(byKey.get(spread)?.averageByHouseholdType.singleNoChildren).toBe(566_667);
      return body;
    };
    const before = await check();
    // A single month: two decisions of the spread caseworker, the row itself withheld.
    const september = await report(committee, { ...query, to: '2026-09' });
    expect(september.rows.find((r) => r.key === spread)).toMatchObject({ decisions: null, suppressed: true });
    // The unit manager sees the own unit's figures unsuppressed.
    const own = await report(manager, query);
    expect(own.rows.find((r) => r.key === repeating)?.averageByHouseholdType.singleNoChildren).toBe(500_000);

    // Refreshed two households at a time, a cell's households come from several chunks: the same.
    const generation = await inTenant(db, 'alvstad', (trx) =>
      trx.selectFrom('indicatorSnapshots').select('generation').executeTakeFirstOrThrow(),
    );
    const stats = await buildGeneration(db, 'alvstad', TEST_TODAY, generation.generation + 1, new Date(), 2);
    expect(stats.chunks).toBeGreaterThan(20);
    expect(stats.consistencyCells).toBeGreaterThan(0);
    const chunked = await check();
    expect(chunked.snapshot.refreshedAt > before.snapshot.refreshedAt).toBe(true);
  });

  it('follows a new decision after the next refresh', async () => {
    const query = { from: '2026-10', to: '2026-10', dimension: 'caseworker' as const };
    const caseworker = randomUUID();
    const households = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 5);
    for (const h of households.slice(0, 4))
      await createDecidedErrand(t.db.db, {
        municipalityId: 'alvstad',
        householdId: h.id,
        month: '2026-10',
        decidedBy: caseworker,
        items: [{ granted: 400_000 }],
      });
    const read = async () => {
      let body = await report(committee, query);
      // A slow last refresh answers from the existing figures and refreshes in the background.
      if (body.snapshot.stale) {
        await refreshesSettled(t.db.db);
        body = await report(committee, query);
      }
      expect(body.snapshot.stale).toBe(false);
      return body;
    };
    const before = await read();
    expect(before.rows.find((r) => r.key === caseworker)).toMatchObject({
      decisions: null,
      suppressed: true,
    });
    await createDecidedErrand(t.db.db, {
      municipalityId: 'alvstad',
      householdId: households[4]?.id as string,
      month: '2026-10',
      decidedBy: caseworker,
      items: [{ granted: 900_000 }],
    });
    const after = await read();
    expect(after.snapshot.refreshedAt > before.snapshot.refreshedAt).toBe(true);
    const row = after.rows.find((r) => r.key === caseworker);
    expect(row).toMatchObject({ decisions: 5, rejectionRate: 0, suppressed: false });
    expect(row?.averageByHouseholdType.singleNoChildren).toBe(500_000);
  });
});
