// Work queues: what a caseworker (own unit) and a unit manager (own unit, with counts) must
// not overlook — a missing plan, an overdue follow-up, long-term assistance without a plan,
// young adults without an activity, the (proposed) aktivitetskrav, the documented proposal due
// within the municipality's months (flerpartssamtal), plans about to lapse and the team's
// ärendedragning. Each item says why. A unit manager also gets a per-caseworker compliance view.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import { addDays, addMonths, isoDay, planningSettings } from '../plans/planning-settings.ts';
import { type AktivitetskravRule, aktivitetskravFor } from './aktivitetskrav.rules.ts';
import type { QUEUE_REASONS } from './work-queues.schemas.ts';

export type QueueCode =
  | 'planMissing'
  | 'followUpOverdue'
  | 'longTermWithoutPlan'
  | 'youngAdultWithoutActivity'
  | 'withoutActivity'
  | 'aktivitetskrav'
  | 'proposalDue'
  | 'planExpiring'
  | 'insatsEnded'
  | 'caseReview';
export type ComplianceRow = {
  caseworker: { id: string | null; name: string };
  assisted: number;
  withCurrentPlan: number;
  planMissing: number;
  followUpOverdue: number;
};
/**
 * Why a person is in a queue: a code and its values, worded by the UI in the reader's language
 * (sv/en dictionaries, `queueReason.<code>`). Insats names and plan activities are the
 * municipality's own words and stay as written.
 */
export type QueueReason = {
  code: (typeof QUEUE_REASONS)[number];
  params: Record<string, string | number>;
};
export type QueueItem = { personId: string; name: string; reason: QueueReason };
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
  compliance: ComplianceRow[];
};

const TITLES: Record<QueueCode, string> = {
  planMissing: 'Plan saknas',
  followUpOverdue: 'Uppföljning försenad',
  longTermWithoutPlan: 'Långvarigt bistånd utan aktuell plan',
  youngAdultWithoutActivity: 'Unga vuxna utan aktivitet',
  withoutActivity: 'Utan aktivitet',
  aktivitetskrav: 'Aktivitetskrav utan plan eller aktivitet',
  proposalDue: 'Förslag om väg framåt saknas',
  planExpiring: 'Planer som snart löper ut',
  insatsEnded: 'Insats avslutad utan nästa steg',
  caseReview: 'Ärendedragning',
};

/** A plan is current for 12 months after it was made, changed or followed up. */
const PLAN_VALID_MONTHS = 12;
/** Plans lapsing within this many days are listed so they are renewed in time. */
const EXPIRY_WARNING_DAYS = 30;
/** Long-term cases are brought to the team (ärendedragning) at least this often. */
const CASE_REVIEW_MONTHS = 6;

/** An insats or plan activity that has ended: when, and which (for the queue's reason). */
type ActivityEnd = { on: string; kind: 'insats' | 'planActivity'; name: string };

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
      .select(['hm.personId', 'hm.householdId', 'p.birthDate', 'p.responsibleUserId'])
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
    const waived = new Set(
      (await trx.selectFrom('planWaivers').select('personId').execute()).map((w) => w.personId),
    );
    const lastReview = new Map<string, string>();
    for (const r of await trx.selectFrom('caseReviews').select(['personId', 'reviewedOn']).execute())
      if ((lastReview.get(r.personId) ?? '') < r.reviewedOn) lastReview.set(r.personId, r.reviewedOn);
    const proposalMeetings = new Set(
      (
        await trx
          .selectFrom('meetings')
          .select('personId')
          .where('purpose', '=', 'multiParty')
          .where('attendance', '=', 'attended')
          .where('proposal', 'is not', null)
          .execute()
      ).map((m) => m.personId),
    );
    const manualExemptions = new Map<string, string>();
    for (const e of await trx
      .selectFrom('aktivitetskravExemptions')
      .select(['personId', 'reason', 'validTo'])
      .where('validFrom', '<=', today)
      .where('validTo', '>=', today)
      .execute())
      manualExemptions.set(e.personId, `${e.reason} (t.o.m. ${e.validTo})`);
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
    const plansByPerson = new Map<
      string,
      { hasActivity: boolean; lastTouched: string; next: string; otherPartyEnds: ActivityEnd[] }
    >();
    const perPlan = new Map<
      string,
      {
        personId: string;
        version: number;
        hasActivity: boolean;
        /** Ended activities of the current version that other agencies run (not #7 insatser). */
        otherPartyEnds: ActivityEnd[];
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
        otherPartyEnds: [],
        lastTouched: created,
        next: null,
        heldOn: '',
        created,
      };
      if (row.version !== null && row.version >= entry.version) {
        entry.version = row.version;
        // An activity counts while it has not ended.
        entry.hasActivity = (row.content?.activities ?? []).some((a) => !a.endsOn || a.endsOn >= today);
        // The labour-market unit's insatser are read from their participations (#7); what
        // another agency runs (Arbetsförmedlingen, the region …) is known only from the plan.
        entry.otherPartyEnds = (row.content?.activities ?? []).flatMap((a) =>
          a.endsOn && a.endsOn < today && a.responsible.party !== 'labourMarketUnit'
            ? [{ on: a.endsOn, kind: 'planActivity' as const, name: a.description }]
            : [],
        );
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
        plansByPerson.set(p.personId, {
          hasActivity: p.hasActivity,
          lastTouched: p.lastTouched,
          next,
          otherPartyEnds: p.otherPartyEnds,
        });
    }
    // A plan is current while it has been made, changed or followed up within the last 12 months.
    const currentPlan = (personId: string) => {
      const plan = plansByPerson.get(personId);
      return plan && plan.lastTouched >= addMonths(today, -PLAN_VALID_MONTHS) ? plan : null;
    };

    // Insatser (#7): when a person's participation started and ended, and what came next. The
    // "started without a plan" and "ended without a next step" queues read these; a plan's
    // activities count only for what other agencies run, which #7 does not record.
    const participationRows = await trx
      .selectFrom('insatsParticipations as ip')
      .leftJoin('insatser as i', 'i.id', 'ip.insatsId')
      .select(['ip.personId', 'ip.status', 'ip.listedOn', 'ip.startedOn', 'ip.endedOn', 'i.name'])
      .execute();
    const participationsOf = new Map<string, typeof participationRows>();
    for (const row of participationRows)
      participationsOf.set(row.personId, [...(participationsOf.get(row.personId) ?? []), row]);
    const referralsSent = new Map<string, string[]>();
    for (const r of await trx.selectFrom('referrals').select(['personId', 'sentOn']).execute())
      referralsSent.set(r.personId, [...(referralsSent.get(r.personId) ?? []), r.sentOn]);
    /** The first insats start on or before today, with the insats's name. */
    const insatsStart = (personId: string) =>
      (participationsOf.get(personId) ?? [])
        .filter((p) => p.startedOn !== null && p.startedOn <= today)
        .map((p) => ({ on: p.startedOn as string, name: p.name ?? 'insats' }))
        .sort((a, b) => a.on.localeCompare(b.on))[0];
    /**
     * The latest ended insats with no next step since: no participation listed or started on or
     * after its end, no referral sent since, and the plan neither changed nor followed up since.
     */
    const endedWithoutNextStep = (personId: string): ActivityEnd | null => {
      const own = participationsOf.get(personId) ?? [];
      const ends: (ActivityEnd & { row?: (typeof own)[number] })[] = [
        ...own.flatMap((p) =>
          p.status === 'ended' && p.endedOn !== null && p.endedOn <= today
            ? [{ on: p.endedOn, kind: 'insats' as const, name: p.name ?? '', row: p }]
            : [],
        ),
        ...(plansByPerson.get(personId)?.otherPartyEnds ?? []),
      ];
      const ended = ends.sort((a, b) => a.on.localeCompare(b.on)).at(-1);
      if (!ended) return null;
      const end = ended.on;
      const next =
        own.some(
          (p) => p !== ended.row && (p.listedOn >= end || (p.startedOn !== null && p.startedOn >= end)),
        ) ||
        (referralsSent.get(personId) ?? []).some((sentOn) => sentOn >= end) ||
        (plansByPerson.get(personId)?.lastTouched ?? '') > end;
      return next ? null : { on: end, kind: ended.kind, name: ended.name };
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
      withoutActivity: [],
      aktivitetskrav: [],
      proposalDue: [],
      planExpiring: [],
      insatsEnded: [],
      caseReview: [],
    };
    const compliance = new Map<string | null, Omit<ComplianceRow, 'caseworker'>>();
    const exempt: (QueueItem & { exemption: string })[] = [];
    const rule = aktivitetskravFor(month);
    // A new errand starts the plan deadline as well, decided or not.
    const appliedOn = new Map<string, string>();
    for (const e of await trx
      .selectFrom('errands')
      .select(['householdId', 'receivedAt'])
      .where('unitId', '=', unitId)
      .where('type', '=', 'newApplication')
      .execute()) {
      const day = isoDay(new Date(e.receivedAt));
      if (day < (appliedOn.get(e.householdId) ?? '9999')) appliedOn.set(e.householdId, day);
    }

    for (const adult of adults) {
      const decisions = byHousehold.get(adult.householdId) ?? [];
      const applied = appliedOn.get(adult.householdId);
      const insats = insatsStart(adult.personId);
      if (decisions.length === 0 && !applied && !insats) continue;
      const plan = currentPlan(adult.personId);
      const firstDecision = decisions.map((d) => isoDay(new Date(d.decidedAt))).sort()[0] ?? today;
      // The plan deadline runs from whichever came first: a new application, the first
      // decision, or the start of an insats.
      type Start = { on: string; code: QueueReason['code']; insats?: string };
      const starts: Start[] = [
        ...(applied ? [{ on: applied, code: 'planMissingAfterApplication' as const }] : []),
        ...(decisions.length > 0 ? [{ on: firstDecision, code: 'planMissingAfterDecision' as const }] : []),
        ...(insats ? [{ on: insats.on, code: 'planMissingAfterInsats' as const, insats: insats.name }] : []),
      ].sort((a, b) => a.on.localeCompare(b.on));
      const started: Start = starts[0] ?? { on: today, code: 'planMissingAfterApplication' };
      const deadline = addDays(started.on, settings.planDeadlineDays);
      const missing = !plansByPerson.has(adult.personId) && !waived.has(adult.personId) && deadline < today;
      const missingReason: QueueReason = {
        code: started.code,
        params: {
          startedOn: started.on,
          deadline,
          days: settings.planDeadlineDays,
          ...(started.insats === undefined ? {} : { insats: started.insats }),
        },
      };
      // An insats has ended and nothing has followed: no new insats, referral or plan work since.
      const ended = endedWithoutNextStep(adult.personId);
      if (ended)
        items.insatsEnded.push({
          personId: adult.personId,
          name: '',
          reason: {
            code: ended.kind === 'insats' ? 'insatsEnded' : 'planActivityEnded',
            params: { name: ended.name, endedOn: ended.on },
          },
        });
      if (decisions.length === 0) {
        if (missing) items.planMissing.push({ personId: adult.personId, name: '', reason: missingReason });
        continue;
      }
      const row = compliance.get(adult.responsibleUserId) ?? {
        assisted: 0,
        withCurrentPlan: 0,
        planMissing: 0,
        followUpOverdue: 0,
      };
      compliance.set(adult.responsibleUserId, row);
      row.assisted += 1;
      if (plan) row.withCurrentPlan += 1;
      // "Ingen plan behövs", recorded with its reason, takes the person out of Plan saknas.
      if (missing) {
        row.planMissing += 1;
        items.planMissing.push({ personId: adult.personId, name: '', reason: missingReason });
      }
      const anyPlan = plansByPerson.get(adult.personId);
      if (anyPlan && anyPlan.next < today) row.followUpOverdue += 1;
      if (plan) {
        const lapses = addMonths(plan.lastTouched, PLAN_VALID_MONTHS);
        if (lapses <= addDays(today, EXPIRY_WARNING_DAYS))
          items.planExpiring.push({
            personId: adult.personId,
            name: '',
            reason: { code: 'planExpiring', params: { lapses } },
          });
      }
      // Within the municipality's months (default 6) a documented proposal for the way forward,
      // presented in a flerpartssamtal: listed until such a meeting, with the proposal written
      // down, is recorded as attended.
      const proposalBy = addMonths(firstDecision, settings.proposalWithinMonths);
      if (proposalBy <= today && !proposalMeetings.has(adult.personId))
        items.proposalDue.push({
          personId: adult.personId,
          name: '',
          reason: {
            code: 'proposalDue',
            params: { since: firstDecision, by: proposalBy, months: settings.proposalWithinMonths },
          },
        });
      if (anyPlan && anyPlan.next < today)
        items.followUpOverdue.push({
          personId: adult.personId,
          name: '',
          reason: { code: 'followUpOverdue', params: { due: anyPlan.next } },
        });
      const months = assistedMonths(adult.householdId);
      const lastTwelve = Array.from({ length: 12 }, (_, i) => monthsBack(month, i)).filter((m) =>
        months.has(m),
      ).length;
      // Långvarigt bistånd: 10 or more of 12 months (Socialstyrelsen's definition).
      const reviewed = lastReview.get(adult.personId);
      if (lastTwelve >= 10 && (!reviewed || reviewed < addMonths(today, -CASE_REVIEW_MONTHS)))
        items.caseReview.push({
          personId: adult.personId,
          name: '',
          reason: reviewed
            ? { code: 'caseReviewLast', params: { months: lastTwelve, reviewedOn: reviewed } }
            : { code: 'caseReviewNever', params: { months: lastTwelve } },
        });
      if (lastTwelve >= 10 && !plan)
        items.longTermWithoutPlan.push({
          personId: adult.personId,
          name: '',
          reason: { code: 'longTermWithoutPlan', params: { months: lastTwelve } },
        });
      const age = ageOn(adult.birthDate, today);
      const recentlyAssisted = [0, 1, 2].some((i) => months.has(monthsBack(month, i)));
      // Consecutive months with försörjningsstöd ending this month or last month.
      let streakEnd = months.has(month) ? month : monthsBack(month, 1);
      let streak = 0;
      while (months.has(streakEnd)) {
        streak += 1;
        streakEnd = monthsBack(streakEnd, 1);
      }
      const inYouthBand = age >= settings.youngAdultBand.minAge && age <= settings.youngAdultBand.maxAge;
      if (recentlyAssisted && inYouthBand && !plan?.hasActivity)
        items.youngAdultWithoutActivity.push({
          personId: adult.personId,
          name: '',
          reason: {
            code: 'youngAdultWithoutActivity',
            params: { age, min: settings.youngAdultBand.minAge, max: settings.youngAdultBand.maxAge },
          },
        });
      else if (!inYouthBand && streak >= settings.withoutActivityMonths && !plan?.hasActivity)
        items.withoutActivity.push({
          personId: adult.personId,
          name: '',
          reason: {
            code: 'withoutActivity',
            params: { months: streak, limit: settings.withoutActivityMonths },
          },
        });
      if (!rule) continue;
      if (streak < rule.consecutiveMonths) continue;
      const exemption =
        manualExemptions.get(adult.personId) ??
        (await exemptionOf(trx, adult.personId, decisions, age, rule))?.text;
      if (exemption)
        exempt.push({
          personId: adult.personId,
          name: '',
          reason: { code: 'aktivitetskravExempt', params: { months: streak } },
          exemption,
        });
      else if (!plan?.hasActivity)
        items.aktivitetskrav.push({
          personId: adult.personId,
          name: '',
          reason: { code: 'aktivitetskrav', params: { months: streak, status: rule.status } },
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
      reason: { code: 'unexcusedAbsence' as const, params: { hours: a.hours, weeks: a.weeks.join(', ') } },
    }));
    const ids = [...Object.values(items).flat(), ...exempt, ...unexcusedAbsence].map((i) => i.personId);
    const persons = await describePersons(trx, viewer, ids);
    const named = <T extends QueueItem>(list: T[]) =>
      list.map((i) => ({ ...i, name: persons.get(i.personId)?.name ?? '' }));
    await logAccess(trx, request, 'search', [...new Set(ids)]);
    const staff = await trx
      .selectFrom('staffUsers')
      .select(['id', 'name'])
      .where('unitId', '=', unitId)
      .execute();
    const staffName = new Map(staff.map((u) => [u.id, u.name]));
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
      // The per-caseworker compliance view is the unit manager's.
      compliance:
        viewer.role === 'unitManager'
          ? [...compliance.entries()]
              .map(([id, row]) => ({
                caseworker: { id, name: id ? (staffName.get(id) ?? '') : 'Ingen ansvarig' },
                ...row,
              }))
              .sort((a, b) => a.caseworker.name.localeCompare(b.caseworker.name, 'sv'))
          : [],
    };
  });
}

/** Exemptions of the proposed rule: under 18, 18–20 in school, full-time work, sickness benefits. */
/** Why the aktivitetskrav does not apply, from what is recorded (a code the UI words per language). */
export const AUTOMATIC_EXEMPTIONS = [
  'underMinimumAge',
  'inSchool',
  'fullTimeEmployment',
  'sicknessBenefit',
] as const;
export type AutomaticExemption = {
  code: (typeof AUTOMATIC_EXEMPTIONS)[number];
  age: number;
  /** The same in Swedish, for lists and journal text. */
  text: string;
};

export async function exemptionOf(
  trx: Kysely<Database>,
  personId: string,
  decisions: { errandId: string; month: string }[],
  age: number,
  rule: AktivitetskravRule,
): Promise<AutomaticExemption | null> {
  if (age < rule.minimumAge) return { code: 'underMinimumAge', age, text: `Under ${rule.minimumAge} år` };
  const latest = [...decisions].sort((a, b) => b.month.localeCompare(a.month))[0];
  if (!latest) return null;
  const facts = await trx
    .selectFrom('errandMemberFacts')
    .select('inSchool')
    .where('errandId', '=', latest.errandId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (facts?.inSchool && age <= rule.schoolExemptionMaxAge)
    return { code: 'inSchool', age, text: `${age} år och går i skolan` };
  const incomes = await trx
    .selectFrom('errandItems')
    .select(['type', 'subtype'])
    .where('errandId', '=', latest.errandId)
    .where('personId', '=', personId)
    .where('kind', '=', 'income')
    .execute();
  if (incomes.some((i) => i.type === 'employment' && i.subtype === 'fullTime'))
    return { code: 'fullTimeEmployment', age, text: 'Heltidsanställning' };
  if (incomes.some((i) => i.type === 'sicknessBenefit' || i.type === 'sicknessCompensation'))
    return { code: 'sicknessBenefit', age, text: 'Sjukpenning eller sjukersättning' };
  return null;
}

/** Ärendedragning: the team reviewed the person's case; the outcome is recorded. */
export async function recordCaseReview(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: { reviewedOn?: string | undefined; outcome: string },
  today: string,
) {
  const reviewedOn = input.reviewedOn ?? today;
  if (reviewedOn > today)
    throw new AppError('invalid_input', undefined, [
      { pointer: '/reviewedOn', detail: 'Ärendedragningen kan inte vara daterad framåt i tiden' },
    ]);
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const person = (await describePersons(trx, viewer, [personId])).get(personId);
    if (!person) throw new AppError('not_found', 'Personen finns inte');
    const id = randomUUID();
    await trx
      .insertInto('caseReviews')
      .values({
        municipalityId: viewer.municipality.id,
        id,
        personId,
        reviewedOn,
        outcome: input.outcome,
        createdBy: viewer.id,
      })
      .execute();
    await logAccess(trx, request, 'create', [personId]);
    return { id, personId, name: person.name, reviewedOn, outcome: input.outcome, recordedBy: viewer.name };
  });
}

/** The unit's recorded case reviews, newest first, with their outcome. */
export async function listCaseReviews(db: Kysely<Database>, request: FastifyRequest, viewer: SessionUser) {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const rows = await trx
      .selectFrom('caseReviews as r')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'r.municipalityId').onRef('p.id', '=', 'r.personId'),
      )
      .innerJoin('staffUsers as s', 's.id', 'r.createdBy')
      .select(['r.id', 'r.personId', 'r.reviewedOn', 'r.outcome', 's.name as recordedBy'])
      .where('p.unitId', '=', viewer.unit?.id ?? '')
      .orderBy('r.reviewedOn', 'desc')
      .orderBy('r.createdAt', 'desc')
      .limit(200)
      .execute();
    const persons = await describePersons(
      trx,
      viewer,
      rows.map((r) => r.personId),
    );
    const visible = rows.filter((r) => persons.has(r.personId));
    await logAccess(trx, request, 'search', [...new Set(visible.map((r) => r.personId))]);
    return visible.map((r) => ({ ...r, name: persons.get(r.personId)?.name ?? '' }));
  });
}
