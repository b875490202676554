// Participant survey: configurable questions per municipality, one-time invitation links
// (only a hash of the token is kept), answers stored WITHOUT any link to the invitation or the
// person (only occasion, unit and month), and free-text comments that are shown only after a
// manager has released an anonymised version.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = ['survey_questions', 'survey_invitations', 'survey_responses', 'survey_comments'];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table survey_questions (
      municipality_id text not null references municipalities (id),
      id text not null,
      text text not null,
      kind text not null check (kind in ('scale', 'text')),
      position integer not null,
      active boolean not null default true,
      primary key (municipality_id, id)
    );

    create table survey_invitations (
      municipality_id text not null references municipalities (id),
      token_hash text not null,
      occasion text not null check (occasion in ('insatsEnd', 'closure', 'afterExit')),
      unit_id text not null,
      created_on date not null,
      answered_at timestamptz,
      primary key (municipality_id, token_hash)
    );

    create table survey_responses (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      occasion text not null,
      unit_id text not null,
      month text not null,
      scores jsonb not null,
      primary key (municipality_id, id)
    );

    create table survey_comments (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      occasion text not null,
      unit_id text not null,
      question_id text not null,
      text text not null,
      status text not null check (status in ('pending', 'released', 'rejected')),
      released_text text,
      reviewed_by uuid,
      primary key (municipality_id, id),
      check (status <> 'released' or released_text is not null)
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
  await runScript(db, `drop table survey_comments, survey_responses, survey_invitations, survey_questions;`);
}
