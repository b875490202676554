// Planning: kartläggning (versioned), genomförandeplan (immutable versions), follow-ups,
// meetings, the notifications outbox and the per-municipality planning settings (deadlines,
// cadence and age bands are settings, not constants).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = [
  'planning_settings',
  'assessments',
  'plans',
  'plan_versions',
  'plan_follow_ups',
  'meetings',
  'notifications',
];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table planning_settings (
      municipality_id text primary key references municipalities (id),
      plan_deadline_days integer not null default 14 check (plan_deadline_days between 1 and 365),
      follow_up_interval_months integer not null default 2 check (follow_up_interval_months between 1 and 12),
      proposal_within_months integer not null default 6 check (proposal_within_months between 1 and 24),
      young_adult_min_age integer not null default 18 check (young_adult_min_age between 16 and 30),
      young_adult_max_age integer not null default 24 check (young_adult_max_age between 16 and 30),
      updated_at timestamptz not null default now(),
      check (young_adult_min_age <= young_adult_max_age)
    );

    create table assessments (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      version integer not null check (version >= 1),
      sections jsonb not null,
      support_barrier text not null,
      work_capacity jsonb,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (municipality_id, person_id, version),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );

    create table plans (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );
    create index plans_person on plans (municipality_id, person_id);

    create table plan_versions (
      municipality_id text not null,
      plan_id uuid not null,
      version integer not null check (version >= 1),
      content jsonb not null,
      agreed_on date,
      agreement_method text check (agreement_method in ('digital', 'paper', 'oral')),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, plan_id, version),
      foreign key (municipality_id, plan_id) references plans (municipality_id, id)
    );

    create table plan_follow_ups (
      municipality_id text not null,
      id uuid not null,
      plan_id uuid not null,
      plan_version integer not null,
      held_on date not null,
      progress jsonb not null,
      next_follow_up_on date not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, plan_id, plan_version) references plan_versions (municipality_id, plan_id, version)
    );
    create index plan_follow_ups_plan on plan_follow_ups (municipality_id, plan_id, held_on);

    create table meetings (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      starts_at timestamptz not null,
      place text,
      home_visit boolean not null default false,
      participants jsonb not null,
      purpose text not null check (purpose in ('followUp', 'multiParty', 'other')),
      attendance text check (attendance in ('attended', 'noShow', 'cancelled')),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (home_visit or place is not null)
    );
    create index meetings_person on meetings (municipality_id, person_id, starts_at);

    -- Outbox: a transport (not part of this feature) sends rows whose send_after has passed.
    create table notifications (
      municipality_id text not null,
      id uuid not null,
      channel text not null check (channel in ('email', 'sms', 'internal')),
      recipient text not null,
      text text not null,
      send_after timestamptz not null,
      sent_at timestamptz,
      person_id uuid,
      meeting_id uuid,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id)
    );
    create index notifications_due on notifications (send_after) where sent_at is null;

    create trigger assessments_append_only before update or delete on assessments
      for each row execute function refuse_change();
    create trigger plans_append_only before update or delete on plans
      for each row execute function refuse_change();
    create trigger plan_versions_append_only before update or delete on plan_versions
      for each row execute function refuse_change();
    create trigger plan_follow_ups_append_only before update or delete on plan_follow_ups
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
    `drop table notifications, meetings, plan_follow_ups, plan_versions, plans, assessments, planning_settings;`,
  );
}
