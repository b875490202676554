// The months each household was granted assistance, kept with the indicator cube: the audit draw
// (granskning) picks its candidates — assisted in the period, long-term, of a unit — from one
// row per household instead of looking up the latest decision of every errand of the period
// (at 20,000 households × 60 months that took 3–17 s). Derived data: rewritten by every refresh,
// under row-level security, removed with the household by the retention run.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table assisted_households (
      municipality_id text not null references municipalities (id),
      generation integer not null,
      household_id uuid not null,
      -- The months (YYYY-MM, ascending) with granted assistance: an errand's latest decision granted money.
      months text[] not null
    );
    create index assisted_households_read on assisted_households (municipality_id, generation);
    create index assisted_households_household on assisted_households (municipality_id, household_id);
    alter table assisted_households enable row level security;
    alter table assisted_households force row level security;
    create policy tenant_isolation on assisted_households
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));
    -- Cubes built before this migration get the rows at their next refresh.
    insert into reporting_changes (municipality_id) values ('*');
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'drop table assisted_households;');
}
