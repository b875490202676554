import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableChecksums } from '../backup/backup.ts';
import { inTenant } from '../db/database.ts';
import { identityNumber } from '../demo/synthetic.ts';
import { appendJournalEntry, verifyMunicipalityJournal } from '../journal/journal.service.ts';
import { as, buildTestApp, type Login, login, TEST_TODAY, type TestApp } from '../testing.ts';
import { DISPOSAL_TABLES } from './retention.queries.ts';
import { personHash } from './retention.service.ts';

let t: TestApp;
let adam: Login;
let maria: Login;
let erik: Login;
let serial = 500;

type FilePerson = { id: string; pnr: string };

/**
 * A household whose file ended `endedOn`: membership, a paid errand for its last month with a
 * transition, an item, a calculation, a decision with an item, a payment, a journal entry per
 * person and an access-log row per person, everything dated in that month.
 */
async function closedFile(
  municipalityId: string,
  unitId: string,
  endedOn: string,
  birthDates: readonly string[],
): Promise<{ householdId: string; errandId: string; persons: FilePerson[] }> {
  const db = t.db.db;
  const at = new Date(`${endedOn}T09:00:00Z`);
  const month = endedOn.slice(0, 7);
  const staff = await db
    .selectFrom('staffUsers')
    .select('id')
    .where('municipalityId', '=', municipalityId)
    .orderBy('username')
    .executeTakeFirstOrThrow();
  const householdId = randomUUID();
  const errandId = randomUUID();
  const persons: FilePerson[] = birthDates.map((birthDate) => ({
    id: randomUUID(),
    pnr: identityNumber(birthDate, 'female', serial++),
  }));
  await inTenant(db, municipalityId, async (trx) => {
    await trx
      .insertInto('persons')
      .values(
        persons.map((p, i) => ({
          municipalityId,
          id: p.id,
          personalIdentityNumber: p.pnr,
          birthDate: birthDates[i] as string,
          gender: 'female' as const,
          firstName: 'Gallra',
          lastName: `Testsson${i}`,
          unitId,
          responsibleUserId: null,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
    await trx
      .insertInto('households')
      .values({ municipalityId, id: householdId, unitId, createdAt: at })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values(
        persons.map((p, i) => ({
          municipalityId,
          householdId,
          personId: p.id,
          role: i === 0 ? ('applicant' as const) : ('child' as const),
          validFrom: `${endedOn.slice(0, 4)}-01-01`,
          validTo: endedOn,
        })),
      )
      .execute();
    await trx
      .insertInto('errands')
      .values({
        municipalityId,
        id: errandId,
        householdId,
        unitId,
        type: 'renewalApplication',
        month,
        state: 'paid',
        requestedNote: null,
        receivedAt: at,
        createdBy: staff.id,
        updatedAt: at,
      })
      .execute();
    await sql`insert into errand_transitions (municipality_id, errand_id, from_state, to_state, user_id, at)
      values (${municipalityId}, ${errandId}, 'decided', 'paid', ${staff.id}, ${at})`.execute(trx);
    await sql`insert into errand_items (municipality_id, id, errand_id, kind, type, person_id, amount, created_at)
      values (${municipalityId}, ${randomUUID()}, ${errandId}, 'cost', 'rent', ${persons[0]?.id}, 650000, ${at})`.execute(
      trx,
    );
    const calculationId = randomUUID();
    await sql`insert into calculations (municipality_id, id, errand_id, input, result, parameter_set, assistance, created_at)
      values (${municipalityId}, ${calculationId}, ${errandId}, '{}', '{}', 'test', 650000, ${at})`.execute(
      trx,
    );
    const decisionId = randomUUID();
    await sql`insert into decisions (municipality_id, id, errand_id, calculation_id, decided_by, decided_at, reasoning, granted_total)
      values (${municipalityId}, ${decisionId}, ${errandId}, ${calculationId}, ${staff.id}, ${at}, 'Bifall', 650000)`.execute(
      trx,
    );
    await sql`insert into decision_items (municipality_id, decision_id, item_no, description, requested, granted, outcome, reasons, legal_basis)
      values (${municipalityId}, ${decisionId}, 1, 'Försörjningsstöd', 650000, 650000, 'granted', 'Norm', 'SoL 2025:400 12 kap. 1 §')`.execute(
      trx,
    );
    await sql`insert into payments (municipality_id, id, idempotency_key, errand_id, decision_id, month, item, amount, status, legal_basis, created_at)
      values (${municipalityId}, ${randomUUID()}, ${randomUUID()}, ${errandId}, ${decisionId}, ${month}, 'Försörjningsstöd', 650000, 'paid', 'SoL 2025:400 12 kap. 1 §', ${at})`.execute(
      trx,
    );
    for (const p of persons) {
      await appendJournalEntry(trx, {
        municipalityId,
        personId: p.id,
        errandId,
        authorId: staff.id,
        text: 'Beslut om bistånd.',
        writtenAt: at,
      });
      await sql`insert into access_log (municipality_id, at, user_id, person_id, action, route)
        values (${municipalityId}, ${at}, ${staff.id}, ${p.id}, 'read', 'GET /api/v1/persons/:id')`.execute(
        trx,
      );
    }
  });
  return { householdId, errandId, persons };
}

function yearsBefore(today: string, years: number, monthDay = '10-31'): string {
  return `${Number(today.slice(0, 4)) - years}-${monthDay}`;
}

/** Rows that mention the person, in every table with a person_id column, plus the person row. */
async function rowsAbout(personId: string): Promise<Record<string, number>> {
  const tables = await sql<{ table: string }>`
    select table_name as table from information_schema.columns
    where table_schema = 'public' and column_name = 'person_id' order by table_name
  `.execute(t.db.db);
  const counts: Record<string, number> = {};
  for (const { table } of [...tables.rows, { table: 'persons' }]) {
    const column = table === 'persons' ? 'id' : 'person_id';
    const row = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${personId}`.execute(
      t.db.db,
    );
    if ((row.rows[0]?.n ?? 0) > 0) counts[table] = row.rows[0]?.n ?? 0;
  }
  return counts;
}

let sixYearsAgo: Awaited<ReturnType<typeof closedFile>>;
let fourYearsAgo: Awaited<ReturnType<typeof closedFile>>;
let bornOnThe15th: Awaited<ReturnType<typeof closedFile>>;
let sharedWithActive: Awaited<ReturnType<typeof closedFile>>;

beforeAll(async () => {
  t = await buildTestApp();
  adam = await login(t.app, 'adam');
  maria = await login(t.app, 'maria');
  erik = await login(t.app, 'erik');
  // A mother and her child whose file ended six years ago: due (SoL 2025:400 16 kap. 1 §).
  sixYearsAgo = await closedFile('alvstad', 'eb-norr', yearsBefore(TEST_TODAY, 6), [
    '1980-03-12',
    '2010-06-07',
  ]);
  // Ended four years ago: not yet due.
  fourYearsAgo = await closedFile('alvstad', 'eb-norr', yearsBefore(TEST_TODAY, 4), ['1982-04-12']);
  // Ended six years ago, but born on the 15th: kept for research (SoF 2025:468 13 kap. 1 §).
  bornOnThe15th = await closedFile('alvstad', 'eb-syd', yearsBefore(TEST_TODAY, 6), ['1979-05-15']);
  // A couple whose shared file ended six years ago; he has lived in a new household since and
  // his file is active, so their old household (part of his file) stays while she is removed.
  sharedWithActive = await closedFile('alvstad', 'eb-norr', yearsBefore(TEST_TODAY, 6), [
    '1975-02-11',
    '1976-08-09',
  ]);
  await inTenant(t.db.db, 'alvstad', async (trx) => {
    const newHousehold = randomUUID();
    await trx
      .insertInto('households')
      .values({ municipalityId: 'alvstad', id: newHousehold, unitId: 'eb-norr' })
      .execute();
    await trx
      .insertInto('householdMembers')
      .values({
        municipalityId: 'alvstad',
        householdId: newHousehold,
        personId: sharedWithActive.persons[1]?.id as string,
        role: 'applicant',
        validFrom: '2025-01-01',
        validTo: null,
      })
      .execute();
  });
});
afterAll(() => t.close());

async function plan(who: Login = adam) {
  const response = await t.app.inject({ url: '/api/v1/retention/plan', headers: as(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the gallring plan (dry run)', () => {
  it('names, in counts only, the persons whose file ended more than five years ago and what goes with them', async () => {
    const body = await plan();
    expect(body.legalBasis).toBe('SoL 2025:400 16 kap. 1 §');
    expect(body.disposalYears).toBe(5);
    expect(body.personsDue).toBe(3);
    expect(body.rows).toEqual({
      persons: 3,
      household_members: 3,
      households: 1,
      errands: 1,
      errand_transitions: 1,
      errand_items: 1,
      'errand_items (anonymiserade)': 1,
      calculations: 1,
      decisions: 1,
      decision_items: 1,
      payments: 1,
      journal_entries: 3,
      access_log: 3,
    });
    expect(JSON.stringify(body)).not.toContain(sixYearsAgo.persons[0]?.id);
    expect(JSON.stringify(body)).not.toContain('Testsson');
  });

  it('keeps a person born on the 15th for research, saying why', async () => {
    const body = await plan();
    expect(body.keptForResearch).toEqual([
      expect.objectContaining({
        reason: 'forskning (SoF 13 kap. 1 §)',
        detail: 'Född den 15:e i månaden',
        legalBasis: 'SoL 2025:400 16 kap. 4 §; SoF 2025:468 13 kap. 1 §',
        persons: 1,
      }),
    ]);
    expect(body.personsNotYetDue).toBeGreaterThanOrEqual(1);
  });

  it('writes nothing: every table has the same rows and checksum before and after', async () => {
    const before = await tableChecksums(t.db.db);
    await plan();
    await plan(maria);
    expect(await tableChecksums(t.db.db)).toEqual(before);
  });

  it('the unit manager may review the plan; caseworkers may not, and only the system administrator runs it', async () => {
    expect((await plan(maria)).personsDue).toBe(3);
    const asCaseworker = await t.app.inject({ url: '/api/v1/retention/plan', headers: as(erik) });
    expect(asCaseworker.statusCode).toBe(403);
    const { checksum } = await plan();
    const byManager = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: as(maria),
      payload: { planDate: TEST_TODAY, planChecksum: checksum, confirm: true },
    });
    expect(byManager.statusCode).toBe(403);
  });
});

describe('running gallring', () => {
  it('refuses without confirmation, for another day, or when the plan has changed since it was reviewed', async () => {
    const { checksum } = await plan();
    const unconfirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: as(adam),
      payload: { planDate: TEST_TODAY, planChecksum: checksum },
    });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().errors[0].pointer).toBe('/confirm');
    const yesterday = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: as(adam),
      payload: { planDate: '2026-11-22', planChecksum: checksum, confirm: true },
    });
    expect(yesterday.statusCode).toBe(409);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: as(adam),
      payload: { planDate: TEST_TODAY, planChecksum: 'a'.repeat(64), confirm: true },
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toContain('har ändrats');
    expect(await rowsAbout(sixYearsAgo.persons[0]?.id as string)).toHaveProperty('persons', 1);
  });

  it('removes the due persons from every table, keeps the others, and audits counts without personnummer', async () => {
    const removedIds = [...sixYearsAgo.persons, sharedWithActive.persons[0] as FilePerson].map((p) => p.id);
    const otherJournalBefore = await t.db.db
      .selectFrom('journalEntries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('personId', 'not in', removedIds)
      .executeTakeFirstOrThrow();
    const otherAccessBefore = await t.db.db
      .selectFrom('accessLog')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('personId', 'not in', removedIds)
      .executeTakeFirstOrThrow();
    const reviewed = await plan();
    const { checksum } = reviewed;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: as(adam),
      payload: { planDate: TEST_TODAY, planChecksum: checksum, confirm: true },
    });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json();
    expect(run).toMatchObject({ personsPlanned: 3, personsRemoved: 3, personsFailed: 0, failures: [] });
    // Exactly what the reviewed plan said, table by table.
    expect(run.tables).toEqual(reviewed.rows);

    for (const id of removedIds) expect(await rowsAbout(id)).toEqual({});
    const errandRows = await sql<{ n: number }>`
      select (select count(*) from errands where id = ${sixYearsAgo.errandId})
        + (select count(*) from decisions where errand_id = ${sixYearsAgo.errandId})
        + (select count(*) from calculations where errand_id = ${sixYearsAgo.errandId})
        + (select count(*) from households where id = ${sixYearsAgo.householdId}) as n
    `.execute(t.db.db);
    expect(Number(errandRows.rows[0]?.n)).toBe(0);

    // The shared household stays with the active partner's file; her item in it is anonymised.
    const kept = await sql<{ errands: number; decisions: number; items: number }>`
      select (select count(*)::int from errands where id = ${sharedWithActive.errandId}) as errands,
        (select count(*)::int from decisions where errand_id = ${sharedWithActive.errandId}) as decisions,
        (select count(*)::int from errand_items where errand_id = ${sharedWithActive.errandId} and person_id is null) as items
    `.execute(t.db.db);
    expect(kept.rows[0]).toEqual({ errands: 1, decisions: 1, items: 1 });
    expect(await rowsAbout(sharedWithActive.persons[1]?.id as string)).toMatchObject({
      persons: 1,
      household_members: 2,
      journal_entries: 1,
    });

    // Everyone else is untouched: the four-year-old file, the research file, other journals and logs.
    expect(await rowsAbout(fourYearsAgo.persons[0]?.id as string)).toMatchObject({
      persons: 1,
      journal_entries: 1,
      access_log: 1,
    });
    expect(await rowsAbout(bornOnThe15th.persons[0]?.id as string)).toMatchObject({
      persons: 1,
      journal_entries: 1,
    });
    const otherJournalAfter = await t.db.db
      .selectFrom('journalEntries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(otherJournalAfter.n)).toBe(Number(otherJournalBefore.n));
    const otherAccessAfter = await t.db.db
      .selectFrom('accessLog')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The run's own requests (plan, run) log nothing about persons.
    expect(Number(otherAccessAfter.n)).toBe(Number(otherAccessBefore.n));

    // The audit: who and when, a salted hash per person and counts per table, no personnummer.
    const items = await t.db.db
      .selectFrom('retentionRunItems')
      .selectAll()
      .where('runId', '=', run.id)
      .execute();
    expect(items).toHaveLength(3);
    const salt = await t.db.db.selectFrom('retentionSalts').select('salt').executeTakeFirstOrThrow();
    expect(items.map((i) => i.personHash).sort()).toEqual(
      [...sixYearsAgo.persons, sharedWithActive.persons[0] as FilePerson]
        .map((p) => personHash(p.pnr, salt.salt))
        .sort(),
    );
    const audit = JSON.stringify(
      (
        await sql`select r.*, i.* from retention_runs r join retention_run_items i on i.run_id = r.id`.execute(
          t.db.db,
        )
      ).rows,
    );
    for (const person of [...sixYearsAgo.persons, sharedWithActive.persons[0] as FilePerson]) {
      expect(audit).not.toContain(person.pnr);
      expect(audit).not.toContain(person.pnr.slice(2));
      expect(audit).not.toContain(person.id);
    }
    expect(audit).not.toContain('Testsson');

    const runs = await t.app.inject({ url: '/api/v1/retention/runs', headers: as(adam) });
    expect(runs.json().items[0]).toMatchObject({
      id: run.id,
      approvedBy: 'adam',
      personsRemoved: 3,
      tables: expect.objectContaining({ persons: 3, households: 1 }),
    });
    expect((await plan()).personsDue).toBe(0);
    // The journal's hash chain is still whole: the removed entries left tombstones (migration 14).
    expect(await verifyMunicipalityJournal(t.db.db, 'alvstad')).toMatchObject({
      intact: true,
      firstBrokenId: null,
    });
  });
});

describe('research exception by place (SoF 2025:468 13 kap. 1 §)', () => {
  it('keeps every file in a municipality in Gotlands län, whatever the birth day', async () => {
    const db = t.db.db;
    await db
      .insertInto('municipalities')
      .values({ id: 'gotby', name: 'Gotby kommun (fiktiv)', code: '9903', county: 'Gotlands län' })
      .execute();
    await db
      .insertInto('units')
      .values({ municipalityId: 'gotby', id: 'eb', name: 'Ekonomiskt bistånd', kind: 'financialAssistance' })
      .execute();
    const adamRow = await db
      .selectFrom('staffUsers')
      .select('passwordHash')
      .where('username', '=', 'adam')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staffUsers')
      .values({
        municipalityId: 'gotby',
        id: randomUUID(),
        username: 'gunnel',
        name: 'Gunnel Gotby',
        role: 'sysadmin',
        unitId: 'eb',
        passwordHash: adamRow.passwordHash,
      })
      .execute();
    await closedFile('gotby', 'eb', yearsBefore(TEST_TODAY, 7), ['1970-01-03', '1990-02-04']);
    const gunnel = await login(t.app, 'gunnel');
    const body = await plan(gunnel);
    expect(body.personsDue).toBe(0);
    expect(body.keptForResearch).toEqual([
      expect.objectContaining({
        reason: 'forskning (SoF 13 kap. 1 §)',
        detail: 'Alla akter i Gotlands län',
        persons: 2,
      }),
    ]);
  });
});

describe('the disposal mechanism', () => {
  it('covers every table that references a person, a household or an errand (from the catalog)', async () => {
    const refs = await sql<{ table: string; target: string }>`
      select c.conrelid::regclass::text as table, c.confrelid::regclass::text as target
      from pg_constraint c
      where c.contype = 'f' and c.confrelid::regclass::text in
        ('persons', 'households', 'errands', 'decisions', 'calculations', 'benefit_applications', 'journal_entries')
    `.execute(t.db.db);
    const missing = refs.rows
      .filter((r) => !DISPOSAL_TABLES.has(r.table))
      .map((r) => `${r.table} → ${r.target}`);
    expect(missing, 'add these tables to DISPOSAL_STEPS in retention.queries.ts').toEqual([]);
  });

  it('the application role cannot use the retention exception to remove evidence', async () => {
    const attempt = inTenant(t.db.db, 'alvstad', async (trx) => {
      await sql`select set_config('stegvis.retention', 'on', true)`.execute(trx);
      await sql`delete from journal_entries where person_id = ${fourYearsAgo.persons[0]?.id}`.execute(trx);
    });
    await expect(attempt).rejects.toThrow(/append-only/);
    expect(await rowsAbout(fourYearsAgo.persons[0]?.id as string)).toHaveProperty('journal_entries', 1);
  });
});
