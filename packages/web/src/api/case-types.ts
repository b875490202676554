// The case-flow part of the API contract (errands, investigation, calculations, decisions,
// payments, journal), written by hand from the server's route schemas because those schemas
// live in the route files, not in zod-only modules that `@stegvis/server/api` can export.
// Shared here (not in one feature) since several features and the label maps need them.
// Amounts are integer öre, dates ISO strings, as on the wire.

export const errandStates = [
  'received',
  'underInvestigation',
  'awaitingCompletion',
  'readyForDecision',
  'decided',
  'paid',
  'closed',
] as const;
/** Ärendets status (errands/errands.table.ts ERRAND_STATES). */
export type ErrandState = (typeof errandStates)[number];

export const errandTypes = ['newApplication', 'renewalApplication', 'supplementaryApplication'] as const;
/** Nyansökan, återansökan, tilläggsansökan. */
export type ErrandType = (typeof errandTypes)[number];

export type MemberRole = 'applicant' | 'partner' | 'child';

export type HouseholdPerson = {
  id: string;
  name: string;
  personalIdentityNumber: string;
  protectedIdentity: boolean;
  birthDate: string;
};

export type HouseholdMember = {
  personId: string;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
  person: HouseholdPerson;
};

/** Hushåll as GET/POST /households return it, members during `month`. */
export type Household = {
  id: string;
  unit: { id: string; name: string };
  sharedHouseholdSize: number | null;
  month: string;
  members: HouseholdMember[];
};

/** Ärende in the queue (GET /errands). */
export type ErrandSummary = {
  id: string;
  householdId: string;
  type: ErrandType;
  month: string;
  state: ErrandState;
  receivedAt: string;
  waitingDays: number;
  applicant: { id: string; name: string; protectedIdentity: boolean } | null;
};

export type ItemKind = 'income' | 'cost' | 'normAdjustment';

/** Utredningspost: an income, a cost or a norm adjustment for the errand's month. */
export type Item = {
  id: string;
  kind: ItemKind;
  type: string;
  subtype: string | null;
  personId: string | null;
  amount: number;
  note: string | null;
  attachmentId: string | null;
  createdAt: string;
};

export const incomeTypes = [
  'employment',
  'childAllowance',
  'studentAid',
  'housingAllowance',
  'housingSupplement',
  'maintenanceSupport',
  'maintenancePayment',
  'sicknessBenefit',
  'sicknessCompensation',
  'parentalBenefit',
  'unemploymentBenefit',
  'activitySupport',
  'establishmentBenefit',
  'pension',
  'childPension',
  'studentLoan',
  'taxRefund',
  'previousSurplus',
  'other',
] as const;
export type IncomeType = (typeof incomeTypes)[number];

export const reasonableCostTypes = [
  'housing',
  'householdElectricity',
  'homeInsurance',
  'workTravel',
  'unionAndUnemploymentFund',
] as const;
export type ReasonableCostType = (typeof reasonableCostTypes)[number];

export const otherLivingCostSubtypes = [
  'childcareFee',
  'medicalCare',
  'medicine',
  'dentalCare',
  'glasses',
  'accessVisits',
  'other',
] as const;
export type OtherLivingCostSubtype = (typeof otherLivingCostSubtypes)[number];

export type NewItem =
  | { kind: 'income'; type: IncomeType; personId?: string; amount: number; note?: string }
  | {
      kind: 'cost';
      type: ReasonableCostType | 'otherLivingCost';
      subtype?: OtherLivingCostSubtype;
      personId?: string;
      amount: number;
      note?: string;
    };

export const verificationKinds = [
  'employmentServiceRegistration',
  'socialInsuranceBenefits',
  'bankStatements',
  'rentalContract',
  'other',
] as const;
export type VerificationKind = (typeof verificationKinds)[number];
export const verificationOutcomes = ['confirmed', 'discrepancy', 'missing'] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

/** Kontroll: what was checked, where (source), when, with what outcome. */
export type Verification = {
  id: string;
  kind: VerificationKind;
  source: string;
  checkedOn: string;
  outcome: VerificationOutcome;
  note: string | null;
  userId: string | null;
  at: string;
};

export type Attachment = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
};

export type CalculationLine = {
  code: string;
  memberIds: readonly string[];
  amount: number;
  basis: string;
  reason?: string;
  daysInHousehold?: number;
  sharedHouseholdSize?: number;
};

export type CalculationWarning = {
  code: string;
  message: string;
  parameter?: string;
  guidelineSetId?: string;
  section?: string;
  costType?: string;
  cap?: number;
  amount?: number;
};

/** Beräkning: an unchangeable snapshot of the month's calculation. */
export type CalculationSnapshot = {
  id: string;
  errandId: string;
  createdAt: string;
  createdBy: string | null;
  parameterSet: string;
  guidelineSetId: string | null;
  assistance: number;
  result: {
    month: string;
    parameters: string;
    norm: number;
    reasonableCosts: number;
    otherLivingCosts: number;
    need: number;
    income: number;
    disregardedIncome: number;
    countedIncome: number;
    assistance: number;
    surplus: number;
    warnings: CalculationWarning[];
    lines: CalculationLine[];
  };
};

type ItemKey = { kind: ItemKind; type: string; subtype: string | null; personId: string | null };

/** What changed since the household's previous errand (återansökan). */
export type ErrandChanges = {
  previousErrandId: string;
  previousMonth: string;
  added: (ItemKey & { amount: number })[];
  removed: (ItemKey & { previousAmount: number })[];
  changed: (ItemKey & { amount: number; previousAmount: number })[];
};

export type MemberFacts = {
  jobStimulus: boolean;
  weekdayLunchesProvided: boolean;
  inSchool: boolean;
  daysInHousehold: number | null;
  earningsEarlierThisYear: number | null;
};

export type ErrandDetail = Omit<ErrandSummary, 'applicant'> & {
  requestedNote: string | null;
  household: {
    id: string;
    sharedHouseholdSize: number | null;
    members: (HouseholdMember & { facts: MemberFacts })[];
  };
  items: Item[];
  verifications: Verification[];
  attachments: Attachment[];
  transitions: {
    fromState: ErrandState | null;
    toState: ErrandState;
    userId: string | null;
    userName: string | null;
    note: string | null;
    at: string;
  }[];
  allowedTransitions: ErrandState[];
  latestCalculation: CalculationSnapshot | null;
  changes: ErrandChanges | null;
};

export const decisionOutcomes = ['granted', 'partiallyGranted', 'rejected', 'dismissed'] as const;
/** Bifall, delavslag, avslag, avvisning. */
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export type NewDecision = {
  items: {
    description: string;
    requested: number;
    granted: number;
    outcome: DecisionOutcome;
    reasonTemplateIds: string[];
    reasons: string;
    legalBasis: string;
  }[];
  childBestInterest: string;
  reasoning: string;
};

export type Decision = {
  id: string;
  errandId: string;
  calculationId: string | null;
  decidedBy: { id: string; name: string };
  decidedAt: string;
  childBestInterest: string | null;
  reasoning: string;
  grantedTotal: number;
  items: {
    description: string;
    requested: number;
    granted: number;
    outcome: DecisionOutcome;
    reasons: string;
    legalBasis: string;
  }[];
  letter: { sha256: string; url: string } | null;
};

/** Motiveringsmall. */
export type ReasonTemplate = {
  id: string;
  outcome: DecisionOutcome;
  title: string;
  text: string;
  legalBasis: string;
};

export const paymentStatuses = ['pending', 'exported', 'paid', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];
export const batchStatuses = ['running', 'completed', 'failed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export type Payment = {
  id: string;
  idempotencyKey: string;
  errandId: string;
  decisionId: string;
  month: string;
  item: string;
  amount: number;
  payeeAccount: string | null;
  batchId: string | null;
  status: PaymentStatus;
  legalBasis: string;
  createdAt: string;
};

/** Utbetalningsomgång: one month's payment run for the whole municipality. */
export type PaymentBatch = {
  id: string;
  month: string;
  paymentDate: string;
  status: BatchStatus;
  planned: number;
  processed: number;
  totalAmount: number;
  payments: number;
  withoutAccount: number;
  startedAt: string;
  completedAt: string | null;
};

/** Journalanteckning, append-only; a correction is a new entry. */
export type JournalEntry = {
  id: number;
  writtenAt: string;
  text: string;
  author: { id: string; name: string };
  errand: { id: string; type: string; month: string } | null;
  correctsId: number | null;
  correctedBy: number[];
};
