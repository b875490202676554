import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';
import { isValidIban } from './iban.ts';
import { paymentDate } from './payment-date.ts';
import { createDecidedErrand, householdsOf, NEW_LAW_BASIS } from './testing-fixtures.ts';
import { findAll, parseXml, textAt } from './xml-check.ts';

let t: TestApp;
let erik: Login;
let maria: Login;
let households: { id: string; applicantId: string }[];
let sydHouseholds: { id: string; applicantId: string }[];

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  maria = await login(t.app, 'maria');
  households = await householdsOf(t.db.db, 'alvstad', 'eb-norr', 20);
  sydHouseholds = await householdsOf(t.db.db, 'alvstad', 'eb-syd');
});
afterAll(async () => t?.close());

let next = 0;
function nextHousehold() {
  const h = households[next++];
  if (!h) throw new Error('out of seeded households');
  return h;
}

function decided(
  householdId: string,
  month: string,
  items: { granted: number; legalBasis?: string }[] | null,
) {
  return createDecidedErrand(t.db.db, {
    municipalityId: 'alvstad',
    householdId,
    month,
    decidedBy: erik.userId,
    items,
  });
}

async function errandState(errandId: string) {
  return inTenant(t.db.db, 'alvstad', async (trx) => {
    const row = await trx
      .selectFrom('errands')
      .select('state')
      .where('id', '=', errandId)
      .executeTakeFirstOrThrow();
    return row.state;
  });
}

async function ledger(month: string) {
  return inTenant(t.db.db, 'alvstad', (trx) =>
    trx
      .selectFrom('payments')
      .select(['id', 'idempotencyKey', 'amount', 'batchId'])
      .where('month', '=', month)
      .execute(),
  );
}

async function waitForBatch(id: string) {
  for (let i = 0; i < 200; i++) {
    const batch = (await t.app.inject({ url: `/api/v1/payment-batches/${id}`, headers: as(maria) })).json();
    if (batch.status !== 'running') return batch;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('batch did not finish');
}

describe('paying one decided errand (reskontran)', () => {
  it('pays each granted decision item once and reports a second attempt as already paid', async () => {
    const household = nextHousehold();
    const { errandId } = await decided(household.id, '2026-11', [{ granted: 812_300 }, { granted: 45_000 }]);

    const first = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(first.statusCode).toBe(201);
    const created = first.json().created;
    expect(created.map((p: { amount: number }) => p.amount)).toEqual([812_300, 45_000]);
    expect(created[0]).toMatchObject({
      idempotencyKey: `${errandId}:2026-11:1`,
      legalBasis: NEW_LAW_BASIS,
      status: 'pending',
    });
    expect(isValidIban(created[0].payeeAccount)).toBe(true);
    expect(await errandState(errandId)).toBe('paid');
    const transitions = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('errandTransitions')
        .select(['fromState', 'toState'])
        .where('errandId', '=', errandId)
        .execute(),
    );
    expect(transitions).toEqual([{ fromState: 'decided', toState: 'paid' }]);

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toEqual([]);
    expect(again.json().alreadyPaid).toHaveLength(2);

    const list = await t.app.inject({ url: `/api/v1/errands/${errandId}/payments`, headers: as(erik) });
    expect(list.json().items).toHaveLength(2);
    const logged = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.selectFrom('accessLog').select('action').where('personId', '=', household.applicantId).execute(),
    );
    expect(logged.map((l) => l.action)).toContain('update');
  });

  it('keeps the legal basis per payment, so a grant under the old law stays under it', async () => {
    const household = nextHousehold();
    const { errandId } = await decided(household.id, '2025-06', [
      { granted: 500_000, legalBasis: 'SoL 2001:453 4 kap. 1 §' },
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(response.json().created[0].legalBasis).toBe('SoL 2001:453 4 kap. 1 §');
  });

  it('refuses to pay an errand without a decision and writes nothing', async () => {
    const household = nextHousehold();
    const { errandId } = await decided(household.id, '2026-11', null);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('inget beslut');
    expect(await errandState(errandId)).toBe('readyForDecision');
    const payments = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.selectFrom('payments').select('id').where('errandId', '=', errandId).execute(),
    );
    expect(payments).toEqual([]);
  });

  it('refuses to pay a decision that grants nothing', async () => {
    const household = nextHousehold();
    const { errandId } = await decided(household.id, '2026-11', [{ granted: 0 }]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('inget belopp');
  });

  it('answers 404 for another unit’s errand and refuses coach, committee and auditor', async () => {
    const { errandId } = await decided(sydHouseholds[0]?.id ?? '', '2026-11', [{ granted: 100_000 }]);
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/payments`,
      headers: as(erik),
    });
    expect(other.statusCode).toBe(404);
    for (const username of ['sara', 'nils', 'rut']) {
      const user = await login(t.app, username);
      const pay = await t.app.inject({
        method: 'POST',
        url: `/api/v1/errands/${errandId}/payments`,
        headers: as(user),
      });
      expect(pay.statusCode, username).toBe(403);
      const batch = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payment-batches',
        headers: as(user),
        payload: { month: '2026-12' },
      });
      expect(batch.statusCode, username).toBe(403);
    }
    // The caseworker decides; releasing the municipality's money is the manager's.
    const byCaseworker = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(erik),
      payload: { month: '2026-12' },
    });
    expect(byCaseworker.statusCode).toBe(403);
  });
});

describe('payment day', () => {
  it('pays on the 25th of the month before, on the Friday before a weekend, before Christmas before the holidays', () => {
    expect(paymentDate('2026-12', 25, '2026-11-01')).toBe('2026-11-25');
    // 25 October 2026 is a Sunday.
    expect(paymentDate('2026-11', 25, '2026-10-01')).toBe('2026-10-23');
    // 24 and 25 December are bank holidays; 23 December 2026 is a Wednesday.
    expect(paymentDate('2027-01', 25, '2026-12-01')).toBe('2026-12-23');
    // 19 June 2026 is midsommarafton.
    expect(paymentDate('2026-07', 19, '2026-06-01')).toBe('2026-06-18');
    // A day already passed: the next banking day.
    expect(paymentDate('2026-11', 25, '2026-11-23')).toBe('2026-11-24');
  });
});

describe('the monthly payment batch', () => {
  const month = '2026-12';
  let batchId: string;
  let errandIds: string[];

  it('pays every decided, unpaid errand of the municipality for the month, once', async () => {
    const norr = [nextHousehold(), nextHousehold(), nextHousehold(), nextHousehold()];
    const syd = sydHouseholds.slice(1, 4);
    errandIds = [];
    for (const [i, h] of [...norr, ...syd].entries()) {
      const { errandId } = await decided(h.id, month, [
        { granted: 700_000 + i * 10_050 },
        { granted: 12_345 },
      ]);
      errandIds.push(errandId);
    }
    // Already paid urgently: not paid again.
    const urgent = nextHousehold();
    const { errandId: paidAlready } = await decided(urgent.id, month, [{ granted: 300_000 }]);
    await t.app.inject({ method: 'POST', url: `/api/v1/errands/${paidAlready}/payments`, headers: as(erik) });
    // Rejected: nothing to pay, stays decided.
    const rejected = nextHousehold();
    const { errandId: rejectedId } = await decided(rejected.id, month, [{ granted: 0 }]);

    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ month, planned: 7, paymentDate: '2026-11-25' });
    batchId = started.json().id;

    const batch = await waitForBatch(batchId);
    const expectedTotal = [...Array(7).keys()].reduce((sum, i) => sum + 700_000 + i * 10_050 + 12_345, 0);
    expect(batch).toMatchObject({
      status: 'completed',
      planned: 7,
      processed: 7,
      payments: 14,
      totalAmount: expectedTotal,
      withoutAccount: 0,
    });
    for (const id of errandIds) expect(await errandState(id)).toBe('paid');
    expect(await errandState(rejectedId)).toBe('decided');
    const moved = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('errandTransitions')
        .select('errandId')
        .where('toState', '=', 'paid')
        .where('errandId', 'in', errandIds)
        .execute(),
    );
    expect(moved).toHaveLength(7);
    const rows = await ledger(month);
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.batchId === batchId)).toHaveLength(14);

    const list = await t.app.inject({ url: '/api/v1/payment-batches', headers: as(erik) });
    expect(list.json().items.map((b: { id: string }) => b.id)).toContain(batchId);
  });

  it('creates no duplicates when the batch is run again, even for errands set back to decided', async () => {
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month },
    });
    expect(again.statusCode).toBe(409);
    expect((await ledger(month)).length).toBe(15);

    // As if a crash had lost the state change but not the payments: the keys still hold.
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.updateTable('errands').set({ state: 'decided' }).where('id', 'in', errandIds.slice(0, 3)).execute(),
    );
    const rerun = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month },
    });
    expect(rerun.statusCode).toBe(202);
    const second = await waitForBatch(rerun.json().id);
    expect(second).toMatchObject({
      status: 'completed',
      planned: 3,
      processed: 3,
      payments: 0,
      totalAmount: 0,
    });
    const rows = await ledger(month);
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(15);
    for (const id of errandIds) expect(await errandState(id)).toBe('paid');
  });

  it('resumes a batch left running by a crashed process under the same id', async () => {
    const resumeMonth = '2027-01';
    const h = nextHousehold();
    await decided(h.id, resumeMonth, [{ granted: 654_321 }]);
    const crashedId = randomUUID();
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .insertInto('paymentBatches')
        .values({
          municipalityId: 'alvstad',
          id: crashedId,
          month: resumeMonth,
          paymentDate: '2026-12-23',
          status: 'running',
          planned: 1,
        })
        .execute(),
    );
    const resumed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month: resumeMonth },
    });
    expect(resumed.statusCode).toBe(202);
    expect(resumed.json().id).toBe(crashedId);
    expect(await waitForBatch(crashedId)).toMatchObject({
      status: 'completed',
      processed: 1,
      totalAmount: 654_321,
    });
  });

  it('writes a well-formed pain.001.001.03 whose count and control sum equal the ledger', async () => {
    const response = await t.app.inject({
      url: `/api/v1/payment-batches/${batchId}/pain001`,
      headers: as(maria),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const doc = parseXml(response.body);
    expect(doc.name).toBe('Document');
    expect(doc.attributes.xmlns).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    const initiation = doc.children[0];
    if (!initiation) throw new Error('empty document');
    const rows = (await ledger(month)).filter((r) => r.batchId === batchId);
    const total = rows.reduce((sum, r) => sum + r.amount, 0);
    const kr = `${Math.trunc(total / 100)}.${String(total % 100).padStart(2, '0')}`;
    expect(textAt(initiation, 'GrpHdr/NbOfTxs')).toBe(String(rows.length));
    expect(textAt(initiation, 'GrpHdr/CtrlSum')).toBe(kr);
    expect(textAt(initiation, 'GrpHdr/MsgId')).toHaveLength(32);
    expect(textAt(initiation, 'GrpHdr/CreDtTm')).toBe('2026-11-23T10:00:00');
    expect(textAt(initiation, 'PmtInf/ReqdExctnDt')).toBe('2026-11-25');
    expect(textAt(initiation, 'PmtInf/Dbtr/Nm')).toBe('Älvstads kommun');
    expect(isValidIban(textAt(initiation, 'PmtInf/DbtrAcct/Id/IBAN'))).toBe(true);

    const transfers = findAll(doc, 'CdtTrfTxInf');
    expect(transfers).toHaveLength(rows.length);
    const endToEnd = transfers.map((tx) => textAt(tx, 'PmtId/EndToEndId'));
    expect(new Set(endToEnd).size).toBe(endToEnd.length);
    expect(endToEnd.sort()).toEqual(rows.map((r) => r.id.replace(/-/g, '')).sort());
    const sum = transfers.reduce((s, tx) => s + Math.round(Number(textAt(tx, 'Amt/InstdAmt')) * 100), 0);
    expect(sum).toBe(total);
    for (const tx of transfers) {
      expect(textAt(tx, 'Amt/InstdAmt')).toMatch(/^\d+\.\d{2}$/);
      expect(findAll(tx, 'InstdAmt')[0]?.attributes.Ccy).toBe('SEK');
      expect(isValidIban(textAt(tx, 'CdtrAcct/Id/IBAN'))).toBe(true);
      expect(textAt(tx, 'Cdtr/Nm').length).toBeGreaterThan(0);
    }
    // The names and accounts left the system: every payee's read is logged.
    const reads = await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .selectFrom('accessLog')
        .select('personId')
        .where('route', '=', 'GET /api/v1/payment-batches/:id/pain001')
        .execute(),
    );
    expect(reads.length).toBe(7);
  });

  it('escapes names in the bank file', async () => {
    const h = nextHousehold();
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx
        .updateTable('persons')
        .set({ lastName: 'Öberg & <Söner> "AB"' })
        .where('id', '=', h.applicantId)
        .execute(),
    );
    await decided(h.id, '2027-02', [{ granted: 100_001 }]);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month: '2027-02' },
    });
    await waitForBatch(started.json().id);
    const xml = (
      await t.app.inject({ url: `/api/v1/payment-batches/${started.json().id}/pain001`, headers: as(maria) })
    ).body;
    const doc = parseXml(xml);
    const [tx] = findAll(doc, 'CdtTrfTxInf');
    if (!tx) throw new Error('no transfer');
    expect(textAt(tx, 'Cdtr/Nm')).toMatch(/Öberg & <Söner> "AB"$/);
    expect(textAt(tx, 'Amt/InstdAmt')).toBe('1000.01');
  });

  it('writes a CSV with BOM, a header row, semicolons and a decimal comma', async () => {
    const response = await t.app.inject({
      url: `/api/v1/payment-batches/${batchId}/csv`,
      headers: as(maria),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Betalnings-id;Mottagare;Konto;Belopp (kr);Betalningsdag;Meddelande');
    expect(lines).toHaveLength(15);
    const amounts = lines.slice(1).map((l) => l.split(';')[3] ?? '');
    for (const a of amounts) expect(a).toMatch(/^\d+,\d{2}$/);
    const total = amounts.reduce((s, a) => s + Math.round(Number(a.replace(',', '.')) * 100), 0);
    const rows = (await ledger(month)).filter((r) => r.batchId === batchId);
    expect(total).toBe(rows.reduce((sum, r) => sum + r.amount, 0));
  });

  it('keeps the other municipality out of the batch and its files', async () => {
    const kim = await login(t.app, 'kim');
    const other = await t.app.inject({ url: `/api/v1/payment-batches/${batchId}`, headers: as(kim) });
    expect(other.statusCode).toBe(404);
  });
});

describe('households without a payout account', () => {
  it('reports them in the batch, refuses the bank file by name, and takes the account once the household has one', async () => {
    const month = '2027-01';
    const household = nextHousehold();
    await inTenant(t.db.db, 'alvstad', (trx) =>
      trx.updateTable('households').set({ payoutAccount: null }).where('id', '=', household.id).execute(),
    );
    await decided(household.id, month, [{ granted: 650_000 }]);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-batches',
      headers: as(maria),
      payload: { month },
    });
    expect(started.statusCode).toBe(202);
    const batch = await waitForBatch(started.json().id);
    expect(batch).toMatchObject({ status: 'completed', payments: 1, withoutAccount: 1 });

    const refused = await t.app.inject({
      url: `/api/v1/payment-batches/${batch.id}/csv`,
      headers: as(maria),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 utbetalningar saknar konto');

    const account = 'SE4550000000058398257466';
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/households/${household.id}`,
      headers: as(erik),
      payload: { payoutAccount: account },
    });
    expect(patched.statusCode).toBe(200);
    const file = await t.app.inject({ url: `/api/v1/payment-batches/${batch.id}/csv`, headers: as(maria) });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(account);
    const after = (
      await t.app.inject({ url: `/api/v1/payment-batches/${batch.id}`, headers: as(maria) })
    ).json();
    expect(after.withoutAccount).toBe(0);
  });
});
