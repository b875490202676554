// Insats catalogue, workplaces, participation, attendance and payment requests (zod only).
import { z } from 'zod';
export const INSATS_KINDS = [
  'workPractice',
  'workTraining',
  'studies',
  'swedishLanguage',
  'healthRehab',
  'jobCoaching',
  'budgetCounselling',
  'subsidisedEmployment',
  'other',
] as const;
export type InsatsKind = (typeof INSATS_KINDS)[number];

export const FUNDING_SOURCES = [
  'municipality',
  'region',
  'esf',
  'coordinationAssociation',
  'employmentService',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const ABSENCE_REASONS = [
  'sickness',
  'careOfChild',
  'authorityAppointment',
  'jobInterview',
  'agreedLeave',
  'unexcused',
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const text = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);

export const insatsInput = z.strictObject({
  name: text(200, 'Ange insatsens namn'),
  kind: z.enum(INSATS_KINDS, 'Välj typ av insats'),
  provider: text(200, 'Ange vem som anordnar insatsen'),
  targetGroup: text(1000, 'Ange målgrupp'),
  eligibility: text(2000, 'Ange vem som kan delta (behörighet)'),
  capacity: z.number('Ange antal platser').int('Ange antal platser i hela tal').min(1).max(10000),
  durationWeeks: z.number('Ange längd i veckor').int().min(1).max(260),
  costPerParticipantOre: z
    .number('Ange kostnad per deltagare i öre')
    .int('Kostnad anges i hela öre')
    .min(0, 'Kostnaden kan inte vara negativ')
    .max(100_000_000_00),
  fundingSource: z.enum(FUNDING_SOURCES, 'Välj finansiering'),
});
export const insatsPatch = insatsInput.partial().extend({ active: z.boolean().optional() }).strict();

export const insatsSchema = z.object({
  id: z.uuid(),
  owner: z.object({ kind: z.enum(['municipality', 'region']), id: z.string(), name: z.string() }),
  name: z.string(),
  kind: z.enum(INSATS_KINDS),
  provider: z.string(),
  targetGroup: z.string(),
  eligibility: z.string(),
  capacity: z.number(),
  durationWeeks: z.number(),
  costPerParticipantOre: z.number(),
  fundingSource: z.enum(FUNDING_SOURCES),
  active: z.boolean(),
  /** Active participants of this municipality. */
  occupied: z.number(),
  free: z.number(),
  waiting: z.number(),
});
export const insatsList = z.object({ items: z.array(insatsSchema) });

export const waitListEntry = z.object({
  participationId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  listedOn: z.string(),
  waitingDays: z.number(),
  referralId: z.uuid().nullable(),
});
export const waitList = z.object({ insatsId: z.uuid(), items: z.array(waitListEntry) });

export const workplaceInput = z.strictObject({
  name: text(200, 'Ange arbetsplatsens namn'),
  organisationNumber: z
    .string()
    .trim()
    .regex(/^\d{6}-?\d{4}$/, 'Organisationsnummer skrivs 556677-8899')
    .nullable()
    .default(null),
  industry: text(200, 'Ange bransch'),
  address: z.string().trim().max(300).nullable().default(null),
  contactName: z.string().trim().max(200).nullable().default(null),
  contactPhone: z.string().trim().max(40).nullable().default(null),
  contactEmail: z.email('Ogiltig e-postadress').nullable().default(null),
  placementKinds: z.array(z.enum(INSATS_KINDS, 'Välj typ av insats')).min(1, 'Välj minst en typ').max(9),
  places: z.number().int().min(0).max(1000),
});
export const workplacePatch = z
  .strictObject({
    name: text(200, 'Ange arbetsplatsens namn'),
    organisationNumber: workplaceInput.shape.organisationNumber.removeDefault(),
    industry: text(200, 'Ange bransch'),
    address: z.string().trim().max(300).nullable(),
    contactName: z.string().trim().max(200).nullable(),
    contactPhone: z.string().trim().max(40).nullable(),
    contactEmail: z.email('Ogiltig e-postadress').nullable(),
    placementKinds: workplaceInput.shape.placementKinds,
    places: workplaceInput.shape.places,
    active: z.boolean('Ange om arbetsplatsen tar emot praktikanter'),
  })
  .partial();
export const workplaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationNumber: z.string().nullable(),
  industry: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  placementKinds: z.array(z.enum(INSATS_KINDS)),
  places: z.number(),
  active: z.boolean(),
});
export const workplaceList = z.object({ items: z.array(workplaceSchema) });

const hours = z
  .number('Ange timmar')
  .min(0, 'Timmar kan inte vara negativa')
  .max(60, 'Högst 60 timmar i veckan')
  .multipleOf(0.25, 'Ange timmar i kvartar (till exempel 7,5)');

export const attendanceInput = z.strictObject({
  plannedHours: hours,
  attendedHours: hours,
  absences: z
    .array(z.strictObject({ reason: z.enum(ABSENCE_REASONS, 'Välj orsak till frånvaron'), hours }))
    .max(6)
    .default([]),
});
export const attendanceWeek = z.object({
  weekStart: z.string(),
  week: z.string().describe('ISO-vecka, till exempel 2026-W48'),
  plannedHours: z.number(),
  attendedHours: z.number(),
  absences: z.array(z.object({ reason: z.enum(ABSENCE_REASONS), hours: z.number() })),
  unexcusedHours: z.number(),
});

export const participationSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  referralId: z.uuid().nullable(),
  insats: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(INSATS_KINDS) }),
  status: z.enum(['waiting', 'active', 'ended']),
  listedOn: z.string(),
  startedOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  attendance: z.array(attendanceWeek),
  paymentRequests: z.array(
    z.object({
      id: z.uuid(),
      purpose: z.string(),
      amountOre: z.number(),
      errandId: z.uuid(),
      errandState: z.string(),
      requestedAt: z.string(),
    }),
  ),
});

export const END_REASONS = [
  'completed',
  'work',
  'studies',
  'otherInsats',
  'illness',
  'discontinued',
  'moved',
] as const;
export const participationEnd = z.strictObject({
  endedOn: isoDate,
  reason: z.enum(END_REASONS, 'Välj varför deltagandet avslutas'),
});

export const paymentRequestInput = z.strictObject({
  purpose: text(500, 'Beskriv vad pengarna behövs till'),
  amountOre: z
    .number('Ange belopp i öre')
    .int('Belopp anges i hela öre')
    .min(100, 'Minst 1 kr')
    .max(10_000_000),
});
