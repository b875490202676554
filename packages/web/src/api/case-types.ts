// The case-flow part of the API contract (households, errands, investigation, calculations,
// decisions, journal): types inferred from the server's own zod schemas
// (`@stegvis/server/api`), so a change on the server fails the web's type check.
// Amounts are integer öre, dates ISO strings, as on the wire.
export type {
  Attachment,
  CalculationLine,
  CalculationSnapshot,
  CalculationWarning,
  Decision,
  DecisionOutcome,
  ErrandChanges,
  ErrandDetail,
  ErrandItem as Item,
  ErrandState,
  ErrandSummary,
  ErrandType,
  Household,
  HouseholdDetail,
  HouseholdMember,
  HouseholdPerson,
  IncomeType,
  ItemKind,
  JournalEntry,
  MemberFacts,
  MemberRole,
  NewDecision,
  NewErrandItem as NewItem,
  OtherLivingCostSubtype,
  ReasonableCostType,
  ReasonTemplate,
  Verification,
  VerificationKind,
  VerificationOutcome,
} from '@stegvis/server/api';
export {
  DECISION_OUTCOMES as decisionOutcomes,
  ERRAND_STATES as errandStates,
  ERRAND_TYPES as errandTypes,
  INCOME_TYPES as incomeTypes,
  OTHER_LIVING_COST_SUBTYPES as otherLivingCostSubtypes,
  REASONABLE_COST_TYPES as reasonableCostTypes,
  VERIFICATION_KINDS as verificationKinds,
  VERIFICATION_OUTCOMES as verificationOutcomes,
} from '@stegvis/server/api';

// Payments: still written by hand from payments/payments.routes.ts (its schemas are not yet in
// a zod-only module).
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
