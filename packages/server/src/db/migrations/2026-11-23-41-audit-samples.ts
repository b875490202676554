// Audit sampling (granskning): a revisor draws N case files by criteria with a stored seed, so
// the draw can be reproduced; each drawn file has a pseudonym for the report and the findings
// per control objective. The drawn files are the only case files the revisor may read.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table audit_samples (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      name text not null check (length(name) between 1 and 200),
      seed integer not null,
      criteria jsonb not null,
      size integer not null check (size between 1 and 200),
      previous_sample_id uuid,
      drawn_by uuid not null,
      drawn_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, previous_sample_id) references audit_samples (municipality_id, id)
    );

    create table audit_sample_items (
      municipality_id text not null,
      sample_id uuid not null,
      item_no integer not null check (item_no >= 1),
      household_id uuid not null,
      findings jsonb not null,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (municipality_id, sample_id, item_no),
      unique (municipality_id, sample_id, household_id),
      foreign key (municipality_id, sample_id) references audit_samples (municipality_id, id),
      foreign key (municipality_id, household_id) references households (municipality_id, id)
    );
  `,
  );
  for (const table of ['audit_samples', 'audit_sample_items']) {
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
  await runScript(db, `drop table audit_sample_items, audit_samples;`);
}
