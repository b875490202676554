// The authorization matrix's data columns: every API read about one person, their household or
// their errand, generated from the route table, tried as
//   - the responsible caseworker (must be able to read, so the check is not vacuous),
//   - another caseworker in the same unit (may read, but a protected identity stays masked),
//   - a caseworker in another unit and a caseworker in another municipality (never a 2xx).
// The person has a protected identity (skyddade personuppgifter, OSL 21 kap. 3 §): name,
// address and personal identity number must never reach anyone without need-to-know.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, login, type TestApp } from '../testing.ts';

let t: TestApp;
let fixture: { personId: string; householdId: string; errandId: string; secrets: string[] };
const users = new Map<'petra' | 'erik' | 'lina' | 'kim', Login>();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.db.db;
  // A household of Erik's unit with this month's application; its members get a protected
  // identity and a new responsible caseworker, Petra, in the same unit.
  const chosen = await sql<{ householdId: string; errandId: string; personId: string }>`
    select e.household_id as "householdId", e.id as "errandId", m.person_id as "personId"
    from errands e
    join household_members m on m.municipality_id = e.municipality_id and m.household_id = e.household_id
    where e.unit_id = 'eb-norr' and e.month = '2026-11' and m.role = 'applicant' and m.valid_to is null
    order by e.id limit 1`.execute(db);
  const row = chosen.rows[0];
  if (!row) throw new Error('the demo has no application in eb-norr this month');
  const petraId = randomUUID();
  await sql`
    insert into staff_users (municipality_id, id, username, name, role, unit_id, password_hash, oidc_subject)
    select municipality_id, ${petraId}, 'petra', 'Petra Sund', 'caseworker', unit_id, password_hash, 'petra'
    from staff_users where username = 'erik'`.execute(db);
  await sql`
    update persons set confidentiality_marking = true, responsible_user_id = ${petraId}
    where id in (select person_id from household_members where household_id = ${row.householdId})`.execute(
    db,
  );
  await sql`
    update case_assignments set caseworker_id = ${petraId}, stand_in_id = null
    where household_id = ${row.householdId}`.execute(db);
  const person = await sql<{ name: string; street: string; pnr: string }>`
    select first_name || ' ' || last_name as name, street, personal_identity_number as pnr
    from persons where id = ${row.personId}`.execute(db);
  const p = person.rows[0];
  if (!p) throw new Error('no applicant');
  fixture = { ...row, secrets: [p.name, p.street, p.pnr, p.pnr.replace('-', '')] };
  for (const name of ['petra', 'erik', 'lina', 'kim'] as const) users.set(name, await login(t.app, name));
});
afterAll(() => t.close());

/** The route with this person's ids in place of its parameters, or null if it is not about them. */
function concrete(url: string): string | null {
  const segments = url.split('/');
  let resolved = true;
  const out = segments.map((segment, i) => {
    if (!segment.startsWith(':')) return segment;
    const resource = segment === ':id' ? segments[i - 1] : segment.slice(1);
    if (resource === 'persons' || resource === 'personId') return fixture.personId;
    if (resource === 'households' || resource === 'householdId') return fixture.householdId;
    if (resource === 'errands' || resource === 'errandId') return fixture.errandId;
    resolved = false;
    return segment;
  });
  return resolved ? out.join('/') : null;
}

async function read(user: 'petra' | 'erik' | 'lina' | 'kim', url: string) {
  return t.app.inject({ method: 'GET', url, headers: as(users.get(user) as Login) });
}

describe('authorization matrix: other unit, other municipality, protected identity', () => {
  it('no read about the person answers another unit or municipality, and the protected identity stays masked', async () => {
    const routes = t.app.routeTable
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && r.url.includes(':'))
      .flatMap((r) => {
        const url = concrete(r.url);
        return url ? [{ pattern: r.url, url }] : [];
      });
    const problems: string[] = [];
    const readByPetra: string[] = [];
    const readByErik: string[] = [];
    for (const { pattern, url } of routes) {
      const petra = await read('petra', url);
      if (petra.statusCode >= 500) problems.push(`${pattern} as petra: ${petra.statusCode}`);
      if (petra.statusCode === 200) readByPetra.push(pattern);

      const erik = await read('erik', url);
      if (erik.statusCode >= 500) problems.push(`${pattern} as erik: ${erik.statusCode}`);
      if (erik.statusCode === 200) readByErik.push(pattern);
      for (const secret of fixture.secrets) {
        if (erik.body.includes(secret))
          problems.push(`${pattern} as erik (same unit, not responsible): shows "${secret}"`);
      }
      for (const outsider of ['lina', 'kim'] as const) {
        const response = await read(outsider, url);
        if (![403, 404].includes(response.statusCode))
          problems.push(`${pattern} as ${outsider}: ${response.statusCode}, expected 403 or 404`);
      }
    }
    expect(problems).toEqual([]);
    // The routes really were about the person: the responsible caseworker read them in full.
    expect(readByPetra).toEqual(
      expect.arrayContaining(['/api/v1/persons/:id', '/api/v1/errands/:id', '/api/v1/households/:id']),
    );
    // The same-unit caseworker did get answers, so the masking (not only refusals) was checked.
    expect(readByErik).toEqual(expect.arrayContaining(['/api/v1/persons/:id', '/api/v1/errands/:id']));
    const own = await read('petra', `/api/v1/persons/${fixture.personId}`);
    expect(own.body).toContain(fixture.secrets[0]);
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });
});
