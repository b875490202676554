// Request and response shapes of the guideline routes (zod only, shared with API clients).
import { z } from 'zod';

export const GUIDELINE_STATUSES = ['draft', 'adopted'] as const;

const date = z.iso.date('Ange ett datum, ÅÅÅÅ-MM-DD');
export const sectionInput = z.strictObject({
  number: z.string().trim().min(1, 'Ange avsnittets nummer').max(20),
  title: z.string().trim().min(1, 'Ange avsnittets rubrik').max(200),
  text: z.string().trim().min(1, 'Skriv avsnittets text').max(20_000),
});
/** Caps are checked by the rules package's own validation, so the shape lives in one place. */
const capInput = z.record(z.string(), z.unknown());
export const capSchema = z.object({
  costType: z.string(),
  subtype: z.string().optional(),
  byHouseholdSize: z.record(z.string(), z.number()).optional(),
  amount: z.number().optional(),
  section: z.string(),
});
const sectionSchema = z.object({ number: z.string(), title: z.string(), text: z.string() });

export const versionSchema = z.object({
  version: z.number().int(),
  status: z.enum(GUIDELINE_STATUSES),
  validFrom: z.string(),
  adoptedOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  adoptedBy: z.string().nullable(),
});
export const versionDetail = versionSchema.extend({
  sections: z.array(sectionSchema),
  caps: z.array(capSchema),
});
const deviation = sectionSchema.extend({ caps: z.array(capSchema) });
export const adoptionSchema = z.object({ adoptedOn: z.string(), localDeviations: z.array(deviation) });
const owner = z.object({ kind: z.enum(['region', 'municipality']), id: z.string(), name: z.string() });
export const setSummary = z.object({
  id: z.string(),
  name: z.string(),
  owner,
  adoption: adoptionSchema.nullable(),
  versions: z.array(versionSchema),
});
export const setDetail = setSummary.extend({ versions: z.array(versionDetail) });
export const setList = z.object({ items: z.array(setSummary) });

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });
export const versionParams = z.strictObject({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1),
});

export const setInput = z.strictObject({ name: z.string().trim().min(1, 'Ange riktlinjens namn').max(200) });
export const versionInput = z.strictObject({
  validFrom: date,
  sections: z.array(sectionInput).max(200),
  caps: z.array(capInput).max(100).default([]),
});
export const adoptInput = z.strictObject({
  validFrom: date.optional(),
  adoptedOn: date,
  reviewOn: date,
  adoptedBy: z.string().trim().min(1, 'Ange vem som antog riktlinjen, till exempel Socialnämnden').max(200),
});
export const adoptionInput = z.strictObject({
  adoptedOn: date,
  localDeviations: z
    .array(sectionInput.extend({ caps: z.array(capInput).max(20).default([]) }))
    .max(50)
    .default([]),
});
