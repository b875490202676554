// Closing a person's case with an avslutsorsak (HSLF-FS 2015:30 4 §, bilaga 2) and date, and
// the follow-ups 6 and 12 months after closure (still self-supporting?). Leaving an insats is
// a separate event (insats_participations).
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table case_closures (
      municipality_id text not null,
      id uuid not null,
      person_id uuid not null,
      closed_on date not null,
      reason text not null check (reason in ('work', 'studiesWithAllowance', 'subsidisedEmployment',
        'benefitFromAgency', 'moved', 'deceased', 'didNotReapply', 'other')),
      reason_note text,
      closed_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );
    create index case_closures_person on case_closures (municipality_id, person_id, closed_on);

    create table closure_follow_ups (
      municipality_id text not null,
      id uuid not null,
      closure_id uuid not null,
      person_id uuid not null,
      months integer not null check (months in (6, 12)),
      due_on date not null,
      done_on date,
      self_supporting boolean,
      situation text check (situation in ('work', 'studies', 'otherBenefit', 'assistanceAgain', 'unknown')),
      note text,
      recorded_by uuid,
      primary key (municipality_id, id),
      unique (municipality_id, closure_id, months),
      foreign key (municipality_id, closure_id) references case_closures (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id),
      check ((done_on is null) = (self_supporting is null))
    );
    create index closure_follow_ups_due on closure_follow_ups (municipality_id, due_on) where done_on is null;
  `,
  );
  for (const table of ['case_closures', 'closure_follow_ups']) {
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
  await runScript(db, `drop table closure_follow_ups, case_closures;`);
}
