import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let early: TestApp;
let erik: Login;
let households: { id: string; applicantId: string }[];
let earlyHouseholds: { id: string; applicantId: string }[];

/** Households without errands of their own (the seed gives some this month's renewal). */
async function quietHouseholds(app: TestApp) {
  const all = await householdsOf(app.db.db, 'alvstad', 'eb-norr');
  const withErrands = await inTenant(app.db.db, 'alvstad', (trx) =>
    trx.selectFrom('errands').select('householdId').distinct().execute(),
  );
  const busy = new Set(withErrands.map((e) => e.householdId));
  return all.filter((h) => !busy.has(h.id));
}

const plan = {
  longTermGoal: 'Arbete',
  subGoals: [{ id: 'g1', outcome: 'Har praktikplats', targetDate: '2027-03-01' }],
  activities: [{ description: 'Praktik', responsible: { party: 'labourMarketUnit' }, hoursPerWeek: 40 }],
};

async function decide(db: TestApp, householdId: string, month: string, decidedAt: string, by: Login = erik) {
  return createDecidedErrand(db.db.db, {
    municipalityId: 'alvstad',
    householdId,
    month,
    decidedBy: by.userId,
    items: [{ granted: 500_000 }],
    decidedAt: new Date(`${decidedAt}T10:00:00Z`),
  });
}

async function queues(app: TestApp, who: Login) {
  const r = await app.app.inject({ method: 'GET', url: '/api/v1/work-queues', headers: as(who) });
  expect(r.statusCode).toBe(200);
  return r.json();
}
const idsIn = (body: { queues: { code: string; items: { personId: string }[] }[] }, code: string) =>
  body.queues.find((q) => q.code === code)?.items.map((i) => i.personId) ?? [];

beforeAll(async () => {
  t = await buildTestApp();
  early = await buildTestApp({ clock: () => new Date('2026-09-20T10:00:00Z') });
  erik = await login(t.app, 'erik');
  // Each app has its own database copy: households are looked up in each.
  households = await quietHouseholds(t);
  earlyHouseholds = await quietHouseholds(early);
});
afterAll(async () => {
  await t.close();
  await early.close();
});

describe('arbetsköer', () => {
  it('counts the demo data: who is in which queue in Älvstad eb-norr on the test day', async () => {
    // A fresh app: the other tests here add decisions of their own.
    const demo = await buildTestApp();
    try {
      const body = await queues(demo, await login(demo.app, 'erik'));
      const names = (code: string) =>
        ((body.queues.find((q: { code: string }) => q.code === code)?.items ?? []) as { name: string }[])
          .map((i) => i.name)
          .sort();
      const counts = Object.fromEntries(
        body.queues.map((q: { code: string; count: number }) => [q.code, q.count]),
      );
      expect(body.today).toBe('2026-11-23');
      expect(counts).toEqual({
        planMissing: 3,
        followUpOverdue: 1,
        longTermWithoutPlan: 1,
        youngAdultWithoutActivity: 1,
        aktivitetskrav: 1,
      });
      expect(names('planMissing')).toEqual(['Amir Haddad', 'Leila Nasser', 'Sofia Lindqvist']);
      expect(names('followUpOverdue')).toEqual(['Johan Berg']);
      expect(names('longTermWithoutPlan')).toEqual(['Leila Nasser']);
      expect(names('youngAdultWithoutActivity')).toEqual(['Elias Johansson']);
      expect(names('aktivitetskrav')).toEqual(['Leila Nasser']);
      expect(body.aktivitetskrav.exempt).toEqual([
        expect.objectContaining({ name: 'Karin Svensson', exemption: 'Sjukpenning eller sjukersättning' }),
      ]);
      // Another unit of the same municipality sees none of them.
      const other = await queues(demo, await login(demo.app, 'lina'));
      expect(other.queues.every((q: { count: number }) => q.count === 0)).toBe(true);
    } finally {
      await demo.close();
    }
  });

  it('a person decided 20 days ago without a plan is in "Plan saknas" until a plan is made', async () => {
    const [h] = households;
    if (!h) throw new Error('no household');
    await decide(t, h.id, '2026-11', '2026-11-03');
    expect(idsIn(await queues(t, erik), 'planMissing')).toContain(h.applicantId);
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${h.applicantId}/plans`,
      headers: as(erik),
      payload: plan,
    });
    expect(made.statusCode).toBe(201);
    expect(idsIn(await queues(t, erik), 'planMissing')).not.toContain(h.applicantId);
  });

  it('aktivitetskrav lists three consecutive months without a plan, with exemptions and the rule status', async () => {
    const [, a, b] = households;
    if (!a || !b) throw new Error('no households');
    for (const m of ['2026-09', '2026-10']) {
      await decide(t, a.id, m, `${m}-02`);
      await decide(t, b.id, m, `${m}-02`);
    }
    await decide(t, a.id, '2026-11', '2026-11-02');
    const last = await decide(t, b.id, '2026-11', '2026-11-02');
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .insertInto('errandItems')
        .values({
          municipalityId: 'alvstad',
          id: randomUUID(),
          errandId: last.errandId,
          kind: 'income',
          type: 'sicknessBenefit',
          personId: b.applicantId,
          amount: 300_000,
        })
        .execute(),
    );
    const body = await queues(t, erik);
    expect(body.aktivitetskrav.rule).toMatchObject({
      status: 'proposed',
      sourceId: 'REG_PM_2025_12',
      firstAppliedMonth: '2026-10',
    });
    expect(idsIn(body, 'aktivitetskrav')).toContain(a.applicantId);
    expect(idsIn(body, 'aktivitetskrav')).not.toContain(b.applicantId);
    expect(body.aktivitetskrav.exempt).toContainEqual(
      expect.objectContaining({ personId: b.applicantId, exemption: 'Sjukpenning eller sjukersättning' }),
    );
  });

  it('aktivitetskrav is not shown for months before the rule applies', async () => {
    const [, a] = earlyHouseholds;
    if (!a) throw new Error('no household');
    const erikEarly = await login(early.app, 'erik');
    for (const m of ['2026-07', '2026-08', '2026-09']) await decide(early, a.id, m, `${m}-02`, erikEarly);
    const body = await queues(early, erikEarly);
    expect(body.aktivitetskrav.inForce).toBe(false);
    expect(idsIn(body, 'aktivitetskrav')).toEqual([]);
  });

  it('is refused for committee, auditor and sysadmin', async () => {
    for (const name of ['nils', 'rut', 'adam']) {
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/work-queues',
        headers: as(await login(t.app, name)),
      });
      expect(r.statusCode).toBe(403);
    }
  });
});
