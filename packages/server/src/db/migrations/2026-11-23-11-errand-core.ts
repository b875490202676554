// Errand core: the shared-dwelling size per household (SoF 2025:468 12 kap. 3 § andra stycket)
// and the per-errand member facts the calculation needs (jobbstimulans, lunches, school,
// days in the household), kept per errand so a month's facts never change an earlier month.
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    alter table households add column shared_household_size integer
      check (shared_household_size is null or shared_household_size between 2 and 30);

    create table errand_member_facts (
      municipality_id text not null,
      errand_id uuid not null,
      person_id uuid not null,
      job_stimulus boolean not null default false,
      weekday_lunches_provided boolean not null default false,
      in_school boolean not null default false,
      days_in_household integer check (days_in_household is null or days_in_household between 1 and 30),
      earnings_earlier_this_year integer check (earnings_earlier_this_year is null or earnings_earlier_this_year >= 0),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (municipality_id, errand_id, person_id),
      foreign key (municipality_id, errand_id) references errands (municipality_id, id),
      foreign key (municipality_id, person_id) references persons (municipality_id, id)
    );

    alter table errand_member_facts enable row level security;
    alter table errand_member_facts force row level security;
    create policy tenant_isolation on errand_member_facts
      using (municipality_id = current_setting('stegvis.municipality', true))
      with check (municipality_id = current_setting('stegvis.municipality', true));
  `,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: frozen in time, independent of the app schema
export async function down(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    drop table errand_member_facts;
    alter table households drop column shared_household_size;
  `,
  );
}
