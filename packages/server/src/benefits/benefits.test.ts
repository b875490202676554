import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecidedErrand, householdsOf } from '../payments/testing-fixtures.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let households: { id: string; applicantId: string }[];

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  households = await householdsOf(t.db.db, 'alvstad', 'eb-norr');
});
afterAll(async () => t?.close());

/** Assistance decided and paid for the household's month, item by item (öre). */
async function paid(householdId: string, month: string, items: number[]) {
  const { errandId } = await createDecidedErrand(t.db.db, {
    municipalityId: 'alvstad',
    householdId,
    month,
    decidedBy: erik.userId,
    items: items.map((granted) => ({ granted })),
  });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/errands/${errandId}/payments`,
    headers: as(erik),
  });
  expect(response.statusCode).toBe(201);
}

function post(url: string, payload?: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: as(erik),
    ...(payload ? { payload } : {}),
  });
}

function patch(url: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: as(erik), payload });
}

describe('the Johanssons: assistance while the sickness benefit is pending, then återsökning', () => {
  it('claims from Försäkringskassan the assistance paid for the months the retroactive benefit covers', async () => {
    const [johansson] = households;
    if (!johansson) throw new Error('no household');
    const per = johansson.applicantId;

    // Per applies for sjukpenning in July; assistance is paid for August–October while waiting.
    const applied = await post(`/persons/${per}/benefit-applications`, {
      agency: 'socialInsuranceAgency',
      benefit: 'Sjukpenning',
      appliedOn: '2026-07-20',
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'pending', reimbursementClaim: null });
    const id = applied.json().id;
    await paid(johansson.id, '2026-08', [800_000]);
    await paid(johansson.id, '2026-09', [800_000, 50_000]);
    await paid(johansson.id, '2026-10', [700_000]);

    const tooEarly = await post(`/benefit-applications/${id}/reimbursement-claims`);
    expect(tooEarly.statusCode).toBe(409);

    // Försäkringskassan grants 27 000 kr retroactively for July–October.
    const granted = await patch(`/benefit-applications/${id}`, {
      status: 'granted',
      decidedOn: '2026-11-10',
      retroactiveAmount: 2_700_000,
      retroactiveMonths: ['2026-10', '2026-07', '2026-08', '2026-09'],
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().retroactiveMonths).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);

    // 8 000 + 8 500 + 7 000 kr were paid; the lesser of that and 27 000 kr is claimed.
    const claim = await post(`/benefit-applications/${id}/reimbursement-claims`);
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toMatchObject({
      amount: 2_350_000,
      assistancePaid: 2_350_000,
      retroactiveAmount: 2_700_000,
      months: ['2026-08', '2026-09', '2026-10'],
      perMonth: [
        { month: '2026-07', assistancePaid: 0 },
        { month: '2026-08', assistancePaid: 800_000 },
        { month: '2026-09', assistancePaid: 850_000 },
        { month: '2026-10', assistancePaid: 700_000 },
      ],
    });
    expect(claim.json().legalBasis).toContain('107 kap. 5 §');

    const twice = await post(`/benefit-applications/${id}/reimbursement-claims`);
    expect(twice.statusCode).toBe(409);

    const list = await t.app.inject({
      url: `/api/v1/persons/${per}/benefit-applications`,
      headers: as(erik),
    });
    expect(list.json().items[0].reimbursementClaim).toMatchObject({ amount: 2_350_000 });
  });

  it('claims no more than the retroactive benefit when it is smaller than the assistance', async () => {
    const household = households[1];
    if (!household) throw new Error('no household');
    await paid(household.id, '2026-10', [900_000]);
    const applied = await post(`/persons/${household.applicantId}/benefit-applications`, {
      agency: 'unemploymentFund',
      benefit: 'Arbetslöshetsersättning',
      appliedOn: '2026-09-28',
    });
    const id = applied.json().id;
    await patch(`/benefit-applications/${id}`, {
      status: 'granted',
      decidedOn: '2026-11-02',
      retroactiveAmount: 400_000,
      retroactiveMonths: ['2026-10'],
    });
    const claim = await post(`/benefit-applications/${id}/reimbursement-claims`);
    expect(claim.json()).toMatchObject({ amount: 400_000, assistancePaid: 900_000, months: ['2026-10'] });
  });

  it('has nothing to claim when no assistance was paid for the months', async () => {
    const household = households[2];
    if (!household) throw new Error('no household');
    const applied = await post(`/persons/${household.applicantId}/benefit-applications`, {
      agency: 'socialInsuranceAgency',
      benefit: 'Sjukersättning',
      appliedOn: '2026-05-01',
    });
    const id = applied.json().id;
    await patch(`/benefit-applications/${id}`, {
      status: 'granted',
      decidedOn: '2026-06-15',
      retroactiveAmount: 1_000_000,
      retroactiveMonths: ['2026-05'],
    });
    const claim = await post(`/benefit-applications/${id}/reimbursement-claims`);
    expect(claim.statusCode).toBe(409);
    expect(claim.json().detail).toContain('Inget ekonomiskt bistånd');
  });

  it('checks the agency’s decision and reports every field at once', async () => {
    const household = households[3];
    if (!household) throw new Error('no household');
    const invalid = await post(`/persons/${household.applicantId}/benefit-applications`, {
      agency: 'bank',
      benefit: '',
      appliedOn: '2026-13-01',
    });
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/agency', '/appliedOn', '/benefit']);
    const applied = await post(`/persons/${household.applicantId}/benefit-applications`, {
      agency: 'socialInsuranceAgency',
      benefit: 'Sjukpenning',
      appliedOn: '2026-10-01',
    });
    const id = applied.json().id;
    const beforeApplied = await patch(`/benefit-applications/${id}`, {
      status: 'granted',
      decidedOn: '2026-09-01',
      retroactiveAmount: 100,
      retroactiveMonths: ['2026-10'],
    });
    expect(beforeApplied.statusCode).toBe(422);
    expect(beforeApplied.json().errors[0].pointer).toBe('/decidedOn');
    const noMonths = await patch(`/benefit-applications/${id}`, {
      status: 'granted',
      decidedOn: '2026-11-01',
      retroactiveAmount: 100,
      retroactiveMonths: [],
    });
    expect(noMonths.statusCode).toBe(422);
    const rejected = await patch(`/benefit-applications/${id}`, {
      status: 'rejected',
      decidedOn: '2026-11-01',
    });
    expect(rejected.json().status).toBe('rejected');
    const again = await patch(`/benefit-applications/${id}`, { status: 'rejected', decidedOn: '2026-11-01' });
    expect(again.statusCode).toBe(409);
  });

  it('hides other units’ persons and refuses coach, committee and auditor', async () => {
    const [syd] = await householdsOf(t.db.db, 'alvstad', 'eb-syd');
    const body = { agency: 'socialInsuranceAgency', benefit: 'Sjukpenning', appliedOn: '2026-10-01' };
    expect((await post(`/persons/${syd?.applicantId}/benefit-applications`, body)).statusCode).toBe(404);
    for (const username of ['sara', 'nils', 'rut']) {
      const user = await login(t.app, username);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${households[4]?.applicantId}/benefit-applications`,
        headers: as(user),
        payload: body,
      });
      expect(response.statusCode, username).toBe(403);
    }
  });
});
