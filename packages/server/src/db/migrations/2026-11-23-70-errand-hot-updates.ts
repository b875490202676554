// Errands change state several times a month (received → … → decided → paid). With `state` in
// two indexes every change wrote a new entry in all five of the table's indexes; the monthly
// run moves 20,000 errands twice. The queue is read by unit, newest first, and the payment run
// by month, so those are the indexes; with no index on `state` and free room left on each page,
// PostgreSQL updates the row in place (a HOT update) without touching any index.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop index errands_unit_state;
    drop index errands_month_state_for_payments;
    create index errands_unit_received on errands (municipality_id, unit_id, received_at);
    create index errands_month on errands (municipality_id, month);
    alter table errands set (fillfactor = 70);
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table errands reset (fillfactor);
    drop index errands_month;
    drop index errands_unit_received;
    create index errands_month_state_for_payments on errands (municipality_id, month, state);
    create index errands_unit_state on errands (municipality_id, unit_id, state);
  `,
  );
}
