// The drill-down's subjects, kept with the indicator cube: for the recent months, who (a person,
// or a household shown through its applicant) counts in which indicator's numerator and
// denominator, with the attributes a figure is broken down and filtered by. A unit manager's
// click on a figure is then an indexed read of one month's rows of the generation the figure
// came from, instead of recomputing the month from the case data. Derived data: rewritten by
// every refresh, under row-level security, removed with the person by the retention run.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    create table indicator_subjects (
      municipality_id text not null references municipalities (id),
      generation integer not null,
      month text not null,
      -- The person, or the household for the household indicators.
      subject_id uuid not null,
      -- Whom the drill-down lists: the person, or the household's applicant.
      person_id uuid not null,
      unit_id text not null,
      gender text not null,
      age_group text not null,
      household_type text not null,
      support_barrier text not null,
      -- Bit i: counted in the numerator (denominator) of indicator i, in the order of the
      -- snapshot's subject_indicators.
      numerator integer not null,
      denominator integer not null
    );
    create index indicator_subjects_read on indicator_subjects (municipality_id, generation, month, unit_id);
    create index indicator_subjects_person on indicator_subjects (municipality_id, person_id);
    alter table indicator_subjects enable row level security;
    alter table indicator_subjects force row level security;
    create policy tenant_isolation on indicator_subjects
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));

    alter table indicator_snapshots
      -- The indicators behind the subjects' bits, and the first month with subjects.
      add column subject_indicators text[],
      add column subjects_from text;
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `drop table indicator_subjects;
     alter table indicator_snapshots drop column subject_indicators, drop column subjects_from;`,
  );
}
