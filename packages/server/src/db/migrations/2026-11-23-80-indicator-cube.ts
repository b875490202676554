// The indicator cube (docs/decisions.md, "Indicator cube"): the dashboard's figures summed per
// month, indicator and attribute combination, recomputed per municipality by the same pure code
// that answers the drill-down, so a dashboard read is one grouped query over small rows.
// `indicator_snapshots` says which generation of cells is current, for which day and settings
// it was computed and which data changes it covers; `reporting_changes` is an append-only note,
// written by statement-level triggers on the tables the indicators read, that the data changed
// (one row per statement, no row-level cost and no shared row to contend on).
// No person data: cells are counts and sums per group (caseworker ids only for caseload's
// distinct-caseworker denominator); tenant data under row-level security.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The measures of the cube, frozen here (the app's list is INDICATORS plus the savings estimate's
// two; a new indicator needs a new migration adding its columns).
const MEASURES = [
  'recipients',
  'households',
  'under10_months',
  'long_term',
  'very_long_term',
  'young_adults',
  'current_plan',
  'plan_within_deadline',
  'follow_ups_on_time',
  'children',
  'children_long_term',
  'return_within12_months',
  'average_assistance',
  'caseload',
  'weighted_caseload',
  'caseworker_changes',
  'referrals_sent',
  'referrals_enrolled',
  'referrals_returned',
  'referral_waiting_days',
  'referral_to_first_activity',
  'savings_exits',
  'savings_amount',
  'year_persons',
  'year_long_term_adults',
  'year_assistance',
];

const WATCHED: [table: string, events: string][] = [
  ['decisions', 'insert or update or delete'],
  ['errands', 'insert or delete or update of household_id, unit_id, month'],
  ['households', 'insert or delete or update of unit_id'],
  ['household_members', 'insert or update or delete'],
  ['persons', 'delete or update of birth_date, gender'],
  ['plans', 'insert or update or delete'],
  ['plan_versions', 'insert or update or delete'],
  ['plan_follow_ups', 'insert or update or delete'],
  ['assessments', 'insert or update or delete'],
  ['case_assignments', 'insert or update or delete'],
  ['referrals', 'insert or update or delete'],
  ['insats_participations', 'insert or update or delete'],
  ['reporting_settings', 'insert or update or delete'],
  ['planning_settings', 'insert or update or delete'],
];

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table indicator_snapshots (
      municipality_id text primary key references municipalities (id),
      -- The current generation of indicator_cells (0: none yet).
      generation integer not null default 0,
      -- The day ("today") the figures were computed for: the current month and what is
      -- provisional depend on it.
      as_of_day date,
      refreshed_at timestamptz,
      -- Data changes noted up to this time are in the figures (when the refresh began).
      data_as_of timestamptz,
      -- The indicator settings the figures were computed with (age bands, windows, deadlines).
      settings jsonb,
      duration_ms integer,
      households integer,
      cells integer,
      -- A running refresh's claim (any process); a claim older than 30 minutes is abandoned.
      refreshing_since timestamptz,
      refresh_error text
    );

    -- One row per month and attribute combination; per measure a numerator (n_) and a
    -- denominator (d_), null when no subject of the row contributed to it. Caseload's
    -- contributions of households with a caseworker sit in rows of their own, keyed by the
    -- caseworker (its denominator counts distinct caseworkers); caseworker_id is null elsewhere.
    create table indicator_cells (
      municipality_id text not null references municipalities (id),
      generation integer not null,
      month text not null,
      unit_id text not null,
      gender text not null,
      age_group text not null,
      household_type text not null,
      support_barrier text not null,
      caseworker_id uuid,
      ${MEASURES.map((m) => `n_${m} bigint, d_${m} bigint,`).join('\n      ')}
      -- Return within 12 months: a household that has not yet returned and whose 12 months have not passed.
      return_provisional boolean not null default false,
      -- Referrals enrolled and returned: a referral sent that month is still open.
      referral_provisional boolean not null default false
    );
    create index indicator_cells_read on indicator_cells (municipality_id, generation, month);

    -- The weighted caseload's weights (docs/indicators.md); null: the defaults in the code.
    alter table reporting_settings add column case_weights jsonb;

    -- The latest decision per errand (the refresh, the drill-down and the consistency report look
    -- it up per errand): top-1 from the index, without a sort, and without the table for these columns.
    create index decisions_latest on decisions (municipality_id, errand_id, decided_at desc)
      include (granted_total, decided_by, calculation_id);

    create table reporting_changes (
      -- '*' when written outside a tenant transaction (maintenance): every municipality.
      municipality_id text not null,
      changed_at timestamptz not null default clock_timestamp()
    );
    create index reporting_changes_latest on reporting_changes (municipality_id, changed_at);

    create function note_reporting_change() returns trigger language plpgsql as $$
    begin
      insert into reporting_changes (municipality_id)
      values (coalesce(nullif(current_setting('stegvis.municipality', true), ''), '*'));
      return null;
    end
    $$;
  `,
  );
  for (const table of ['indicator_snapshots', 'indicator_cells']) {
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
  await runScript(
    db,
    `
    alter table reporting_changes enable row level security;
    alter table reporting_changes force row level security;
    create policy tenant_isolation on reporting_changes
      using (municipality_id in (coalesce(current_setting('stegvis.municipality', true), ''), '*'))
      with check (municipality_id in (coalesce(current_setting('stegvis.municipality', true), ''), '*'));
  `,
  );
  for (const [table, events] of WATCHED)
    await runScript(
      db,
      `create trigger ${table}_reporting_change after ${events} on ${table}
         for each statement execute function note_reporting_change();`,
    );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of WATCHED) await runScript(db, `drop trigger ${table}_reporting_change on ${table};`);
  await runScript(
    db,
    `drop function note_reporting_change(); drop table reporting_changes, indicator_cells, indicator_snapshots;
     alter table reporting_settings drop column case_weights; drop index decisions_latest;`,
  );
}
