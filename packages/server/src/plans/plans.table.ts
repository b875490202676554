import type { ColumnType, Generated, JSONColumnType } from 'kysely';

import type { RESPONSIBLE_PARTIES } from './plans.schemas.ts';

export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

export type PlanContent = {
  longTermGoal: string;
  /** Delmål, written as outcomes (what is true when reached), not tasks. */
  subGoals: { id: string; outcome: string; targetDate: string }[];
  activities: {
    description: string;
    responsible: { party: ResponsibleParty; name: string | null };
    subGoalIds: string[];
    hoursPerWeek: number | null;
    /** When the insats ends (versions saved before end dates existed are read as null). */
    endsOn: string | null;
  }[];
  clientWords: string;
};

/** Genomförandeplan — the plan's identity; its content lives in immutable versions. */
export type PlanTable = {
  municipalityId: string;
  id: string;
  personId: string;
  createdBy: string;
  createdAt: Generated<Date>;
};

export type PlanVersionTable = {
  municipalityId: string;
  planId: string;
  version: number;
  content: JSONColumnType<PlanContent>;
  agreedOn: string | null;
  agreementMethod: 'digital' | 'paper' | 'oral' | null;
  createdBy: string;
  createdAt: Generated<Date>;
};

export type SubGoalProgress = 'notStarted' | 'ongoing' | 'achieved' | 'changed';

/** Uppföljning — progress per delmål and the next date. */
export type PlanFollowUpTable = {
  municipalityId: string;
  id: string;
  planId: string;
  planVersion: number;
  heldOn: string;
  progress: JSONColumnType<{ subGoalId: string; status: SubGoalProgress; comment: string }[]>;
  nextFollowUpOn: string;
  createdBy: string;
  createdAt: Generated<Date>;
};

export type MeetingParticipant = { party: ResponsibleParty; name: string | null };

export type MeetingTable = {
  municipalityId: string;
  id: string;
  personId: string;
  startsAt: Date;
  place: string | null;
  homeVisit: boolean;
  participants: JSONColumnType<MeetingParticipant[]>;
  purpose: 'followUp' | 'multiParty' | 'other';
  /** The documented proposal for the way forward (flerpartssamtal). */
  proposal: string | null;
  attendance: 'attended' | 'noShow' | 'cancelled' | null;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
};

/** Outbox for reminders and invitations; a transport sends them after `sendAfter`. */
export type NotificationTable = {
  municipalityId: string;
  id: string;
  channel: 'email' | 'sms' | 'internal';
  recipient: string;
  text: string;
  sendAfter: Date;
  sentAt: Date | null;
  personId: string | null;
  meetingId: string | null;
  createdAt: Generated<Date>;
  /** When a member of staff read an internal notice in their inbox (notifications feature). */
  readAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

/** Per-municipality planning settings (defaults in the migration). */
export type PlanningSettingsTable = {
  municipalityId: string;
  planDeadlineDays: Generated<number>;
  followUpIntervalMonths: Generated<number>;
  proposalWithinMonths: Generated<number>;
  youngAdultMinAge: Generated<number>;
  youngAdultMaxAge: Generated<number>;
  withoutActivityMonths: Generated<number>;
  updatedAt: Generated<Date>;
};

/** "Ingen plan behövs" — recorded instead of a plan, with the reason (ends the Plan saknas queue). */
export type PlanWaiverTable = {
  municipalityId: string;
  id: string;
  personId: string;
  reason: string;
  recordedOn: string;
  createdBy: string;
  createdAt: Generated<Date>;
};

/** Aktivitetskrav: an exemption with its reason and period (both required). */
export type AktivitetskravExemptionTable = {
  municipalityId: string;
  id: string;
  personId: string;
  reason: string;
  validFrom: string;
  validTo: string;
  createdBy: string;
  createdAt: Generated<Date>;
};

/** Aktivitetskrav: a month where attendance fell short of the planned hours, and the notice. */
export type AktivitetskravDeviationTable = {
  municipalityId: string;
  id: string;
  personId: string;
  month: string;
  plannedHoursPerWeek: number;
  attendedHoursPerWeek: number;
  description: string;
  noticeSentOn: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
};

/** Beslut om nedsättning (SoL 2025:400 12 kap. 5 §) after a deviation and its notice; applied to the month's calculation. */
export type AktivitetskravReductionTable = {
  municipalityId: string;
  id: string;
  personId: string;
  deviationId: string;
  /** The assistance month reduced, YYYY-MM. */
  month: string;
  /** Öre; the caseworker's decision. */
  amount: number;
  reason: string;
  /** Lagrum as in force the month reduced, as cited when decided. */
  legalBasis: string;
  decidedBy: string;
  decidedAt: Generated<Date>;
};

/** Ärendedragning: the team reviewed the person's case and recorded the outcome. */
export type CaseReviewTable = {
  municipalityId: string;
  id: string;
  personId: string;
  reviewedOn: string;
  outcome: string;
  createdBy: string;
  createdAt: Generated<Date>;
};
