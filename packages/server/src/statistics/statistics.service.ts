// Statistics without double registration: the monthly individual-level file to Socialstyrelsen,
// the participant data a samordningsförbund reports to SUS, and Kolada-style population-based
// key figures — all derived from the case data already registered. Field derivations and the
// assumptions behind them: docs/statistics.md. The official record layouts are NOT in the
// project's sources, so every field name here is a documented assumption.
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { latestDecisionOfErrand } from '../decisions/decisions.queries.ts';
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import type { PlanContent } from '../plans/plans.table.ts';
import { cubeYearFigures, ensureCube, withoutJit } from '../reporting/cube.service.ts';
import { householdTypeOf, lastDay } from '../reporting/indicators.compute.ts';
import type { Sheet } from '../reporting/tabular-export.ts';

/** The columns of the monthly file (assumed layout, docs/statistics.md §1). */
export const SOCIALSTYRELSEN_HEADER = [
  'kommunkod',
  'period',
  'personnummer',
  'hushall_id',
  'roll',
  'kon',
  'fodelsear',
  'hushallstyp',
  'antal_barn',
  'beviljat_kr',
  'utbetalt_kr',
  'forsorjningshinder',
  'arbetsmarknadsinsats',
  'avslutsorsak',
];

export const SUS_HEADER = [
  'kommunkod',
  'personnummer',
  'kon',
  'fodelsear',
  'startdatum',
  'forsorjning_vid_start',
  'insats',
  'timmar_per_vecka',
  'slutdatum',
  'utfall',
];

async function municipalityCode(trx: Kysely<Database>, id: string): Promise<string> {
  const row = await trx.selectFrom('municipalities').select('code').where('id', '=', id).executeTakeFirst();
  return row?.code ?? '';
}

/**
 * One row per adult (sökande and medsökande) in a household with assistance the month concerns,
 * for the manager's own unit. Every person in the file is access-logged. One query: the month's
 * latest decision per errand, the members that month, each adult's försörjningshinder as last
 * assessed by the month's end, and what was paid out for the month.
 */
export async function socialstyrelsenFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  month: string,
): Promise<Sheet> {
  const unitId = viewer.unit?.id ?? '';
  const municipalityId = viewer.municipality.id;
  const first = `${month}-01`;
  const last = lastDay(month);
  return inTenant(db, municipalityId, async (trx) => {
    await withoutJit(trx);
    const code = await municipalityCode(trx, municipalityId);
    const result = await sql<{
      householdId: string;
      personId: string;
      applicant: boolean;
      identityNumber: string;
      gender: string;
      birthYear: number;
      adults: string;
      children: string;
      granted: string;
      paid: string | null;
      barrier: string | null;
    }>`
      with granted as (
        select e.household_id, sum(d.granted_total)::bigint as amount
        from errands e
        join households h on h.municipality_id = e.municipality_id and h.id = e.household_id and h.unit_id = ${unitId}
        ${latestDecisionOfErrand}
        where e.municipality_id = ${municipalityId} and e.month = ${month}
        group by e.household_id
        having sum(d.granted_total) > 0
      ), members as (
        select hm.municipality_id, hm.household_id, hm.person_id, hm.role,
               count(*) filter (where hm.role <> 'child') over w as adults,
               count(*) filter (where hm.role = 'child') over w as children
        from household_members hm
        where hm.municipality_id = ${municipalityId} and hm.household_id in (select household_id from granted)
          and hm.valid_from <= ${last} and (hm.valid_to is null or hm.valid_to >= ${first})
        window w as (partition by hm.household_id)
      ), paid as (
        select e.household_id, sum(p.amount)::bigint as amount
        from payments p
        join errands e on e.municipality_id = p.municipality_id and e.id = p.errand_id
        where p.municipality_id = ${municipalityId} and p.month = ${month} and p.status in ('exported', 'paid')
          and e.unit_id = ${unitId}
        group by e.household_id
      )
      select m.household_id as "householdId", m.person_id as "personId", m.role = 'applicant' as applicant,
             p.personal_identity_number as "identityNumber", p.gender,
             extract(year from p.birth_date)::int as "birthYear", m.adults, m.children,
             g.amount as granted, paid.amount as paid,
             (select a.support_barrier from assessments a
              where a.municipality_id = m.municipality_id and a.person_id = m.person_id
                and (a.created_at at time zone 'Europe/Stockholm')::date <= ${last}::date
              order by a.created_at desc limit 1) as barrier
      from members m
      join granted g on g.household_id = m.household_id
      join persons p on p.municipality_id = m.municipality_id and p.id = m.person_id
      left join paid on paid.household_id = m.household_id
      where m.role <> 'child'
      order by m.household_id, m.role = 'applicant' desc, m.person_id
    `.execute(trx);
    const rows = result.rows;
    await logAccess(
      trx,
      request,
      'read',
      rows.map((r) => r.personId),
    );
    return {
      name: `Socialstyrelsen ${month}`,
      header: SOCIALSTYRELSEN_HEADER,
      rows: rows.map((r, i) => {
        // The household's first row is its applicant's (or, without one, its first adult's).
        const applicantRow = i === 0 || rows[i - 1]?.householdId !== r.householdId;
        const children = Number(r.children);
        return [
          code,
          month.replace('-', ''),
          r.identityNumber.replace('-', ''),
          r.householdId,
          applicantRow ? 'S' : 'M',
          r.gender === 'female' ? 'K' : 'M',
          r.birthYear,
          householdTypeOf(Number(r.adults), children),
          children,
          applicantRow ? Math.round(Number(r.granted) / 100) : 0,
          applicantRow ? Math.round(Number(r.paid ?? 0) / 100) : 0,
          r.barrier ?? '',
          '',
          '',
        ];
      }),
    };
  });
}

/**
 * SUS participant data: people in the own unit whose genomförandeplan has an activity with the
 * samordningsförbund as responsible party, starting in the period (the first plan version with
 * such an activity is the start). Every person is access-logged.
 */
export async function susFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  from: string,
  to: string,
): Promise<Sheet> {
  const unitId = viewer.unit?.id ?? '';
  const municipalityId = viewer.municipality.id;
  return inTenant(db, municipalityId, async (trx) => {
    await withoutJit(trx);
    const code = await municipalityCode(trx, municipalityId);
    const result = await sql<{
      personId: string;
      startedOn: string;
      activity: PlanContent['activities'][number];
      identityNumber: string;
      gender: string;
      birthYear: number;
      assisted: boolean;
    }>`
      with starts as (
        select distinct on (p.person_id) p.person_id, v.created_at, v.content,
               to_char(v.created_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month
        from plan_versions v
        join plans p on p.municipality_id = v.municipality_id and p.id = v.plan_id
        join persons person on person.municipality_id = p.municipality_id and person.id = p.person_id
        where v.municipality_id = ${municipalityId} and person.unit_id = ${unitId}
          and v.content -> 'activities' @> '[{"responsible": {"party": "coordinationAssociation"}}]'::jsonb
        order by p.person_id, v.created_at
      )
      select s.person_id as "personId",
             to_char(s.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "startedOn",
             (select a from jsonb_array_elements(s.content -> 'activities') a
              where a -> 'responsible' ->> 'party' = 'coordinationAssociation' limit 1) as activity,
             person.personal_identity_number as "identityNumber", person.gender,
             extract(year from person.birth_date)::int as "birthYear",
             exists (
               select 1 from household_members hm
               join households h on h.municipality_id = hm.municipality_id and h.id = hm.household_id
                 and h.unit_id = ${unitId}
               where hm.municipality_id = ${municipalityId} and hm.person_id = s.person_id
                 and hm.valid_from <= ((s.month || '-01')::date + interval '1 month' - interval '1 day')::date
                 and (hm.valid_to is null or hm.valid_to >= (s.month || '-01')::date)
                 and (select sum(d.granted_total) from errands e
                      ${latestDecisionOfErrand}
                      where e.municipality_id = hm.municipality_id and e.household_id = hm.household_id
                        and e.month = s.month) > 0
             ) as assisted
      from starts s
      join persons person on person.municipality_id = ${municipalityId} and person.id = s.person_id
      where s.month >= ${from} and s.month <= ${to}
      order by s.created_at, s.person_id
    `.execute(trx);
    await logAccess(
      trx,
      request,
      'read',
      result.rows.map((r) => r.personId),
    );
    return {
      name: `SUS ${from}–${to}`,
      header: SUS_HEADER,
      rows: result.rows.map((r) => [
        code,
        r.identityNumber.replace('-', ''),
        r.gender === 'female' ? 'K' : 'M',
        r.birthYear,
        r.startedOn,
        r.assisted ? 'ekonomiskt_bistand' : 'okand',
        r.activity.description,
        r.activity.hoursPerWeek,
        '',
        '',
      ]),
    };
  });
}

export type KeyFigures = {
  year: number;
  population: number | null;
  populationYear: number | null;
  /** Everyone (adults and children) living in a household with assistance some month of the year. */
  personsWithAssistance: number | null;
  shareOfPopulation: number | null;
  /** Adults with assistance in at least 10 months of the calendar year. */
  longTermAdults: number | null;
  longTermShareOfPopulation: number | null;
  /** Granted assistance for the year's months, öre. */
  totalAssistance: number;
  costPerInhabitant: number | null;
  suppressed: boolean;
};

/**
 * Kolada-style population-based figures for a calendar year (municipality-wide aggregates), from
 * the indicator cube: each person and household contributes once per year (`yearFigures`).
 */
export async function keyFigures(
  db: Kysely<Database>,
  viewer: SessionUser,
  now: Date,
  year: number,
): Promise<KeyFigures> {
  await ensureCube(db, viewer.municipality.id, now, undefined);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const figures = await cubeYearFigures(trx, viewer.municipality.id, year);
    const settings = await trx
      .selectFrom('reportingSettings')
      .select(['population', 'populationYear'])
      .where('municipalityId', '=', viewer.municipality.id)
      .executeTakeFirst();
    const population = settings?.population ?? null;
    const persons = figures.persons;
    const longTerm = figures.longTermAdults;
    const total = figures.assistance;
    const small = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;
    const suppressed = small(persons) || small(longTerm);
    const share = (n: number) => (population ? Math.round((n / population) * 100_000) / 100_000 : null);
    return {
      year,
      population,
      populationYear: settings?.populationYear ?? null,
      personsWithAssistance: small(persons) ? null : persons,
      shareOfPopulation: small(persons) ? null : share(persons),
      longTermAdults: small(longTerm) ? null : longTerm,
      longTermShareOfPopulation: small(longTerm) ? null : share(longTerm),
      totalAssistance: total,
      costPerInhabitant: population ? Math.round(total / population) : null,
      suppressed,
    };
  });
}
