// Closing a referral: why (from a closed list, with a note), by whom. Only open referrals
// (sent or accepted) close; a closed one keeps its clocks for the statistics.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table referrals
      add column close_reason text
        check (close_reason in ('completed', 'withdrawn', 'declined', 'moved', 'caseClosed', 'other')),
      add column close_note text,
      add column closed_by uuid,
      add constraint referrals_closed_has_reason
        check (status <> 'closed' or (closed_on is not null and close_reason is not null));
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table referrals
      drop constraint referrals_closed_has_reason,
      drop column closed_by,
      drop column close_note,
      drop column close_reason;
  `,
  );
}
