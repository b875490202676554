// Genomförandeplan, follow-up and meeting JSON shapes (zod only, so api.ts can infer types).
import { z } from 'zod';

export const RESPONSIBLE_PARTIES = [
  'person',
  'caseworker',
  'labourMarketUnit',
  'employmentService',
  'socialInsuranceAgency',
  'healthCare',
  'coordinationAssociation',
  'other',
] as const;

export const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const party = z.enum(RESPONSIBLE_PARTIES, 'Välj vem som ansvarar: en roll eller myndighet');

export const planInput = z.strictObject({
  longTermGoal: z.string().trim().min(1, 'Skriv det långsiktiga målet').max(2000),
  subGoals: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(40),
        outcome: z.string().trim().min(1, 'Skriv delmålet som ett resultat').max(1000),
        targetDate: isoDate,
      }),
    )
    .min(1, 'Planen behöver minst ett delmål')
    .max(20),
  activities: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1, 'Beskriv insatsen').max(1000),
        responsible: z.strictObject({ party, name: z.string().trim().max(200).nullable().default(null) }),
        subGoalIds: z.array(z.string().max(40)).max(20).default([]),
        hoursPerWeek: z.number().int().min(0).max(40).nullable().default(null),
        /** When the insats ends; once passed without a plan change or follow-up it is queued. */
        endsOn: isoDate.nullable().default(null),
      }),
    )
    .max(30),
  clientWords: z.string().trim().max(4000).default(''),
  agreement: z
    .strictObject({
      agreedOn: isoDate.nullable(),
      method: z.enum(['digital', 'paper', 'oral']).nullable(),
    })
    .default({ agreedOn: null, method: null }),
});

export const planVersion = z.object({
  longTermGoal: z.string(),
  subGoals: z.array(z.object({ id: z.string(), outcome: z.string(), targetDate: z.string() })),
  activities: z.array(
    z.object({
      description: z.string(),
      responsible: z.object({ party, name: z.string().nullable() }),
      subGoalIds: z.array(z.string()),
      hoursPerWeek: z.number().nullable(),
      endsOn: z.string().nullable(),
    }),
  ),
  clientWords: z.string(),
  agreement: z.object({ agreedOn: z.string().nullable(), method: z.string().nullable() }),
  version: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const progressStatus = z.enum(['notStarted', 'ongoing', 'achieved', 'changed'], 'Välj hur det går');
export const followUp = z.object({
  id: z.uuid(),
  planVersion: z.number(),
  heldOn: z.string(),
  progress: z.array(z.object({ subGoalId: z.string(), status: progressStatus, comment: z.string() })),
  nextFollowUpOn: z.string(),
});
export const plan = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  current: planVersion,
  versions: z.array(planVersion),
  followUps: z.array(followUp),
  nextFollowUpOn: z.string(),
  followUpOverdue: z.boolean(),
});

export const followUpInput = z.strictObject({
  heldOn: isoDate.optional(),
  progress: z
    .array(
      z.strictObject({
        subGoalId: z.string().max(40),
        status: progressStatus,
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .max(20),
  nextFollowUpOn: isoDate.optional(),
});

export const meetingInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: 'Ange tid som 2026-12-01T10:00:00+01:00' }),
  place: z.string().trim().min(1).max(300).nullable().default(null),
  homeVisit: z.boolean().default(false),
  participants: z
    .array(
      z.strictObject({
        party,
        name: z.string().trim().max(200).nullable().default(null),
        email: z.email('Ogiltig e-postadress').nullable().default(null),
      }),
    )
    .max(20)
    .default([]),
  purpose: z.enum(['followUp', 'multiParty', 'other'], 'Välj syfte med mötet'),
  /** The documented proposal for the person's way forward, presented at a flerpartssamtal. */
  proposal: z.string().trim().max(4000).nullable().default(null),
});
export const meeting = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  startsAt: z.string(),
  place: z.string().nullable(),
  homeVisit: z.boolean(),
  participants: z.array(z.object({ party, name: z.string().nullable() })),
  purpose: z.string(),
  proposal: z.string().nullable(),
  attendance: z.string().nullable(),
  notificationsQueued: z.number(),
});

export const planWaiverInput = z.strictObject({
  reason: z.string('Ange varför ingen plan behövs').trim().min(1, 'Ange varför ingen plan behövs').max(2000),
});

/** "Ingen plan behövs", as recorded: the reason, the day and who recorded it. */
export const planWaiver = z.object({
  id: z.uuid(),
  reason: z.string(),
  recordedOn: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
});

const band = z.strictObject({
  minAge: z.number().int().min(16, 'Lägst 16 år').max(30, 'Högst 30 år'),
  maxAge: z.number().int().min(16, 'Lägst 16 år').max(30, 'Högst 30 år'),
});

export const planningSettingsSchema = z.strictObject({
  planDeadlineDays: z.number().int().min(1, 'Minst 1 dag').max(365, 'Högst 365 dagar'),
  followUpIntervalMonths: z.number().int().min(1, 'Minst 1 månad').max(12, 'Högst 12 månader'),
  proposalWithinMonths: z.number().int().min(1, 'Minst 1 månad').max(24, 'Högst 24 månader'),
  youngAdultBand: band,
  withoutActivityMonths: z.number().int().min(1, 'Minst 1 månad').max(24, 'Högst 24 månader'),
});
