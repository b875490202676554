// Request and response shapes of the citizen e-service (zod only, shared with API clients).
import { INCOME_TYPES, OTHER_LIVING_COST_SUBTYPES, REASONABLE_COST_TYPES } from '@stegvis/rules';
import { z } from 'zod';
import { monthSchema } from '../households/households.schemas.ts';

/** What the citizen sees of an errand's state, in plain words. */
export const CITIZEN_STATUSES = ['received', 'underReview', 'needsCompletion', 'decided', 'paid'] as const;
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number];

export const citizenSessionResponse = z.object({
  citizen: z.object({
    personId: z.string(),
    name: z.string(),
    municipality: z.object({ id: z.string(), name: z.string() }),
  }),
  csrfToken: z.string(),
});

const ore = z
  .number('Ange ett belopp')
  .int('Ange beloppet i hela ören')
  .min(0, 'Beloppet kan inte vara negativt')
  .max(100_000_000, 'Beloppet är för stort');

export const incomeAnswer = z.strictObject({
  type: z.enum(INCOME_TYPES, 'Välj vilken sorts inkomst'),
  personId: z.string().nullable(),
  amount: ore,
});
export const costAnswer = z.strictObject({
  type: z.enum([...REASONABLE_COST_TYPES, 'otherLivingCost'], 'Välj vilken sorts kostnad'),
  subtype: z.enum(OTHER_LIVING_COST_SUBTYPES, 'Välj vilken sorts kostnad').nullable(),
  amount: ore,
});

/** A draft's answers: everything optional until submission. */
export const answersSchema = z.strictObject({
  phone: z.string().max(30, 'Högst 30 tecken').nullable().optional(),
  email: z.string().max(200, 'Högst 200 tecken').nullable().optional(),
  householdCorrect: z.boolean().nullable().optional(),
  householdChanges: z.string().max(2000, 'Högst 2000 tecken').nullable().optional(),
  incomes: z.array(incomeAnswer).max(30, 'Högst 30 inkomster').optional(),
  costs: z.array(costAnswer).max(30, 'Högst 30 kostnader').optional(),
  otherInformation: z.string().max(4000, 'Högst 4000 tecken').nullable().optional(),
});
export type Answers = z.infer<typeof answersSchema>;

export const startApplicationBody = z.strictObject({ month: monthSchema });
export const saveApplicationBody = z.strictObject({ answers: answersSchema });
export const applicationIdParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
export const applicationFileParams = z.strictObject({
  id: z.uuid('Ogiltigt id'),
  fileId: z.uuid('Ogiltigt id'),
});

export const fileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

const personRef = z.object({ personId: z.string(), name: z.string() });

export const applicationSchema = z.object({
  id: z.string(),
  /** Who started it; only they send it in. */
  createdBy: personRef,
  /** The other adult of a joint application (make/maka/sambo), who confirms it first. */
  otherAdult: personRef.nullable(),
  partnerConfirmedAt: z.string().nullable(),
  type: z.enum(['newApplication', 'renewalApplication']),
  month: z.string(),
  status: z.enum(['draft', 'submitted']),
  answers: answersSchema,
  files: z.array(fileSchema),
  errandId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const memberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.enum(['applicant', 'partner', 'child']),
  /** Skyddad identitet: no name or address is shown, only that a person lives here. */
  protectedIdentity: z.boolean(),
});

export const completionRequestSchema = z.object({
  id: z.string(),
  documents: z.string(),
  dueOn: z.string().nullable(),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
  files: z.array(fileSchema),
});

export const citizenErrandSummary = z.object({
  id: z.string(),
  type: z.enum(['newApplication', 'renewalApplication', 'supplementaryApplication']),
  month: z.string(),
  status: z.enum(CITIZEN_STATUSES),
  receivedAt: z.string(),
  openCompletionRequests: z.number().int(),
});

export const citizenDecisionSchema = z.object({
  id: z.string(),
  decidedAt: z.string(),
  grantedTotal: z.number().int(),
  items: z.array(
    z.object({
      description: z.string(),
      requested: z.number().int(),
      granted: z.number().int(),
      outcome: z.string(),
      reasons: z.string(),
      legalBasis: z.string(),
    }),
  ),
  hasLetter: z.boolean(),
});

export const citizenErrandDetail = citizenErrandSummary.extend({
  completionRequests: z.array(completionRequestSchema),
  decisions: z.array(citizenDecisionSchema),
  files: z.array(fileSchema),
});

export const overviewSchema = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  municipality: z.object({ id: z.string(), name: z.string() }),
  household: z.object({ id: z.string(), members: z.array(memberSchema) }),
  contact: z.object({ name: z.string(), unit: z.string() }).nullable(),
  errands: z.array(citizenErrandSummary),
  drafts: z.array(
    applicationSchema
      .pick({ id: true, type: true, month: true, updatedAt: true, createdBy: true, partnerConfirmedAt: true })
      .extend({ awaitsMyConfirmation: z.boolean() }),
  ),
  /** The months one may apply for today: this month and the next. */
  thisMonth: z.string(),
  nextMonth: z.string(),
});

export const completionRequestBody = z.strictObject({
  documents: z
    .string('Skriv vilka handlingar som behövs')
    .trim()
    .min(1, 'Skriv vilka handlingar som behövs')
    .max(2000, 'Högst 2000 tecken'),
  dueOn: z.iso.date('Ange datum som ÅÅÅÅ-MM-DD').nullable().optional(),
});
export const completionParams = z.strictObject({
  id: z.uuid('Ogiltigt id'),
  requestId: z.uuid('Ogiltigt id'),
});
export const staffCompletionRequestSchema = completionRequestSchema.extend({ requestedBy: z.string() });
export const decisionIdParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const messageBody = z.strictObject({
  body: z.string('Skriv ett meddelande').trim().min(1, 'Skriv ett meddelande').max(4000, 'Högst 4000 tecken'),
});
export const messageSchema = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  fromCitizen: z.boolean(),
  author: z.string(),
});

export const citizenPlanSchema = z.object({
  plan: z
    .object({
      version: z.number().int(),
      agreedOn: z.string().nullable(),
      longTermGoal: z.string(),
      subGoals: z.array(z.object({ id: z.string(), outcome: z.string(), targetDate: z.string() })),
      activities: z.array(
        z.object({
          description: z.string(),
          responsible: z.object({ party: z.string(), name: z.string().nullable() }),
          hoursPerWeek: z.number().nullable(),
        }),
      ),
      clientWords: z.string(),
      nextFollowUpOn: z.string().nullable(),
    })
    .nullable(),
  meetings: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      place: z.string().nullable(),
      homeVisit: z.boolean(),
      purpose: z.enum(['followUp', 'multiParty', 'other']),
    }),
  ),
});
