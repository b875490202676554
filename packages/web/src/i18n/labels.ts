// Closed sets from the API mapped to their UI words; Record keeps them exhaustive.
import type {
  BatchStatus,
  DecisionOutcome,
  ErrandState,
  ErrandType,
  IncomeType,
  MemberRole,
  OtherLivingCostSubtype,
  PaymentStatus,
  ReasonableCostType,
  VerificationKind,
  VerificationOutcome,
} from '../api/case-types.ts';
import type {
  AbsenceReason,
  AccessLogEntry,
  AgencyKind,
  ClosureReason,
  Consent,
  ConsentScope,
  FundingSource,
  followUpSituations,
  InsatsKind,
  Participation,
  Referral,
  ReferralCloseReason,
  Role,
  SurveyOccasion,
} from '../api/types.ts';
import type { Translate } from './i18n.tsx';
import type { MessageKey } from './sv.ts';

export const roleLabels: Record<Role, MessageKey> = {
  caseworker: 'role.caseworker',
  coach: 'role.coach',
  unitManager: 'role.unitManager',
  committee: 'role.committee',
  auditor: 'role.auditor',
  sysadmin: 'role.sysadmin',
};

export const accessActionLabels: Record<AccessLogEntry['action'], MessageKey> = {
  read: 'accessLog.action.read',
  create: 'accessLog.action.create',
  update: 'accessLog.action.update',
  search: 'accessLog.action.search',
};

// Case flow: errand states and types, investigation items, checks, outcomes, calculation lines.
export const errandStateLabels: Record<ErrandState, MessageKey> = {
  received: 'errandState.received',
  underInvestigation: 'errandState.underInvestigation',
  awaitingCompletion: 'errandState.awaitingCompletion',
  readyForDecision: 'errandState.readyForDecision',
  decided: 'errandState.decided',
  paid: 'errandState.paid',
  closed: 'errandState.closed',
};

export const errandTypeLabels: Record<ErrandType, MessageKey> = {
  newApplication: 'errandType.newApplication',
  renewalApplication: 'errandType.renewalApplication',
  supplementaryApplication: 'errandType.supplementaryApplication',
};

export const memberRoleLabels: Record<MemberRole, MessageKey> = {
  applicant: 'memberRole.applicant',
  partner: 'memberRole.partner',
  child: 'memberRole.child',
};

export const incomeTypeLabels: Record<IncomeType, MessageKey> = {
  employment: 'income.employment',
  childAllowance: 'income.childAllowance',
  studentAid: 'income.studentAid',
  housingAllowance: 'income.housingAllowance',
  housingSupplement: 'income.housingSupplement',
  maintenanceSupport: 'income.maintenanceSupport',
  maintenancePayment: 'income.maintenancePayment',
  sicknessBenefit: 'income.sicknessBenefit',
  sicknessCompensation: 'income.sicknessCompensation',
  parentalBenefit: 'income.parentalBenefit',
  unemploymentBenefit: 'income.unemploymentBenefit',
  activitySupport: 'income.activitySupport',
  establishmentBenefit: 'income.establishmentBenefit',
  pension: 'income.pension',
  childPension: 'income.childPension',
  studentLoan: 'income.studentLoan',
  taxRefund: 'income.taxRefund',
  previousSurplus: 'income.previousSurplus',
  other: 'income.other',
};

export const costTypeLabels: Record<ReasonableCostType, MessageKey> = {
  housing: 'cost.housing',
  householdElectricity: 'cost.householdElectricity',
  homeInsurance: 'cost.homeInsurance',
  workTravel: 'cost.workTravel',
  unionAndUnemploymentFund: 'cost.unionAndUnemploymentFund',
};

export const otherCostLabels: Record<OtherLivingCostSubtype, MessageKey> = {
  childcareFee: 'otherCost.childcareFee',
  medicalCare: 'otherCost.medicalCare',
  medicine: 'otherCost.medicine',
  dentalCare: 'otherCost.dentalCare',
  glasses: 'otherCost.glasses',
  accessVisits: 'otherCost.accessVisits',
  other: 'otherCost.other',
};

export const verificationKindLabels: Record<VerificationKind, MessageKey> = {
  employmentServiceRegistration: 'verificationKind.employmentServiceRegistration',
  socialInsuranceBenefits: 'verificationKind.socialInsuranceBenefits',
  bankStatements: 'verificationKind.bankStatements',
  rentalContract: 'verificationKind.rentalContract',
  other: 'verificationKind.other',
};

export const verificationOutcomeLabels: Record<VerificationOutcome, MessageKey> = {
  confirmed: 'verificationOutcome.confirmed',
  discrepancy: 'verificationOutcome.discrepancy',
  missing: 'verificationOutcome.missing',
};

export const decisionOutcomeLabels: Record<DecisionOutcome, MessageKey> = {
  granted: 'outcome.granted',
  partiallyGranted: 'outcome.partiallyGranted',
  rejected: 'outcome.rejected',
  dismissed: 'outcome.dismissed',
};

export const batchStatusLabels: Record<BatchStatus, MessageKey> = {
  running: 'batchStatus.running',
  completed: 'batchStatus.completed',
  failed: 'batchStatus.failed',
};

export const paymentStatusLabels: Record<PaymentStatus, MessageKey> = {
  pending: 'paymentStatus.pending',
  exported: 'paymentStatus.exported',
  paid: 'paymentStatus.paid',
  cancelled: 'paymentStatus.cancelled',
};

const fixedLineLabels: Record<string, MessageKey> = {
  'norm.personal.single': 'line.normSingle',
  'norm.personal.couple': 'line.normCouple',
  'norm.personal.child': 'line.normChild',
  'norm.common': 'line.normCommon',
  'norm.adjustment': 'line.normAdjustment',
  'disregard.jobStimulus': 'line.jobStimulus',
  'disregard.childEarnings': 'line.childEarnings',
  'reduction.aktivitetskrav': 'line.reductionAktivitetskrav',
};

/** The words for an investigation item or calculation line: kind, type and subtype. */
export function itemTypeLabel(kind: string, type: string, subtype: string | null): MessageKey | null {
  if (kind === 'normAdjustment') return 'line.normAdjustment';
  if (kind === 'income') return incomeTypeLabels[type as IncomeType] ?? null;
  if (type === 'otherLivingCost')
    return subtype ? (otherCostLabels[subtype as OtherLivingCostSubtype] ?? null) : null;
  return costTypeLabels[type as ReasonableCostType] ?? null;
}

/** A calculation line code (`norm.common`, `cost.housing`, `income.employment`, …) as words. */
export function lineLabel(code: string): MessageKey | null {
  const fixed = fixedLineLabels[code];
  if (fixed) return fixed;
  const [group, type = ''] = code.split('.');
  if (group === 'cost') return costTypeLabels[type as ReasonableCostType] ?? null;
  if (group === 'otherCost') return otherCostLabels[type as OtherLivingCostSubtype] ?? null;
  if (group === 'income') return incomeTypeLabels[type as IncomeType] ?? null;
  return null;
}

// The labour-market unit.
export const referralStatusLabels: Record<Referral['status'], MessageKey> = {
  sent: 'referralStatus.sent',
  accepted: 'referralStatus.accepted',
  returned: 'referralStatus.returned',
  closed: 'referralStatus.closed',
};

export const participationStatusLabels: Record<Participation['status'], MessageKey> = {
  waiting: 'participationStatus.waiting',
  active: 'participationStatus.active',
  ended: 'participationStatus.ended',
};

export const absenceReasonLabels: Record<AbsenceReason, MessageKey> = {
  sickness: 'absenceReason.sickness',
  careOfChild: 'absenceReason.careOfChild',
  authorityAppointment: 'absenceReason.authorityAppointment',
  jobInterview: 'absenceReason.jobInterview',
  agreedLeave: 'absenceReason.agreedLeave',
  unexcused: 'absenceReason.unexcused',
};

export const consentScopeLabels: Record<ConsentScope, MessageKey> = {
  referral: 'consentScope.referral',
  attendance: 'consentScope.attendance',
  assessment: 'consentScope.assessment',
  meetings: 'consentScope.meetings',
};

export const consentFormLabels: Record<Consent['form'], MessageKey> = {
  written: 'consents.form.written',
  oral: 'consents.form.oral',
  digital: 'consents.form.digital',
};

export const closureReasonLabels: Record<ClosureReason, MessageKey> = {
  work: 'closureReason.work',
  studiesWithAllowance: 'closureReason.studiesWithAllowance',
  subsidisedEmployment: 'closureReason.subsidisedEmployment',
  benefitFromAgency: 'closureReason.benefitFromAgency',
  moved: 'closureReason.moved',
  deceased: 'closureReason.deceased',
  didNotReapply: 'closureReason.didNotReapply',
  other: 'closureReason.other',
};

export const followUpSituationLabels: Record<(typeof followUpSituations)[number], MessageKey> = {
  work: 'followUpSituation.work',
  studies: 'followUpSituation.studies',
  otherBenefit: 'followUpSituation.otherBenefit',
  assistanceAgain: 'followUpSituation.assistanceAgain',
  unknown: 'followUpSituation.unknown',
};

export const surveyOccasionLabels: Record<SurveyOccasion, MessageKey> = {
  insatsEnd: 'surveyOccasion.insatsEnd',
  closure: 'surveyOccasion.closure',
  afterExit: 'surveyOccasion.afterExit',
};

// Legal status of a rule or a legal reference (aktivitetskrav: a proposal until passed).
const legalStatusLabels: Record<string, MessageKey> = {
  inForce: 'legalStatus.inForce',
  passed: 'legalStatus.passed',
  proposed: 'legalStatus.proposed',
};

/** The words for a legal status code; an unknown code is shown as it is. */
export function legalStatusWords(t: Translate, status: string): string {
  const key = legalStatusLabels[status];
  return key ? t(key) : status;
}

const legalBasisNotes: Record<string, MessageKey> = {
  'sol-12-5': 'aktivitetskrav.basisNote.sol-12-5',
  'aktivitetskrav-proposal': 'aktivitetskrav.basisNote.aktivitetskrav-proposal',
};

/** The explanation of a cited legal reference in the reader's language, if there is one. */
export function legalBasisNote(id: string): MessageKey | null {
  return legalBasisNotes[id] ?? null;
}

export const insatsKindLabels: Record<InsatsKind, MessageKey> = {
  workPractice: 'insatsKind.workPractice',
  workTraining: 'insatsKind.workTraining',
  studies: 'insatsKind.studies',
  swedishLanguage: 'insatsKind.swedishLanguage',
  healthRehab: 'insatsKind.healthRehab',
  jobCoaching: 'insatsKind.jobCoaching',
  budgetCounselling: 'insatsKind.budgetCounselling',
  subsidisedEmployment: 'insatsKind.subsidisedEmployment',
  other: 'insatsKind.other',
};

export const fundingSourceLabels: Record<FundingSource, MessageKey> = {
  municipality: 'fundingSource.municipality',
  region: 'fundingSource.region',
  esf: 'fundingSource.esf',
  coordinationAssociation: 'fundingSource.coordinationAssociation',
  employmentService: 'fundingSource.employmentService',
  other: 'fundingSource.other',
};

export const referralCloseReasonLabels: Record<ReferralCloseReason, MessageKey> = {
  completed: 'referralCloseReason.completed',
  withdrawn: 'referralCloseReason.withdrawn',
  declined: 'referralCloseReason.declined',
  moved: 'referralCloseReason.moved',
  caseClosed: 'referralCloseReason.caseClosed',
  other: 'referralCloseReason.other',
};

export const agencyKindLabels: Record<AgencyKind, MessageKey> = {
  employmentService: 'agencyKind.employmentService',
  socialInsuranceAgency: 'agencyKind.socialInsuranceAgency',
  healthCare: 'agencyKind.healthCare',
  psychiatry: 'agencyKind.psychiatry',
  coordinationAssociation: 'agencyKind.coordinationAssociation',
  other: 'agencyKind.other',
};
