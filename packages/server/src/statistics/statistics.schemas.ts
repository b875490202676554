// Request and response shapes of the statistics routes (zod only, shared with API clients).
import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM');

export const monthlyFileQuery = z.strictObject({
  month,
  format: z.enum(['csv', 'xlsx'], 'Välj csv eller xlsx').default('csv'),
});

export const susQuery = z
  .strictObject({
    from: month,
    to: month,
    format: z.enum(['csv', 'xlsx'], 'Välj csv eller xlsx').default('csv'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' });

export const keyFiguresQuery = z.strictObject({
  year: z.coerce.number().int('Ange ett år').min(2000, 'Ange ett år').max(2100, 'Ange ett år'),
});

export const keyFiguresSchema = z.object({
  year: z.number().int(),
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  personsWithAssistance: z.number().int().nullable(),
  shareOfPopulation: z.number().nullable(),
  longTermAdults: z.number().int().nullable(),
  longTermShareOfPopulation: z.number().nullable(),
  totalAssistance: z.number().int(),
  costPerInhabitant: z.number().int().nullable(),
  suppressed: z.boolean(),
});
