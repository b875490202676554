// The monthly statistics file sums what was paid out for the month it reports: without an index
// on the month that was a scan of every payment in the municipality's history (0.9 million rows
// at 20,000 households × 60 months, 150–230 ms of the file's time).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, 'create index payments_month on payments (municipality_id, month);');
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'drop index payments_month;');
}
