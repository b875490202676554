// Case flow: errands (ärenden) with an explicit state machine, investigation (incomes, costs,
// verifications, attachments), immutable calculation snapshots, decisions per item with their
// letters, delegation and reason templates as data, payments with idempotency keys and batches,
// recovery claims (återkrav), pending benefits and återsökning, the append-only hash-chained
// journal, case assignments with stand-ins and handover notes, and municipal guideline sets.
// Person data tables lead with municipality_id and carry row-level security (see 01).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

const TENANT_TABLES = [
  'errands',
  'errand_transitions',
  'errand_items',
  'verifications',
  'attachments',
  'calculations',
  'decisions',
  'decision_items',
  'payment_batches',
  'payments',
  'recovery_claims',
  'benefit_applications',
  'reimbursement_claims',
  'journal_entries',
  'case_assignments',
];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table households add column payout_account text;

    create table errands (
      municipality_id text not null,
      id uuid not null,
      household_id uuid not null,
      unit_id text not null,
      type text not null check (type in ('newApplication', 'renewalApplication', 'supplementaryApplication')),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      state text not null default 'received' check (state in
        ('received', 'underInvestigation', 'awaitingCompletion', 'readyForDecision', 'decided', 'paid', 'closed')),
      source text not null default 'staff' check (source in ('staff', 'eService')),
      requested_note text,
      received_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, household_id) references households (municipality_id, id),
      foreign key (municipality_id, unit_id) references units (municipality_id, id)
    );
    create index errands_household on errands (municipality_id, household_id, month);
    create index errands_unit_state on errands (municipality_id, unit_id, state);
    -- One application (new or renewal) per household and month; supplementary ones may be many.
    create unique index errands_one_application_per_month on errands (municipality_id, household_id, month)
      where type <> 'supplementaryApplication';

    create table errand_transitions (
      municipality_id text not null,
      id bigint generated always as identity,
      errand_id uuid not null,
      from_state text,
      to_state text not null,
      user_id uuid,
      note text,
      at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
    );

    create table errand_items (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      kind text not null check (kind in ('income', 'cost', 'normAdjustment')),
      type text not null,
      subtype text,
      person_id uuid,
      amount integer not null,
      note text,
      attachment_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check (kind = 'normAdjustment' or amount >= 0)
    );
    create index errand_items_errand on errand_items (municipality_id, errand_id);

    create table verifications (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      kind text not null check (kind in ('employmentServiceRegistration', 'socialInsuranceBenefits', 'bankStatements', 'rentalContract', 'other')),
      source text not null,
      checked_on date not null,
      outcome text not null check (outcome in ('confirmed', 'discrepancy', 'missing')),
      note text,
      user_id uuid,
      at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
    );

    create table attachments (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null,
      content bytea not null,
      uploaded_by uuid,
      uploaded_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
    );

    create table calculations (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      input jsonb not null,
      result jsonb not null,
      parameter_set text not null,
      guideline_set_id text,
      assistance integer not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id)
    );
    create index calculations_errand on calculations (municipality_id, errand_id, created_at);

    create table decisions (
      municipality_id text not null,
      id uuid not null,
      errand_id uuid not null,
      calculation_id uuid,
      decided_by uuid not null,
      decided_at timestamptz not null default now(),
      child_best_interest text,
      reasoning text not null check (length(trim(reasoning)) > 0),
      granted_total integer not null check (granted_total >= 0),
      letter_pdf bytea,
      letter_sha256 text,
      primary key (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      foreign key (municipality_id, calculation_id) references calculations (municipality_id, id)
    );
    create index decisions_errand on decisions (municipality_id, errand_id);

    create table decision_items (
      municipality_id text not null,
      decision_id uuid not null,
      item_no integer not null,
      description text not null,
      requested integer not null check (requested >= 0),
      granted integer not null check (granted >= 0),
      outcome text not null check (outcome in ('granted', 'partiallyGranted', 'rejected', 'dismissed')),
      reasons text not null,
      legal_basis text not null,
      primary key (municipality_id, decision_id, item_no),
      foreign key (municipality_id, decision_id) references decisions (municipality_id, id)
    );

    create table reason_templates (
      municipality_id text not null references municipalities (id),
      id text not null,
      outcome text not null check (outcome in ('granted', 'partiallyGranted', 'rejected', 'dismissed')),
      title text not null,
      text text not null,
      legal_basis text not null,
      primary key (municipality_id, id)
    );

    create table delegation_rules (
      municipality_id text not null references municipalities (id),
      id text not null,
      role text not null,
      outcomes text[] not null,
      max_amount integer,
      section text not null,
      valid_from date not null,
      valid_to date,
      primary key (municipality_id, id)
    );

    create table payment_batches (
      municipality_id text not null,
      id uuid not null,
      month text not null,
      payment_date date not null,
      status text not null check (status in ('running', 'completed', 'failed')),
      planned integer not null default 0,
      processed integer not null default 0,
      total_amount bigint not null default 0,
      started_by uuid,
      started_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (municipality_id, id)
    );

    create table payments (
      municipality_id text not null,
      id uuid not null,
      idempotency_key text not null,
      errand_id uuid not null,
      decision_id uuid not null,
      month text not null,
      item text not null,
      amount integer not null check (amount > 0),
      payee_account text,
      batch_id uuid,
      status text not null default 'pending' check (status in ('pending', 'exported', 'paid', 'cancelled')),
      legal_basis text not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (municipality_id, idempotency_key),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      foreign key (municipality_id, decision_id) references decisions (municipality_id, id),
      foreign key (municipality_id, batch_id) references payment_batches (municipality_id, id)
    );

    create table recovery_claims (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      decision_id uuid,
      amount integer not null check (amount > 0),
      legal_basis text not null,
      reason text not null,
      status text not null default 'open' check (status in ('open', 'repaying', 'paid', 'waived', 'courtAction')),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, decision_id) references decisions (municipality_id, id)
    );

    create table benefit_applications (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      agency text not null check (agency in ('socialInsuranceAgency', 'unemploymentFund', 'pensionsAgency', 'studentFinanceBoard')),
      benefit text not null,
      applied_on date not null,
      status text not null default 'pending' check (status in ('pending', 'granted', 'rejected')),
      decided_on date,
      retroactive_amount integer,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );

    create table reimbursement_claims (
      municipality_id text not null,
      id uuid not null,
      benefit_application_id uuid not null,
      months text[] not null,
      amount integer not null check (amount > 0),
      status text not null default 'sent' check (status in ('draft', 'sent', 'paid')),
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, benefit_application_id) references benefit_applications (municipality_id, id)
    );

    create table journal_entries (
      municipality_id text not null,
      id bigint generated always as identity,
      person_id uuid not null,
      errand_id uuid,
      author_id uuid not null,
      written_at timestamptz not null default now(),
      text text not null check (length(trim(text)) > 0),
      corrects_id bigint,
      previous_hash text not null,
      hash text not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      foreign key (municipality_id, corrects_id) references journal_entries (municipality_id, id)
    );
    create index journal_person on journal_entries (municipality_id, person_id, id);

    create table case_assignments (
      municipality_id text not null,
      id uuid not null,
      household_id uuid not null,
      caseworker_id uuid not null,
      stand_in_id uuid,
      valid_from timestamptz not null default now(),
      valid_to timestamptz,
      handover_note text,
      assigned_by uuid,
      primary key (municipality_id, id),
      foreign key (municipality_id, household_id) references households (municipality_id, id),
      foreign key (municipality_id, caseworker_id) references staff_users (municipality_id, id),
      foreign key (municipality_id, stand_in_id) references staff_users (municipality_id, id)
    );
    create unique index case_assignments_current on case_assignments (municipality_id, household_id) where valid_to is null;

    -- Guideline sets (riktlinjer) are not person data: owned by a region or a municipality and
    -- read by members. Versions are immutable once adopted.
    create table guideline_sets (
      id text primary key,
      name text not null,
      owner_region_id text references regions (id),
      owner_municipality_id text references municipalities (id),
      check ((owner_region_id is null) <> (owner_municipality_id is null))
    );
    create table guideline_versions (
      guideline_set_id text not null references guideline_sets (id),
      version integer not null,
      status text not null check (status in ('draft', 'adopted')),
      valid_from date not null,
      adopted_on date,
      review_on date,
      content jsonb not null,
      primary key (guideline_set_id, version)
    );
    create table guideline_adoptions (
      municipality_id text not null references municipalities (id),
      guideline_set_id text not null references guideline_sets (id),
      adopted_on date not null,
      local_deviations jsonb not null default '[]',
      primary key (municipality_id, guideline_set_id)
    );

    -- Snapshots, decisions, their items and the journal are evidence: never changed afterwards.
    create trigger calculations_immutable before update or delete on calculations
      for each row execute function refuse_change();
    create trigger decisions_immutable before update or delete on decisions
      for each row execute function refuse_change();
    create trigger decision_items_immutable before update or delete on decision_items
      for each row execute function refuse_change();
    create trigger journal_entries_append_only before update or delete on journal_entries
      for each row execute function refuse_change();
    create trigger errand_transitions_append_only before update or delete on errand_transitions
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
    drop table guideline_adoptions, guideline_versions, guideline_sets, case_assignments, journal_entries,
      reimbursement_claims, benefit_applications, recovery_claims, payments, payment_batches, delegation_rules,
      reason_templates, decision_items, decisions, calculations, attachments, verifications, errand_items,
      errand_transitions, errands;
    alter table households drop column payout_account;
  `,
  );
}
