// Request and response shapes of the audit routes (zod only, shared with API clients).
import { z } from 'zod';
import { HOUSEHOLD_TYPES } from '../reporting/indicators.compute.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM');
export const FINDING_RESULTS = ['met', 'notMet', 'notApplicable'] as const;
export const OBJECTIVE_IDS = [
  'assessmentDocumented',
  'planWithGoal',
  'followUpOnTime',
  'decisionMotivated',
] as const;

export const drawInput = z.strictObject({
  name: z.string().trim().min(1, 'Ge granskningen ett namn').max(200),
  size: z
    .number('Ange antal akter')
    .int('Ange ett helt antal')
    .min(1, 'Minst en akt')
    .max(200, 'Högst 200 akter'),
  seed: z.number().int('Fröet är ett heltal').min(1).max(2_000_000_000).optional(),
  criteria: z
    .strictObject({
      from: month,
      to: month,
      unitId: z.string().max(100).nullable().default(null),
      householdType: z.enum(HOUSEHOLD_TYPES, 'Okänd hushållstyp').nullable().default(null),
      longTermOnly: z.boolean().default(false),
    })
    .refine((c) => c.from <= c.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' }),
  previousSampleId: z.uuid('Ogiltigt id').optional(),
});

export const sampleParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
export const fileParams = z.strictObject({
  id: z.uuid('Ogiltigt id'),
  itemNo: z.coerce.number().int().min(1).max(200),
});
export const compareQuery = z.strictObject({ with: z.uuid('Ogiltigt id') });
export const reportQuery = z.strictObject({ format: z.enum(['pdf', 'xlsx'], 'Välj pdf eller xlsx') });

export const findingSchema = z.object({
  objective: z.string(),
  result: z.enum(FINDING_RESULTS),
  basis: z.string(),
  comment: z.string(),
  reviewed: z.boolean(),
});

export const findingsInput = z.strictObject({
  findings: z
    .array(
      z.strictObject({
        objective: z.enum(OBJECTIVE_IDS, 'Okänt kontrollmål'),
        result: z.enum(FINDING_RESULTS, 'Välj uppfyllt, ej uppfyllt eller ej tillämpligt'),
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1)
    .max(10),
});

const summaryRow = z.object({
  objective: z.string(),
  title: z.string(),
  met: z.number(),
  notMet: z.number(),
  notApplicable: z.number(),
  shareMet: z.number().nullable(),
});

export const sampleSchema = z.object({
  id: z.string(),
  name: z.string(),
  seed: z.number(),
  criteria: z.object({
    from: z.string(),
    to: z.string(),
    unitId: z.string().nullable(),
    householdType: z.string().nullable(),
    longTermOnly: z.boolean(),
  }),
  size: z.number(),
  drawn: z.number(),
  previousSampleId: z.string().nullable(),
  drawnAt: z.string(),
  objectives: z.array(z.object({ id: z.string(), title: z.string(), question: z.string() })),
  summary: z.array(summaryRow),
  files: z.array(z.object({ itemNo: z.number(), pseudonym: z.string(), findings: z.array(findingSchema) })),
});

export const sampleList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      seed: z.number(),
      size: z.number(),
      drawnAt: z.string(),
      previousSampleId: z.string().nullable(),
    }),
  ),
});

export const auditFileSchema = z.object({
  sampleId: z.string(),
  itemNo: z.number(),
  pseudonym: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      personalIdentityNumber: z.string(),
      role: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  assessments: z.array(
    z.object({
      person: z.string(),
      version: z.number(),
      supportBarrier: z.string(),
      savedOn: z.string(),
      ownGoals: z.string(),
      obstacles: z.string(),
    }),
  ),
  plans: z.array(
    z.object({
      person: z.string(),
      version: z.number(),
      savedOn: z.string(),
      longTermGoal: z.string(),
      subGoals: z.array(z.string()),
      activities: z.array(z.object({ description: z.string(), responsible: z.string() })),
      followUps: z.array(z.object({ heldOn: z.string(), nextFollowUpOn: z.string() })),
    }),
  ),
  decisions: z.array(
    z.object({
      month: z.string(),
      decidedOn: z.string(),
      grantedTotal: z.number(),
      reasoning: z.string(),
      childBestInterest: z.string().nullable(),
      items: z.array(
        z.object({
          description: z.string(),
          requested: z.number(),
          granted: z.number(),
          outcome: z.string(),
          reasons: z.string(),
          legalBasis: z.string(),
        }),
      ),
    }),
  ),
  findings: z.array(findingSchema),
});

export const comparisonSchema = z.object({
  earlier: z.object({ id: z.string(), name: z.string(), drawnAt: z.string(), files: z.number() }),
  later: z.object({ id: z.string(), name: z.string(), drawnAt: z.string(), files: z.number() }),
  objectives: z.array(
    z.object({
      objective: z.string(),
      title: z.string(),
      earlier: z.number().nullable(),
      later: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
});
