// Aktivitetskrav per adult: exemptions (reason and period), deviations (planned against attended
// hours, the notice) and the legal basis a reduction decision cites (zod only, for api.ts).
import { z } from 'zod';

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');

export const exemptionInput = z.strictObject({
  reason: z.string('Ange skälet till undantaget').trim().min(1, 'Ange skälet till undantaget').max(1000),
  validFrom: isoDate,
  validTo: z.iso.date('Ange slutdatum som ÅÅÅÅ-MM-DD: undantag gäller alltid en bestämd period'),
});

export const deviationInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM'),
  plannedHoursPerWeek: z.number().int().min(1, 'Ange planerade timmar i veckan').max(40),
  attendedHoursPerWeek: z.number().int().min(0).max(40),
  description: z.string().trim().min(1, 'Beskriv avvikelsen').max(2000),
});

export const noticeInput = z.strictObject({ sentOn: isoDate.optional() });

export const reductionInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månaden som ska sättas ned som ÅÅÅÅ-MM'),
  amount: z
    .number('Ange nedsättningens belopp i ören')
    .int('Ange beloppet i hela ören')
    .min(1, 'Ange nedsättningens belopp: det är ditt beslut, inget belopp följer av lagen')
    .max(100_000_000),
  reason: z
    .string('Skriv skälen för nedsättningen')
    .trim()
    .min(1, 'Skriv skälen för nedsättningen (32 § förvaltningslagen)')
    .max(4000),
});

export const reductionDecision = z.object({
  id: z.uuid(),
  deviationId: z.uuid(),
  personId: z.uuid(),
  month: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  legalBasis: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

export const exemption = z.object({
  id: z.uuid(),
  reason: z.string(),
  /** Set for an exemption that follows from recorded facts (the law's exemption grounds). */
  automatic: z
    .object({
      code: z.enum(['underMinimumAge', 'inSchool', 'fullTimeEmployment', 'sicknessBenefit']),
      age: z.number().int(),
    })
    .optional(),
  validFrom: z.string(),
  validTo: z.string(),
  current: z.boolean(),
});

export const deviation = z.object({
  id: z.uuid(),
  month: z.string(),
  plannedHoursPerWeek: z.number(),
  attendedHoursPerWeek: z.number(),
  description: z.string(),
  noticeSentOn: z.string().nullable(),
});

/** inForce = gällande rätt; passed = antagen men inte i kraft; proposed = förslag. */
export const LEGAL_STATUSES = ['inForce', 'passed', 'proposed'] as const;

export const legalBasisRef = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(LEGAL_STATUSES),
  note: z.string(),
});

export const aktivitetskravStatus = z.object({
  personId: z.uuid(),
  month: z.string(),
  rule: z
    .object({
      id: z.string(),
      status: z.enum(['proposed', 'passed', 'inForce']),
      source: z.string(),
      firstAppliedMonth: z.string(),
      consecutiveMonths: z.number(),
    })
    .nullable(),
  consecutiveMonths: z.number(),
  applies: z.boolean(),
  exemptions: z.array(exemption),
  deviations: z.array(deviation),
  /** Decided reductions; each is applied to its month's calculation. */
  reductions: z.array(reductionDecision),
  /** A reduction may be decided only after a notice for the deviation; this is what it cites. */
  reductionBasis: z.array(legalBasisRef),
});
