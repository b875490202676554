// Gallring (SoL 2025:400 16 kap. 1 §): the audit of what was disposed of (no personal data:
// a salted hash per person, tables and row counts), the per-municipality salt, and one narrow
// exception to the append-only triggers so that disposal can remove a person's evidence rows.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    -- The salt makes the person hash in the audit unlinkable to a personnummer without it.
    create table retention_salts (
      municipality_id text primary key references municipalities (id),
      salt text not null
    );

    create table retention_runs (
      municipality_id text not null references municipalities (id),
      id uuid not null,
      plan_date date not null,
      plan_checksum text not null,
      approved_by text not null,
      legal_basis text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      persons_planned integer not null,
      persons_removed integer not null default 0,
      persons_failed integer not null default 0,
      rows_removed integer not null default 0,
      primary key (municipality_id, id)
    );

    create table retention_run_items (
      municipality_id text not null,
      run_id uuid not null,
      person_hash text not null check (person_hash ~ '^[0-9a-f]{64}$'),
      tables jsonb not null,
      removed_at timestamptz not null default now(),
      primary key (municipality_id, run_id, person_hash),
      foreign key (municipality_id, run_id) references retention_runs (municipality_id, id)
    );
    create trigger retention_run_items_append_only before update or delete on retention_run_items
      for each row execute function refuse_change();

    -- The only way past the append-only triggers: a DELETE (never an UPDATE) on one of the
    -- evidence tables, in a transaction where the retention service has set the transaction-local
    -- setting stegvis.retention = 'on', by a role other than the application role. The app role
    -- (every request) can set the setting too, but is still refused.
    create or replace function refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE'
        and current_setting('stegvis.retention', true) = 'on'
        and current_user <> 'stegvis_app'
        and tg_table_name in ('access_log', 'journal_entries', 'calculations', 'decisions',
                              'decision_items', 'errand_transitions') then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name using errcode = '42501';
    end $$;
  `,
  );
  for (const table of ['retention_runs', 'retention_run_items']) {
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
    create or replace function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = '42501';
    end $$;
    drop table retention_run_items, retention_runs, retention_salts;
  `,
  );
}
