import type { Generated } from 'kysely';

/** Hushåll — the unit the norm is calculated for. Membership is kept over time. */
export type HouseholdTable = {
  municipalityId: string;
  id: string;
  unitId: string;
  createdAt: Generated<Date>;
};

export type HouseholdMemberTable = {
  municipalityId: string;
  householdId: string;
  personId: string;
  role: 'applicant' | 'partner' | 'child';
  validFrom: string;
  validTo: string | null;
};
