// The staff inbox: internal notifications (recipient `staff:<id>`) get a read mark, and an
// index to list one person's inbox newest first and count the unread ones.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table notifications add column read_at timestamptz;
    create index notifications_staff_inbox on notifications (municipality_id, recipient, created_at desc)
      where channel = 'internal';
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop index notifications_staff_inbox;
    alter table notifications drop column read_at;
  `,
  );
}
