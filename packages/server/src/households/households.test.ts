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

async function post(who: Login, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
}
async function person(
  who: Login,
  personalIdentityNumber: string,
  firstName: string,
  protectedIdentity = false,
) {
  const response = await post(who, '/persons', {
    personalIdentityNumber,
    firstName,
    lastName: 'Hushållsson',
    protectedIdentity,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe('the household register', () => {
  it('lists the own unit’s households with this month’s members, and logs every person shown', async () => {
    const response = await t.app.inject({ url: '/api/v1/households?limit=200', headers: as(erik) });
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json();
    expect(total).toBeGreaterThan(5);
    expect(items.every((h: { unit: { id: string } }) => h.unit.id === 'eb-norr')).toBe(true);
    expect(items.every((h: { month: string }) => h.month === '2026-11')).toBe(true);
    const shown = items.flatMap((h: { members: { personId: string }[] }) => h.members.map((m) => m.personId));
    expect(shown.length).toBeGreaterThan(0);
    const logged = await t.db.db
      .selectFrom('accessLog')
      .select('personId')
      .where('route', '=', 'GET /api/v1/households')
      .execute();
    expect(new Set(logged.map((r) => r.personId))).toEqual(new Set(shown));
  });

  it('keeps who lived there from when to when, and refuses a second applicant or a person living elsewhere', async () => {
    const parent = await person(erik, '19880808-3458', 'Elin');
    const teen = await person(erik, '20070510-1236', 'Filip');
    const household = (
      await post(erik, '/households', { applicantPersonId: parent, validFrom: '2026-01-01' })
    ).json();
    expect(household.members).toMatchObject([{ personId: parent, role: 'applicant', validTo: null }]);

    const added = await post(erik, `/households/${household.id}/members`, {
      personId: teen,
      role: 'child',
      validFrom: '2026-02-01',
    });
    expect(added.statusCode).toBe(201);

    const secondApplicant = await post(erik, `/households/${household.id}/members`, {
      personId: await person(erik, '19900202-5675', 'Gun'),
      role: 'applicant',
      validFrom: '2026-02-01',
    });
    expect(secondApplicant.statusCode).toBe(409);
    expect(secondApplicant.json().errors[0].pointer).toBe('/role');

    const elsewhere = await post(erik, '/households', { applicantPersonId: teen, validFrom: '2026-03-01' });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().errors[0]).toMatchObject({ pointer: '/applicantPersonId' });

    const badEnd = await post(erik, `/households/${household.id}/members/${teen}/end`, {
      validTo: '2026-01-15',
    });
    expect(badEnd.statusCode).toBe(422);
    const ended = await post(erik, `/households/${household.id}/members/${teen}/end`, {
      validTo: '2026-09-30',
    });
    expect(ended.statusCode).toBe(200);

    const october = await t.app.inject({
      url: `/api/v1/households/${household.id}?month=2026-10`,
      headers: as(erik),
    });
    expect(october.json().members.map((m: { personId: string }) => m.personId)).toEqual([parent]);
    const september = await t.app.inject({
      url: `/api/v1/households/${household.id}?month=2026-09`,
      headers: as(erik),
    });
    expect(september.json().members.map((m: { role: string }) => m.role)).toEqual(['applicant', 'child']);
    expect(october.json().history).toMatchObject([
      { personId: parent, validFrom: '2026-01-01', validTo: null },
      { personId: teen, validFrom: '2026-02-01', validTo: '2026-09-30' },
    ]);

    expect(
      (await t.app.inject({ url: `/api/v1/households/${household.id}`, headers: as(lina) })).statusCode,
    ).toBe(404);
  });

  it('masks a protected member’s name for a caseworker who is not responsible', async () => {
    const hidden = await person(maria, '20150505-2249', 'Hemlig', true);
    const applicant = await person(maria, '19500101-1245', 'Ingrid');
    const household = (
      await post(maria, '/households', { applicantPersonId: applicant, validFrom: '2026-01-01' })
    ).json();
    await post(maria, `/households/${household.id}/members`, {
      personId: hidden,
      role: 'child',
      validFrom: '2026-01-01',
    });
    const seenByErik = (
      await t.app.inject({ url: `/api/v1/households/${household.id}`, headers: as(erik) })
    ).json();
    const child = seenByErik.members.find((m: { personId: string }) => m.personId === hidden);
    expect(child.person).toMatchObject({
      name: 'Skyddad identitet',
      personalIdentityNumber: '20150505-****',
    });
    expect(JSON.stringify(seenByErik)).not.toContain('Hemlig');
  });
});

describe('calculation from the household', () => {
  it('names the 19-year-old whose schooling is missing, then calculates once it is recorded', async () => {
    const parent = await person(erik, '19500202-0013', 'Jonas');
    const youth = await person(erik, '20070510-1244', 'Kim');
    const household = (
      await post(erik, '/households', { applicantPersonId: parent, validFrom: '2026-01-01' })
    ).json();
    await post(erik, `/households/${household.id}/members`, {
      personId: youth,
      role: 'child',
      validFrom: '2026-01-01',
    });
    const errand = (
      await post(erik, '/errands', { householdId: household.id, type: 'newApplication', month: '2026-11' })
    ).json();
    await post(erik, `/errands/${errand.id}/transitions`, { to: 'underInvestigation' });

    const refused = await post(erik, `/errands/${errand.id}/calculations`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        pointer: `/members/${youth}/inSchool`,
        detail: expect.stringMatching(/^Kim Hushållsson: .*gymnasieskola/),
      },
    ]);
    const stored = await t.db.db
      .selectFrom('calculations')
      .select('id')
      .where('errandId', '=', errand.id)
      .execute();
    expect(stored).toEqual([]);

    const facts = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/errands/${errand.id}/members/${youth}/facts`,
      headers: as(erik),
      payload: { inSchool: true },
    });
    expect(facts.statusCode).toBe(200);
    const adultFlag = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/errands/${errand.id}/members/${parent}/facts`,
      headers: as(erik),
      payload: { inSchool: true },
    });
    expect(adultFlag.statusCode).toBe(422);

    const calculated = await post(erik, `/errands/${errand.id}/calculations`, {});
    expect(calculated.statusCode).toBe(201);
    expect(calculated.json().result.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'norm.personal.child', memberIds: [youth] })]),
    );
  });

  it('shares the common household costs when the household shares its dwelling (SoF 2025:468 12 kap. 3 § andra stycket)', async () => {
    const lodger = await person(erik, '19500303-1282', 'Lo');
    const household = (
      await post(erik, '/households', { applicantPersonId: lodger, validFrom: '2026-01-01' })
    ).json();
    const errand = (
      await post(erik, '/errands', { householdId: household.id, type: 'newApplication', month: '2026-11' })
    ).json();
    await post(erik, `/errands/${errand.id}/transitions`, { to: 'underInvestigation' });
    const alone = (await post(erik, `/errands/${errand.id}/calculations`, {})).json();
    const commonAlone = alone.result.lines.find((l: { code: string }) => l.code === 'norm.common');

    const shared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/households/${household.id}`,
      headers: as(erik),
      payload: { sharedHouseholdSize: 2 },
    });
    expect(shared.statusCode).toBe(200);
    expect(shared.json().sharedHouseholdSize).toBe(2);
    const together = (await post(erik, `/errands/${errand.id}/calculations`, {})).json();
    const commonShared = together.result.lines.find((l: { code: string }) => l.code === 'norm.common');
    expect(commonShared.sharedHouseholdSize).toBe(2);
    expect(commonShared.amount).toBeLessThan(commonAlone.amount);
    expect(together.assistance).toBe(alone.assistance - commonAlone.amount + commonShared.amount);
  });
});

describe('the payout account', () => {
  it('sets the payout account (utbetalningskonto) as a checked Swedish IBAN, logs it, and names the field on bad input', async () => {
    const owner = await person(erik, '19760412-1231', 'Kontot');
    const household = (
      await post(erik, '/households', { applicantPersonId: owner, validFrom: '2026-01-01' })
    ).json();
    expect(household.payoutAccount).toBeNull();
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/households/${household.id}`,
        headers: as(erik),
        payload,
      });

    const saved = await patch({ payoutAccount: 'se45 5000 0000 0583 9825 7466' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().payoutAccount).toBe('SE4550000000058398257466');
    // The shared dwelling is untouched by a patch that only sets the account.
    expect(saved.json().sharedHouseholdSize).toBeNull();
    const logged = await t.db.db
      .selectFrom('accessLog')
      .select(['personId', 'action'])
      .where('route', '=', 'PATCH /api/v1/households/:id')
      .where('personId', '=', owner)
      .execute();
    expect(logged).toEqual([{ personId: owner, action: 'update' }]);

    const wrongCheck = await patch({ payoutAccount: 'SE4550000000058398257467' });
    expect(wrongCheck.statusCode).toBe(422);
    expect(wrongCheck.json().errors[0]).toMatchObject({
      pointer: '/payoutAccount',
      detail: expect.stringContaining('Kontrollsiffrorna'),
    });
    const notSwedish = await patch({ payoutAccount: 'DE89370400440532013000' });
    expect(notSwedish.statusCode).toBe(422);
    expect(notSwedish.json().errors[0]).toMatchObject({
      pointer: '/payoutAccount',
      detail: expect.stringContaining('svenskt IBAN'),
    });

    const read = await t.app.inject({ url: `/api/v1/households/${household.id}`, headers: as(erik) });
    expect(read.json().payoutAccount).toBe('SE4550000000058398257466');
    const cleared = await patch({ payoutAccount: null });
    expect(cleared.json().payoutAccount).toBeNull();

    const otherUnit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/households/${household.id}`,
      headers: as(lina),
      payload: { payoutAccount: 'SE4550000000058398257466' },
    });
    expect(otherUnit.statusCode).toBe(404);
  });
});
