// Request and response shapes of the household routes (zod only, shared with API clients).
import { z } from 'zod';
import { isValidIban } from '../payments/iban.ts';

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM, till exempel 2026-03');
export const dateSchema = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
export const MEMBER_ROLES = ['applicant', 'partner', 'child'] as const;
export const roleSchema = z.enum(MEMBER_ROLES, 'Ange roll: sökande, make/maka/sambo eller barn');
/** Hushållsgemenskap: everyone sharing the dwelling (SoF 2025:468 12 kap. 3 § andra stycket). */
const sharedHouseholdSizeSchema = z
  .number()
  .int('Ange antal personer som ett heltal')
  .min(2, 'Ett delat boende har minst två personer')
  .max(30)
  .nullable();

export const householdPerson = z.object({
  id: z.string(),
  name: z.string(),
  personalIdentityNumber: z.string(),
  protectedIdentity: z.boolean(),
  birthDate: z.string(),
});
export const memberSchema = z.object({
  personId: z.string(),
  role: roleSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  person: householdPerson,
});
export const householdView = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  sharedHouseholdSize: z.number().int().nullable(),
  month: z.string(),
  members: z.array(memberSchema),
});
export const householdDetail = householdView.extend({
  /** Utbetalningskonto: a Swedish IBAN, or null when none is registered (the payment batch reports those). */
  payoutAccount: z.string().nullable(),
  history: z.array(memberSchema),
});
export const householdPage = z.object({ items: z.array(householdView), total: z.number().int() });

export const householdListQuery = z.strictObject({
  month: monthSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const householdMonthQuery = z.strictObject({ month: monthSchema.optional() });

export const householdInput = z.strictObject({
  applicantPersonId: z.uuid('Välj sökande'),
  validFrom: dateSchema.optional(),
  sharedHouseholdSize: sharedHouseholdSizeSchema.default(null),
});
/**
 * Utbetalningskonto as a Swedish IBAN: SE, two check digits and 20 digits (bank code and account),
 * checked with ISO 13616 mod 97. Spaces are allowed as people write it ("SE45 5000 0000 …").
 * The bank file (pain.001) sends it as <IBAN>; bankgiro and plusgiro are not supported there.
 */
export const payoutAccountSchema = z
  .string()
  .trim()
  .max(40, 'Ange kontot som ett svenskt IBAN: SE och 22 siffror')
  .superRefine((value, ctx) => {
    const compact = value.replace(/\s/g, '').toUpperCase();
    if (!/^SE\d{22}$/.test(compact)) {
      ctx.addIssue({ code: 'custom', message: 'Ange kontot som ett svenskt IBAN: SE och 22 siffror' });
    } else if (!isValidIban(compact)) {
      ctx.addIssue({ code: 'custom', message: 'Kontrollsiffrorna i IBAN stämmer inte. Kontrollera numret.' });
    }
  });
export const householdPatch = z.strictObject({
  sharedHouseholdSize: sharedHouseholdSizeSchema.optional(),
  payoutAccount: payoutAccountSchema.nullable().optional(),
});
export const memberInput = z.strictObject({
  personId: z.uuid('Välj person'),
  role: roleSchema,
  validFrom: dateSchema,
});
export const membershipEnd = z.strictObject({ validTo: dateSchema });
