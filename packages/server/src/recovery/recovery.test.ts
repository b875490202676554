import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let maria: Login;
let households: { id: string; applicantId: string }[];
let next = 0;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  maria = await login(t.app, 'maria');
  households = await householdsOf(t.db.db, 'alvstad', 'eb-norr');
});
afterAll(async () => t?.close());

function nextHousehold() {
  const h = households[next++];
  if (!h) throw new Error('out of seeded households');
  return h;
}

/** A decided and paid errand; returns the decision and the month the money was paid. */
async function paidDecision(householdId: string, month: string, granted: number, decidedAt?: Date) {
  const { errandId, decisionId } = await createDecidedErrand(t.db.db, {
    municipalityId: 'alvstad',
    householdId,
    month,
    decidedBy: erik.userId,
    items: [{ granted, legalBasis: decidedAt ? 'SoL 2001:453 4 kap. 1 §' : undefined }],
    ...(decidedAt ? { decidedAt } : {}),
  });
  const paid = await t.app.inject({
    method: 'POST',
    url: `/api/v1/errands/${errandId}/payments`,
    headers: as(erik),
  });
  expect(paid.statusCode).toBe(201);
  return {
    decisionId: decisionId as string,
    paidMonth: (paid.json().created[0].createdAt as string).slice(0, 7),
  };
}

function claim(personId: string, body: Record<string, unknown>, user = erik) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/persons/${personId}/recovery-claims`,
    headers: as(user),
    payload: body,
  });
}

function change(id: string, body: Record<string, unknown>, user = erik) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/v1/recovery-claims/${id}`,
    headers: as(user),
    payload: body,
  });
}

describe('återkrav (SoL 2025:400 33 kap.)', () => {
  it('registers a claim on a paid decision, with the court-action deadline three years from the payment month', async () => {
    const h = nextHousehold();
    const { decisionId, paidMonth } = await paidDecision(h.id, '2026-10', 650_000);
    const response = await claim(h.applicantId, {
      decisionId,
      amount: 200_000,
      reason: 'Lön som inte redovisades i ansökan.',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    expect(response.statusCode).toBe(201);
    const expectedDeadline = `${Number(paidMonth.slice(0, 4)) + 3}-${paidMonth.slice(5, 7)}-01`;
    expect(response.json()).toMatchObject({
      status: 'open',
      amount: 200_000,
      costMonth: paidMonth,
      courtActionDeadline: expectedDeadline,
      deadlinePassed: false,
    });
    expect(response.json().deadlineRule).toContain('33 kap. 5 §');

    const list = await t.app.inject({
      url: `/api/v1/persons/${h.applicantId}/recovery-claims`,
      headers: as(erik),
    });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([response.json().id]);
  });

  it('refuses a claim larger than what was paid under the decision', async () => {
    const h = nextHousehold();
    const { decisionId } = await paidDecision(h.id, '2026-10', 100_000);
    const response = await claim(h.applicantId, {
      decisionId,
      amount: 100_001,
      reason: 'Felaktig utbetalning.',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/amount' })]);
  });

  it('recovers assistance granted before 2025-07-01 under the old law (övergångsbestämmelse p. 5 a)', async () => {
    const h = nextHousehold();
    const { decisionId } = await paidDecision(h.id, '2025-06', 480_000, new Date('2025-05-26T09:00:00Z'));
    const underNewLaw = await claim(h.applicantId, {
      decisionId,
      amount: 480_000,
      reason: 'Förskott på sjukpenning.',
      legalBasis: 'SoL 2025:400 33 kap. 2 §',
    });
    expect(underNewLaw.statusCode).toBe(422);
    expect(underNewLaw.json().errors[0]).toMatchObject({ pointer: '/legalBasis' });
    expect(underNewLaw.json().errors[0].detail).toContain('SoL 2001:453');

    const underOldLaw = await claim(h.applicantId, {
      decisionId,
      amount: 480_000,
      reason: 'Förskott på sjukpenning.',
      legalBasis: 'SoL 2001:453 9 kap. 2 §',
    });
    expect(underOldLaw.statusCode).toBe(201);
    expect(underOldLaw.json().deadlineRule).toContain('SoL 2001:453 9 kap. 3 §');
  });

  it('refuses court action after the three-year limit and allows it before', async () => {
    const h = nextHousehold();
    const old = await claim(h.applicantId, {
      costMonth: '2023-09',
      amount: 150_000,
      reason: 'Dubbel utbetalning.',
      legalBasis: 'SoL 2001:453 9 kap. 1 §',
    });
    expect(old.statusCode).toBe(201);
    expect(old.json()).toMatchObject({ courtActionDeadline: '2026-09-01', deadlinePassed: true });
    const late = await change(old.json().id, { status: 'courtAction' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('2026-09-01');

    const recent = await claim(h.applicantId, {
      costMonth: '2025-08',
      amount: 150_000,
      reason: 'Inkomst som inte redovisades.',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    expect(recent.json()).toMatchObject({ courtActionDeadline: '2028-08-01', deadlinePassed: false });
    const sued = await change(recent.json().id, {
      status: 'courtAction',
      note: 'Ansökan till förvaltningsrätten.',
    });
    expect(sued.statusCode).toBe(200);
    expect(sued.json()).toMatchObject({
      status: 'courtAction',
      statusNote: 'Ansökan till förvaltningsrätten.',
    });
  });

  it('moves through repayment to paid, and a paid claim is final', async () => {
    const h = nextHousehold();
    const created = await claim(h.applicantId, {
      costMonth: '2026-03',
      amount: 90_000,
      reason: 'För mycket utbetalt.',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    const id = created.json().id;
    expect((await change(id, { status: 'repaying', note: 'Avbetalning 500 kr/mån' })).json().status).toBe(
      'repaying',
    );
    expect((await change(id, { status: 'paid' })).json().status).toBe('paid');
    const again = await change(id, { status: 'repaying' });
    expect(again.statusCode).toBe(409);
  });

  it('lets only the unit manager waive a claim (33 kap. 6 §), wholly or partly', async () => {
    const h = nextHousehold();
    const created = await claim(h.applicantId, {
      costMonth: '2026-02',
      amount: 300_000,
      reason: 'För mycket utbetalt.',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    const id = created.json().id;
    const byCaseworker = await change(id, { status: 'waived' });
    expect(byCaseworker.statusCode).toBe(403);
    expect(byCaseworker.json().detail).toContain('33 kap. 6 §');
    const tooMuch = await change(id, { status: 'waived', waivedAmount: 300_001 }, maria);
    expect(tooMuch.statusCode).toBe(422);
    const waived = await change(
      id,
      { status: 'waived', waivedAmount: 100_000, note: 'Synnerliga skäl.' },
      maria,
    );
    expect(waived.json()).toMatchObject({ status: 'waived', waivedAmount: 100_000 });
  });

  it('reports every missing field at once and writes nothing', async () => {
    const h = nextHousehold();
    const response = await claim(h.applicantId, { amount: -5, reason: ' ', legalBasis: '33 kap.' });
    expect(response.statusCode).toBe(422);
    const pointers = response
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(['/amount', '/legalBasis', '/reason']);
    const missingMonth = await claim(h.applicantId, {
      amount: 5000,
      reason: 'x',
      legalBasis: 'SoL 2025:400 33 kap. 1 §',
    });
    expect(missingMonth.json().errors).toEqual([expect.objectContaining({ pointer: '/costMonth' })]);
    const rows = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.selectFrom('recoveryClaims').select('id').where('personId', '=', h.applicantId).execute(),
    );
    expect(rows).toEqual([]);
  });

  it('hides other units’ persons and refuses coach, committee and auditor', async () => {
    const [syd] = await householdsOf(t.db.db, 'alvstad', 'eb-syd');
    const body = { costMonth: '2026-02', amount: 1000, reason: 'x', legalBasis: 'SoL 2025:400 33 kap. 1 §' };
    expect((await claim(syd?.applicantId ?? '', body)).statusCode).toBe(404);
    const h = nextHousehold();
    for (const username of ['sara', 'nils', 'rut']) {
      const user = await login(t.app, username);
      expect((await claim(h.applicantId, body, user)).statusCode, username).toBe(403);
    }
  });
});
