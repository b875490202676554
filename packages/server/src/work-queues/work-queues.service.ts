// Work queues: what a caseworker (own unit) and a unit manager (own unit, with counts) must
// not overlook — a missing plan, an overdue follow-up, long-term assistance without a plan,
// young adults without an activity and the (proposed) aktivitetskrav. Each item says why.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addDays, addMonths, isoDay, planningSettings } from '../plans/planning-settings.ts';
import { type AktivitetskravRule, aktivitetskravFor } from './aktivitetskrav.rules.ts';

export type QueueCode =
  | 'planMissing'
  | 'followUpOverdue'
  | 'longTermWithoutPlan'
  | 'youngAdultWithoutActivity'
  | 'aktivitetskrav';
export type QueueItem = { personId: string; name: string; reason: string };
export type Queue = { code: QueueCode; title: string; count: number; items: QueueItem[] };
export type WorkQueues = {
  today: string;
  queues: Queue[];
  aktivitetskrav: {
    month: string;
    rule: Pick<
      AktivitetskravRule,
      'id' | 'status' | 'sourceId' | 'source' | 'validFrom' | 'firstAppliedMonth'
    > | null;
    inForce: boolean;
    exempt: (QueueItem & { exemption: string })[];
    /** Ogiltig frånvaro from an insats in the last four weeks (reported by the labour-market unit). */
    unexcusedAbsence: (QueueItem & { hours: number })[];
  };
};

const TITLES: Record<QueueCode, string> = {
  planMissing: 'Plan saknas',
  followUpOverdue: 'Uppföljning försenad',
  longTermWithoutPlan: 'Långvarigt bistånd utan aktuell plan',
  youngAdultWithoutActivity: 'Unga vuxna utan aktivitet',
  aktivitetskrav: 'Aktivitetskrav utan plan eller aktivitet',
};

function monthsBack(month: string, n: number): string {
  return addMonths(`${month}-01`, -n).slice(0, 7);
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export async function workQueues(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  now: Date,
): Promise<WorkQueues> {
  const today = isoDay(now);
  const month = today.slice(0, 7);
  const unitId = viewer.unit?.id ?? '';
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const settings = await planningSettings(trx, viewer.municipality.id);
    const adults = await trx
      .selectFrom('householdMembers as hm')
      .innerJoin('households as h', (j) =>
        j.onRef('h.municipalityId', '=', 'hm.municipalityId').onRef('h.id', '=', 'hm.householdId'),
      )
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'hm.municipalityId').onRef('p.id', '=', 'hm.personId'),
      )
      .select(['hm.personId', 'hm.householdId', 'p.birthDate'])
      .where('h.unitId', '=', unitId)
      .where('hm.role', 'in', ['applicant', 'partner'])
      .where('hm.validTo', 'is', null)
      .execute();
    const decided = await trx
      .selectFrom('decisions as d')
      .innerJoin('errands as e', (j) =>
        j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
      )
      .select(['e.householdId', 'e.id as errandId', 'e.month', 'd.decidedAt', 'd.grantedTotal'])
      .where('e.unitId', '=', unitId)
      .execute();
    const plans = await trx
      .selectFrom('plans as p')
      .leftJoin('planVersions as v', (j) =>
        j.onRef('v.municipalityId', '=', 'p.municipalityId').onRef('v.planId', '=', 'p.id'),
      )
      .leftJoin('planFollowUps as f', (j) =>
        j.onRef('f.municipalityId', '=', 'p.municipalityId').onRef('f.planId', '=', 'p.id'),
      )
      .select([
        'p.id',
        'p.personId',
        'p.createdAt',
        'v.version',
        'v.content',
        'v.createdAt as versionAt',
        'f.nextFollowUpOn',
        'f.heldOn',
      ])
      .execute();
    const plansByPerson = new Map<string, { hasActivity: boolean; lastTouched: string; next: string }>();
    const perPlan = new Map<
      string,
      {
        personId: string;
        version: number;
        hasActivity: boolean;
        lastTouched: string;
        next: string | null;
        heldOn: string;
        created: string;
      }
    >();
    for (const row of plans) {
      const created = isoDay(new Date(row.createdAt));
      const entry = perPlan.get(row.id) ?? {
        personId: row.personId,
        version: 0,
        hasActivity: false,
        lastTouched: created,
        next: null,
        heldOn: '',
        created,
      };
      if (row.version !== null && row.version >= entry.version) {
        entry.version = row.version;
        entry.hasActivity = (row.content?.activities.length ?? 0) > 0;
      }
      if (row.versionAt && isoDay(new Date(row.versionAt)) > entry.lastTouched)
        entry.lastTouched = isoDay(new Date(row.versionAt));
      if (row.heldOn && row.heldOn >= entry.heldOn) {
        entry.heldOn = row.heldOn;
        entry.next = row.nextFollowUpOn;
        if (row.heldOn > entry.lastTouched) entry.lastTouched = row.heldOn;
      }
      perPlan.set(row.id, entry);
    }
    for (const p of perPlan.values()) {
      const next = p.next ?? addMonths(p.created, settings.followUpIntervalMonths);
      const previous = plansByPerson.get(p.personId);
      if (!previous || p.lastTouched > previous.lastTouched)
        plansByPerson.set(p.personId, { hasActivity: p.hasActivity, lastTouched: p.lastTouched, next });
    }
    // A plan is current while it has been made, changed or followed up within the last 12 months.
    const currentPlan = (personId: string) => {
      const plan = plansByPerson.get(personId);
      return plan && plan.lastTouched >= addMonths(today, -12) ? plan : null;
    };

    const byHousehold = new Map<string, typeof decided>();
    for (const d of decided) byHousehold.set(d.householdId, [...(byHousehold.get(d.householdId) ?? []), d]);
    const assistedMonths = (householdId: string) =>
      new Set((byHousehold.get(householdId) ?? []).filter((d) => d.grantedTotal > 0).map((d) => d.month));

    const items: Record<QueueCode, QueueItem[]> = {
      planMissing: [],
      followUpOverdue: [],
      longTermWithoutPlan: [],
      youngAdultWithoutActivity: [],
      aktivitetskrav: [],
    };
    const exempt: (QueueItem & { exemption: string })[] = [];
    const rule = aktivitetskravFor(month);

    for (const adult of adults) {
      const decisions = byHousehold.get(adult.householdId) ?? [];
      if (decisions.length === 0) continue;
      const plan = currentPlan(adult.personId);
      const firstDecision = decisions.map((d) => isoDay(new Date(d.decidedAt))).sort()[0] ?? today;
      const deadline = addDays(firstDecision, settings.planDeadlineDays);
      if (!plansByPerson.has(adult.personId) && deadline < today)
        items.planMissing.push({
          personId: adult.personId,
          name: '',
          reason: `Första beslutet ${firstDecision}; planen skulle ha funnits senast ${deadline} (${settings.planDeadlineDays} dagar, kommunens inställning)`,
        });
      const anyPlan = plansByPerson.get(adult.personId);
      if (anyPlan && anyPlan.next < today)
        items.followUpOverdue.push({
          personId: adult.personId,
          name: '',
          reason: `Uppföljningen skulle ha gjorts senast ${anyPlan.next}`,
        });
      const months = assistedMonths(adult.householdId);
      const lastTwelve = Array.from({ length: 12 }, (_, i) => monthsBack(month, i)).filter((m) =>
        months.has(m),
      ).length;
      // Långvarigt bistånd: 10 or more of 12 months (Socialstyrelsen's definition).
      if (lastTwelve >= 10 && !plan)
        items.longTermWithoutPlan.push({
          personId: adult.personId,
          name: '',
          reason: `Bistånd ${lastTwelve} av de senaste 12 månaderna utan aktuell plan`,
        });
      const age = ageOn(adult.birthDate, today);
      const recentlyAssisted = [0, 1, 2].some((i) => months.has(monthsBack(month, i)));
      if (
        recentlyAssisted &&
        age >= settings.youngAdultBand.minAge &&
        age <= settings.youngAdultBand.maxAge &&
        !plan?.hasActivity
      )
        items.youngAdultWithoutActivity.push({
          personId: adult.personId,
          name: '',
          reason: `${age} år (åldersgrupp ${settings.youngAdultBand.minAge}–${settings.youngAdultBand.maxAge}) med bistånd utan planerad aktivitet`,
        });
      if (!rule) continue;
      // Consecutive months with försörjningsstöd ending this month or last month.
      let streakEnd = months.has(month) ? month : monthsBack(month, 1);
      let streak = 0;
      while (months.has(streakEnd)) {
        streak += 1;
        streakEnd = monthsBack(streakEnd, 1);
      }
      if (streak < rule.consecutiveMonths) continue;
      const exemption = await exemptionOf(trx, adult.personId, decisions, age, rule);
      if (exemption)
        exempt.push({ personId: adult.personId, name: '', reason: `${streak} månader i följd`, exemption });
      else if (!plan?.hasActivity)
        items.aktivitetskrav.push({
          personId: adult.personId,
          name: '',
          reason: `Försörjningsstöd ${streak} månader i följd utan plan med aktivitet (aktivitetskrav, förslag – status: ${rule.status})`,
        });
    }

    // Unexcused absence reported by the insats: the caseworker weighs it for the aktivitetskrav.
    const absenceRows = await trx
      .selectFrom('attendanceWeeks as a')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'a.municipalityId').onRef('p.id', '=', 'a.personId'),
      )
      .select(['a.personId', 'a.weekStart', 'a.unexcusedHours'])
      .where('p.unitId', '=', unitId)
      .where('a.unexcusedHours', '>', 0)
      .where('a.weekStart', '>=', addDays(today, -28))
      .orderBy('a.weekStart')
      .execute();
    const absences = new Map<string, { hours: number; weeks: string[] }>();
    for (const row of absenceRows) {
      const entry = absences.get(row.personId) ?? { hours: 0, weeks: [] };
      entry.hours += Number(row.unexcusedHours);
      entry.weeks.push(row.weekStart);
      absences.set(row.personId, entry);
    }
    const unexcusedAbsence = [...absences].map(([personId, a]) => ({
      personId,
      name: '',
      hours: a.hours,
      reason: `Ogiltig frånvaro ${a.hours} tim från insats de senaste fyra veckorna (veckor som börjar ${a.weeks.join(', ')})`,
    }));
    const ids = [...Object.values(items).flat(), ...exempt, ...unexcusedAbsence].map((i) => i.personId);
    const persons = await describePersons(trx, viewer, ids);
    const named = <T extends QueueItem>(list: T[]) =>
      list.map((i) => ({ ...i, name: persons.get(i.personId)?.name ?? '' }));
    await logAccess(trx, request, 'search', [...new Set(ids)]);
    return {
      today,
      queues: (Object.keys(items) as QueueCode[]).map((code) => ({
        code,
        title: TITLES[code],
        count: items[code].length,
        items: named(items[code]),
      })),
      aktivitetskrav: {
        month,
        rule: rule
          ? {
              id: rule.id,
              status: rule.status,
              sourceId: rule.sourceId,
              source: rule.source,
              validFrom: rule.validFrom,
              firstAppliedMonth: rule.firstAppliedMonth,
            }
          : null,
        inForce: rule !== null,
        exempt: named(exempt),
        unexcusedAbsence: named(unexcusedAbsence),
      },
    };
  });
}

/** Exemptions of the proposed rule: under 18, 18–20 in school, full-time work, sickness benefits. */
async function exemptionOf(
  trx: Kysely<Database>,
  personId: string,
  decisions: { errandId: string; month: string }[],
  age: number,
  rule: AktivitetskravRule,
): Promise<string | null> {
  if (age < rule.minimumAge) return `Under ${rule.minimumAge} år`;
  const latest = [...decisions].sort((a, b) => b.month.localeCompare(a.month))[0];
  if (!latest) return null;
  const facts = await trx
    .selectFrom('errandMemberFacts')
    .select('inSchool')
    .where('errandId', '=', latest.errandId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (facts?.inSchool && age <= rule.schoolExemptionMaxAge) return `${age} år och går i skolan`;
  const incomes = await trx
    .selectFrom('errandItems')
    .select(['type', 'subtype'])
    .where('errandId', '=', latest.errandId)
    .where('personId', '=', personId)
    .where('kind', '=', 'income')
    .execute();
  if (incomes.some((i) => i.type === 'employment' && i.subtype === 'fullTime')) return 'Heltidsanställning';
  if (incomes.some((i) => i.type === 'sicknessBenefit' || i.type === 'sicknessCompensation'))
    return 'Sjukpenning eller sjukersättning';
  return null;
}
