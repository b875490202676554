// Tenant isolation: a user of one municipality cannot read or change another's person data,
// not even with a guessed id — enforced by PostgreSQL row-level security, not only by the API.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/database.ts';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let erik: Login;
let kim: Login;
let alvstadPersonId: string;

beforeAll(async () => {
  t = await buildTestApp();
  erik = await login(t.app, 'erik');
  kim = await login(t.app, 'kim');
  const list = await t.app.inject({ url: '/api/v1/persons?limit=1', headers: as(erik) });
  alvstadPersonId = list.json().items[0].id;
});
afterAll(() => t.close());

describe('through the API', () => {
  it('a Sjöby caseworker gets 404 for an Älvstad person id, and cannot change it', async () => {
    const read = await t.app.inject({ url: `/api/v1/persons/${alvstadPersonId}`, headers: as(kim) });
    expect(read.statusCode).toBe(404);
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${alvstadPersonId}`,
      headers: as(kim),
      payload: { firstName: 'Kapad' },
    });
    expect(change.statusCode).toBe(404);
    const again = await t.app.inject({ url: `/api/v1/persons/${alvstadPersonId}`, headers: as(erik) });
    expect(again.json().firstName).not.toBe('Kapad');
  });

  it('lists only Sjöby persons to a Sjöby caseworker', async () => {
    const list = await t.app.inject({ url: '/api/v1/persons?limit=200', headers: as(kim) });
    expect(list.json().total).toBeGreaterThan(0);
    expect(list.json().items.some((p: { id: string }) => p.id === alvstadPersonId)).toBe(false);
  });
});

describe('in the database (row-level security)', () => {
  it('hides other municipalities’ rows even from a query without a municipality filter', async () => {
    const seen = await inTenant(t.db.db, 'sjoby', (trx) =>
      trx.selectFrom('persons').select(['id', 'municipalityId']).execute(),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.municipalityId === 'sjoby')).toBe(true);
    const guessed = await inTenant(t.db.db, 'sjoby', (trx) =>
      trx.selectFrom('persons').select('id').where('id', '=', alvstadPersonId).execute(),
    );
    expect(guessed).toEqual([]);
  });

  it('updates and deletes nothing across the boundary', async () => {
    const updated = await inTenant(t.db.db, 'sjoby', (trx) =>
      trx
        .updateTable('persons')
        .set({ firstName: 'Kapad' })
        .where('id', '=', alvstadPersonId)
        .executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const count = await inTenant(t.db.db, 'sjoby', (trx) =>
      trx
        .selectFrom('accessLog')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('municipalityId', '=', 'alvstad')
        .executeTakeFirstOrThrow(),
    );
    expect(count.n).toBe(0);
  });

  it('refuses to write a row for another municipality', async () => {
    await expect(
      inTenant(t.db.db, 'sjoby', (trx) =>
        trx
          .insertInto('households')
          .values({ municipalityId: 'alvstad', id: crypto.randomUUID(), unitId: 'eb-norr' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to touch person data when no municipality is set', async () => {
    const rows = await t.db.db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'stegvis_app', true)`.execute(trx);
      return trx.selectFrom('persons').select('id').execute();
    });
    expect(rows).toEqual([]);
  });
});
