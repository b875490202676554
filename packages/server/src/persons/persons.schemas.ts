// Request and response shapes of the person routes (zod only, shared with API clients).
import { z } from 'zod';

export const unitRef = z.object({ id: z.string(), name: z.string() });
export const addressSchema = z.strictObject({
  street: z.string().trim().min(1, 'Ange gatuadress').max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, 'Ange postnummer med fem siffror, till exempel 123 45'),
  city: z.string().trim().min(1, 'Ange ort').max(100),
});

export const personSummary = z.object({
  id: z.string(),
  personalIdentityNumber: z.string(),
  name: z.string(),
  protectedIdentity: z.boolean(),
  unit: unitRef,
});

export const personDetail = personSummary.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  birthDate: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  masked: z.boolean(),
  protection: z.object({
    confidentialityMarking: z.boolean(),
    protectedRegistration: z.boolean(),
    fictitiousIdentity: z.boolean(),
  }),
});

export const personInput = z.strictObject({
  personalIdentityNumber: z.string().trim().min(1, 'Ange personnummer').max(20),
  firstName: z.string().trim().min(1, 'Ange förnamn').max(100),
  lastName: z.string().trim().min(1, 'Ange efternamn').max(100),
  address: addressSchema.nullable().default(null),
  protectedIdentity: z.boolean().default(false),
});

export const personPatch = z.strictObject({
  firstName: z.string().trim().min(1, 'Ange förnamn').max(100).optional(),
  lastName: z.string().trim().min(1, 'Ange efternamn').max(100).optional(),
  address: addressSchema.nullable().optional(),
  protectedIdentity: z.boolean().optional(),
});

export const personListQuery = z.strictObject({
  search: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const personPage = z.object({ items: z.array(personSummary), total: z.number().int() });
