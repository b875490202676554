// Request and response shapes of the journal routes (zod only, shared with API clients).
import { z } from 'zod';

export const entrySchema = z.object({
  id: z.number().int(),
  writtenAt: z.string(),
  text: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  errand: z.object({ id: z.string(), type: z.string(), month: z.string() }).nullable(),
  correctsId: z.number().int().nullable(),
  correctedBy: z.array(z.number().int()),
});

export const entryInput = z.strictObject({
  text: z
    .string('Skriv anteckningen')
    .trim()
    .min(1, 'Skriv anteckningen')
    .max(20_000, 'Anteckningen får vara högst 20 000 tecken')
    // The database must store exactly the text that was hashed: no lone surrogates, no NUL.
    .refine(
      (text) => text.isWellFormed() && !text.includes('\u0000'),
      'Anteckningen innehåller ogiltiga tecken',
    ),
  errandId: z.uuid('Ogiltigt ärende-id').optional(),
  correctsId: z.number('Ange id för anteckningen som rättas').int().positive().optional(),
});
export const journalPage = z.object({ items: z.array(entrySchema) });
export const journalVerification = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});
