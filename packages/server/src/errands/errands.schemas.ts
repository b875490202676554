// Request and response shapes of the errand routes (zod only, shared with API clients).
import { z } from 'zod';
import { snapshotSchema } from '../calculations/calculation-snapshots.schemas.ts';
import { householdPerson, MEMBER_ROLES, monthSchema } from '../households/households.schemas.ts';
import {
  attachmentSchema,
  ITEM_KINDS,
  itemSchema,
  verificationSchema,
} from '../investigation/investigation.schemas.ts';

export const ERRAND_TYPES = ['newApplication', 'renewalApplication', 'supplementaryApplication'] as const;
/** Nyansökan, återansökan (monthly), tilläggsansökan. */
export type ErrandType = (typeof ERRAND_TYPES)[number];

export const ERRAND_STATES = [
  'received',
  'underInvestigation',
  'awaitingCompletion',
  'readyForDecision',
  'decided',
  'paid',
  'closed',
] as const;
/** Ärendets status: inkommet, under utredning, väntar på komplettering, klart för beslut, beslutat, utbetalt, avslutat. */
export type ErrandState = (typeof ERRAND_STATES)[number];

export const stateSchema = z.enum(ERRAND_STATES, 'Okänd status');
export const typeSchema = z.enum(ERRAND_TYPES, 'Ange nyansökan, återansökan eller tilläggsansökan');
const ore = z.number().int();

export const errandSummary = z.object({
  id: z.string(),
  householdId: z.string(),
  type: typeSchema,
  month: z.string(),
  state: stateSchema,
  receivedAt: z.string(),
  waitingDays: z.number().int(),
  applicant: z.object({ id: z.string(), name: z.string(), protectedIdentity: z.boolean() }).nullable(),
});

export const factsSchema = z.object({
  jobStimulus: z.boolean(),
  weekdayLunchesProvided: z.boolean(),
  inSchool: z.boolean(),
  daysInHousehold: z.number().int().nullable(),
  earningsEarlierThisYear: ore.nullable(),
});

const itemKey = {
  kind: z.enum(ITEM_KINDS),
  type: z.string(),
  subtype: z.string().nullable(),
  personId: z.string().nullable(),
};

export const errandDetail = errandSummary.omit({ applicant: true }).extend({
  requestedNote: z.string().nullable(),
  household: z.object({
    id: z.string(),
    sharedHouseholdSize: z.number().int().nullable(),
    members: z.array(
      z.object({
        personId: z.string(),
        role: z.enum(MEMBER_ROLES),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        person: householdPerson,
        facts: factsSchema,
      }),
    ),
  }),
  items: z.array(itemSchema),
  verifications: z.array(verificationSchema),
  checklist: z.array(
    z.object({
      kind: z.enum([
        'employmentServiceRegistration',
        'socialInsuranceBenefits',
        'bankStatements',
        'rentalContract',
      ]),
      label: z.string(),
      latest: verificationSchema.nullable(),
    }),
  ),
  attachments: z.array(attachmentSchema),
  transitions: z.array(
    z.object({
      fromState: stateSchema.nullable(),
      toState: stateSchema,
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  allowedTransitions: z.array(stateSchema),
  latestCalculation: snapshotSchema.nullable(),
  changes: z
    .object({
      previousErrandId: z.string(),
      previousMonth: z.string(),
      added: z.array(z.object({ ...itemKey, amount: ore })),
      removed: z.array(z.object({ ...itemKey, previousAmount: ore })),
      changed: z.array(z.object({ ...itemKey, amount: ore, previousAmount: ore })),
    })
    .nullable(),
});

export const errandIdParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const errandListQuery = z.strictObject({
  state: stateSchema.optional(),
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const errandPage = z.object({ items: z.array(errandSummary), total: z.number().int() });
export const errandInput = z.strictObject({
  householdId: z.uuid('Välj hushåll'),
  type: typeSchema,
  month: monthSchema,
  requestedNote: z.string().trim().max(2000).optional(),
});
export const transitionInput = z.strictObject({
  to: stateSchema,
  note: z.string().trim().max(2000).optional(),
});
export const memberFactsInput = z.strictObject({
  jobStimulus: z.boolean().default(false),
  weekdayLunchesProvided: z.boolean().default(false),
  inSchool: z.boolean().default(false),
  daysInHousehold: z
    .number()
    .int('Ange antal dagar som ett heltal')
    .min(1, 'Ange 1–30 dagar')
    .max(30, 'Ange 1–30 dagar')
    .nullable()
    .default(null),
  earningsEarlierThisYear: z
    .number()
    .int('Ange beloppet i hela ören')
    .min(0, 'Beloppet kan inte vara negativt')
    .nullable()
    .default(null),
});
