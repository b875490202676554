// The citizen e-service: citizen sessions (OIDC, personnummer), applications drafted and
// submitted online with their files, and requests for completion (komplettering). The access
// log says whether a row was written for staff or for the citizen.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = ['citizen_applications', 'citizen_application_files', 'completion_requests'];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table citizen_sessions (
      id text primary key,
      municipality_id text not null,
      person_id uuid not null,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      foreign key (municipality_id, person_id) references persons (municipality_id, id) on delete cascade
    );
    create index citizen_sessions_person on citizen_sessions (municipality_id, person_id);

    create table citizen_applications (
      municipality_id text not null,
      id uuid not null,
      household_id uuid not null,
      person_id uuid not null,
      type text not null check (type in ('newApplication', 'renewalApplication')),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      answers jsonb not null,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      errand_id uuid,
      partner_id uuid,
      partner_confirmed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      primary key (municipality_id, id),
      foreign key (municipality_id, household_id) references households (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      check ((status = 'submitted') = (errand_id is not null))
    );
    -- One application per household and month: a second draft resumes the first.
    create unique index citizen_applications_one_per_month
      on citizen_applications (municipality_id, household_id, month);

    create table citizen_application_files (
      municipality_id text not null,
      id uuid not null,
      application_id uuid not null,
      file_name text not null,
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
      size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
      sha256 text not null,
      content bytea not null,
      uploaded_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, application_id) references citizen_applications (municipality_id, id) on delete cascade
    );

    create table completion_requests (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      documents text not null check (length(documents) between 1 and 2000),
      due_on date,
      requested_by uuid not null,
      requested_at timestamptz not null default now(),
      answered_at timestamptz,
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
    );
    create index completion_requests_errand on completion_requests (municipality_id, errand_id);

    -- Which citizen uploaded an errand's attachment (null: staff), and for which request.
    alter table attachments add column uploaded_by_person uuid;
    alter table attachments add column completion_request_id uuid;

    -- Staff read data (user_id), or the citizen read their own household's (citizen_person_id).
    alter table access_log add column actor text not null default 'staff' check (actor in ('staff', 'citizen'));
    alter table access_log add column citizen_person_id uuid;
    alter table access_log alter column user_id drop not null;
    alter table access_log add constraint access_log_actor_id check (
      (actor = 'staff' and user_id is not null and citizen_person_id is null)
      or (actor = 'citizen' and user_id is null and citizen_person_id is not null));
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
    `
    alter table access_log drop constraint access_log_actor_id;
    alter table access_log alter column user_id set not null;
    alter table access_log drop column citizen_person_id;
    alter table access_log drop column actor;
    alter table attachments drop column completion_request_id;
    alter table attachments drop column uploaded_by_person;
    drop table completion_requests, citizen_application_files, citizen_applications,
      citizen_sessions;
  `,
  );
}
