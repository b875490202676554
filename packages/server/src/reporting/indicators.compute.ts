// The indicators of docs/indicators.md, computed from case facts in memory: a pure function
// of the facts and the settings, so every figure can be checked by hand on a small dataset
// and the same code answers the dashboard, the exports and the drill-down to the cases.
// Months are YYYY-MM, days YYYY-MM-DD, money integer öre.

export const DIMENSIONS = ['none', 'unit', 'gender', 'ageGroup', 'householdType', 'supportBarrier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const HOUSEHOLD_TYPES = [
  'singleNoChildren',
  'singleWithChildren',
  'coupleNoChildren',
  'coupleWithChildren',
] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

export const INDICATORS = [
  'recipients',
  'households',
  'under10Months',
  'longTerm',
  'veryLongTerm',
  'youngAdults',
  'currentPlan',
  'planWithinDeadline',
  'followUpsOnTime',
  'children',
  'childrenLongTerm',
  'returnWithin12Months',
  'averageAssistance',
  'caseload',
  'weightedCaseload',
  'caseworkerChanges',
  'referralsSent',
  'referralsEnrolled',
  'referralsReturned',
  'referralWaitingDays',
  'referralToFirstActivity',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** count: a number of people or households; share: numerator/denominator; amount: öre per denominator; ratio: numerator/denominator as a plain number. */
export type IndicatorKind = 'count' | 'share' | 'amount' | 'ratio';

export const INDICATOR_KIND: Record<IndicatorId, IndicatorKind> = {
  recipients: 'count',
  households: 'count',
  under10Months: 'share',
  longTerm: 'share',
  veryLongTerm: 'share',
  youngAdults: 'share',
  currentPlan: 'share',
  planWithinDeadline: 'share',
  followUpsOnTime: 'share',
  children: 'count',
  childrenLongTerm: 'count',
  returnWithin12Months: 'share',
  averageAssistance: 'amount',
  caseload: 'ratio',
  weightedCaseload: 'ratio',
  caseworkerChanges: 'ratio',
  referralsSent: 'count',
  referralsEnrolled: 'share',
  referralsReturned: 'share',
  referralWaitingDays: 'ratio',
  referralToFirstActivity: 'ratio',
};

/**
 * Indicators whose numerator is stored in hundredths (integers in the cube): the weighted
 * caseload's weights. Its figure and numerator are shown divided back.
 */
export const INDICATOR_SCALE: Partial<Record<IndicatorId, number>> = { weightedCaseload: 100 };

/** Whose data an indicator counts: the subject a drill-down leads to. */
export const INDICATOR_SUBJECT: Record<IndicatorId, 'adult' | 'household' | 'child'> = {
  recipients: 'adult',
  households: 'household',
  under10Months: 'adult',
  longTerm: 'adult',
  veryLongTerm: 'adult',
  youngAdults: 'adult',
  currentPlan: 'adult',
  planWithinDeadline: 'adult',
  followUpsOnTime: 'adult',
  children: 'child',
  childrenLongTerm: 'child',
  returnWithin12Months: 'household',
  averageAssistance: 'household',
  caseload: 'household',
  weightedCaseload: 'household',
  caseworkerChanges: 'household',
  referralsSent: 'adult',
  referralsEnrolled: 'adult',
  referralsReturned: 'adult',
  referralWaitingDays: 'adult',
  referralToFirstActivity: 'adult',
};

export type AgeBand = { min: number; max: number | null };

export type IndicatorSettings = {
  ageBands: AgeBand[];
  youngAdult: { min: number; max: number };
  /** Mycket långvarigt: at least `months` of the last `window` months (a setting: the national definition is unverified). */
  veryLongTerm: { months: number; window: number };
  planDeadlineDays: number;
  followUpIntervalMonths: number;
  /** Weights of the weighted caseload (docs/indicators.md): the municipality's own, not a norm. */
  caseWeights: CaseWeights;
};

export type CaseWeights = {
  /** Every household. */
  base: number;
  /** Per adult beyond the first. */
  additionalAdult: number;
  /** Per child. */
  child: number;
  /** When a member has protected personal data (sekretessmarkering, skyddad folkbokföring, fingerade personuppgifter). */
  protectedIdentity: number;
  /** By the applicant's försörjningshinder (missing: 0). */
  supportBarrier: Record<string, number>;
};

/** Starting values for the municipality to change — chosen to be simple, not taken from any norm. */
export const DEFAULT_CASE_WEIGHTS: CaseWeights = {
  base: 1,
  additionalAdult: 0.5,
  child: 0.25,
  protectedIdentity: 0.5,
  supportBarrier: {},
};

export const DEFAULT_INDICATOR_SETTINGS: IndicatorSettings = {
  ageBands: [
    { min: 0, max: 17 },
    { min: 18, max: 25 },
    { min: 26, max: 29 },
    { min: 30, max: 39 },
    { min: 40, max: 49 },
    { min: 50, max: 64 },
    { min: 65, max: null },
  ],
  youngAdult: { min: 18, max: 25 },
  veryLongTerm: { months: 27, window: 30 },
  planDeadlineDays: 14,
  followUpIntervalMonths: 2,
  caseWeights: DEFAULT_CASE_WEIGHTS,
};

export type Facts = {
  /** Today (Sweden): nothing after it is known; the current month is incomplete. */
  today: string;
  households: { id: string; unitId: string }[];
  members: {
    householdId: string;
    personId: string;
    role: 'applicant' | 'partner' | 'child';
    validFrom: string;
    validTo: string | null;
    birthDate: string;
    gender: 'female' | 'male';
    /** Protected personal data (for the weighted caseload); missing = no. */
    protectedIdentity?: boolean;
  }[];
  /** Granted assistance per household and month the assistance concerns (öre > 0), with the first decision day. */
  assistance: { householdId: string; month: string; amount: number; decidedOn: string }[];
  plans: {
    personId: string;
    createdOn: string;
    /** Days the plan got a new version. */
    versionOn: string[];
    followUps: { heldOn: string; nextFollowUpOn: string }[];
  }[];
  /** Försörjningshinder per kartläggning version. */
  barriers: { personId: string; supportBarrier: string; assessedOn: string }[];
  assignments: { householdId: string; caseworkerId: string; validFrom: string; validTo: string | null }[];
  /**
   * Facts read for a period only (the drill-down): the first granting decision's day of
   * households whose assistance began before the period, which the period's own decisions
   * would not show.
   */
  firstGrantedOn?: Record<string, string>;
  /** Referrals (remisser) of the people, for the referral indicators; missing = none. */
  referrals?: {
    personId: string;
    sentOn: string;
    firstMeetingOn: string | null;
    startedOn: string | null;
    returnedOn: string | null;
    closedOn: string | null;
    /** The earliest start of an insats participation made on the referral. */
    participationStartedOn: string | null;
  }[];
};

export type Filters = {
  unitId?: string | undefined;
  gender?: 'female' | 'male' | undefined;
  ageGroup?: string | undefined;
  householdType?: HouseholdType | undefined;
  supportBarrier?: string | undefined;
};

export type Point = {
  month: string;
  group: string;
  numerator: number;
  denominator: number | null;
  /** Rounded: shares to 4 decimals, amounts to whole öre, ratios to 2 decimals. */
  value: number | null;
  /** The figure can still change (return within 12 months: the 12 months have not passed). */
  provisional: boolean;
};

export type IndicatorResult = { id: IndicatorId; kind: IndicatorKind; points: Point[] };

export type Selection = { indicator: IndicatorId; month: string; group: string };

// ---- month and day arithmetic -------------------------------------------------------------

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
export function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
// Memoised: the computation asks for the same few months' last days hundreds of thousands of times.
const lastDays = new Map<string, string>();
export function lastDay(month: string): string {
  let day = lastDays.get(month);
  if (day === undefined) {
    const i = monthIndex(month) + 1;
    day = new Date(Date.UTC(Math.floor(i / 12), i % 12, 0)).toISOString().slice(0, 10);
    lastDays.set(month, day);
  }
  return day;
}
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function addMonthsDay(day: string, months: number): string {
  const i = monthIndex(day.slice(0, 7)) + months;
  const last = Number(lastDay(monthOf(i)).slice(8, 10));
  return `${monthOf(i)}-${String(Math.min(Number(day.slice(8, 10)), last)).padStart(2, '0')}`;
}
/** Days from `from` to `to` (0 when `to` is earlier: a registration error is not a negative wait). */
export function daysBetween(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
  );
}
function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
export function bandLabel(band: AgeBand): string {
  return band.max === null ? `${band.min}+` : `${band.min}–${band.max}`;
}
export function ageGroupOf(age: number, bands: AgeBand[]): string {
  const band = bands.find((b) => age >= b.min && (b.max === null || age <= b.max));
  return band ? bandLabel(band) : 'other';
}

/** A household's type from its adults and children in a month (two adults or more: a couple). */
export function householdTypeOf(adults: number, children: number): HouseholdType {
  if (adults >= 2) return children > 0 ? 'coupleWithChildren' : 'coupleNoChildren';
  return children > 0 ? 'singleWithChildren' : 'singleNoChildren';
}

// ---- the computation ----------------------------------------------------------------------

/** Who a contribution counts, with every attribute a figure can be broken down or filtered by. */
export type Subject = {
  id: string;
  unit: string;
  gender: string;
  ageGroup: string;
  householdType: HouseholdType;
  supportBarrier: string;
};

/**
 * One subject's share of one figure: every subject contributes to exactly one cell per month and
 * indicator, so figures are sums of contributions (caseload's denominator is the number of
 * distinct caseworkers among its contributions). The indicator cube stores these summed per
 * attribute combination; `computeIndicators` sums them for one breakdown in memory.
 */
export type Contribution = {
  indicator: IndicatorId;
  month: string;
  subject: Subject;
  numerator: number;
  denominator: number;
  provisional: boolean;
  /** Caseload only: the caseworker assigned to the household at the end of the month. */
  caseworkerId: string | null;
};

type Bucket = { num: number; den: number; numIds: Set<string>; denIds: Set<string>; provisional: boolean };

export const NOT_RECORDED = 'notRecorded';

/** Indicators whose denominator is the number of distinct caseworkers, not a sum. */
export const CASEWORKER_DENOMINATOR: ReadonlySet<IndicatorId> = new Set(['caseload', 'weightedCaseload']);

/**
 * Computes every indicator for the months `from`..`to`, broken down by `dimension`, for the
 * subjects that pass `filters`. With `select`, also returns the subjects (person or household
 * ids) behind one figure: `numerator` and `denominator` members.
 */
export function computeIndicators(
  facts: Facts,
  settings: IndicatorSettings,
  options: { from: string; to: string; dimension: Dimension; filters: Filters; select?: Selection },
): { indicators: IndicatorResult[]; selected: { numerator: string[]; denominator: string[] } | null } {
  const results = new Map<IndicatorId, Map<string, Map<string, Bucket>>>();
  for (const id of INDICATORS) results.set(id, new Map());
  const caseworkers = new Map<string, Set<string>>();
  const sel = options.select;
  emitContributions(facts, settings, { from: options.from, to: options.to }, (c) => {
    if (!passes(c.subject, options.filters)) return;
    const group = options.dimension === 'none' ? 'all' : c.subject[options.dimension];
    const byMonth = results.get(c.indicator) as Map<string, Map<string, Bucket>>;
    const groups = byMonth.get(c.month) ?? new Map<string, Bucket>();
    byMonth.set(c.month, groups);
    let b = groups.get(group);
    if (!b) {
      b = { num: 0, den: 0, numIds: new Set(), denIds: new Set(), provisional: false };
      groups.set(group, b);
    }
    b.num += c.numerator;
    b.den += c.denominator;
    if (c.provisional) b.provisional = true;
    if (CASEWORKER_DENOMINATOR.has(c.indicator) && c.caseworkerId !== null) {
      const key = `${c.indicator}|${c.month}|${group}`;
      const set = caseworkers.get(key) ?? new Set<string>();
      set.add(c.caseworkerId);
      caseworkers.set(key, set);
    }
    if (sel && sel.indicator === c.indicator && sel.month === c.month && sel.group === group) {
      if (c.numerator > 0) b.numIds.add(c.subject.id);
      if (c.denominator > 0) b.denIds.add(c.subject.id);
    }
  });
  // Caseload denominators: distinct caseworkers per group.
  for (const id of CASEWORKER_DENOMINATOR)
    for (const [month, groups] of results.get(id) ?? [])
      for (const [group, b] of groups) b.den = caseworkers.get(`${id}|${month}|${group}`)?.size ?? 0;

  const indicators: IndicatorResult[] = INDICATORS.map((id) => {
    const kind = INDICATOR_KIND[id];
    const points: Point[] = [];
    for (const [month, groups] of results.get(id) ?? []) {
      for (const [group, b] of groups) {
        points.push(makePoint(id, month, group, b.num, b.den, b.provisional));
      }
    }
    points.sort((a, b) => a.month.localeCompare(b.month) || a.group.localeCompare(b.group));
    return { id, kind, points };
  });
  let selected: { numerator: string[]; denominator: string[] } | null = null;
  if (sel) {
    const b = results.get(sel.indicator)?.get(sel.month)?.get(sel.group);
    selected = { numerator: [...(b?.numIds ?? [])], denominator: [...(b?.denIds ?? [])] };
  }
  return { indicators, selected };
}

/**
 * Every subject's contributions to every indicator in the months `from`..`to` (up to the
 * current month). With `households`, only those households' members and the households
 * themselves contribute — the facts may hold more (a member's other households, whose months
 * count toward the person's duration); the indicator cube's refresh works through the
 * municipality a chunk of households at a time this way.
 */
export function emitContributions(
  facts: Facts,
  settings: IndicatorSettings,
  range: { from: string; to: string; households?: ReadonlySet<string> },
  emit: (contribution: Contribution) => void,
): void {
  const currentMonth = facts.today.slice(0, 7);
  const current = monthIndex(currentMonth);
  const unitOf = new Map(facts.households.map((h) => [h.id, h.unitId]));

  // Assisted months per household: month index → amount.
  const assisted = new Map<string, Map<number, number>>();
  const firstDecision = new Map<string, string>();
  for (const a of facts.assistance) {
    if (a.amount <= 0) continue;
    const months = assisted.get(a.householdId) ?? new Map<number, number>();
    months.set(monthIndex(a.month), (months.get(monthIndex(a.month)) ?? 0) + a.amount);
    assisted.set(a.householdId, months);
    const first = firstDecision.get(a.householdId);
    if (!first || a.decidedOn < first) firstDecision.set(a.householdId, a.decidedOn);
  }
  // Facts read for a period only: households known to have had assistance before it.
  for (const [householdId, day] of Object.entries(facts.firstGrantedOn ?? {}))
    firstDecision.set(householdId, day);
  const countIn = (householdId: string, end: number, window: number) => {
    const months = assisted.get(householdId);
    if (!months) return 0;
    let n = 0;
    for (let i = end - window + 1; i <= end; i++) if (months.has(i)) n++;
    return n;
  };
  // A person's assisted months follow the households they belonged to in each month.
  const personMonths = new Map<string, Set<number>>();
  for (const m of facts.members) {
    const months = assisted.get(m.householdId);
    if (!months) continue;
    const set = personMonths.get(m.personId) ?? new Set<number>();
    for (const i of months.keys()) {
      const month = monthOf(i);
      if (m.validFrom <= lastDay(month) && (m.validTo === null || m.validTo >= `${month}-01`)) set.add(i);
    }
    personMonths.set(m.personId, set);
  }
  const personCount = (personId: string, end: number, window: number) => {
    const set = personMonths.get(personId);
    if (!set) return 0;
    let n = 0;
    for (let i = end - window + 1; i <= end; i++) if (set.has(i)) n++;
    return n;
  };

  const barriersByPerson = new Map<string, { supportBarrier: string; assessedOn: string }[]>();
  for (const b of facts.barriers) {
    const list = barriersByPerson.get(b.personId) ?? [];
    list.push(b);
    barriersByPerson.set(b.personId, list);
  }
  for (const list of barriersByPerson.values()) list.sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const barrierOn = (personId: string, day: string) => {
    let found = NOT_RECORDED;
    for (const b of barriersByPerson.get(personId) ?? []) if (b.assessedOn <= day) found = b.supportBarrier;
    return found;
  };

  const plansByPerson = new Map<string, Facts['plans']>();
  for (const p of facts.plans) {
    const list = plansByPerson.get(p.personId) ?? [];
    list.push(p);
    plansByPerson.set(p.personId, list);
  }
  /** Current plan: made, changed or followed up within the 12 months up to `day`. */
  const hasCurrentPlan = (personId: string, day: string) => {
    const since = addMonthsDay(day, -12);
    return (plansByPerson.get(personId) ?? []).some((p) =>
      [p.createdOn, ...p.versionOn, ...p.followUps.map((f) => f.heldOn)].some((d) => d <= day && d > since),
    );
  };
  const firstPlanOn = (personId: string) =>
    (plansByPerson.get(personId) ?? []).map((p) => p.createdOn).sort()[0] ?? null;

  // Follow-up due dates per person: [due day, held on time].
  const dueByPerson = new Map<string, { due: string; onTime: boolean }[]>();
  for (const p of facts.plans) {
    const list = dueByPerson.get(p.personId) ?? [];
    list.push(...followUpDueDates(p, settings.followUpIntervalMonths, facts.today));
    dueByPerson.set(p.personId, list);
  }

  const assignmentsByHousehold = new Map<string, Facts['assignments']>();
  for (const a of facts.assignments) {
    const list = assignmentsByHousehold.get(a.householdId) ?? [];
    list.push(a);
    assignmentsByHousehold.set(a.householdId, list);
  }
  for (const list of assignmentsByHousehold.values())
    list.sort((a, b) => a.validFrom.localeCompare(b.validFrom));

  const referralsByPerson = new Map<string, NonNullable<Facts['referrals']>>();
  for (const r of facts.referrals ?? []) {
    const list = referralsByPerson.get(r.personId) ?? [];
    list.push(r);
    referralsByPerson.set(r.personId, list);
  }
  const weights = settings.caseWeights;

  const membersByHousehold = new Map<string, Facts['members']>();
  for (const m of facts.members) {
    if (range.households && !range.households.has(m.householdId)) continue;
    const list = membersByHousehold.get(m.householdId) ?? [];
    list.push(m);
    membersByHousehold.set(m.householdId, list);
  }

  const add = (
    indicator: IndicatorId,
    month: string,
    subject: Subject,
    numerator: number,
    denominator: number,
    provisional = false,
    caseworkerId: string | null = null,
  ) => emit({ indicator, month, subject, numerator, denominator, provisional, caseworkerId });

  for (const month of monthsBetween(range.from, range.to)) {
    const mi = monthIndex(month);
    if (mi > current) continue;
    const first = `${month}-01`;
    const last = lastDay(month);
    const endDay = [last, facts.today].sort()[0] as string;

    for (const [householdId, members] of membersByHousehold) {
      const inMonth = members.filter(
        (m) => m.validFrom <= last && (m.validTo === null || m.validTo >= first),
      );
      if (inMonth.length === 0) continue;
      const unitId = unitOf.get(householdId) ?? '';
      const adults = inMonth.filter((m) => m.role !== 'child');
      const children = inMonth.filter((m) => m.role === 'child');
      const householdType = householdTypeOf(adults.length, children.length);
      const subjectOf = (m: Facts['members'][number], barrierPerson = m.personId): Subject => ({
        id: m.personId,
        unit: unitId,
        gender: m.gender,
        ageGroup: ageGroupOf(ageOn(m.birthDate, last), settings.ageBands),
        householdType,
        supportBarrier: barrierOn(barrierPerson, last),
      });
      const applicant = adults.find((m) => m.role === 'applicant') ?? adults[0];
      const months = assisted.get(householdId);
      const amount = months?.get(mi) ?? 0;
      const isAssisted = amount > 0;

      // Follow-ups due this month, for adults registered in a household this month.
      for (const adult of adults) {
        for (const d of dueByPerson.get(adult.personId) ?? []) {
          if (d.due.slice(0, 7) !== month) continue;
          add('followUpsOnTime', month, subjectOf(adult), d.onTime ? 1 : 0, 1);
        }
        // Referrals: sent this month (and what became of them), started or first active this month.
        for (const r of referralsByPerson.get(adult.personId) ?? []) {
          const started = earliest(r.startedOn, r.participationStartedOn);
          if (r.sentOn.slice(0, 7) === month) {
            const s = subjectOf(adult);
            // Open: neither started, returned nor closed yet — its outcome can still change.
            const open = started === null && r.returnedOn === null && r.closedOn === null;
            add('referralsSent', month, s, 1, 0);
            add('referralsEnrolled', month, s, started !== null ? 1 : 0, 1, open);
            add('referralsReturned', month, s, r.returnedOn !== null ? 1 : 0, 1, open);
          }
          if (started !== null && started.slice(0, 7) === month)
            add('referralWaitingDays', month, subjectOf(adult), daysBetween(r.sentOn, started), 1);
          const first = earliest(r.firstMeetingOn, started);
          if (first !== null && first.slice(0, 7) === month)
            add('referralToFirstActivity', month, subjectOf(adult), daysBetween(r.sentOn, first), 1);
        }
      }

      if (isAssisted && applicant) {
        const household = { ...subjectOf(applicant), id: householdId };
        const householdTwelve = countIn(householdId, mi, 12);
        add('households', month, household, 1, 0);
        add('averageAssistance', month, household, amount, 1);
        for (const adult of adults) {
          const s = subjectOf(adult);
          const twelve = personCount(adult.personId, mi, 12);
          const longer = personCount(adult.personId, mi, settings.veryLongTerm.window);
          const age = ageOn(adult.birthDate, last);
          add('recipients', month, s, 1, 0);
          add('under10Months', month, s, twelve < 10 ? 1 : 0, 1);
          add('longTerm', month, s, twelve >= 10 ? 1 : 0, 1);
          add('veryLongTerm', month, s, longer >= settings.veryLongTerm.months ? 1 : 0, 1);
          add(
            'youngAdults',
            month,
            s,
            age >= settings.youngAdult.min && age <= settings.youngAdult.max ? 1 : 0,
            1,
          );
          add('currentPlan', month, s, hasCurrentPlan(adult.personId, endDay) ? 1 : 0, 1);
        }
        for (const child of children) {
          const s = subjectOf(child, applicant.personId);
          add('children', month, s, 1, 0);
          if (householdTwelve >= 10) add('childrenLongTerm', month, s, 1, 0);
        }
        // Plan within the deadline, for adults of households whose first granting decision fell this month.
        const decidedOn = firstDecision.get(householdId);
        if (decidedOn && decidedOn.slice(0, 7) === month) {
          const deadline = addDays(decidedOn, settings.planDeadlineDays);
          for (const adult of adults) {
            const planOn = firstPlanOn(adult.personId);
            const inTime = planOn !== null && planOn <= deadline;
            // Still pending: the deadline has not passed and there is no plan yet.
            if (!inTime && deadline >= facts.today) continue;
            add('planWithinDeadline', month, subjectOf(adult), inTime ? 1 : 0, 1);
          }
        }
        // Caseload: households per caseworker assigned at the end of the month (or today).
        const assignment = (assignmentsByHousehold.get(householdId) ?? []).find(
          (a) => a.validFrom <= endDay && (a.validTo === null || a.validTo > endDay),
        );
        add('caseload', month, household, 1, 0, false, assignment?.caseworkerId ?? null);
        // Weighted caseload: the household's weight in hundredths (docs/indicators.md).
        const weight =
          weights.base +
          weights.additionalAdult * Math.max(0, adults.length - 1) +
          weights.child * children.length +
          (inMonth.some((m) => m.protectedIdentity === true) ? weights.protectedIdentity : 0) +
          (weights.supportBarrier[household.supportBarrier] ?? 0);
        add(
          'weightedCaseload',
          month,
          household,
          Math.round(weight * 100),
          0,
          false,
          assignment?.caseworkerId ?? null,
        );
        // Caseworker changes: new assignments during the last 12 months that replaced an earlier one.
        const windowStart = `${monthOf(mi - 11)}-01`;
        const changes = (assignmentsByHousehold.get(householdId) ?? []).filter(
          (a, i) => i > 0 && a.validFrom >= windowStart && a.validFrom <= endDay,
        ).length;
        add('caseworkerChanges', month, household, changes, 1);

        // Exit: assisted this month, not the next; the next month must have ended.
        if (mi + 1 < current && !months?.has(mi + 1)) {
          let returned = false;
          for (let i = mi + 2; i <= Math.min(mi + 12, current); i++) if (months?.has(i)) returned = true;
          add('returnWithin12Months', month, household, returned ? 1 : 0, 1, !returned && mi + 12 >= current);
        }
      }
    }
  }
}

/**
 * A plan's follow-up due dates up to today and whether each was met on time: the first is the
 * plan's creation + the interval, each held follow-up sets the next; a due date with no
 * follow-up after it is missed (once).
 */
export function followUpDueDates(
  plan: Facts['plans'][number],
  intervalMonths: number,
  today: string,
): { due: string; onTime: boolean }[] {
  const list: { due: string; onTime: boolean }[] = [];
  const followUps = [...plan.followUps].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  let due = addMonthsDay(plan.createdOn, intervalMonths);
  let i = 0;
  while (due <= today) {
    const next = followUps[i];
    if (!next) {
      list.push({ due, onTime: false });
      break;
    }
    list.push({ due, onTime: next.heldOn <= due });
    due = next.nextFollowUpOn;
    i++;
  }
  return list;
}

function passes(subject: Subject, f: Filters): boolean {
  return (
    (!f.unitId || subject.unit === f.unitId) &&
    (!f.gender || subject.gender === f.gender) &&
    (!f.ageGroup || subject.ageGroup === f.ageGroup) &&
    (!f.householdType || subject.householdType === f.householdType) &&
    (!f.supportBarrier || subject.supportBarrier === f.supportBarrier)
  );
}

/** A figure from its sums (a scaled numerator divided back). */
export function makePoint(
  id: IndicatorId,
  month: string,
  group: string,
  numerator: number,
  denominator: number,
  provisional: boolean,
): Point {
  const kind = INDICATOR_KIND[id];
  const scale = INDICATOR_SCALE[id] ?? 1;
  const den = kind === 'count' ? null : denominator;
  const num = scale === 1 ? numerator : Math.round((numerator / scale) * 100) / 100;
  return { month, group, numerator: num, denominator: den, value: pointValue(kind, num, den), provisional };
}

export function pointValue(
  kind: IndicatorKind,
  numerator: number,
  denominator: number | null,
): number | null {
  if (kind === 'count') return numerator;
  if (!denominator) return null;
  const v = numerator / denominator;
  if (kind === 'share') return Math.round(v * 10_000) / 10_000;
  if (kind === 'amount') return Math.round(v);
  return Math.round(v * 100) / 100;
}

/** A person's or household's share of a year's population-based key figures (statistics/key-figures). */
export type YearFigure = {
  year: number;
  /** The month the cube files it under: December, or the current month in the current year. */
  month: string;
  persons: number;
  longTermAdults: number;
  assistance: number;
};

/**
 * The key figures of each calendar year touching `from`..`to`: every person (adults and children)
 * who belonged to an assisted household in a month of the year counts once; an adult (a
 * membership as applicant or partner) with such months in at least 10 of the year's months counts
 * as long-term; the assistance is every assisted household-month's amount. With `households`
 * (the cube's chunks), a household's assistance counts in its chunk and a person in the chunk of
 * the first (lowest id) household the person ever belonged to, so every one counts exactly once.
 */
export function yearFigures(
  facts: Facts,
  range: { from: string; to: string; households?: ReadonlySet<string> },
  emit: (figure: YearFigure) => void,
): void {
  const currentMonth = facts.today.slice(0, 7);
  const firstYear = Number(range.from.slice(0, 4));
  const lastYear = Number([range.to, currentMonth].sort()[0]?.slice(0, 4));
  const assisted = new Map<string, Set<string>>();
  const sums = new Map<number, YearFigure>();
  const figure = (year: number) => {
    let f = sums.get(year);
    if (!f) {
      f = {
        year,
        month: [`${year}-12`, currentMonth].sort()[0] as string,
        persons: 0,
        longTermAdults: 0,
        assistance: 0,
      };
      sums.set(year, f);
    }
    return f;
  };
  for (const a of facts.assistance) {
    if (a.amount <= 0) continue;
    const year = Number(a.month.slice(0, 4));
    if (year < firstYear || year > lastYear) continue;
    const months = assisted.get(a.householdId) ?? new Set<string>();
    months.add(a.month);
    assisted.set(a.householdId, months);
    if (!range.households || range.households.has(a.householdId)) figure(year).assistance += a.amount;
  }
  const home = new Map<string, string>();
  const byPerson = new Map<string, Facts['members']>();
  for (const m of facts.members) {
    const first = home.get(m.personId);
    if (first === undefined || m.householdId < first) home.set(m.personId, m.householdId);
    const list = byPerson.get(m.personId) ?? [];
    list.push(m);
    byPerson.set(m.personId, list);
  }
  for (const [personId, memberships] of byPerson) {
    if (range.households && !range.households.has(home.get(personId) as string)) continue;
    const months = new Map<number, Set<string>>();
    const adultMonths = new Map<number, Set<string>>();
    for (const m of memberships) {
      for (const month of assisted.get(m.householdId) ?? []) {
        if (!(m.validFrom <= lastDay(month) && (m.validTo === null || m.validTo >= `${month}-01`))) continue;
        const year = Number(month.slice(0, 4));
        months.set(year, (months.get(year) ?? new Set()).add(month));
        if (m.role !== 'child') adultMonths.set(year, (adultMonths.get(year) ?? new Set()).add(month));
      }
    }
    for (const year of months.keys()) figure(year).persons++;
    for (const [year, set] of adultMonths) if (set.size >= 10) figure(year).longTermAdults++;
  }
  for (const f of sums.values()) emit(f);
}

/** One household's exit in `month`: the savings estimate's additive part. */
export type ExitSaving = {
  householdId: string;
  unitId: string;
  month: string;
  monthsWithout: number;
  savings: number;
};

/**
 * The savings estimate's exits: for each household leaving assistance in `from`..`to` (assisted
 * in M, not in M+1, M+1 ended), the average monthly assistance of its assisted months among the
 * last six up to the exit × the months without assistance since (observed up to the last
 * complete month, at most 12), rounded per exit. With `households`, only those.
 */
export function exitSavings(
  facts: Facts,
  range: { from: string; to: string; households?: ReadonlySet<string> },
  emit: (exit: ExitSaving) => void,
): void {
  const current = monthIndex(facts.today.slice(0, 7));
  const unitOf = new Map(facts.households.map((h) => [h.id, h.unitId]));
  const assisted = new Map<string, Map<number, number>>();
  for (const a of facts.assistance) {
    if (a.amount <= 0) continue;
    if (range.households && !range.households.has(a.householdId)) continue;
    const months = assisted.get(a.householdId) ?? new Map<number, number>();
    months.set(monthIndex(a.month), (months.get(monthIndex(a.month)) ?? 0) + a.amount);
    assisted.set(a.householdId, months);
  }
  for (const [householdId, months] of assisted) {
    for (let mi = monthIndex(range.from); mi <= monthIndex(range.to); mi++) {
      if (!months.has(mi) || months.has(mi + 1) || mi + 1 >= current) continue;
      const before: number[] = [];
      for (let i = mi; i > mi - 6; i--) {
        const amount = months.get(i);
        if (amount) before.push(amount);
      }
      const average = before.reduce((s, a) => s + a, 0) / before.length;
      let without = 0;
      for (let i = mi + 1; i < current && i <= mi + 12 && !months.has(i); i++) without++;
      emit({
        householdId,
        unitId: unitOf.get(householdId) ?? '',
        month: monthOf(mi),
        monthsWithout: without,
        savings: Math.round(average * without),
      });
    }
  }
}

/** Savings estimate: the exits of the period summed, set against the team's cost. */
export function savingsEstimate(
  facts: Facts,
  options: { from: string; to: string; teamMonthlyCost: number; unitId?: string | undefined },
): { exits: number; monthsWithout: number; estimatedSavings: number; teamCost: number; net: number } {
  let exits = 0;
  let monthsWithout = 0;
  let savings = 0;
  exitSavings(facts, options, (e) => {
    if (options.unitId && e.unitId !== options.unitId) return;
    exits++;
    monthsWithout += e.monthsWithout;
    savings += e.savings;
  });
  return savingsTotals({ exits, monthsWithout, savings }, options);
}

export function savingsTotals(
  sums: { exits: number; monthsWithout: number; savings: number },
  options: { from: string; to: string; teamMonthlyCost: number },
): { exits: number; monthsWithout: number; estimatedSavings: number; teamCost: number; net: number } {
  const teamCost = options.teamMonthlyCost * (monthIndex(options.to) - monthIndex(options.from) + 1);
  return {
    exits: sums.exits,
    monthsWithout: sums.monthsWithout,
    estimatedSavings: sums.savings,
    teamCost,
    net: sums.savings - teamCost,
  };
}
