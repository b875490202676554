// The server's JSON contract as the web app sees it: types inferred from the server's own
// zod schemas (`@stegvis/server/api`), so a change on the server fails the web's type check.
export type {
  AccessLogEntry,
  AktivitetskravStatus as AktivitetskravState,
  Assessment,
  AuditComparison,
  AuditFile,
  AuditSample,
  AuditSampleList,
  CaseReview,
  ConsistencyReport,
  Dimension,
  FollowUp,
  IndicatorDrillDown,
  IndicatorId,
  IndicatorReport,
  KeyFigures,
  Meeting,
  NewAktivitetskravDeviation,
  NewAktivitetskravExemption,
  NewAssessment,
  NewAuditSample,
  NewCaseReview,
  NewFollowUp,
  NewMeeting,
  NewPerson,
  NewPlan,
  Overview,
  PersonDetail,
  PersonSummary,
  Plan,
  PlanningSettings,
  PlanVersion,
  PolicySimulation,
  Problem,
  Role,
  SavingsEstimate,
  Session,
  Unit,
  User,
  WorkQueues,
} from '@stegvis/server/api';
export {
  DIMENSIONS,
  INDICATOR_KIND,
  RESPONSIBLE_PARTIES as responsibleParties,
  ROLES as roles,
  SUPPORT_BARRIER_LABELS,
  SUPPORT_BARRIERS as supportBarriers,
} from '@stegvis/server/api';

import type { ErrorCode } from '@stegvis/server/api';

export type Ref = { id: string; name: string };
export type Address = { street: string; postalCode: string; city: string };
export type Page<T> = { items: T[]; total: number };

/** Stable error codes in problem+json `code`, as the server defines them (http/problem.schema.ts). */
export type ProblemCode = ErrorCode;

// The labour-market unit: insats catalogue, referrals, consent, participation and attendance.
export type {
  AbsenceReason,
  AgencyContact,
  Agreement,
  AttendanceInput,
  Closure,
  ClosureFollowUpInput,
  ClosureReason,
  Consent,
  ConsentScope,
  DueClosureFollowUp,
  FundingSource,
  Insats,
  InsatsKind,
  NewAgencyContact,
  NewAgreement,
  NewAgreementFollowUp,
  NewClosure,
  NewConsent,
  NewInsats,
  NewReferral,
  NewWorkplace,
  Participation,
  PartnerAgency,
  PendingSurveyComment,
  Referral,
  ReferralCloseReason,
  ReferralDetail,
  StaffNotification,
  StaffNotificationList,
  SurveyAnswer,
  SurveyForm,
  SurveyOccasion,
  SurveyResults,
  WaitListEntry,
  Workplace,
} from '@stegvis/server/api';
export {
  ABSENCE_REASONS as absenceReasons,
  CLOSURE_REASONS as closureReasons,
  CONSENT_SCOPES as consentScopes,
  FOLLOW_UP_SITUATIONS as followUpSituations,
  FUNDING_SOURCES as fundingSources,
  INSATS_KINDS as insatsKinds,
  REFERRAL_CLOSE_REASONS as referralCloseReasons,
  SURVEY_OCCASIONS as surveyOccasions,
} from '@stegvis/server/api';
