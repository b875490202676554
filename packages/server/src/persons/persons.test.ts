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

const newPerson = {
  personalIdentityNumber: '19850709-9805',
  firstName: 'Åsa',
  lastName: 'Öberg',
  address: { street: 'Älvvägen 3', postalCode: '791 23', city: 'Älvstad' },
};

async function firstPersonOf(who: Login) {
  const list = await t.app.inject({ url: '/api/v1/persons?limit=1', headers: as(who) });
  expect(list.statusCode).toBe(200);
  return list.json().items[0] as { id: string; unit: { id: string } };
}

describe('need-to-know', () => {
  it('a caseworker sees only the persons of their own unit, sorted the Swedish way', async () => {
    const response = await t.app.inject({ url: '/api/v1/persons?limit=200', headers: as(erik) });
    const { items, total } = response.json();
    expect(total).toBeGreaterThan(10);
    expect(items.every((p: { unit: { id: string } }) => p.unit.id === 'eb-norr')).toBe(true);
    const surnames = items
      .filter((p: { protectedIdentity: boolean }) => !p.protectedIdentity)
      .map((p: { name: string }) => p.name.split(' ').at(-1));
    expect(surnames).toEqual([...surnames].sort(new Intl.Collator('sv').compare));
  });

  it('a caseworker of another unit gets 404 for the person, as if it did not exist', async () => {
    const person = await firstPersonOf(erik);
    const response = await t.app.inject({ url: `/api/v1/persons/${person.id}`, headers: as(lina) });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('the nämnd, the auditor and the system administrator never reach person data', async () => {
    for (const username of ['nils', 'rut', 'adam']) {
      const who = await login(t.app, username);
      const response = await t.app.inject({ url: '/api/v1/persons', headers: as(who) });
      expect(response.statusCode, username).toBe(403);
    }
  });

  it('a coach sees only the participants whose referral they accepted (the demo has three)', async () => {
    const sara = await login(t.app, 'sara');
    const response = await t.app.inject({ url: '/api/v1/persons', headers: as(sara) });
    const accepted = await t.db.db
      .selectFrom('referrals')
      .select('personId')
      .where('coachId', '=', sara.userId)
      .where('status', '=', 'accepted')
      .execute();
    expect(accepted).toHaveLength(3);
    expect(
      response
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(accepted.map((r) => r.personId).sort());
  });
});

describe('registering a person', () => {
  it('refuses a personnummer with a wrong checksum, naming the field, and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: { ...newPerson, personalIdentityNumber: '19850709-9806' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { pointer: '/personalIdentityNumber', detail: expect.stringContaining('giltigt personnummer') },
    ]);
    const search = await t.app.inject({ url: '/api/v1/persons?search=Öberg', headers: as(erik) });
    expect(search.json().items.filter((p: { name: string }) => p.name === 'Åsa Öberg')).toEqual([]);
  });

  it('reports every bad field at once, including unknown ones', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: {
        personalIdentityNumber: '',
        firstName: 42,
        lastName: 'X',
        address: { street: 'A 1', postalCode: '12', city: 'B' },
        shoeSize: 44,
      },
    });
    expect(response.statusCode).toBe(422);
    const pointers = response
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(['/address/postalCode', '/firstName', '/personalIdentityNumber', '/shoeSize']);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { ...as(erik), 'content-type': 'application/json' },
      payload: '{"firstName": "Å',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { ...as(erik), 'content-type': 'application/json' },
      payload: JSON.stringify({ ...newPerson, firstName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('registers a valid person in the caseworker’s unit and refuses the same personnummer twice', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: newPerson,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      personalIdentityNumber: '19850709-9805',
      name: 'Åsa Öberg',
      birthDate: '1985-07-09',
      unit: { id: 'eb-norr' },
      masked: false,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: newPerson,
    });
    expect(again.statusCode).toBe(409);
  });

  it('accepts a samordningsnummer', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: { ...newPerson, personalIdentityNumber: '701063-2391', firstName: 'Ivan' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().birthDate).toBe('1970-10-03');
  });
});

describe('protected identity (skyddade personuppgifter)', () => {
  it('masks name and address from a caseworker who is not responsible, but not from the unit manager', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(maria),
      payload: {
        ...newPerson,
        personalIdentityNumber: '19900101-0017',
        firstName: 'Dold',
        protectedIdentity: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;

    const seenByErik = (await t.app.inject({ url: `/api/v1/persons/${id}`, headers: as(erik) })).json();
    expect(seenByErik).toMatchObject({
      name: 'Skyddad identitet',
      firstName: null,
      address: null,
      masked: true,
      personalIdentityNumber: '19900101-****',
    });
    expect(JSON.stringify(seenByErik)).not.toContain('Älvvägen');

    const byName = await t.app.inject({ url: '/api/v1/persons?search=Dold', headers: as(erik) });
    expect(byName.json().items).toEqual([]);

    const seenByManager = (await t.app.inject({ url: `/api/v1/persons/${id}`, headers: as(maria) })).json();
    expect(seenByManager).toMatchObject({
      name: 'Dold Öberg',
      masked: false,
      address: { street: 'Älvvägen 3' },
    });

    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${id}`,
      headers: as(erik),
      payload: { firstName: 'X' },
    });
    expect(change.statusCode).toBe(403);
  });
});
