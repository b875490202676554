// Gallring also reaches the planning tables (kartläggning, genomförandeplan, follow-ups),
// which are append-only like the other evidence tables: the retention exception of
// refuse_change() (migration 15) is extended to them, with the same conditions.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create or replace function refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE'
        and current_setting('stegvis.retention', true) = 'on'
        and current_user <> 'stegvis_app'
        and tg_table_name in ('access_log', 'journal_entries', 'calculations', 'decisions',
                              'decision_items', 'errand_transitions', 'assessments', 'plans',
                              'plan_versions', 'plan_follow_ups') then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name using errcode = '42501';
    end $$;
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
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
}
