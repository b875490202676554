import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let lina: Login;
let errandId: string;
let applicantId: string;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  lina = await login(t.app, 'lina');
  const person = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: as(erik),
    payload: { personalIdentityNumber: '20020315-2392', firstName: 'Dana', lastName: 'Utredd' },
  });
  applicantId = person.json().id;
  const household = await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: as(erik),
    payload: { applicantPersonId: applicantId, validFrom: '2026-01-01' },
  });
  const errand = await t.app.inject({
    method: 'POST',
    url: '/api/v1/errands',
    headers: as(erik),
    payload: { householdId: household.json().id, type: 'newApplication', month: '2026-11' },
  });
  errandId = errand.json().id;
});
afterAll(() => t.close());

function addItem(payload: object, who = erik) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/errands/${errandId}/items`,
    headers: as(who),
    payload,
  });
}

function upload(content: Buffer, fileName: string, contentType: string, field = 'file') {
  const boundary = '----stegvis-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/errands/${errandId}/attachments`,
    headers: { ...as(erik), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function attachmentCount(): Promise<number> {
  const rows = await t.db.db
    .selectFrom('attachments')
    .select('id')
    .where('errandId', '=', errandId)
    .execute();
  return rows.length;
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

describe('incomes and costs', () => {
  it('are refused before the investigation has started', async () => {
    const early = await addItem({ kind: 'cost', type: 'housing', amount: 500_000 });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Under utredning');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/transitions`,
      headers: as(erik),
      payload: { to: 'underInvestigation' },
    });
  });

  it('use the calculation contract’s types and report every bad field at once', async () => {
    const unknownType = await addItem({ kind: 'income', type: 'lottery', amount: 100 });
    expect(unknownType.statusCode).toBe(422);
    expect(unknownType.json().errors).toEqual([{ pointer: '/type', detail: 'Välj inkomstslag' }]);

    const salaryWithoutPerson = await addItem({ kind: 'income', type: 'employment', amount: 1_100_000 });
    expect(salaryWithoutPerson.statusCode).toBe(422);
    expect(salaryWithoutPerson.json().errors).toEqual([
      { pointer: '/personId', detail: 'Ange vilken person posten gäller' },
    ]);

    const otherCost = await addItem({ kind: 'cost', type: 'otherLivingCost', amount: -5 });
    expect(otherCost.statusCode).toBe(422);
    expect(
      otherCost
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/amount', '/subtype']);

    const noReason = await addItem({ kind: 'normAdjustment', amount: -20_000 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].pointer).toBe('/note');

    const stranger = await addItem({
      kind: 'income',
      type: 'employment',
      personId: '00000000-0000-4000-8000-000000000000',
      amount: 100,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([
      { pointer: '/personId', detail: 'Personen bor inte i hushållet under ärendets månad' },
    ]);

    const items = await t.db.db
      .selectFrom('errandItems')
      .select('id')
      .where('errandId', '=', errandId)
      .execute();
    expect(items).toEqual([]);
  });

  it('stores a salary for a member and a norm adjustment with its reason (SoL 2025:400 12 kap. 7 §)', async () => {
    const salary = await addItem({
      kind: 'income',
      type: 'employment',
      personId: applicantId,
      amount: 1_100_000,
    });
    expect(salary.statusCode).toBe(201);
    expect(salary.json()).toMatchObject({
      kind: 'income',
      type: 'employment',
      personId: applicantId,
      amount: 1_100_000,
    });
    const diet = await addItem({
      kind: 'normAdjustment',
      amount: 40_000,
      note: 'Läkarordinerad specialkost',
    });
    expect(diet.statusCode).toBe(201);
    expect(diet.json()).toMatchObject({
      kind: 'normAdjustment',
      type: 'normAdjustment',
      note: 'Läkarordinerad specialkost',
    });
  });

  it('another unit’s caseworker cannot add to the errand', async () => {
    expect((await addItem({ kind: 'cost', type: 'housing', amount: 1 }, lina)).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  it('refuses a file whose content is not pdf, jpeg or png, even when it claims to be a pdf, and stores nothing', async () => {
    const fake = await upload(Buffer.from('MZ this is an executable'), 'kontoutdrag.pdf', 'application/pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().errors).toEqual([
      { pointer: '/file', detail: 'Filen måste vara PDF, JPEG eller PNG' },
    ]);

    const mislabelled = await upload(PNG, 'hyresavi.pdf', 'application/pdf');
    expect(mislabelled.statusCode).toBe(415);
    expect(mislabelled.json().errors[0]).toEqual({
      pointer: '/file',
      detail: 'Filen sägs vara PDF men innehållet är PNG',
    });
    expect(await attachmentCount()).toBe(0);
  });

  it('refuses a file over 10 MB with 413 and stores nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const response = await upload(big, 'stor.pdf', 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json().errors).toEqual([{ pointer: '/file', detail: 'Filen är större än 10 MB' }]);
    expect(await attachmentCount()).toBe(0);
  });

  it('refuses an empty file, a wrong field and a JSON body, naming the file field', async () => {
    expect((await upload(Buffer.alloc(0), 'tom.pdf', 'application/pdf')).statusCode).toBe(422);
    const wrongField = await upload(PDF, 'a.pdf', 'application/pdf', 'document');
    expect(wrongField.statusCode).toBe(422);
    expect(wrongField.json().errors[0].pointer).toBe('/file');
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/attachments`,
      headers: as(erik),
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(await attachmentCount()).toBe(0);
  });

  it('stores a pdf with its sha256, lists it on the errand and logs the download', async () => {
    const stored = await upload(PDF, 'C:\\Users\\dana\\hyresavi mars.pdf', 'application/pdf');
    expect(stored.statusCode).toBe(201);
    const meta = stored.json();
    expect(meta).toMatchObject({
      fileName: 'hyresavi mars.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.byteLength,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const errand = (await t.app.inject({ url: `/api/v1/errands/${errandId}`, headers: as(erik) })).json();
    expect(errand.attachments.map((a: { id: string }) => a.id)).toEqual([meta.id]);

    const download = await t.app.inject({
      url: `/api/v1/errands/${errandId}/attachments/${meta.id}`,
      headers: as(erik),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const logged = await t.db.db
      .selectFrom('accessLog')
      .select(['action'])
      .where('personId', '=', applicantId)
      .where('route', '=', 'GET /api/v1/errands/:id/attachments/:attachmentId')
      .execute();
    expect(logged).toEqual([{ action: 'read' }]);

    const byLina = await t.app.inject({
      url: `/api/v1/errands/${errandId}/attachments/${meta.id}`,
      headers: as(lina),
    });
    expect(byLina.statusCode).toBe(404);
  });
});

describe('verifications', () => {
  it('records what was checked, where and when, and refuses a date in the future', async () => {
    const future = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/verifications`,
      headers: as(erik),
      payload: {
        kind: 'rentalContract',
        source: 'Hyresvärden',
        checkedOn: '2027-01-01',
        outcome: 'confirmed',
      },
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([
      { pointer: '/checkedOn', detail: 'Kontrolldatumet kan inte ligga i framtiden' },
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/errands/${errandId}/verifications`,
      headers: as(erik),
      payload: {
        kind: 'socialInsuranceBenefits',
        source: 'Försäkringskassan via SSBTEK',
        checkedOn: '2026-11-20',
        outcome: 'missing',
        note: 'Ingen ersättning registrerad',
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: 'socialInsuranceBenefits',
      checkedOn: '2026-11-20',
      outcome: 'missing',
    });
  });
});
