import type { Generated } from 'kysely';
import type { BatchStatus, PaymentStatus } from './payments.schemas.ts';

export type { BatchStatus, PaymentStatus } from './payments.schemas.ts';

/** Utbetalningsomgång — one month's payments for the whole municipality, processed in chunks. */
export type PaymentBatchTable = {
  municipalityId: string;
  id: string;
  /** The month the assistance concerns, YYYY-MM. */
  month: string;
  /** The banking day the money reaches the households (ReqdExctnDt in the bank file). */
  paymentDate: string;
  status: BatchStatus;
  /** Errands to pay when the batch started. */
  planned: Generated<number>;
  /** Errands handled so far. */
  processed: Generated<number>;
  /** Öre paid by this batch. */
  totalAmount: Generated<number>;
  startedBy: string | null;
  startedAt: Generated<Date>;
  completedAt: Date | null;
};

/**
 * Utbetalning — one row in the ledger per payout. The idempotency key
 * `<errandId>:<month>:<item>` is unique per municipality, so the same payout cannot be made twice.
 */
export type PaymentTable = {
  municipalityId: string;
  id: string;
  idempotencyKey: string;
  errandId: string;
  decisionId: string;
  month: string;
  /** The decision item (beslutspunkt) number the payout comes from. */
  item: string;
  /** Öre, > 0. */
  amount: number;
  payeeAccount: string | null;
  batchId: string | null;
  status: Generated<PaymentStatus>;
  /** The paragraph the payout was granted under, kept per payment (SoL 2025:400 övergångsbest. p. 5 a). */
  legalBasis: string;
  createdAt: Generated<Date>;
};
