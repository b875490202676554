// Secure messages between the household and its caseworkers in the e-service: one thread per
// household, written by a member (person_id) or by staff (staff_user_id), never edited.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table citizen_messages (
      municipality_id text not null,
      id uuid not null,
      household_id uuid not null,
      person_id uuid,
      staff_user_id uuid,
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, household_id) references households (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, staff_user_id) references staff_users (municipality_id, id),
      check ((person_id is null) <> (staff_user_id is null))
    );
    create index citizen_messages_household on citizen_messages (municipality_id, household_id, created_at);

    alter table citizen_messages enable row level security;
    alter table citizen_messages force row level security;
    create policy tenant_isolation on citizen_messages
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'drop table citizen_messages;');
}
