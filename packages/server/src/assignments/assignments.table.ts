import type { Generated } from 'kysely';

/**
 * Tilldelning — which named caseworker (handläggare) and stand-in (ersättare) a household's
 * case is assigned to, over time. One current row per household (valid_to null); a change
 * closes it and opens a new one, with the handover note (överlämning).
 */
export type CaseAssignmentTable = {
  municipalityId: string;
  id: string;
  householdId: string;
  caseworkerId: string;
  standInId: string | null;
  validFrom: Generated<Date>;
  validTo: Date | null;
  handoverNote: string | null;
  /** The unit manager who assigned; null for the demo seed. */
  assignedBy: string | null;
};
