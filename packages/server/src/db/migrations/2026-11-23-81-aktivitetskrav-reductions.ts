// Aktivitetskrav: the decision to reduce försörjningsstöd (SoL 2025:400 12 kap. 5 §) after a
// deviation and its notice — for which assistance month, by how much (the caseworker's decision,
// öre) and why. The month's calculation applies it (rules: applyReductions). Person data:
// tenant-first keys, FORCE RLS; never updated (retention may delete it with the person's case).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table aktivitetskrav_reductions (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      deviation_id uuid not null,
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      amount integer not null check (amount > 0),
      reason text not null check (length(trim(reason)) > 0),
      legal_basis text not null check (length(trim(legal_basis)) > 0),
      decided_by uuid not null,
      decided_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      foreign key (municipality_id, deviation_id) references aktivitetskrav_deviations (municipality_id, id)
    );
    create index aktivitetskrav_reductions_person on aktivitetskrav_reductions (municipality_id, person_id, month);
    create trigger aktivitetskrav_reductions_unchanged before update on aktivitetskrav_reductions
      for each row execute function refuse_change();

    alter table aktivitetskrav_reductions enable row level security;
    alter table aktivitetskrav_reductions force row level security;
    create policy tenant_isolation on aktivitetskrav_reductions
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'drop table aktivitetskrav_reductions;');
}
