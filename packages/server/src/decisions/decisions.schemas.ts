// Request and response shapes of the decision routes: decisions, their items and the reason
// templates (zod only, shared with API clients).
import { z } from 'zod';

export const OUTCOMES = ['granted', 'partiallyGranted', 'rejected', 'dismissed'] as const;
/** Utfall per beslutspunkt: bifall, delavslag, avslag, avvisning. */
export type Outcome = (typeof OUTCOMES)[number];

const amount = z.number().int('Ange beloppet i hela ören').min(0, 'Beloppet kan inte vara negativt');
const text = (max: number) => z.string().trim().max(max).default('');

export const decisionItemInput = z.strictObject({
  description: z.string().trim().max(200),
  requested: amount,
  granted: amount,
  outcome: z.enum(OUTCOMES, 'Välj bifall, delavslag, avslag eller avvisning'),
  reasonTemplateIds: z.array(z.string().max(100)).max(10).default([]),
  reasons: text(4000),
  legalBasis: text(500),
});

export const decisionInput = z.strictObject({
  items: z.array(decisionItemInput).min(1, 'Beslutet behöver minst en beslutspunkt').max(20),
  childBestInterest: text(4000),
  reasoning: text(8000),
});

export const decisionItem = z.object({
  description: z.string(),
  requested: z.number().int(),
  granted: z.number().int(),
  outcome: z.enum(OUTCOMES),
  reasons: z.string(),
  legalBasis: z.string(),
});

export const decision = z.object({
  id: z.string(),
  errandId: z.string(),
  calculationId: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  decidedAt: z.string(),
  childBestInterest: z.string().nullable(),
  reasoning: z.string(),
  grantedTotal: z.number().int(),
  items: z.array(decisionItem),
  letter: z.object({ sha256: z.string(), url: z.string() }).nullable(),
});

export const reasonTemplate = z.object({
  id: z.string(),
  outcome: z.enum(OUTCOMES),
  title: z.string(),
  text: z.string(),
  legalBasis: z.string(),
});
