import type { Generated } from 'kysely';

/** Hushåll — the unit the norm is calculated for. Membership is kept over time. */
export type HouseholdTable = {
  municipalityId: string;
  id: string;
  unitId: string;
  createdAt: Generated<Date>;
  /** Konto för utbetalning. */
  payoutAccount: Generated<string | null>;
  /**
   * Hushållsgemenskap: everyone sharing the dwelling, including people outside the applying
   * household such as an inneboende (SoF 2025:468 12 kap. 3 § andra stycket). Null = none.
   */
  sharedHouseholdSize: Generated<number | null>;
};

/** Hushållsmedlem — who lived in the household from when to when (validTo inclusive, null = still). */
export type HouseholdMemberTable = {
  municipalityId: string;
  householdId: string;
  personId: string;
  role: 'applicant' | 'partner' | 'child';
  validFrom: string;
  validTo: string | null;
};
