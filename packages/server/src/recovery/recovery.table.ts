import type { Generated } from 'kysely';

export const RECOVERY_STATUSES = ['open', 'repaying', 'paid', 'waived', 'courtAction'] as const;
/** Öppet, avbetalas, återbetalt, eftergivet (33 kap. 6 §), talan väckt (33 kap. 4–5 §§). */
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

/** Återkrav — a claim to get back assistance paid wrongly or on condition (SoL 2025:400 33 kap.). */
export type RecoveryClaimTable = {
  municipalityId: string;
  id: string;
  personId: string;
  decisionId: string | null;
  /** Öre. */
  amount: number;
  legalBasis: string;
  reason: string;
  status: Generated<RecoveryStatus>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  /** The month the assistance was paid (YYYY-MM): the three-year limit of 33 kap. 5 § runs from it. */
  costMonth: string | null;
  /** Öre waived (eftergift, 33 kap. 6 §), wholly or partly. */
  waivedAmount: number | null;
  statusNote: string | null;
  statusChangedAt: Date | null;
};
