// Foundation: tenants (municipality, region), organisation (committees, units), staff,
// sessions, persons with protected identity, households over time, and the access log.
// Every table holding person data has municipality_id first in its keys and foreign keys
// (so it can be distributed by municipality) and row-level security on it.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = ['persons', 'households', 'household_members', 'access_log'];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    do $$ begin
      if not exists (select from pg_roles where rolname = 'stegvis_app') then
        create role stegvis_app nologin;
      end if;
    end $$;
    grant stegvis_app to current_user;

    create table regions (
      id text primary key,
      name text not null
    );

    create table municipalities (
      id text primary key,
      name text not null,
      code text not null unique,
      county text not null,
      region_id text references regions (id),
      letterhead jsonb not null default '{}'
    );

    create table committees (
      municipality_id text not null references municipalities (id),
      id text not null,
      name text not null,
      primary key (municipality_id, id)
    );

    create table units (
      municipality_id text not null references municipalities (id),
      id text not null,
      name text not null,
      kind text not null check (kind in ('financialAssistance', 'labourMarket', 'administration')),
      primary key (municipality_id, id)
    );

    create table unit_committees (
      municipality_id text not null,
      unit_id text not null,
      committee_id text not null,
      valid_from date not null,
      valid_to date,
      primary key (municipality_id, unit_id, valid_from),
      foreign key (municipality_id, unit_id) references units (municipality_id, id),
      foreign key (municipality_id, committee_id) references committees (municipality_id, id),
      check (valid_to is null or valid_to >= valid_from)
    );

    create table staff_users (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      username text not null unique,
      name text not null,
      role text not null check (role in ('caseworker', 'coach', 'unitManager', 'committee', 'auditor', 'sysadmin')),
      unit_id text,
      password_hash text,
      oidc_subject text unique,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (id),
      foreign key (municipality_id, unit_id) references units (municipality_id, id)
    );

    create table sessions (
      id text primary key,
      municipality_id text not null,
      user_id uuid not null,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      foreign key (municipality_id, user_id) references staff_users (municipality_id, id) on delete cascade
    );
    create index sessions_user on sessions (municipality_id, user_id);

    create table persons (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      personal_identity_number text not null,
      birth_date date not null,
      gender text not null check (gender in ('female', 'male')),
      first_name text not null,
      last_name text not null,
      street text,
      postal_code text,
      city text,
      unit_id text not null,
      responsible_user_id uuid,
      confidentiality_marking boolean not null default false,
      protected_registration boolean not null default false,
      fictitious_identity boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (municipality_id, personal_identity_number),
      foreign key (municipality_id, unit_id) references units (municipality_id, id),
      foreign key (municipality_id, responsible_user_id) references staff_users (municipality_id, id)
    );
    create index persons_unit on persons (municipality_id, unit_id);

    create table households (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      unit_id text not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, unit_id) references units (municipality_id, id)
    );

    create table household_members (
      municipality_id text not null,
      household_id uuid not null,
      person_id uuid not null,
      role text not null check (role in ('applicant', 'partner', 'child')),
      valid_from date not null,
      valid_to date,
      primary key (municipality_id, household_id, person_id, valid_from),
      foreign key (municipality_id, household_id) references households (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index household_members_person on household_members (municipality_id, person_id);

    create table access_log (
      municipality_id text not null references municipalities (id),
      id bigint generated always as identity,
      at timestamptz not null default now(),
      user_id uuid not null,
      person_id uuid,
      action text not null check (action in ('read', 'search', 'create', 'update')),
      route text not null,
      request_id text,
      primary key (municipality_id, id),
      foreign key (municipality_id, user_id) references staff_users (municipality_id, id)
    );
    create index access_log_person on access_log (municipality_id, person_id, at);
    create index access_log_user on access_log (municipality_id, user_id, at);

    -- The access log is evidence (Lag 2001:454 10 §): rows can be added, never changed.
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = '42501';
    end $$;
    create trigger access_log_append_only before update or delete on access_log
      for each row execute function refuse_change();
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
    drop table access_log, household_members, households, persons, sessions, staff_users,
      unit_committees, units, committees, municipalities, regions;
    drop function refuse_change;
  `,
  );
}
