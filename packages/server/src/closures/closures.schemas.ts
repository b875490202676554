// Closure of a person's case and the follow-ups after it (zod only).
import { z } from 'zod';

/**
 * Avslutsorsaker: internal ids for the reasons listed by Socialstyrelsen (HSLF-FS 2015:30 4 §,
 * bilaga 2). The official codes of bilaga 2 are not verified, so no national code is stored yet.
 */
export const CLOSURE_REASONS = [
  'work',
  'studiesWithAllowance',
  'subsidisedEmployment',
  'benefitFromAgency',
  'moved',
  'deceased',
  'didNotReapply',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const FOLLOW_UP_SITUATIONS = [
  'work',
  'studies',
  'otherBenefit',
  'assistanceAgain',
  'unknown',
] as const;

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');

export const closureInput = z.strictObject({
  closedOn: isoDate,
  reason: z.enum(CLOSURE_REASONS, 'Välj avslutsorsak ur Socialstyrelsens lista'),
  note: z.string().trim().max(2000).nullable().default(null),
});

const followUp = z.object({
  id: z.uuid(),
  months: z.number(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  selfSupporting: z.boolean().nullable(),
  situation: z.enum(FOLLOW_UP_SITUATIONS).nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});
export const closureSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  closedOn: z.string(),
  reason: z.enum(CLOSURE_REASONS),
  note: z.string().nullable(),
  followUps: z.array(followUp),
  returned: z
    .object({ errandId: z.uuid(), receivedOn: z.string(), month: z.string(), monthsAfter: z.number() })
    .nullable()
    .describe('En ny ansökan inom 12 månader efter avslutet'),
});
export const closureList = z.object({ items: z.array(closureSchema) });

export const followUpInput = z.strictObject({
  doneOn: isoDate,
  selfSupporting: z.boolean('Ange om personen fortfarande har egen försörjning'),
  situation: z.enum(FOLLOW_UP_SITUATIONS, 'Välj personens situation'),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const dueFollowUp = followUp.extend({
  closureId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  closedOn: z.string(),
  reason: z.enum(CLOSURE_REASONS),
});
export const dueFollowUpList = z.object({ items: z.array(dueFollowUp) });
