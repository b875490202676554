// Request and response shapes of the investigation routes: incomes, costs and norm adjustments,
// checks and attachment metadata (zod only, shared with API clients).
import { INCOME_TYPES, OTHER_LIVING_COST_SUBTYPES, REASONABLE_COST_TYPES } from '@stegvis/rules';
import { z } from 'zod';
import { dateSchema } from '../households/households.schemas.ts';

const ore = z.number().int();

export const ITEM_KINDS = ['income', 'cost', 'normAdjustment'] as const;
export const VERIFICATION_KINDS = [
  'employmentServiceRegistration',
  'socialInsuranceBenefits',
  'bankStatements',
  'rentalContract',
  'other',
] as const;
export const VERIFICATION_OUTCOMES = ['confirmed', 'discrepancy', 'missing'] as const;

export const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(ITEM_KINDS),
  type: z.string(),
  subtype: z.string().nullable(),
  personId: z.string().nullable(),
  amount: ore,
  note: z.string().nullable(),
  attachmentId: z.string().nullable(),
  createdAt: z.string(),
});
export const verificationSchema = z.object({
  id: z.string(),
  kind: z.enum(VERIFICATION_KINDS),
  source: z.string(),
  checkedOn: z.string(),
  outcome: z.enum(VERIFICATION_OUTCOMES),
  note: z.string().nullable(),
  userId: z.string().nullable(),
  at: z.string(),
});
export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

const amount = z
  .number('Ange beloppet i hela ören')
  .int('Ange beloppet i hela ören')
  .min(0, 'Beloppet kan inte vara negativt')
  .max(100_000_000, 'Beloppet är orimligt stort');
const personId = z.uuid('Välj person').optional();
const note = z.string().trim().max(2000).optional();

/** Types that always belong to one person: employment (jobbstimulans), work travel, union fees. */
const PERSONAL_TYPES = new Set(['employment', 'workTravel', 'unionAndUnemploymentFund']);

export const itemInput = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('income'),
        type: z.enum(INCOME_TYPES, 'Välj inkomstslag'),
        personId,
        amount,
        note,
      }),
      z.strictObject({
        kind: z.literal('cost'),
        type: z.enum([...REASONABLE_COST_TYPES, 'otherLivingCost'], 'Välj kostnadsslag'),
        subtype: z.enum(OTHER_LIVING_COST_SUBTYPES, 'Välj vilken sorts levnadskostnad').optional(),
        personId,
        amount,
        note,
      }),
      // Norm över eller under riksnormen i det enskilda fallet (SoL 2025:400 12 kap. 7 § tredje stycket).
      z.strictObject({
        kind: z.literal('normAdjustment'),
        personId,
        amount: z.number('Ange beloppet i hela ören').int('Ange beloppet i hela ören'),
        note: z
          .string('Ange skälet till att normen justeras')
          .trim()
          .min(1, 'Ange skälet till att normen justeras')
          .max(2000),
      }),
    ],
    { error: 'Ange om posten är inkomst, kostnad eller normjustering' },
  )
  .superRefine((item, ctx) => {
    if (item.kind !== 'normAdjustment' && PERSONAL_TYPES.has(item.type) && !item.personId) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Ange vilken person posten gäller' });
    }
    if (item.kind === 'cost' && item.type === 'otherLivingCost' && !item.subtype) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: 'Välj vilken sorts levnadskostnad' });
    }
    if (item.kind === 'cost' && item.type !== 'otherLivingCost' && item.subtype) {
      ctx.addIssue({
        code: 'custom',
        path: ['subtype'],
        message: 'Bara levnadskostnader i övrigt har undertyp',
      });
    }
  });

export const verificationInput = z.strictObject({
  kind: z.enum(VERIFICATION_KINDS, 'Välj vad som kontrollerades'),
  source: z
    .string('Ange var uppgiften kontrollerades')
    .trim()
    .min(1, 'Ange var uppgiften kontrollerades')
    .max(200),
  checkedOn: dateSchema,
  outcome: z.enum(VERIFICATION_OUTCOMES, 'Välj utfall: stämmer, avviker eller saknas'),
  note,
});
