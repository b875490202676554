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
        planMissing: 4,
        followUpOverdue: 1,
        longTermWithoutPlan: 1,
        youngAdultWithoutActivity: 1,
        withoutActivity: 2,
        aktivitetskrav: 1,
        proposalDue: 1,
        planExpiring: 0,
        insatsEnded: 1,
        caseReview: 1,
      });
      // Ebba Ali: her arbetsträning (an insats of #7) started 16 days ago, and she has no plan.
      expect(names('planMissing')).toEqual(['Amir Haddad', 'Ebba Ali', 'Leila Nasser', 'Sofia Lindqvist']);
      // Each reason is a code with its values; the web words it in the reader's language.
      const reasons = (code: string) =>
        (body.queues.find((q: { code: string }) => q.code === code)?.items ?? []).map(
          (i: { name: string; reason: object }) => ({ name: i.name, reason: i.reason }),
        );
      expect(reasons('planMissing')).toContainEqual({
        name: 'Ebba Ali',
        reason: {
          code: 'planMissingAfterInsats',
          params: {
            insats: 'Arbetsträning på Återbruket',
            startedOn: '2026-11-07',
            deadline: '2026-11-21',
            days: 14,
          },
        },
      });
      // Johan Berg's arbetsträning participation ended ten days ago; SFI goes on, nothing new since.
      expect(reasons('insatsEnded')).toEqual([
        {
          name: 'Johan Berg',
          reason: {
            code: 'insatsEnded',
            params: { name: 'Arbetsträning på Återbruket', endedOn: '2026-11-13' },
          },
        },
      ]);
      expect(names('followUpOverdue')).toEqual(['Johan Berg']);
      expect(names('longTermWithoutPlan')).toEqual(['Leila Nasser']);
      expect(names('youngAdultWithoutActivity')).toEqual(['Elias Johansson']);
      expect(names('withoutActivity')).toEqual(['Karin Svensson', 'Leila Nasser']);
      expect(names('aktivitetskrav')).toEqual(['Leila Nasser']);
      expect(names('proposalDue')).toEqual(['Leila Nasser']);
      expect(names('caseReview')).toEqual(['Leila Nasser']);
      expect(names('insatsEnded')).toEqual(['Johan Berg']);
      expect(body.compliance).toEqual([]);
      // The unit manager's compliance view: every demo person here is Erik's.
      const manager = await queues(demo, await login(demo.app, 'maria'));
      expect(manager.compliance).toEqual([
        {
          caseworker: { id: expect.any(String), name: 'Erik Lund' },
          assisted: 7,
          withCurrentPlan: 4,
          planMissing: 3,
          followUpOverdue: 1,
        },
      ]);
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

  it('insats participations move the queues as the clock passes: started without a plan, ended without a next step', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const own = await buildTestApp({ clock: () => now });
    try {
      let who = await login(own.app, 'erik');
      // The session lapses when the clock jumps days ahead: sign in again on the new day.
      const at = async (iso: string) => {
        now = new Date(iso);
        who = await login(own.app, 'erik');
      };
      const [h] = await quietHouseholds(own);
      if (!h) throw new Error('no household');
      const insats = await inTenant(own.db.db, 'alvstad', (trx) =>
        trx.selectFrom('insatser').select('id').where('name', '=', 'Jobbcoachning').executeTakeFirstOrThrow(),
      );
      const participationId = randomUUID();
      await inTenant(own.db.db, 'alvstad', (trx) =>
        trx
          .insertInto('insatsParticipations')
          .values({
            municipalityId: 'alvstad',
            id: participationId,
            personId: h.applicantId,
            referralId: null,
            insatsId: insats.id,
            status: 'active',
            listedOn: '2026-11-05',
            startedOn: '2026-11-10',
            plannedEndOn: '2026-11-30',
            endedOn: null,
            endReason: null,
            createdBy: who.userId,
          })
          .execute(),
      );
      // 13 days after the start: not yet; 15 days: Plan saknas (the municipality's 14 days).
      expect(idsIn(await queues(own, who), 'planMissing')).not.toContain(h.applicantId);
      await at('2026-11-25T10:00:00Z');
      expect(idsIn(await queues(own, who), 'planMissing')).toContain(h.applicantId);
      expect(idsIn(await queues(own, who), 'insatsEnded')).not.toContain(h.applicantId);

      // The insats ends; the day after, it has ended without a next step.
      await inTenant(own.db.db, 'alvstad', (trx) =>
        trx
          .updateTable('insatsParticipations')
          .set({ status: 'ended', endedOn: '2026-11-30', endReason: 'completed' })
          .where('id', '=', participationId)
          .execute(),
      );
      await at('2026-12-01T10:00:00Z');
      const ended = (await queues(own, who)).queues.find((q: { code: string }) => q.code === 'insatsEnded');
      expect(ended.items).toContainEqual(
        expect.objectContaining({
          personId: h.applicantId,
          reason: { code: 'insatsEnded', params: { name: 'Jobbcoachning', endedOn: '2026-11-30' } },
        }),
      );
      // A next step: placed on the wait list of another insats after the end.
      await inTenant(own.db.db, 'alvstad', (trx) =>
        trx
          .insertInto('insatsParticipations')
          .values({
            municipalityId: 'alvstad',
            id: randomUUID(),
            personId: h.applicantId,
            referralId: null,
            insatsId: insats.id,
            status: 'waiting',
            listedOn: '2026-12-01',
            startedOn: null,
            plannedEndOn: null,
            endedOn: null,
            endReason: null,
            createdBy: who.userId,
          })
          .execute(),
      );
      expect(idsIn(await queues(own, who), 'insatsEnded')).not.toContain(h.applicantId);
      // A plan takes the person out of Plan saknas.
      const made = await own.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${h.applicantId}/plans`,
        headers: as(who),
        payload: plan,
      });
      expect(made.statusCode).toBe(201);
      expect(idsIn(await queues(own, who), 'planMissing')).not.toContain(h.applicantId);
    } finally {
      await own.close();
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

  it('a new application without a decision starts the plan deadline too', async () => {
    const [, , , , e] = households;
    if (!e) throw new Error('no household');
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .insertInto('errands')
        .values({
          municipalityId: 'alvstad',
          id: randomUUID(),
          householdId: e.id,
          unitId: 'eb-norr',
          type: 'newApplication',
          month: '2026-11',
          state: 'underInvestigation',
          requestedNote: null,
          receivedAt: new Date('2026-11-02T09:00:00Z'),
          createdBy: erik.userId,
        })
        .execute(),
    );
    const body = await queues(t, erik);
    const item = body.queues
      .find((q: { code: string }) => q.code === 'planMissing')
      .items.find((i: { personId: string }) => i.personId === e.applicantId);
    expect(item.reason).toEqual({
      code: 'planMissingAfterApplication',
      params: { startedOn: '2026-11-02', deadline: '2026-11-16', days: 14 },
    });
  });

  it('the documented proposal: an attended flerpartssamtal with the proposal written down clears the queue', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const timed = await buildTestApp({ clock: () => now });
    try {
      let who = await login(timed.app, 'erik');
      const due = await queues(timed, who);
      const leila = due.queues
        .find((q: { code: string }) => q.code === 'proposalDue')
        .items.find((i: { name: string }) => i.name === 'Leila Nasser');
      expect(leila.reason).toMatchObject({
        code: 'proposalDue',
        params: { by: expect.stringMatching(/^2026-0\d-\d\d$/), months: 6 },
      });
      const book = (payload: object) =>
        timed.app.inject({
          method: 'POST',
          url: `/api/v1/persons/${leila.personId}/meetings`,
          headers: as(who),
          payload: { startsAt: '2026-11-24T09:00:00+01:00', place: 'Socialkontoret', ...payload },
        });
      const wrongKind = await book({ purpose: 'followUp', proposal: 'Arbetsträning' });
      expect(wrongKind.statusCode).toBe(422);
      expect(wrongKind.json().errors[0].pointer).toBe('/proposal');
      const booked = await book({
        purpose: 'multiParty',
        participants: [{ party: 'employmentService', name: 'Handläggare', email: null }],
        proposal:
          'Arbetsträning 20 timmar i veckan via arbetsmarknadsenheten, SFI parallellt, uppföljning i februari',
      });
      expect(booked.statusCode).toBe(201);
      expect(booked.json().proposal).toMatch(/^Arbetsträning 20 timmar/);
      now = new Date('2026-11-24T11:00:00Z');
      who = await login(timed.app, 'erik');
      const attended = await timed.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${booked.json().id}`,
        headers: as(who),
        payload: { attendance: 'attended' },
      });
      expect(attended.statusCode).toBe(200);
      expect(idsIn(await queues(timed, who), 'proposalDue')).not.toContain(leila.personId);
    } finally {
      await timed.close();
    }
  });

  it('"no plan needed" with a reason takes a person out of Plan saknas; without a reason it is refused', async () => {
    const [, , , d] = households;
    if (!d) throw new Error('no household');
    await decide(t, d.id, '2026-11', '2026-11-01');
    expect(idsIn(await queues(t, erik), 'planMissing')).toContain(d.applicantId);
    const url = `/api/v1/persons/${d.applicantId}/plan-waivers`;
    const empty = await t.app.inject({ method: 'POST', url, headers: as(erik), payload: { reason: '  ' } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].pointer).toBe('/reason');
    const waived = await t.app.inject({
      method: 'POST',
      url,
      headers: as(erik),
      payload: { reason: 'Engångsbehov: väntar på första lönen, börjar arbeta heltid 1 december' },
    });
    expect(waived.statusCode).toBe(201);
    expect(idsIn(await queues(t, erik), 'planMissing')).not.toContain(d.applicantId);

    // The waiver is readable where the plan would be; the read is access-logged.
    const logged = async () =>
      inTenant(t.db.db, 'alvstad', (trx) =>
        trx
          .selectFrom('accessLog')
          .select('action')
          .where('personId', '=', d.applicantId)
          .where('action', '=', 'read')
          .execute(),
      );
    const readsBefore = (await logged()).length;
    const list = await t.app.inject({ url, headers: as(erik) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: waived.json().id,
        reason: 'Engångsbehov: väntar på första lönen, börjar arbeta heltid 1 december',
        recordedOn: '2026-11-23',
        recordedBy: { id: erik.userId, name: 'Erik Lund' },
      },
    ]);
    expect((await logged()).length).toBe(readsBefore + 1);
    // Another unit's caseworker does not learn that the person exists.
    const lina = await t.app.inject({ url, headers: as(await login(t.app, 'lina')) });
    expect(lina.statusCode).toBe(404);
  });

  it('ärendedragning: a recorded outcome takes the person off the list, and the list of reviews shows it', async () => {
    const before = await queues(t, erik);
    const [leila] = before.queues.find((q: { code: string }) => q.code === 'caseReview').items;
    const url = `/api/v1/persons/${leila.personId}/case-reviews`;
    const noOutcome = await t.app.inject({ method: 'POST', url, headers: as(erik), payload: {} });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json().errors[0].pointer).toBe('/outcome');
    const future = await t.app.inject({
      method: 'POST',
      url,
      headers: as(erik),
      payload: { reviewedOn: '2026-12-01', outcome: 'x' },
    });
    expect(future.statusCode).toBe(422);
    const made = await t.app.inject({
      method: 'POST',
      url,
      headers: as(erik),
      payload: { outcome: 'Kartläggning och flerpartssamtal med Arbetsförmedlingen inom två veckor' },
    });
    expect(made.statusCode).toBe(201);
    expect(idsIn(await queues(t, erik), 'caseReview')).not.toContain(leila.personId);
    const list = await t.app.inject({ url: '/api/v1/case-reviews', headers: as(erik) });
    expect(list.json().items[0]).toMatchObject({
      personId: leila.personId,
      name: 'Leila Nasser',
      reviewedOn: '2026-11-23',
      outcome: 'Kartläggning och flerpartssamtal med Arbetsförmedlingen inom två veckor',
      recordedBy: 'Erik Lund',
    });
    const otherUnit = await t.app.inject({
      url: '/api/v1/case-reviews',
      headers: as(await login(t.app, 'lina')),
    });
    expect(otherUnit.json().items).toEqual([]);
  });

  it('planning settings: the unit manager changes the cadence and age band, and the queues follow', async () => {
    const maria = await login(t.app, 'maria');
    const current = await t.app.inject({ url: '/api/v1/planning-settings', headers: as(erik) });
    expect(current.json()).toEqual({
      planDeadlineDays: 14,
      followUpIntervalMonths: 2,
      proposalWithinMonths: 6,
      youngAdultBand: { minAge: 18, maxAge: 24 },
      withoutActivityMonths: 3,
    });
    const put = (who: Login, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/planning-settings', headers: as(who), payload });
    const settings = {
      planDeadlineDays: 14,
      followUpIntervalMonths: 2,
      proposalWithinMonths: 6,
      youngAdultBand: { minAge: 18, maxAge: 25 },
      withoutActivityMonths: 3,
    };
    expect((await put(erik, settings)).statusCode).toBe(403);
    const inverted = await put(maria, { ...settings, youngAdultBand: { minAge: 25, maxAge: 18 } });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().errors[0].pointer).toBe('/youngAdultBand/maxAge');
    expect((await put(maria, { ...settings, followUpIntervalMonths: 0 })).statusCode).toBe(422);
    // With a 20-day plan deadline Sofia (applied 19 days ago) is not late yet; Amir (23) still is.
    const changed = await put(maria, { ...settings, planDeadlineDays: 20 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ planDeadlineDays: 20, youngAdultBand: { maxAge: 25 } });
    const names = (await queues(t, erik)).queues
      .find((q: { code: string }) => q.code === 'planMissing')
      .items.map((i: { name: string }) => i.name);
    expect(names).toContain('Amir Haddad');
    expect(names).not.toContain('Sofia Lindqvist');
    // Sjöby's settings are its own.
    const kim = await login(t.app, 'kim');
    expect((await t.app.inject({ url: '/api/v1/planning-settings', headers: as(kim) })).json()).toMatchObject(
      {
        planDeadlineDays: 14,
        followUpIntervalMonths: 3,
      },
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
