// Collaboration with partner agencies: contacts by role, multi-party meeting records about a
// person (sharing with an agency needs that person's valid consent), and the register of
// agreements (överenskommelser) with the criteria that make an agreement real and its follow-ups.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = ['agency_contacts', 'collaboration_meetings', 'agreements', 'agreement_follow_ups'];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table agency_contacts (
      municipality_id text not null,
      id uuid not null,
      agency_id uuid not null,
      name text not null,
      role text not null,
      phone text,
      email text,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, agency_id) references partner_agencies (municipality_id, id)
    );

    create table collaboration_meetings (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      held_on date not null,
      purpose text not null,
      participants jsonb not null,
      agency_ids jsonb not null,
      summary text not null,
      agreed_actions jsonb not null,
      recorded_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );
    create index collaboration_meetings_person on collaboration_meetings (municipality_id, person_id, held_on);

    create table agreements (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      title text not null,
      party_agency_ids jsonb not null,
      decided_by text not null,
      decided_on date not null,
      valid_from date not null,
      valid_to date,
      purpose text not null,
      target_group text not null,
      procedure text not null,
      responsibilities jsonb not null,
      review_on date not null,
      economic_commitments text not null,
      goals jsonb not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      check (valid_to is null or valid_to >= valid_from)
    );

    create table agreement_follow_ups (
      municipality_id text not null,
      id uuid not null,
      agreement_id uuid not null,
      followed_up_on date not null,
      summary text not null,
      goal_results jsonb not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, agreement_id) references agreements (municipality_id, id)
    );
  `,
  );
  for (const table of TENANT_TABLES) {
    await runScript(
      db,
      `
      alter table ${table} enable row level security;
      alter table ${table} force row level security;
      create policy tenant_isolation on ${table}
        using (municipality_id = current_setting('stegvis.municipality', true))
        with check (municipality_id = current_setting('stegvis.municipality', true));
    `,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `drop table agreement_follow_ups, agreements, collaboration_meetings, agency_contacts;`,
  );
}
