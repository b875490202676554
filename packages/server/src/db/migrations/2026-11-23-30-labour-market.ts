// The labour-market unit: the insats catalogue (owned by a municipality or by a region and
// read by its members), workplaces offering placements, partner agencies, consent (samtycke)
// per person and recipient, referrals (remiss) with their clocks, participation in an insats
// (with the wait list), weekly attendance and the coach's payment requests (a request for a
// decision by the caseworker: a coach never commits money).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = [
  'workplaces',
  'partner_agencies',
  'consents',
  'referrals',
  'insats_participations',
  'attendance_weeks',
  'payment_requests',
];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    -- Not person data: like guideline sets, owned by one municipality or shared by a region.
    create table insatser (
      id uuid primary key,
      owner_municipality_id text references municipalities (id),
      owner_region_id text references regions (id),
      name text not null,
      kind text not null check (kind in ('workPractice', 'workTraining', 'studies', 'swedishLanguage',
        'healthRehab', 'jobCoaching', 'budgetCounselling', 'subsidisedEmployment', 'other')),
      provider text not null,
      target_group text not null,
      eligibility text not null,
      capacity integer not null check (capacity between 1 and 10000),
      duration_weeks integer not null check (duration_weeks between 1 and 260),
      cost_per_participant_ore bigint not null check (cost_per_participant_ore >= 0),
      funding_source text not null check (funding_source in ('municipality', 'region', 'esf',
        'coordinationAssociation', 'employmentService', 'other')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check ((owner_region_id is null) <> (owner_municipality_id is null))
    );

    create table workplaces (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      name text not null,
      organisation_number text,
      industry text not null,
      address text,
      contact_name text,
      contact_phone text,
      contact_email text,
      placement_kinds jsonb not null,
      places integer not null check (places between 0 and 1000),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id)
    );

    create table partner_agencies (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      name text not null,
      kind text not null check (kind in ('employmentService', 'socialInsuranceAgency', 'healthCare',
        'psychiatry', 'coordinationAssociation', 'other')),
      created_at timestamptz not null default now(),
      primary key (municipality_id, id)
    );

    -- Samtycke: to one agency or to another nämnd of the municipality (a secrecy boundary).
    create table consents (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      agency_id uuid,
      committee_id text,
      scope jsonb not null,
      given_on date not null,
      expires_on date not null,
      form text not null check (form in ('written', 'oral', 'digital')),
      withdrawn_on date,
      recorded_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, agency_id) references partner_agencies (municipality_id, id),
      foreign key (municipality_id, committee_id) references committees (municipality_id, id),
      check ((agency_id is null) <> (committee_id is null)),
      check (expires_on >= given_on)
    );
    create index consents_person on consents (municipality_id, person_id);

    create table referrals (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      direction text not null check (direction in ('internal', 'incoming', 'outgoing')),
      from_unit_id text,
      from_agency_id uuid,
      to_unit_id text,
      to_agency_id uuid,
      question text not null,
      plan_id uuid,
      insats_id uuid references insatser (id),
      consent_id uuid,
      status text not null check (status in ('sent', 'accepted', 'returned', 'closed')),
      sent_on date not null,
      sent_by uuid not null,
      coach_id uuid,
      accepted_on date,
      return_reason text,
      returned_on date,
      first_meeting_on date,
      started_on date,
      action_plan_due_on date,
      action_plan jsonb,
      action_plan_on date,
      work_capacity jsonb,
      closed_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, from_unit_id) references units (municipality_id, id),
      foreign key (municipality_id, to_unit_id) references units (municipality_id, id),
      foreign key (municipality_id, from_agency_id) references partner_agencies (municipality_id, id),
      foreign key (municipality_id, to_agency_id) references partner_agencies (municipality_id, id),
      foreign key (municipality_id, plan_id) references plans (municipality_id, id),
      foreign key (municipality_id, consent_id) references consents (municipality_id, id),
      check ((to_unit_id is null) <> (to_agency_id is null))
    );
    create index referrals_person on referrals (municipality_id, person_id);
    create index referrals_to_unit on referrals (municipality_id, to_unit_id, status);

    create table insats_participations (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      referral_id uuid,
      insats_id uuid not null references insatser (id),
      status text not null check (status in ('waiting', 'active', 'ended')),
      listed_on date not null,
      started_on date,
      planned_end_on date,
      ended_on date,
      end_reason text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, referral_id) references referrals (municipality_id, id),
      check (status = 'waiting' or started_on is not null),
      check (status <> 'ended' or ended_on is not null)
    );
    create index insats_participations_insats on insats_participations (municipality_id, insats_id, status);

    create table attendance_weeks (
      municipality_id text not null,
      participation_id uuid not null,
      person_id uuid not null,
      week_start date not null,
      planned_hours numeric(5, 2) not null check (planned_hours between 0 and 60),
      attended_hours numeric(5, 2) not null check (attended_hours >= 0),
      absences jsonb not null,
      unexcused_hours numeric(5, 2) not null check (unexcused_hours >= 0),
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      primary key (municipality_id, participation_id, week_start),
      foreign key (municipality_id, participation_id) references insats_participations (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (extract(isodow from week_start) = 1),
      check (attended_hours <= planned_hours)
    );
    create index attendance_weeks_person on attendance_weeks (municipality_id, person_id, week_start);

    create table payment_requests (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      participation_id uuid not null,
      errand_id uuid not null,
      purpose text not null,
      amount_ore bigint not null check (amount_ore > 0),
      requested_by uuid not null,
      requested_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, participation_id) references insats_participations (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
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
    `drop table payment_requests, attendance_weeks, insats_participations, referrals, consents,
      partner_agencies, workplaces, insatser;`,
  );
}
