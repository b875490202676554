// The database as Kysely sees it, composed from each feature's table types.
import type { AccessLogTable } from '../access-log/access-log.table.ts';
import type { AssessmentTable } from '../assessments/assessments.table.ts';
import type { CaseAssignmentTable } from '../assignments/assignments.table.ts';
import type { AuditSampleItemTable, AuditSampleTable } from '../audits/audits.table.ts';
import type { SessionTable } from '../auth/sessions.table.ts';
import type { BenefitApplicationTable, ReimbursementClaimTable } from '../benefits/benefits.table.ts';
import type { CalculationTable } from '../calculations/calculation-snapshots.table.ts';
import type {
  CitizenApplicationFileTable,
  CitizenApplicationTable,
  CitizenMessageTable,
  CitizenSessionTable,
  CompletionRequestTable,
} from '../citizen/citizen.table.ts';
import type { CaseClosureTable, ClosureFollowUpTable } from '../closures/closures.table.ts';
import type {
  AgencyContactTable,
  AgreementFollowUpTable,
  AgreementTable,
  CollaborationMeetingTable,
} from '../collaboration/collaboration.table.ts';
import type {
  DecisionItemTable,
  DecisionTable,
  DelegationRuleTable,
  ReasonTemplateTable,
} from '../decisions/decisions.table.ts';
import type { ErrandMemberFactsTable, ErrandTable, ErrandTransitionTable } from '../errands/errands.table.ts';
import type {
  GuidelineAdoptionTable,
  GuidelineSetTable,
  GuidelineVersionTable,
} from '../guidelines/guidelines.table.ts';
import type { HouseholdMemberTable, HouseholdTable } from '../households/households.table.ts';
import type {
  AttendanceWeekTable,
  InsatsParticipationTable,
  InsatsTable,
  PaymentRequestTable,
  WorkplaceTable,
} from '../insatser/insatser.table.ts';
import type {
  AttachmentTable,
  ErrandItemTable,
  VerificationTable,
} from '../investigation/investigation.table.ts';
import type { JournalEntryTable, JournalTombstoneTable } from '../journal/journal.table.ts';
import type {
  CommitteeTable,
  MunicipalityTable,
  RegionTable,
  UnitCommitteeTable,
  UnitTable,
} from '../organisation/organisation.table.ts';
import type { PaymentBatchTable, PaymentTable } from '../payments/payments.table.ts';
import type { PersonTable } from '../persons/persons.table.ts';
import type {
  AktivitetskravDeviationTable,
  AktivitetskravExemptionTable,
  AktivitetskravReductionTable,
  CaseReviewTable,
  MeetingTable,
  NotificationTable,
  PlanFollowUpTable,
  PlanningSettingsTable,
  PlanTable,
  PlanVersionTable,
  PlanWaiverTable,
} from '../plans/plans.table.ts';
import type { RecoveryClaimTable } from '../recovery/recovery.table.ts';
import type { ConsentTable, PartnerAgencyTable, ReferralTable } from '../referrals/referrals.table.ts';
import type {
  AssistedHouseholdTable,
  ConsistencyCellTable,
  IndicatorCellTable,
  IndicatorSnapshotTable,
  IndicatorSubjectTable,
  IndicatorTargetTable,
  ReportingChangeTable,
  ReportingSettingsTable,
} from '../reporting/reporting.table.ts';
import type {
  RetentionRunItemTable,
  RetentionRunTable,
  RetentionSaltTable,
} from '../retention/retention.table.ts';
import type { StaffUserTable } from '../staff/staff.table.ts';
import type {
  SurveyCommentTable,
  SurveyInvitationTable,
  SurveyQuestionTable,
  SurveyResponseTable,
} from '../surveys/surveys.table.ts';

export type Database = {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  committees: CommitteeTable;
  units: UnitTable;
  unitCommittees: UnitCommitteeTable;
  staffUsers: StaffUserTable;
  sessions: SessionTable;
  persons: PersonTable;
  households: HouseholdTable;
  householdMembers: HouseholdMemberTable;
  accessLog: AccessLogTable;
  errands: ErrandTable;
  errandTransitions: ErrandTransitionTable;
  errandMemberFacts: ErrandMemberFactsTable;
  errandItems: ErrandItemTable;
  verifications: VerificationTable;
  attachments: AttachmentTable;
  calculations: CalculationTable;
  decisions: DecisionTable;
  decisionItems: DecisionItemTable;
  reasonTemplates: ReasonTemplateTable;
  delegationRules: DelegationRuleTable;
  guidelineSets: GuidelineSetTable;
  guidelineVersions: GuidelineVersionTable;
  guidelineAdoptions: GuidelineAdoptionTable;
  paymentBatches: PaymentBatchTable;
  payments: PaymentTable;
  recoveryClaims: RecoveryClaimTable;
  benefitApplications: BenefitApplicationTable;
  reimbursementClaims: ReimbursementClaimTable;
  journalEntries: JournalEntryTable;
  journalTombstones: JournalTombstoneTable;
  caseAssignments: CaseAssignmentTable;
  retentionSalts: RetentionSaltTable;
  retentionRuns: RetentionRunTable;
  retentionRunItems: RetentionRunItemTable;
  planningSettings: PlanningSettingsTable;
  insatser: InsatsTable;
  workplaces: WorkplaceTable;
  partnerAgencies: PartnerAgencyTable;
  consents: ConsentTable;
  referrals: ReferralTable;
  insatsParticipations: InsatsParticipationTable;
  attendanceWeeks: AttendanceWeekTable;
  paymentRequests: PaymentRequestTable;
  agencyContacts: AgencyContactTable;
  collaborationMeetings: CollaborationMeetingTable;
  agreements: AgreementTable;
  agreementFollowUps: AgreementFollowUpTable;
  caseClosures: CaseClosureTable;
  closureFollowUps: ClosureFollowUpTable;
  surveyQuestions: SurveyQuestionTable;
  surveyInvitations: SurveyInvitationTable;
  surveyResponses: SurveyResponseTable;
  surveyComments: SurveyCommentTable;
  assessments: AssessmentTable;
  plans: PlanTable;
  planVersions: PlanVersionTable;
  planFollowUps: PlanFollowUpTable;
  meetings: MeetingTable;
  notifications: NotificationTable;
  planWaivers: PlanWaiverTable;
  aktivitetskravExemptions: AktivitetskravExemptionTable;
  aktivitetskravDeviations: AktivitetskravDeviationTable;
  aktivitetskravReductions: AktivitetskravReductionTable;
  caseReviews: CaseReviewTable;
  citizenSessions: CitizenSessionTable;
  citizenApplications: CitizenApplicationTable;
  citizenApplicationFiles: CitizenApplicationFileTable;
  completionRequests: CompletionRequestTable;
  citizenMessages: CitizenMessageTable;
  reportingSettings: ReportingSettingsTable;
  indicatorTargets: IndicatorTargetTable;
  indicatorSnapshots: IndicatorSnapshotTable;
  indicatorCells: IndicatorCellTable;
  indicatorSubjects: IndicatorSubjectTable;
  assistedHouseholds: AssistedHouseholdTable;
  consistencyCells: ConsistencyCellTable;
  reportingChanges: ReportingChangeTable;
  auditSamples: AuditSampleTable;
  auditSampleItems: AuditSampleItemTable;
};
