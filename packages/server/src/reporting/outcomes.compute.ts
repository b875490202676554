// Outcome indicators from the labour-market work (docs/indicators.md, "Outcomes"): where
// people go when their case closes, whether people referred to the labour-market unit are
// self-supporting 12 months later, attendance at insatser, and cost and outcome per insats.
// A pure function of the facts, so every figure can be checked by hand on a small dataset.
// Months are YYYY-MM, days YYYY-MM-DD, money integer öre.
import type { ClosureReason } from '../closures/closures.schemas.ts';
import { CLOSURE_REASONS } from '../closures/closures.schemas.ts';
import { addDays, lastDay, monthIndex, monthOf } from './indicators.compute.ts';

/** Closure reasons that mean the person left for work or studies (Socialstyrelsen's list). */
export const WORK_OR_STUDIES: readonly ClosureReason[] = [
  'work',
  'studiesWithAllowance',
  'subsidisedEmployment',
];
/** Closure reasons after which a person's assistance can no longer be observed here. */
const NOT_OBSERVABLE: readonly ClosureReason[] = ['moved', 'deceased'];
/** An insats counts as leading to work or studies when the case closes so within this many days of leaving it. */
export const INSATS_OUTCOME_DAYS = 90;

export type OutcomeFacts = {
  /** Today (Sweden): months up to the one before are complete. */
  today: string;
  closures: { personId: string; closedOn: string; reason: ClosureReason }[];
  /** Referrals from the assistance unit to the labour-market unit (direction internal). */
  referrals: { personId: string; sentOn: string }[];
  /**
   * Months (YYYY-MM) in which a household the person belonged to was granted assistance — at
   * least the month 12 after the person's first referral, where self-support is measured.
   */
  assistedMonths: { personId: string; month: string }[];
  insatser: { id: string; name: string; costPerParticipantOre: number }[];
  participations: { personId: string; insatsId: string; startedOn: string | null; endedOn: string | null }[];
  attendance: {
    personId: string;
    insatsId: string;
    weekStart: string;
    plannedHours: number;
    attendedHours: number;
    unexcusedHours: number;
  }[];
};

export type Share = { numerator: number; denominator: number; value: number | null };

export type Outcomes = {
  destinations: { reason: ClosureReason; count: number }[];
  closures: number;
  workOrStudiesAtExit: Share;
  selfSupportingAfterReferral: Share & { pending: number; notObservable: number };
  attendance: {
    /** Distinct participants with attendance recorded in the period. */
    participants: number;
    plannedHours: number;
    attendedHours: number;
    unexcusedHours: number;
    share: number | null;
  };
  insatser: {
    insatsId: string;
    name: string;
    started: number;
    ended: number;
    toWorkOrStudies: number;
    costOre: number;
    costPerOutcomeOre: number | null;
    attendees: number;
    attendanceShare: number | null;
  }[];
};

const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});
const hoursShare = (attended: number, planned: number) =>
  planned === 0 ? null : Math.round((attended / planned) * 10_000) / 10_000;

export function computeOutcomes(facts: OutcomeFacts, period: { from: string; to: string }): Outcomes {
  const first = `${period.from}-01`;
  const last = lastDay(period.to);
  const inPeriod = (day: string | null) => day !== null && day >= first && day <= last;
  const closuresOf = new Map<string, OutcomeFacts['closures']>();
  for (const c of facts.closures) closuresOf.set(c.personId, [...(closuresOf.get(c.personId) ?? []), c]);

  // Destinations: every closure dated in the period, by reason.
  const closed = facts.closures.filter((c) => inPeriod(c.closedOn));
  const destinations = CLOSURE_REASONS.map((reason) => ({
    reason,
    count: closed.filter((c) => c.reason === reason).length,
  }));
  const workOrStudiesAtExit = share(
    closed.filter((c) => WORK_OR_STUDIES.includes(c.reason)).length,
    closed.length,
  );

  // Self-supporting 12 months after referral: each person's first referral sent in month R,
  // measured in month R + 12 when that month falls in the period and has ended.
  const lastComplete = monthIndex(facts.today.slice(0, 7)) - 1;
  const assisted = new Set(facts.assistedMonths.map((a) => `${a.personId} ${a.month}`));
  const firstReferral = new Map<string, string>();
  for (const r of facts.referrals) {
    const earlier = firstReferral.get(r.personId);
    if (!earlier || r.sentOn < earlier) firstReferral.set(r.personId, r.sentOn);
  }
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  let notObservable = 0;
  for (const [personId, sentOn] of firstReferral) {
    const measured = monthIndex(sentOn.slice(0, 7)) + 12;
    if (measured < monthIndex(period.from) || measured > monthIndex(period.to)) continue;
    if (measured > lastComplete) {
      pending++;
      continue;
    }
    const month = monthOf(measured);
    const gone = (closuresOf.get(personId) ?? []).some(
      (c) => NOT_OBSERVABLE.includes(c.reason) && c.closedOn <= lastDay(month),
    );
    if (gone) {
      notObservable++;
      continue;
    }
    denominator++;
    if (!assisted.has(`${personId} ${month}`)) numerator++;
  }

  // Attendance: weeks starting in the period.
  const weeks = facts.attendance.filter((w) => inPeriod(w.weekStart));
  const sum = (list: typeof weeks, key: 'plannedHours' | 'attendedHours' | 'unexcusedHours') =>
    Math.round(list.reduce((s, w) => s + w[key], 0) * 100) / 100;
  const plannedHours = sum(weeks, 'plannedHours');
  const attendedHours = sum(weeks, 'attendedHours');

  // Cost and outcome per insats.
  const insatser = facts.insatser
    .map((insats) => {
      const own = facts.participations.filter((p) => p.insatsId === insats.id);
      const started = own.filter((p) => inPeriod(p.startedOn)).length;
      const ended = own.filter((p) => inPeriod(p.endedOn));
      const toWorkOrStudies = ended.filter((p) =>
        (closuresOf.get(p.personId) ?? []).some(
          (c) =>
            WORK_OR_STUDIES.includes(c.reason) &&
            c.closedOn >= (p.startedOn ?? p.endedOn ?? '') &&
            c.closedOn <= addDays(p.endedOn as string, INSATS_OUTCOME_DAYS),
        ),
      ).length;
      const insatsWeeks = weeks.filter((w) => w.insatsId === insats.id);
      const costOre = started * insats.costPerParticipantOre;
      return {
        insatsId: insats.id,
        name: insats.name,
        started,
        ended: ended.length,
        toWorkOrStudies,
        costOre,
        costPerOutcomeOre: toWorkOrStudies === 0 ? null : Math.round(costOre / toWorkOrStudies),
        attendees: new Set(insatsWeeks.map((w) => w.personId)).size,
        attendanceShare: hoursShare(sum(insatsWeeks, 'attendedHours'), sum(insatsWeeks, 'plannedHours')),
      };
    })
    .filter((row) => row.started > 0 || row.ended > 0 || row.attendanceShare !== null);

  return {
    destinations,
    closures: closed.length,
    workOrStudiesAtExit,
    selfSupportingAfterReferral: { ...share(numerator, denominator), pending, notObservable },
    attendance: {
      participants: new Set(weeks.map((w) => w.personId)).size,
      plannedHours,
      attendedHours,
      unexcusedHours: sum(weeks, 'unexcusedHours'),
      share: hoursShare(attendedHours, plannedHours),
    },
    insatser,
  };
}
