// Work-queue JSON shapes (zod only, so api.ts can infer types).
import { z } from 'zod';

/** Why a person is in a work queue (the codes of `QueueReason`, work-queues.service.ts). */
export const QUEUE_REASONS = [
  'planMissingAfterApplication',
  'planMissingAfterDecision',
  'planMissingAfterInsats',
  'insatsEnded',
  'planActivityEnded',
  'planExpiring',
  'proposalDue',
  'followUpOverdue',
  'caseReviewLast',
  'caseReviewNever',
  'longTermWithoutPlan',
  'youngAdultWithoutActivity',
  'withoutActivity',
  'aktivitetskrav',
  'aktivitetskravExempt',
  'unexcusedAbsence',
] as const;

/** Why: a code the UI words in the reader's language, with its values (dates, months, names). */
const queueReason = z.object({
  code: z.enum(QUEUE_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const queueItem = z.object({ personId: z.uuid(), name: z.string(), reason: queueReason });
const item = queueItem;

export const workQueuesSchema = z.object({
  today: z.string(),
  queues: z.array(z.object({ code: z.string(), title: z.string(), count: z.number(), items: z.array(item) })),
  aktivitetskrav: z.object({
    month: z.string(),
    rule: z
      .object({
        id: z.string(),
        status: z.string(),
        sourceId: z.string(),
        source: z.string(),
        validFrom: z.string(),
        firstAppliedMonth: z.string(),
      })
      .nullable(),
    inForce: z.boolean(),
    exempt: z.array(item.extend({ exemption: z.string() })),
    unexcusedAbsence: z.array(item.extend({ hours: z.number() })),
  }),
  compliance: z.array(
    z.object({
      caseworker: z.object({ id: z.string().nullable(), name: z.string() }),
      assisted: z.number(),
      withCurrentPlan: z.number(),
      planMissing: z.number(),
      followUpOverdue: z.number(),
    }),
  ),
});

export const caseReviewInput = z.strictObject({
  reviewedOn: z.iso.date('Ange datum som ÅÅÅÅ-MM-DD').optional(),
  outcome: z
    .string('Skriv vad ärendedragningen kom fram till')
    .trim()
    .min(1, 'Skriv vad ärendedragningen kom fram till')
    .max(4000),
});

export const caseReview = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  reviewedOn: z.string(),
  outcome: z.string(),
  recordedBy: z.string(),
});
