// The API's JSON types for clients such as the web app, inferred from the same zod schemas
// that validate every request and response. Only zod-only modules are imported here.
import type { z } from 'zod';
import type { accessLogPage, accessLogQuery } from './access-log/access-log.schemas.ts';
import type {
  aktivitetskravStatus,
  deviationInput,
  exemptionInput,
  reductionDecision,
  reductionInput,
} from './aktivitetskrav/aktivitetskrav.schemas.ts';
import type { assessment, assessmentInput } from './assessments/assessments.schemas.ts';

import type {
  auditFileSchema,
  comparisonSchema,
  drawInput,
  sampleList,
  sampleSchema,
} from './audits/audits.schemas.ts';

import type { sessionResponse, userSchema } from './auth/auth.schemas.ts';
import type { snapshotSchema } from './calculations/calculation-snapshots.schemas.ts';
import type {
  answersSchema,
  applicationSchema,
  citizenErrandDetail,
  overviewSchema as citizenOverview,
  citizenPlanSchema,
  citizenSessionResponse,
  completionRequestBody,
  costAnswer,
  fileSchema,
  incomeAnswer,
  messageSchema,
  staffCompletionRequestSchema,
} from './citizen/citizen.schemas.ts';
import type {
  followUpInput as closureFollowUpInput,
  closureInput,
  closureSchema,
  dueFollowUp,
} from './closures/closures.schemas.ts';
import type {
  agreementFollowUpInput,
  agreementInput,
  agreementSchema,
  collaborationMeetingInput,
  collaborationMeetingSchema,
  contactInput,
  contactSchema,
} from './collaboration/collaboration.schemas.ts';
import type { decision, decisionInput, reasonTemplate } from './decisions/decisions.schemas.ts';
import type {
  errandDetail,
  errandInput,
  errandPage,
  errandSummary,
  factsSchema,
  memberFactsInput,
  transitionInput,
} from './errands/errands.schemas.ts';
import type {
  adoptInput,
  adoptionInput,
  adoptionSchema,
  capSchema,
  setDetail,
  setSummary,
  versionDetail,
  versionInput,
} from './guidelines/guidelines.schemas.ts';
import type {
  householdDetail,
  householdInput,
  householdPage,
  householdPerson,
  householdView,
  memberInput,
  memberSchema,
} from './households/households.schemas.ts';
import type { problemSchema } from './http/problem.schema.ts';
import type {
  attendanceInput,
  attendanceWeek,
  insatsInput,
  insatsSchema,
  participationSchema,
  paymentRequestInput,
  waitListEntry,
  workplaceInput,
  workplaceSchema,
} from './insatser/insatser.schemas.ts';
import type {
  attachmentSchema,
  itemInput,
  itemSchema,
  verificationInput,
  verificationSchema,
} from './investigation/investigation.schemas.ts';
import type { entryInput, entrySchema, journalPage } from './journal/journal.schemas.ts';
import type {
  staffNotificationList,
  staffNotificationSchema,
} from './notifications/notifications.schemas.ts';
import type { unitSchema } from './organisation/organisation.schemas.ts';
import type { overviewSchema } from './overview/overview.schemas.ts';
import type { batch, batchInput, payment, paymentResult } from './payments/payments.schemas.ts';
import type { personDetail, personInput, personPage, personSummary } from './persons/persons.schemas.ts';
import type {
  followUp,
  followUpInput,
  meeting,
  meetingInput,
  plan,
  planInput,
  planningSettingsSchema,
  planVersion,
  planWaiver,
  planWaiverInput,
} from './plans/plans.schemas.ts';
import type {
  agencySchema,
  consentInput,
  consentSchema,
  referralDetail,
  referralInput,
  referralSchema,
} from './referrals/referrals.schemas.ts';
import type { outcomesSchema } from './reporting/outcomes.schemas.ts';
import type {
  consistencySchema,
  drillDown,
  indicatorReport,
  savingsSchema,
  simulationSchema,
} from './reporting/reporting.schemas.ts';
import type { keyFiguresSchema } from './statistics/statistics.schemas.ts';
import type {
  pendingComment,
  questionSchema,
  resultsSchema,
  surveyAnswer,
  surveyForm,
} from './surveys/surveys.schemas.ts';
import type { caseReview, caseReviewInput, workQueuesSchema } from './work-queues/work-queues.schemas.ts';

export {
  INCOME_TYPES,
  type IncomeType,
  OTHER_LIVING_COST_SUBTYPES,
  type OtherLivingCostSubtype,
  REASONABLE_COST_TYPES,
  type ReasonableCostType,
} from '@stegvis/rules';
export { SUPPORT_BARRIERS } from './assessments/assessments.schemas.ts';
export { CLOSURE_REASONS, type ClosureReason, FOLLOW_UP_SITUATIONS } from './closures/closures.schemas.ts';
export {
  OUTCOMES as DECISION_OUTCOMES,
  type Outcome as DecisionOutcome,
} from './decisions/decisions.schemas.ts';
export { ERRAND_STATES, ERRAND_TYPES, type ErrandState, type ErrandType } from './errands/errands.schemas.ts';
export { GUIDELINE_STATUSES } from './guidelines/guidelines.schemas.ts';
export { MEMBER_ROLES } from './households/households.schemas.ts';
export { ERROR_CODES, type ErrorCode } from './http/problem.schema.ts';
export {
  ABSENCE_REASONS,
  type AbsenceReason,
  FUNDING_SOURCES,
  type FundingSource,
  INSATS_KINDS,
  type InsatsKind,
} from './insatser/insatser.schemas.ts';
export {
  ITEM_KINDS,
  VERIFICATION_KINDS,
  VERIFICATION_OUTCOMES,
} from './investigation/investigation.schemas.ts';
export {
  BATCH_STATUSES,
  type BatchStatus,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from './payments/payments.schemas.ts';
export { RESPONSIBLE_PARTIES } from './plans/plans.schemas.ts';
export {
  AGENCY_KINDS,
  type AgencyKind,
  CONSENT_SCOPES,
  type ConsentScope,
  REFERRAL_CLOSE_REASONS,
  REFERRAL_STATUSES,
  type ReferralCloseReason,
} from './referrals/referrals.schemas.ts';
export { SUPPORT_BARRIER_IDS, SUPPORT_BARRIER_LABELS } from './reporting/barriers.ts';
export {
  DIMENSIONS,
  type Dimension,
  HOUSEHOLD_TYPES,
  INDICATOR_KIND,
  INDICATORS,
  type IndicatorId,
} from './reporting/indicators.compute.ts';
export { ROLES, type Role } from './staff/roles.ts';
export { SURVEY_OCCASIONS, type SurveyOccasion } from './surveys/surveys.schemas.ts';

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionResponse>;
export type PersonSummary = z.infer<typeof personSummary>;
export type PersonDetail = z.infer<typeof personDetail>;
export type PersonPage = z.infer<typeof personPage>;
/** What the client sends to register a person (defaults may be left out). */
export type NewPerson = z.input<typeof personInput>;
export type AccessLogQuery = z.input<typeof accessLogQuery>;
export type AccessLogEntry = z.infer<typeof accessLogPage>['items'][number];
export type Unit = z.infer<typeof unitSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type Problem = z.infer<typeof problemSchema>;

// Case flow: households, errands, investigation, calculations, decisions, journal.
export type MemberRole = z.infer<typeof memberSchema>['role'];
export type HouseholdPerson = z.infer<typeof householdPerson>;
export type HouseholdMember = z.infer<typeof memberSchema>;
/** A household with its members during the requested month (the list's items). */
export type Household = z.infer<typeof householdView>;
/** A household with its members during the month and everyone who has lived there. */
export type HouseholdDetail = z.infer<typeof householdDetail>;
export type HouseholdPage = z.infer<typeof householdPage>;
export type NewHousehold = z.input<typeof householdInput>;
export type NewHouseholdMember = z.input<typeof memberInput>;
export type ErrandSummary = z.infer<typeof errandSummary>;
export type ErrandPage = z.infer<typeof errandPage>;
export type ErrandDetail = z.infer<typeof errandDetail>;
export type ErrandChanges = NonNullable<ErrandDetail['changes']>;
export type MemberFacts = z.infer<typeof factsSchema>;
export type NewErrand = z.input<typeof errandInput>;
export type ErrandTransitionInput = z.input<typeof transitionInput>;
export type MemberFactsInput = z.input<typeof memberFactsInput>;
export type ItemKind = z.infer<typeof itemSchema>['kind'];
/** Utredningspost: an income, a cost or a norm adjustment for the errand's month. */
export type ErrandItem = z.infer<typeof itemSchema>;
export type NewErrandItem = z.input<typeof itemInput>;
export type VerificationKind = z.infer<typeof verificationSchema>['kind'];
export type VerificationOutcome = z.infer<typeof verificationSchema>['outcome'];
export type Verification = z.infer<typeof verificationSchema>;
export type NewVerification = z.input<typeof verificationInput>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type CalculationSnapshot = z.infer<typeof snapshotSchema>;
export type CalculationLine = CalculationSnapshot['result']['lines'][number];
export type CalculationWarning = CalculationSnapshot['result']['warnings'][number];
export type CalculationReduction = NonNullable<CalculationSnapshot['result']['reductions']>[number];
export type Decision = z.infer<typeof decision>;
export type NewDecision = z.input<typeof decisionInput>;
export type ReasonTemplate = z.infer<typeof reasonTemplate>;
export type JournalEntry = z.infer<typeof entrySchema>;
export type JournalPage = z.infer<typeof journalPage>;
export type NewJournalEntry = z.input<typeof entryInput>;

// Payments: the ledger and the monthly batches.
export type Payment = z.infer<typeof payment>;
export type PaymentResult = z.infer<typeof paymentResult>;
/** Utbetalningsomgång: one month's payment run for the whole municipality. */
export type PaymentBatch = z.infer<typeof batch>;
export type NewPaymentBatch = z.input<typeof batchInput>;

export type GuidelineSetSummary = z.infer<typeof setSummary>;
export type GuidelineSetDetail = z.infer<typeof setDetail>;
export type GuidelineVersion = z.infer<typeof versionDetail>;
export type GuidelineCap = z.infer<typeof capSchema>;
export type GuidelineAdoption = z.infer<typeof adoptionSchema>;
export type NewGuidelineVersion = z.input<typeof versionInput>;
export type AdoptGuidelineVersion = z.input<typeof adoptInput>;
export type NewGuidelineAdoption = z.input<typeof adoptionInput>;
// Planning: kartläggning, genomförandeplan, follow-ups, meetings and work queues.
export type Assessment = z.infer<typeof assessment>;
export type NewAssessment = z.input<typeof assessmentInput>;
export type Plan = z.infer<typeof plan>;
export type PlanVersion = z.infer<typeof planVersion>;
export type NewPlan = z.input<typeof planInput>;
export type FollowUp = z.infer<typeof followUp>;
export type NewFollowUp = z.input<typeof followUpInput>;
export type Meeting = z.infer<typeof meeting>;
export type NewMeeting = z.input<typeof meetingInput>;
export type WorkQueues = z.infer<typeof workQueuesSchema>;
export type PlanningSettings = z.infer<typeof planningSettingsSchema>;
export type NewPlanWaiver = z.input<typeof planWaiverInput>;
export type PlanWaiver = z.infer<typeof planWaiver>;
export type CaseReview = z.infer<typeof caseReview>;
export type NewCaseReview = z.input<typeof caseReviewInput>;
export type AktivitetskravStatus = z.infer<typeof aktivitetskravStatus>;
export type NewAktivitetskravExemption = z.input<typeof exemptionInput>;
export type NewAktivitetskravDeviation = z.input<typeof deviationInput>;
export type AktivitetskravReduction = z.infer<typeof reductionDecision>;
export type NewAktivitetskravReduction = z.input<typeof reductionInput>;
// The citizen e-service.
export type CitizenSession = z.infer<typeof citizenSessionResponse>;
export type CitizenOverview = z.infer<typeof citizenOverview>;
export type CitizenApplication = z.infer<typeof applicationSchema>;
export type CitizenAnswers = z.infer<typeof answersSchema>;
export type CitizenIncomeAnswer = z.infer<typeof incomeAnswer>;
export type CitizenCostAnswer = z.infer<typeof costAnswer>;
export type CitizenFile = z.infer<typeof fileSchema>;
export type CitizenErrand = z.infer<typeof citizenErrandDetail>;
export type CitizenStatus = CitizenErrand['status'];
export type CompletionRequest = z.infer<typeof staffCompletionRequestSchema>;
export type CitizenMessage = z.infer<typeof messageSchema>;
export type CitizenPlan = z.infer<typeof citizenPlanSchema>;
export type NewCompletionRequest = z.input<typeof completionRequestBody>;
// Reporting: the indicator dashboard.
export type IndicatorReport = z.infer<typeof indicatorReport>;
export type IndicatorDrillDown = z.infer<typeof drillDown>;
export type SavingsEstimate = z.infer<typeof savingsSchema>;
export type ConsistencyReport = z.infer<typeof consistencySchema>;
export type OutcomeReport = z.infer<typeof outcomesSchema>;
export type PolicySimulation = z.infer<typeof simulationSchema>;
export type KeyFigures = z.infer<typeof keyFiguresSchema>;

// Granskning (audit sampling).
export type AuditSample = z.infer<typeof sampleSchema>;
export type AuditSampleList = z.infer<typeof sampleList>;
export type AuditFile = z.infer<typeof auditFileSchema>;
export type AuditComparison = z.infer<typeof comparisonSchema>;
export type NewAuditSample = z.input<typeof drawInput>;
// The labour-market unit: insats catalogue, referrals, consent, participation and attendance.
export type Insats = z.infer<typeof insatsSchema>;
export type NewInsats = z.input<typeof insatsInput>;
export type WaitListEntry = z.infer<typeof waitListEntry>;
export type Workplace = z.infer<typeof workplaceSchema>;
export type NewWorkplace = z.input<typeof workplaceInput>;
export type Referral = z.infer<typeof referralSchema>;
export type ReferralDetail = z.infer<typeof referralDetail>;
export type NewReferral = z.input<typeof referralInput>;
export type Consent = z.infer<typeof consentSchema>;
export type NewConsent = z.input<typeof consentInput>;
export type PartnerAgency = z.infer<typeof agencySchema>;
export type Participation = z.infer<typeof participationSchema>;
export type AttendanceWeek = z.infer<typeof attendanceWeek>;
export type AttendanceInput = z.input<typeof attendanceInput>;
export type NewPaymentRequest = z.input<typeof paymentRequestInput>;

// Collaboration and closure.
export type AgencyContact = z.infer<typeof contactSchema>;
export type NewAgencyContact = z.input<typeof contactInput>;
export type NewAgreement = z.input<typeof agreementInput>;
export type NewAgreementFollowUp = z.input<typeof agreementFollowUpInput>;
export type CollaborationMeeting = z.infer<typeof collaborationMeetingSchema>;
export type NewCollaborationMeeting = z.input<typeof collaborationMeetingInput>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type NewClosure = z.input<typeof closureInput>;
export type DueClosureFollowUp = z.infer<typeof dueFollowUp>;
export type ClosureFollowUpInput = z.input<typeof closureFollowUpInput>;

// Participant survey.
export type SurveyForm = z.infer<typeof surveyForm>;
export type SurveyAnswer = z.input<typeof surveyAnswer>;
export type SurveyResults = z.infer<typeof resultsSchema>;
export type PendingSurveyComment = z.infer<typeof pendingComment>;
export type SurveyQuestion = z.infer<typeof questionSchema>;

// The staff inbox.
export type StaffNotification = z.infer<typeof staffNotificationSchema>;
export type StaffNotificationList = z.infer<typeof staffNotificationList>;
