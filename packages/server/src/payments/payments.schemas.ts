// Request and response shapes of the payment routes: ledger rows and monthly batches (zod
// only, shared with API clients).
import { z } from 'zod';

export const BATCH_STATUSES = ['running', 'completed', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const PAYMENT_STATUSES = ['pending', 'exported', 'paid', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payment = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  errandId: z.string(),
  decisionId: z.string(),
  month: z.string(),
  item: z.string(),
  amount: z.number().int(),
  payeeAccount: z.string().nullable(),
  batchId: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  legalBasis: z.string(),
  createdAt: z.string(),
});

export const batch = z.object({
  id: z.string(),
  month: z.string(),
  paymentDate: z.string(),
  status: z.enum(BATCH_STATUSES),
  planned: z.number().int(),
  processed: z.number().int(),
  totalAmount: z.number().int(),
  payments: z.number().int(),
  withoutAccount: z.number().int(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});

const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månaden som ÅÅÅÅ-MM, till exempel 2026-12');

export const paymentPage = z.object({ items: z.array(payment) });
export const paymentResult = z.object({ created: z.array(payment), alreadyPaid: z.array(payment) });
export const batchPage = z.object({ items: z.array(batch) });
export const batchInput = z.strictObject({ month });
