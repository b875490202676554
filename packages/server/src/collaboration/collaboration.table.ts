import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export type AgencyContactTable = {
  municipalityId: string;
  id: string;
  agencyId: string;
  name: string;
  role: string;
  phone: string | null;
  email: string | null;
  createdAt: Generated<Date>;
};

export type MeetingParticipantRecord = { agencyId: string | null; name: string; role: string };
export type AgreedAction = { action: string; responsible: string; by: string };

/** Samverkansmöte (flerpartsmöte) about one person. */
export type CollaborationMeetingTable = {
  municipalityId: string;
  id: string;
  personId: string;
  heldOn: string;
  purpose: string;
  participants: Json<MeetingParticipantRecord[]>;
  agencyIds: Json<string[]>;
  summary: string;
  agreedActions: Json<AgreedAction[]>;
  recordedBy: string;
  createdAt: Generated<Date>;
};

export type Responsibility = { party: string; responsibility: string };
export type AgreementGoal = { goal: string; measure: string };

/** Överenskommelse with a partner agency. */
export type AgreementTable = {
  municipalityId: string;
  id: string;
  title: string;
  partyAgencyIds: Json<string[]>;
  decidedBy: string;
  decidedOn: string;
  validFrom: string;
  validTo: string | null;
  purpose: string;
  targetGroup: string;
  procedure: string;
  responsibilities: Json<Responsibility[]>;
  reviewOn: string;
  economicCommitments: string;
  goals: Json<AgreementGoal[]>;
  createdBy: string;
  createdAt: Generated<Date>;
};

export type AgreementFollowUpTable = {
  municipalityId: string;
  id: string;
  agreementId: string;
  followedUpOn: string;
  summary: string;
  goalResults: Json<{ goal: string; result: string }[]>;
  createdBy: string;
  createdAt: Generated<Date>;
};
