// The consistency report's part of the indicator cube (docs/indicators.md, "Consistency report"):
// per month, errand unit, deciding caseworker and household type, the latest decisions per errand
// summed, written by the cube refresh in the same generation as indicator_cells, so the report
// is one grouped query over the period's cells instead of a lookup per errand.
// `granting_households` counts the distinct households with a granting decision in the cell; for
// the small-group rule a group over several cells needs the distinct count over all of them,
// so a cell with fewer than five such households keeps their ids (`few_households`): the union
// of those gives the exact count whenever no single cell reaches five. Tenant data under
// row-level security; the ids are pseudonymous keys that a household's gallring removes at the
// next refresh (the delete is noted in reporting_changes).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table consistency_cells (
      municipality_id text not null references municipalities (id),
      generation integer not null,
      -- The month the errand concerns (errands.month).
      month text not null,
      -- The errand's unit and the caseworker who made its latest decision.
      unit_id text not null,
      decided_by uuid not null,
      -- From the household's membership in the month: single/couple × with/without children.
      household_type text not null,
      decisions integer not null,
      -- granted_total = 0
      rejected integer not null,
      -- The calculation warned guideline_cap_exceeded.
      above_cap integer not null,
      -- Above the cap and granted at least the calculated assistance.
      approved integer not null,
      -- granted_total > 0, and the sum of those granted totals (öre).
      granting integer not null,
      granted_sum bigint not null,
      -- Distinct households with a granting decision in the cell; their ids only when fewer
      -- than five (the small-group threshold), null otherwise.
      granting_households integer not null,
      few_households uuid[]
    );
    create index consistency_cells_read on consistency_cells (municipality_id, generation, month);

    alter table consistency_cells enable row level security;
    alter table consistency_cells force row level security;
    create policy tenant_isolation on consistency_cells
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));

    -- The current generations have no consistency cells yet: note a data change for every
    -- municipality ('*'), so the next read or the start-up warm-up refreshes each cube.
    insert into reporting_changes (municipality_id) values ('*');
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'drop table consistency_cells;');
}
