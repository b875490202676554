// Reporting: per-municipality indicator settings (age bands, young-adult band, the very
// long-term window, population for population-based key figures) and the nämnd's yearly
// target value beside each indicator. Neither holds person data; both are tenant data.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table reporting_settings (
      municipality_id text primary key references municipalities (id),
      age_bands jsonb not null default '[{"min":0,"max":17},{"min":18,"max":25},{"min":26,"max":29},{"min":30,"max":39},{"min":40,"max":49},{"min":50,"max":64},{"min":65,"max":null}]',
      young_adult_min_age integer not null default 18 check (young_adult_min_age between 16 and 30),
      young_adult_max_age integer not null default 25 check (young_adult_max_age between 16 and 30),
      very_long_term_months integer not null default 27 check (very_long_term_months between 1 and 120),
      very_long_term_window integer not null default 30 check (very_long_term_window between 1 and 120),
      population integer check (population > 0),
      population_year integer check (population_year between 2000 and 2100),
      updated_at timestamptz not null default now(),
      check (young_adult_min_age <= young_adult_max_age),
      check (very_long_term_months <= very_long_term_window)
    );

    create table indicator_targets (
      municipality_id text not null references municipalities (id),
      indicator_id text not null,
      year integer not null check (year between 2000 and 2100),
      target double precision not null,
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (municipality_id, indicator_id, year)
    );
  `,
  );
  for (const table of ['reporting_settings', 'indicator_targets']) {
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
  await runScript(db, `drop table indicator_targets, reporting_settings;`);
}
