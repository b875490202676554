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
import { SUPPRESSION_THRESHOLD } from '../overview/overview.routes.ts';
import { isoDay } from '../plans/planning-settings.ts';
import type { PlanContent } from '../plans/plans.table.ts';
import { cubeYearFigures, ensureCube } from '../reporting/cube.service.ts';
import { type Facts, lastDay, monthIndex } from '../reporting/indicators.compute.ts';
import { loadPeriodFacts } from '../reporting/reporting.service.ts';
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

// Indexes of the facts by household and by person, built once per facts (the files loop over
// every household-month: a scan of every member per lookup was quadratic).
const membersByHousehold = new WeakMap<Facts, Map<string, Facts['members']>>();
const barriersByPerson = new WeakMap<Facts, Map<string, Facts['barriers']>>();

function membersIn(facts: Facts, householdId: string, month: string) {
  let index = membersByHousehold.get(facts);
  if (!index) {
    index = new Map();
    for (const m of facts.members) {
      const list = index.get(m.householdId) ?? [];
      list.push(m);
      index.set(m.householdId, list);
    }
    membersByHousehold.set(facts, index);
  }
  const first = `${month}-01`;
  const last = lastDay(month);
  return (index.get(householdId) ?? []).filter(
    (m) => m.validFrom <= last && (m.validTo === null || m.validTo >= first),
  );
}

function barrierOn(facts: Facts, personId: string, day: string): string {
  let index = barriersByPerson.get(facts);
  if (!index) {
    index = new Map();
    for (const b of [...facts.barriers].sort((a, c) => a.assessedOn.localeCompare(c.assessedOn))) {
      const list = index.get(b.personId) ?? [];
      list.push(b);
      index.set(b.personId, list);
    }
    barriersByPerson.set(facts, index);
  }
  let found = '';
  for (const b of index.get(personId) ?? []) if (b.assessedOn <= day) found = b.supportBarrier;
  return found;
}

async function identities(trx: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await trx
    .selectFrom('persons')
    .select(['id', 'personalIdentityNumber'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.personalIdentityNumber.replace('-', '')]));
}

async function municipalityCode(trx: Kysely<Database>, id: string): Promise<string> {
  const row = await trx.selectFrom('municipalities').select('code').where('id', '=', id).executeTakeFirst();
  return row?.code ?? '';
}

/**
 * One row per adult (sökande and medsökande) in a household with assistance the month concerns,
 * for the manager's own unit. Every person in the file is access-logged.
 */
export async function socialstyrelsenFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  now: Date,
  month: string,
): Promise<Sheet> {
  const unitId = viewer.unit?.id ?? '';
  return inTenant(db, viewer.municipality.id, async (trx) => {
    // Only the month's assistance (period-bounded; the whole history is not needed).
    const facts = await loadPeriodFacts(trx, viewer.municipality.id, isoDay(now), unitId, {
      from: month,
      to: month,
      firstGrantedIn: null,
    });
    const code = await municipalityCode(trx, viewer.municipality.id);
    const paid = await trx
      .selectFrom('payments as p')
      .innerJoin('errands as e', (j) =>
        j.onRef('e.municipalityId', '=', 'p.municipalityId').onRef('e.id', '=', 'p.errandId'),
      )
      .select(['e.householdId', sql<string>`sum(p.amount)::bigint`.as('amount')])
      .where('p.month', '=', month)
      .where('p.status', 'in', ['exported', 'paid'])
      .where('e.unitId', '=', unitId)
      .groupBy('e.householdId')
      .execute();
    const paidBy = new Map(paid.map((p) => [p.householdId, Number(p.amount)]));
    const granted = new Map<string, number>();
    for (const a of facts.assistance)
      if (a.month === month) granted.set(a.householdId, (granted.get(a.householdId) ?? 0) + a.amount);
    const last = lastDay(month);
    const rows: { personId: string; cells: (string | number | null)[] }[] = [];
    for (const [householdId, amount] of [...granted].sort((a, b) => a[0].localeCompare(b[0]))) {
      const members = membersIn(facts, householdId, month);
      const adults = members
        .filter((m) => m.role !== 'child')
        .sort((a, b) => (a.role === 'applicant' ? -1 : b.role === 'applicant' ? 1 : 0));
      const children = members.filter((m) => m.role === 'child').length;
      const type =
        adults.length >= 2
          ? children > 0
            ? 'coupleWithChildren'
            : 'coupleNoChildren'
          : children > 0
            ? 'singleWithChildren'
            : 'singleNoChildren';
      adults.forEach((adult, index) => {
        const applicantRow = index === 0;
        rows.push({
          personId: adult.personId,
          cells: [
            code,
            month.replace('-', ''),
            adult.personId,
            householdId,
            applicantRow ? 'S' : 'M',
            adult.gender === 'female' ? 'K' : 'M',
            Number(adult.birthDate.slice(0, 4)),
            type,
            children,
            applicantRow ? Math.round(amount / 100) : 0,
            applicantRow ? Math.round((paidBy.get(householdId) ?? 0) / 100) : 0,
            barrierOn(facts, adult.personId, last),
            '',
            '',
          ],
        });
      });
    }
    const ids = await identities(
      trx,
      rows.map((r) => r.personId),
    );
    await logAccess(
      trx,
      request,
      'read',
      rows.map((r) => r.personId),
    );
    return {
      name: `Socialstyrelsen ${month}`,
      header: SOCIALSTYRELSEN_HEADER,
      rows: rows.map((r) => r.cells.map((c, i) => (i === 2 ? (ids.get(r.personId) ?? '') : c))),
    };
  });
}

/**
 * SUS participant data: people in the own unit whose genomförandeplan has an activity with the
 * samordningsförbund as responsible party, starting in the period. Every person is access-logged.
 */
export async function susFile(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  now: Date,
  from: string,
  to: string,
): Promise<Sheet> {
  const unitId = viewer.unit?.id ?? '';
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const facts = await loadPeriodFacts(trx, viewer.municipality.id, isoDay(now), unitId, {
      from,
      to,
      firstGrantedIn: null,
    });
    const code = await municipalityCode(trx, viewer.municipality.id);
    const versions = await trx
      .selectFrom('planVersions as v')
      .innerJoin('plans as p', (j) =>
        j.onRef('p.municipalityId', '=', 'v.municipalityId').onRef('p.id', '=', 'v.planId'),
      )
      .innerJoin('persons as person', (j) =>
        j.onRef('person.municipalityId', '=', 'p.municipalityId').onRef('person.id', '=', 'p.personId'),
      )
      .select(['p.personId', 'v.content', 'v.createdAt', 'person.gender', 'person.birthDate'])
      .where('person.unitId', '=', unitId)
      .orderBy('v.createdAt')
      .execute();
    const start = new Map<
      string,
      { on: string; activity: PlanContent['activities'][number]; gender: string; birthDate: string }
    >();
    for (const v of versions) {
      if (start.has(v.personId)) continue;
      const activity = v.content.activities.find((a) => a.responsible.party === 'coordinationAssociation');
      if (activity)
        start.set(v.personId, {
          on: isoDay(new Date(v.createdAt)),
          activity,
          gender: v.gender,
          birthDate: String(v.birthDate),
        });
    }
    const assistedMonths = new Set(facts.assistance.map((a) => `${a.householdId}|${a.month}`));
    const assistedIn = (personId: string, month: string) =>
      facts.members.some(
        (m) =>
          m.personId === personId &&
          assistedMonths.has(`${m.householdId}|${month}`) &&
          m.validFrom <= lastDay(month) &&
          (m.validTo === null || m.validTo >= `${month}-01`),
      );
    const chosen = [...start].filter(
      ([, s]) =>
        monthIndex(s.on.slice(0, 7)) >= monthIndex(from) && monthIndex(s.on.slice(0, 7)) <= monthIndex(to),
    );
    const ids = await identities(
      trx,
      chosen.map(([id]) => id),
    );
    await logAccess(
      trx,
      request,
      'read',
      chosen.map(([id]) => id),
    );
    return {
      name: `SUS ${from}–${to}`,
      header: SUS_HEADER,
      rows: chosen.map(([personId, s]) => [
        code,
        ids.get(personId) ?? '',
        s.gender === 'female' ? 'K' : 'M',
        Number(s.birthDate.slice(0, 4)),
        s.on,
        assistedIn(personId, s.on.slice(0, 7)) ? 'ekonomiskt_bistand' : 'okand',
        s.activity.description,
        s.activity.hoursPerWeek,
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
