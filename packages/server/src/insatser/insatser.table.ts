import type { ColumnType, Generated } from 'kysely';
import type { AbsenceReason, FundingSource, InsatsKind } from './insatser.schemas.ts';

export type { AbsenceReason, FundingSource, InsatsKind };

/** jsonb written as JSON text, read as objects. */
type Json<T> = ColumnType<T, string, string>;

/** An offering in the insats catalogue, owned by a municipality or by a region (read by its members). */
export type InsatsTable = {
  id: string;
  ownerMunicipalityId: string | null;
  ownerRegionId: string | null;
  name: string;
  kind: InsatsKind;
  provider: string;
  targetGroup: string;
  eligibility: string;
  capacity: number;
  durationWeeks: number;
  costPerParticipantOre: number;
  fundingSource: FundingSource;
  active: Generated<boolean>;
  createdAt: Generated<Date>;
};

/** A workplace or employer offering placements (praktikplatser). */
export type WorkplaceTable = {
  municipalityId: string;
  id: string;
  name: string;
  organisationNumber: string | null;
  industry: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  placementKinds: Json<InsatsKind[]>;
  places: number;
  active: Generated<boolean>;
  createdAt: Generated<Date>;
};

export type ParticipationStatus = 'waiting' | 'active' | 'ended';

/** A person's place in an insats: on the wait list, active or ended (leaving is its own event). */
export type InsatsParticipationTable = {
  municipalityId: string;
  id: string;
  personId: string;
  referralId: string | null;
  insatsId: string;
  status: ParticipationStatus;
  listedOn: string;
  startedOn: string | null;
  plannedEndOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
};

/** Närvaro per deltagare och vecka (week_start is the Monday). */
export type AttendanceWeekTable = {
  municipalityId: string;
  participationId: string;
  personId: string;
  weekStart: string;
  plannedHours: number;
  attendedHours: number;
  absences: Json<{ reason: AbsenceReason; hours: number }[]>;
  unexcusedHours: number;
  recordedBy: string;
  recordedAt: Generated<Date>;
};

/** A coach's request for money for a participant: an errand for the caseworker to decide. */
export type PaymentRequestTable = {
  municipalityId: string;
  id: string;
  personId: string;
  participationId: string;
  errandId: string;
  purpose: string;
  amountOre: number;
  requestedBy: string;
  requestedAt: Generated<Date>;
};
