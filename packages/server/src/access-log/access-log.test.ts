// Every read or change of a person's data through the API leaves an access-log row in the
// same transaction (Lag 2001:454 10 §), and a unit manager can search it (loggutdrag).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let maria: Login;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  maria = await login(t.app, 'maria');
});
afterAll(() => t.close());

async function logRows(personId: string) {
  return inTenant(t.db.db, 'alvstad', (trx) =>
    trx
      .selectFrom('accessLog')
      .select(['userId', 'personId', 'action', 'route'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
  );
}

describe('access log for every person-data route', () => {
  let personId: string;

  it('POST /persons logs a create', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: as(erik),
      payload: {
        personalIdentityNumber: '19811224-0109',
        firstName: 'Logg',
        lastName: 'Test',
        address: null,
      },
    });
    expect(created.statusCode).toBe(201);
    personId = created.json().id;
    expect(await logRows(personId)).toEqual([
      { userId: erik.userId, personId, action: 'create', route: 'POST /api/v1/persons' },
    ]);
  });

  it('GET /persons/:id logs a read', async () => {
    await t.app.inject({ url: `/api/v1/persons/${personId}`, headers: as(erik) });
    expect((await logRows(personId)).at(-1)).toEqual({
      userId: erik.userId,
      personId,
      action: 'read',
      route: 'GET /api/v1/persons/:id',
    });
  });

  it('GET /persons logs a search row for each person shown', async () => {
    const list = await t.app.inject({ url: '/api/v1/persons?search=Logg', headers: as(erik) });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect((await logRows(personId)).at(-1)).toMatchObject({
      action: 'search',
      route: 'GET /api/v1/persons',
    });
  });

  it('PATCH /persons/:id logs an update', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${personId}`,
      headers: as(erik),
      payload: { lastName: 'Testsson' },
    });
    expect((await logRows(personId)).at(-1)).toMatchObject({
      action: 'update',
      route: 'PATCH /api/v1/persons/:id',
    });
  });

  it('a refused request logs nothing and changes nothing', async () => {
    const before = (await logRows(personId)).length;
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${personId}`,
      headers: as(erik),
      payload: { lastName: '' },
    });
    expect(refused.statusCode).toBe(422);
    expect((await logRows(personId)).length).toBe(before);
  });

  it('the unit manager finds the reads by person and by user (loggutdrag)', async () => {
    const byPerson = await t.app.inject({
      url: `/api/v1/access-log?personId=${personId}`,
      headers: as(maria),
    });
    expect(byPerson.statusCode).toBe(200);
    const actions = byPerson.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(['update', 'search', 'read', 'create']);
    expect(byPerson.json().items[0]).toMatchObject({
      user: { id: erik.userId, name: 'Erik Lund' },
      person: { id: personId, name: 'Logg Testsson' },
    });

    const byUser = await t.app.inject({
      url: `/api/v1/access-log?userId=${erik.userId}&from=2000-01-01&to=2100-12-31&limit=1000`,
      headers: as(maria),
    });
    expect(byUser.json().items.every((i: { user: { id: string } }) => i.user.id === erik.userId)).toBe(true);
    expect(byUser.json().items.length).toBeGreaterThanOrEqual(4);
  });

  it('only a unit manager may take out a log extract', async () => {
    const response = await t.app.inject({ url: '/api/v1/access-log', headers: as(erik) });
    expect(response.statusCode).toBe(403);
  });

  it('the log cannot be changed or deleted, even by the database owner', async () => {
    await expect(sql`update access_log set action = 'read'`.execute(t.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from access_log`.execute(t.db.db)).rejects.toThrow(/append-only/);
  });
});
