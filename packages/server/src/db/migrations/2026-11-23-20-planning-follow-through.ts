// Planning follow-through: "no plan needed" with its reason, aktivitetskrav exemptions (reason
// and period) and deviations (planned and attended hours, the notice sent), and the team's
// case reviews (ärendedragning) with their outcome. Person data: tenant-first keys, FORCE RLS.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = [
  'plan_waivers',
  'aktivitetskrav_exemptions',
  'aktivitetskrav_deviations',
  'case_reviews',
];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    -- "Anyone without an activity for a set time": the time is the municipality's setting.
    alter table planning_settings add column without_activity_months integer not null default 3
      check (without_activity_months between 1 and 24);

    -- The documented proposal for the person's way forward, presented in a flerpartssamtal.
    alter table meetings add column proposal text;

    create table plan_waivers (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      reason text not null check (length(trim(reason)) > 0),
      recorded_on date not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );
    create index plan_waivers_person on plan_waivers (municipality_id, person_id);

    create table aktivitetskrav_exemptions (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      reason text not null check (length(trim(reason)) > 0),
      valid_from date not null,
      valid_to date not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (valid_to >= valid_from)
    );
    create index aktivitetskrav_exemptions_person on aktivitetskrav_exemptions (municipality_id, person_id);

    create table aktivitetskrav_deviations (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      planned_hours_per_week integer not null check (planned_hours_per_week between 0 and 40),
      attended_hours_per_week integer not null check (attended_hours_per_week between 0 and 40),
      description text not null check (length(trim(description)) > 0),
      notice_sent_on date,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (attended_hours_per_week < planned_hours_per_week)
    );
    create index aktivitetskrav_deviations_person on aktivitetskrav_deviations (municipality_id, person_id, month);

    create table case_reviews (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      reviewed_on date not null,
      outcome text not null check (length(trim(outcome)) > 0),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );
    create index case_reviews_person on case_reviews (municipality_id, person_id, reviewed_on);
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
    `drop table case_reviews, aktivitetskrav_deviations, aktivitetskrav_exemptions, plan_waivers;
     alter table planning_settings drop column without_activity_months;
     alter table meetings drop column proposal;`,
  );
}
