// The demo is the same on every start: the same households get errands, plans and history,
// so a browser test that picks "the first household in Erik's queue" always meets the same family.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { seedDemo } from './seed.ts';

const OPTIONS = { households: 30, months: 6, seed: 3, today: '2026-11-23', history: true };

async function fingerprint() {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, OPTIONS);
    // The seed's own tables, read as the database owner (no tenant): ids, who and what.
    const rows = async (query: ReturnType<typeof sql>) => (await query.execute(handle.db)).rows;
    return {
      persons: await rows(sql`select id, personal_identity_number, first_name from persons order by id`),
      errands: await rows(sql`select id, household_id, month, state, type from errands order by id`),
      decisions: await rows(sql`select id, errand_id, granted_total from decisions order by id`),
      plans: await rows(sql`select id, person_id from plans order by id`),
      referrals: await rows(sql`select id, person_id from referrals order by id`),
    };
  } finally {
    await handle.close();
  }
}

describe('the demo seed', () => {
  it('gives the same people, errands, decisions and plans on every run', async () => {
    const first = await fingerprint();
    const second = await fingerprint();
    expect(first.errands.length).toBeGreaterThan(0);
    expect(first.decisions.length).toBeGreaterThan(0);
    expect(first.plans.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  }, 120_000);
});
