import type { ColumnType, Generated } from 'kysely';
import type { AgencyKind, ConsentScope, ReferralCloseReason } from './referrals.schemas.ts';

export type { AgencyKind, ConsentScope, ReferralCloseReason };

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

/** Samverkanspart: Arbetsförmedlingen, Försäkringskassan, regionen (psykiatri), samordningsförbund… */
export type PartnerAgencyTable = {
  municipalityId: string;
  id: string;
  name: string;
  kind: AgencyKind;
  createdAt: Generated<Date>;
};

/** Samtycke per person and recipient (an agency or another nämnd), with scope and expiry. */
export type ConsentTable = {
  municipalityId: string;
  id: string;
  personId: string;
  agencyId: string | null;
  committeeId: string | null;
  scope: Json<ConsentScope[]>;
  givenOn: string;
  expiresOn: string;
  form: 'written' | 'oral' | 'digital';
  withdrawnOn: string | null;
  recordedBy: string;
  createdAt: Generated<Date>;
};

export type ReferralDirection = 'internal' | 'incoming' | 'outgoing';
export type ReferralStatus = 'sent' | 'accepted' | 'returned' | 'closed';

export type ActionPlan = { summary: string; steps: { description: string; by: string }[] };
export type ReturnedWorkCapacity = {
  capacity: 'full' | 'partial' | 'none' | 'unclear';
  hoursPerWeek: number | null;
  assessedOn: string;
  assessedBy: string;
  summary: string;
};

/** Remiss — from a unit or agency to a unit or agency, with its clocks. */
export type ReferralTable = {
  municipalityId: string;
  id: string;
  personId: string;
  direction: ReferralDirection;
  fromUnitId: string | null;
  fromAgencyId: string | null;
  toUnitId: string | null;
  toAgencyId: string | null;
  question: string;
  planId: string | null;
  insatsId: string | null;
  consentId: string | null;
  status: ReferralStatus;
  sentOn: string;
  sentBy: string;
  coachId: string | null;
  acceptedOn: string | null;
  returnReason: string | null;
  returnedOn: string | null;
  firstMeetingOn: string | null;
  startedOn: string | null;
  actionPlanDueOn: string | null;
  actionPlan: NullableJson<ActionPlan>;
  actionPlanOn: string | null;
  workCapacity: NullableJson<ReturnedWorkCapacity>;
  closedOn: string | null;
  closeReason: Generated<ReferralCloseReason | null>;
  closeNote: Generated<string | null>;
  closedBy: Generated<string | null>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
};
