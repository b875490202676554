// Referrals (remiss), partner agencies and consent (samtycke) — zod only.
import { z } from 'zod';
import { participationSchema } from '../insatser/insatser.schemas.ts';
export const AGENCY_KINDS = [
  'employmentService',
  'socialInsuranceAgency',
  'healthCare',
  'psychiatry',
  'coordinationAssociation',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const CONSENT_SCOPES = ['referral', 'attendance', 'assessment', 'meetings'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const REFERRAL_STATUSES = ['sent', 'accepted', 'returned', 'closed'] as const;
export const REFERRAL_DIRECTIONS = ['internal', 'incoming', 'outgoing'] as const;
/** Why an open referral was closed: its question answered, withdrawn by the sender, the person declined, moved, the case closed, other (with a note). */
export const REFERRAL_CLOSE_REASONS = [
  'completed',
  'withdrawn',
  'declined',
  'moved',
  'caseClosed',
  'other',
] as const;
export type ReferralCloseReason = (typeof REFERRAL_CLOSE_REASONS)[number];

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const question = z
  .string('Skriv frågeställningen')
  .trim()
  .min(1, 'Skriv frågeställningen: vad ska mottagaren hjälpa till med?')
  .max(4000);

export const referralInput = z.discriminatedUnion(
  'direction',
  [
    z.strictObject({
      direction: z.literal('internal'),
      toUnitId: z.string('Välj mottagande enhet').min(1, 'Välj mottagande enhet').max(100),
      question,
      planId: z.uuid('Ogiltig plan').nullable().default(null),
      insatsId: z.uuid('Ogiltig insats').nullable().default(null),
    }),
    z.strictObject({
      direction: z.literal('outgoing'),
      toAgencyId: z.uuid('Välj mottagande myndighet'),
      question,
      planId: z.uuid('Ogiltig plan').nullable().default(null),
    }),
    z.strictObject({
      direction: z.literal('incoming'),
      fromAgencyId: z.uuid('Välj vilken myndighet remissen kommer från'),
      question,
      receivedOn: isoDate.optional(),
    }),
  ],
  'Ange riktning: internal (till en enhet i kommunen), outgoing (till en annan myndighet) eller incoming',
);

const party = z.object({ kind: z.enum(['unit', 'agency']), id: z.string(), name: z.string() });

export const referralSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  direction: z.enum(REFERRAL_DIRECTIONS),
  from: party,
  to: party,
  question: z.string(),
  planId: z.uuid().nullable(),
  insats: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: z.enum(REFERRAL_STATUSES),
  sentOn: z.string(),
  sentBy: z.string(),
  coach: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  acceptedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  firstMeetingOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.enum(REFERRAL_CLOSE_REASONS).nullable(),
  closeNote: z.string().nullable(),
  clocks: z.object({
    waitingDays: z.number().describe('Dagar från skickad remiss till start (eller till i dag)'),
    daysToFirstMeeting: z.number().nullable(),
    daysFirstMeetingToStart: z.number().nullable(),
    waiting: z.boolean(),
  }),
  actionPlan: z.object({
    dueOn: z.string().nullable(),
    deliveredOn: z.string().nullable(),
    overdue: z.boolean(),
    summary: z.string().nullable(),
    steps: z.array(z.object({ description: z.string(), by: z.string() })),
  }),
  workCapacity: z
    .object({
      capacity: z.enum(['full', 'partial', 'none', 'unclear']),
      hoursPerWeek: z.number().nullable(),
      assessedOn: z.string(),
      assessedBy: z.string(),
      summary: z.string(),
    })
    .nullable(),
  consent: z.object({ id: z.uuid(), expiresOn: z.string() }).nullable(),
  unexcusedHoursLast4Weeks: z.number(),
});
export const referralDetail = referralSchema.extend({ participations: z.array(participationSchema) });
export const referralList = z.object({ items: z.array(referralSchema) });

export const acceptInput = z.strictObject({
  coachId: z.uuid('Välj en coach').nullable().default(null),
});
export const returnInput = z.strictObject({
  reason: z
    .string('Skriv varför remissen skickas tillbaka')
    .trim()
    .min(1, 'Skriv varför remissen skickas tillbaka')
    .max(2000),
});
export const firstMeetingInput = z.strictObject({ heldOn: isoDate });
export const placementInput = z.strictObject({
  insatsId: z.uuid('Välj en insats ur katalogen'),
  startsOn: isoDate,
});
export const actionPlanInput = z.strictObject({
  summary: z.string().trim().min(1, 'Sammanfatta handlingsplanen').max(4000),
  steps: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1, 'Beskriv steget').max(1000),
        by: isoDate,
      }),
    )
    .min(1, 'Handlingsplanen behöver minst ett steg')
    .max(20),
});
export const workCapacityInput = z.strictObject({
  capacity: z.enum(
    ['full', 'partial', 'none', 'unclear'],
    'Välj full, delvis, ingen eller oklar arbetsförmåga',
  ),
  hoursPerWeek: z.number().int().min(0).max(40).nullable().default(null),
  assessedOn: isoDate,
  summary: z.string().trim().min(1, 'Sammanfatta bedömningen').max(4000),
});
export const workCapacityResult = z.object({
  referral: referralDetail,
  returnedToAssessment: z.boolean().describe('Sant när bedömningen lades in i personens kartläggning'),
  assessmentVersion: z.number().nullable(),
});

export const agencyInput = z.strictObject({
  name: z.string().trim().min(1, 'Ange namnet').max(200),
  kind: z.enum(AGENCY_KINDS, 'Välj typ av samverkanspart'),
});
export const agencySchema = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(AGENCY_KINDS) });
export const agencyList = z.object({ items: z.array(agencySchema) });

export const consentInput = z.strictObject({
  agencyId: z.uuid('Ogiltig samverkanspart').nullable().default(null),
  committeeId: z.string().max(100).nullable().default(null),
  scope: z
    .array(z.enum(CONSENT_SCOPES, 'Okänt område för samtycket'))
    .min(1, 'Ange vad samtycket gäller')
    .max(CONSENT_SCOPES.length),
  givenOn: isoDate,
  expiresOn: isoDate,
  form: z.enum(['written', 'oral', 'digital'], 'Ange hur samtycket lämnades'),
});
export const consentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  recipient: z.object({ kind: z.enum(['agency', 'committee']), id: z.string(), name: z.string() }),
  scope: z.array(z.enum(CONSENT_SCOPES)),
  givenOn: z.string(),
  expiresOn: z.string(),
  form: z.enum(['written', 'oral', 'digital']),
  withdrawnOn: z.string().nullable(),
  valid: z.boolean(),
});
export const consentList = z.object({ items: z.array(consentSchema) });

export const closeReferralInput = z
  .strictObject({
    closedOn: isoDate,
    reason: z.enum(REFERRAL_CLOSE_REASONS, 'Välj varför remissen avslutas'),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.reason === 'other' && !input.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Beskriv varför remissen avslutas' });
  });
