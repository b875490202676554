import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let maria: Login;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  lina = await login(t.app, 'lina');
  maria = await login(t.app, 'maria');
});
afterAll(() => t.close());

async function post(who: Login, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload: payload as object });
}
async function get(who: Login, url: string) {
  return t.app.inject({ url: `/api/v1${url}`, headers: as(who) });
}

/** Registers a single person in Erik's unit and a household with them as applicant from `from`. */
async function singleHousehold(personalIdentityNumber: string, firstName: string, from = '2026-01-01') {
  const person = await post(erik, '/persons', {
    personalIdentityNumber,
    firstName,
    lastName: 'Testsson',
    address: { street: 'Storgatan 1', postalCode: '791 10', city: 'Älvstad' },
  });
  expect(person.statusCode).toBe(201);
  const household = await post(erik, '/households', { applicantPersonId: person.json().id, validFrom: from });
  expect(household.statusCode).toBe(201);
  return { personId: person.json().id as string, householdId: household.json().id as string };
}

async function accessLogRows(personId: string): Promise<{ action: string; route: string }[]> {
  return t.db.db
    .selectFrom('accessLog')
    .select(['action', 'route'])
    .where('personId', '=', personId)
    .orderBy('id')
    .execute();
}

describe('the caseworker’s queue in the demo', () => {
  it('holds this month’s renewal applications of the own unit, newest first, with applicant and waiting days', async () => {
    const queue = await get(erik, '/errands');
    expect(queue.statusCode).toBe(200);
    // The planning demo's households also have closed errands from earlier months.
    const items = queue.json().items.filter((e: { state: string }) => e.state !== 'closed');
    expect(items.length).toBeGreaterThan(0);
    for (const entry of items) {
      expect(entry).toMatchObject({ month: '2026-11', type: 'renewalApplication' });
      expect(['received', 'underInvestigation']).toContain(entry.state);
      expect(entry.applicant?.name).toBeTruthy();
      expect(entry.waitingDays).toBeGreaterThanOrEqual(0);
    }
    const received = items.map((e: { receivedAt: string }) => e.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    const file = (await get(erik, `/errands/${items[0].id}`)).json();
    expect(file.items.some((i: { type: string }) => i.type === 'housing')).toBe(true);
    expect(file.transitions[0]).toMatchObject({ fromState: null, toState: 'received' });
  });

  it('comes a page at a time: the pages together are the whole queue, each errand once', async () => {
    const whole = (await get(erik, '/errands?limit=200')).json();
    expect(whole.total).toBe(whole.items.length);
    const first = (await get(erik, '/errands?limit=2')).json();
    const second = (await get(erik, '/errands?limit=2&offset=2')).json();
    expect(first.total).toBe(whole.total);
    expect([...first.items, ...second.items].map((e: { id: string }) => e.id)).toEqual(
      whole.items.slice(0, 4).map((e: { id: string }) => e.id),
    );
    const refused = await get(erik, '/errands?limit=201');
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(refused.json())).toContain('limit');
  });
});

describe('Amina applies in March 2026 (journey 1)', () => {
  it('a caseworker takes her application from received to ready for decision, and the calculation shows 10 720 kr', async () => {
    const amina = await singleHousehold('20020315-2384', 'Amina');

    const created = await post(erik, '/errands', {
      householdId: amina.householdId,
      type: 'newApplication',
      month: '2026-03',
    });
    expect(created.statusCode).toBe(201);
    const errand = created.json();
    expect(errand).toMatchObject({ state: 'received', type: 'newApplication', month: '2026-03' });
    expect(errand.household.members).toMatchObject([
      { personId: amina.personId, role: 'applicant', person: { name: 'Amina Testsson' } },
    ]);

    const start = await post(erik, `/errands/${errand.id}/transitions`, { to: 'underInvestigation' });
    expect(start.statusCode).toBe(200);

    for (const item of [
      { kind: 'cost', type: 'housing', amount: 520_000, note: 'Hyra enligt hyresavi' },
      { kind: 'cost', type: 'householdElectricity', amount: 30_000 },
    ]) {
      expect((await post(erik, `/errands/${errand.id}/items`, item)).statusCode).toBe(201);
    }
    for (const check of [
      {
        kind: 'employmentServiceRegistration',
        source: 'Arbetsförmedlingen',
        checkedOn: '2026-03-04',
        outcome: 'confirmed',
      },
      {
        kind: 'bankStatements',
        source: 'Kontoutdrag från Amina',
        checkedOn: '2026-03-04',
        outcome: 'confirmed',
      },
    ]) {
      expect((await post(erik, `/errands/${errand.id}/verifications`, check)).statusCode).toBe(201);
    }

    const calculated = await post(erik, `/errands/${errand.id}/calculations`, {});
    expect(calculated.statusCode).toBe(201);
    const snapshot = calculated.json();
    expect(snapshot.assistance).toBe(1_072_000);
    // Älvstad has adopted the region's guideline set; 300 kr electricity is within it.
    expect(snapshot.guidelineSetId).not.toBeNull();
    expect(snapshot.result.warnings).toEqual([]);
    expect(snapshot.result.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'norm.personal.single',
          memberIds: [amina.personId],
          amount: 394_000,
          basis: expect.stringContaining('SoF 2025:468 12 kap. 2 §'),
        }),
        expect.objectContaining({ code: 'norm.common', amount: 128_000 }),
        expect.objectContaining({ code: 'cost.housing', amount: 520_000 }),
        expect.objectContaining({ code: 'cost.householdElectricity', amount: 30_000 }),
      ]),
    );

    expect(
      (await post(erik, `/errands/${errand.id}/transitions`, { to: 'readyForDecision' })).statusCode,
    ).toBe(200);

    const read = await get(erik, `/errands/${errand.id}`);
    expect(read.statusCode).toBe(200);
    const file = read.json();
    expect(file.state).toBe('readyForDecision');
    expect(file.items).toHaveLength(2);
    expect(file.verifications.map((v: { source: string }) => v.source)).toEqual([
      'Arbetsförmedlingen',
      'Kontoutdrag från Amina',
    ]);
    expect(
      file.checklist.map((c: { kind: string; latest: { outcome: string } | null }) => [
        c.kind,
        c.latest?.outcome ?? null,
      ]),
    ).toEqual([
      ['employmentServiceRegistration', 'confirmed'],
      ['socialInsuranceBenefits', null],
      ['bankStatements', 'confirmed'],
      ['rentalContract', null],
    ]);
    expect(file.latestCalculation).toMatchObject({
      id: snapshot.id,
      assistance: 1_072_000,
      parameterSet: 'riksnorm-2026',
    });
    expect(
      file.transitions.map((s: { fromState: string | null; toState: string }) => [s.fromState, s.toState]),
    ).toEqual([
      [null, 'received'],
      ['received', 'underInvestigation'],
      ['underInvestigation', 'readyForDecision'],
    ]);
    expect(file.transitions.every((s: { userName: string }) => s.userName === 'Erik Lund')).toBe(true);

    // Every read and change of Amina's data is in the access log.
    const log = await accessLogRows(amina.personId);
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'create', route: 'POST /api/v1/errands' },
        { action: 'update', route: 'POST /api/v1/errands/:id/items' },
        { action: 'update', route: 'POST /api/v1/errands/:id/calculations' },
        { action: 'read', route: 'GET /api/v1/errands/:id' },
      ]),
    );

    // The snapshot is evidence: the database refuses to change it.
    await expect(
      t.db.db.updateTable('calculations').set({ assistance: 1 }).where('id', '=', snapshot.id).execute(),
    ).rejects.toThrow();
  });
});

describe('the errand state machine', () => {
  let errandId: string;
  beforeAll(async () => {
    const household = await singleHousehold('19950101-1234', 'Bo');
    const created = await post(erik, '/errands', {
      householdId: household.householdId,
      type: 'newApplication',
      month: '2026-11',
    });
    errandId = created.json().id;
  });

  it('refuses a move the state machine does not allow, naming the states in Swedish, and records nothing', async () => {
    const refused = await post(erik, `/errands/${errandId}/transitions`, { to: 'readyForDecision' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      'Ärendet kan inte gå från Inkommet till Klart för beslut. Från Inkommet kan det gå till Under utredning, Avslutat.',
    );
    const decided = await post(erik, `/errands/${errandId}/transitions`, { to: 'decided' });
    expect(decided.statusCode).toBe(409);
    const file = (await get(erik, `/errands/${errandId}`)).json();
    expect(file.state).toBe('received');
    expect(file.transitions).toHaveLength(1);
    expect(file.allowedTransitions).toEqual(['underInvestigation', 'closed']);
  });

  it('goes back and forth between investigation and awaiting completion, recording every move with its note', async () => {
    for (const [to, note] of [
      ['underInvestigation', undefined],
      ['awaitingCompletion', 'Begärt kontoutdrag för oktober'],
      ['underInvestigation', 'Kontoutdrag inkom'],
    ] as const) {
      const moved = await post(maria, `/errands/${errandId}/transitions`, { to, ...(note ? { note } : {}) });
      expect(moved.statusCode).toBe(200);
    }
    const file = (await get(erik, `/errands/${errandId}`)).json();
    expect(
      file.transitions.map((s: { toState: string; note: string | null }) => [s.toState, s.note]),
    ).toEqual([
      ['received', null],
      ['underInvestigation', null],
      ['awaitingCompletion', 'Begärt kontoutdrag för oktober'],
      ['underInvestigation', 'Kontoutdrag inkom'],
    ]);
  });

  it('another unit’s caseworker can neither see nor move the errand (404), and it does not reach their queue', async () => {
    expect((await get(lina, `/errands/${errandId}`)).statusCode).toBe(404);
    const move = await post(lina, `/errands/${errandId}/transitions`, { to: 'closed' });
    expect(move.statusCode).toBe(404);
    const queue = (await get(lina, '/errands')).json();
    expect(queue.items.some((e: { id: string }) => e.id === errandId)).toBe(false);
  });

  it('the nämnd and the auditor have no access to errands', async () => {
    for (const username of ['nils', 'rut']) {
      const who = await login(t.app, username);
      expect((await get(who, '/errands')).statusCode, username).toBe(403);
    }
  });

  it('Erik’s queue lists the errand with applicant, month, type, state and waiting days', async () => {
    const queue = await get(erik, '/errands?mine=true&state=underInvestigation');
    expect(queue.statusCode).toBe(200);
    const entry = queue.json().items.find((e: { id: string }) => e.id === errandId);
    expect(entry).toMatchObject({
      month: '2026-11',
      type: 'newApplication',
      state: 'underInvestigation',
      applicant: { name: 'Bo Testsson' },
      waitingDays: 0,
    });
    expect(queue.json().items.every((e: { state: string }) => e.state === 'underInvestigation')).toBe(true);
  });

  it('refuses a second application for the same household and month with 409, never a duplicate', async () => {
    const file = (await get(erik, `/errands/${errandId}`)).json();
    const again = await post(erik, '/errands', {
      householdId: file.householdId,
      type: 'renewalApplication',
      month: '2026-11',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('redan en ansökan för november 2026');
    const count = await t.db.db
      .selectFrom('errands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('householdId', '=', file.householdId)
      .where('month', '=', '2026-11')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    // A supplementary application for the same month is allowed.
    const extra = await post(erik, '/errands', {
      householdId: file.householdId,
      type: 'supplementaryApplication',
      month: '2026-11',
    });
    expect(extra.statusCode).toBe(201);
  });

  it('a withdrawn application is closed from investigation', async () => {
    const closed = await post(erik, `/errands/${errandId}/transitions`, {
      to: 'closed',
      note: 'Ansökan återtagen',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().allowedTransitions).toEqual([]);
  });
});

describe('a renewal application (återansökan)', () => {
  it('starts from last month’s items and member facts, and reports what changed', async () => {
    const household = await singleHousehold('20020612-9983', 'Cia');
    const march = (
      await post(erik, '/errands', {
        householdId: household.householdId,
        type: 'newApplication',
        month: '2026-03',
      })
    ).json();
    await post(erik, `/errands/${march.id}/transitions`, { to: 'underInvestigation' });
    await post(erik, `/errands/${march.id}/items`, { kind: 'cost', type: 'housing', amount: 520_000 });
    await post(erik, `/errands/${march.id}/items`, {
      kind: 'income',
      type: 'housingAllowance',
      amount: 100_000,
    });
    const facts = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/errands/${march.id}/members/${household.personId}/facts`,
      headers: as(erik),
      payload: { jobStimulus: true },
    });
    expect(facts.statusCode).toBe(200);

    const april = await post(erik, '/errands', {
      householdId: household.householdId,
      type: 'renewalApplication',
      month: '2026-04',
    });
    expect(april.statusCode).toBe(201);
    const renewal = april.json();
    expect(renewal.items.map((i: { type: string; amount: number }) => [i.type, i.amount])).toEqual([
      ['housing', 520_000],
      ['housingAllowance', 100_000],
    ]);
    expect(renewal.household.members[0].facts.jobStimulus).toBe(true);
    expect(renewal.changes).toMatchObject({ previousMonth: '2026-03', added: [], removed: [], changed: [] });

    await post(erik, `/errands/${renewal.id}/transitions`, { to: 'underInvestigation' });
    const allowance = renewal.items.find((i: { type: string }) => i.type === 'housingAllowance');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/errands/${renewal.id}/items/${allowance.id}`,
      headers: as(erik),
    });
    expect(removed.statusCode).toBe(204);
    await post(erik, `/errands/${renewal.id}/items`, {
      kind: 'cost',
      type: 'housing',
      amount: 10_000,
      note: 'Hyreshöjning',
    });
    await post(erik, `/errands/${renewal.id}/items`, {
      kind: 'income',
      type: 'employment',
      personId: household.personId,
      amount: 300_000,
    });

    const changes = (await get(erik, `/errands/${renewal.id}`)).json().changes;
    expect(changes.changed).toEqual([
      {
        kind: 'cost',
        type: 'housing',
        subtype: null,
        personId: null,
        amount: 530_000,
        previousAmount: 520_000,
      },
    ]);
    expect(changes.added).toEqual([
      { kind: 'income', type: 'employment', subtype: null, personId: household.personId, amount: 300_000 },
    ]);
    expect(changes.removed).toEqual([
      { kind: 'income', type: 'housingAllowance', subtype: null, personId: null, previousAmount: 100_000 },
    ]);

    // Jobbstimulans carried over: a quarter of the salary is not counted (SoL 2025:400 12 kap. 8 §).
    const calc = (await post(erik, `/errands/${renewal.id}/calculations`, {})).json();
    expect(calc.result.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'disregard.jobStimulus',
          amount: 75_000,
          basis: expect.stringContaining('12 kap. 8 §'),
        }),
      ]),
    );
  });
});

describe('the municipality’s guideline set', () => {
  it('warns when a cost goes above its cap, without changing the amount', async () => {
    const household = await singleHousehold('19800404-2464', 'Disa');
    const errand = (
      await post(erik, '/errands', {
        householdId: household.householdId,
        type: 'newApplication',
        month: '2026-11',
      })
    ).json();
    await post(erik, `/errands/${errand.id}/transitions`, { to: 'underInvestigation' });
    await post(erik, `/errands/${errand.id}/items`, {
      kind: 'cost',
      type: 'householdElectricity',
      amount: 500_000,
    });
    const snapshot = (await post(erik, `/errands/${errand.id}/calculations`, {})).json();
    expect(snapshot.result.warnings).toEqual([
      expect.objectContaining({
        code: 'guideline_cap_exceeded',
        costType: 'householdElectricity',
        amount: 500_000,
      }),
    ]);
    expect(snapshot.result.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'cost.householdElectricity', amount: 500_000 }),
      ]),
    );
  });
});
