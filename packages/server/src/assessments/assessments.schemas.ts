// Kartläggning JSON shapes (zod only, so api.ts can infer types).
import { z } from 'zod';

/**
 * Försörjningshinder: the internal ids of shared/domain/forsorjningshinder.md §3 (a vendor's
 * rendering of the national list). The official Socialstyrelsen code (HSLF-FS 2015:30 bilaga 1)
 * is not verified, so no nationalCode is stored or shown yet.
 */
export const SUPPORT_BARRIERS = [
  'partTimeInsufficientIncome',
  'partTimeAwaitingIncome',
  'fullTimeInsufficientIncome',
  'fullTimeAwaitingIncome',
  'workBarrierSocialReasons',
  'unemployedNoBenefit',
  'unemployedInsufficientBenefit',
  'unemployedAwaitingBenefit',
  'unaccompaniedYouthInSchool',
  'establishmentAllowanceMissingLowCapacity',
  'establishmentAllowanceInsufficient',
  'establishmentAllowanceAwaited',
  'parentalBenefitInsufficient',
  'parentalBenefitAwaited',
  'pensionInsufficient',
  'pensionAwaited',
  'lacksChildcare',
  'sicknessCompensationInsufficient',
  'sicknessCompensationAwaited',
  'sickLeaveNoSicknessBenefit',
  'sickLeaveInsufficientSicknessBenefit',
  'sickLeaveAwaitingSicknessBenefit',
  'noSupportBarrier',
] as const;

const text = z.string().trim().max(4000, 'Högst 4 000 tecken');
const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');

export const sections = z.strictObject({
  education: text,
  workExperience: text,
  swedishLanguage: text,
  healthAsDescribed: text.describe('Hälsa så som personen själv beskriver den'),
  caringResponsibilities: text,
  housing: text,
  debts: text,
  strengths: text,
  ownGoals: text,
  obstacles: text,
});

export const workCapacity = z.strictObject({
  capacity: z.enum(
    ['full', 'partial', 'none', 'unclear'],
    'Välj full, delvis, ingen eller oklar arbetsförmåga',
  ),
  hoursPerWeek: z.number().int().min(0).max(40).nullable(),
  assessedBy: z.string().trim().min(1, 'Ange vem som gjorde bedömningen').max(200),
  assessedOn: isoDate,
});

export const assessmentInput = z.strictObject({
  sections,
  supportBarrier: z.enum(SUPPORT_BARRIERS, 'Välj ett försörjningshinder ur listan'),
  workCapacity: workCapacity.nullable().default(null),
});

export const assessment = z.object({
  sections,
  supportBarrier: z.string(),
  workCapacity: workCapacity.nullable(),
  id: z.uuid(),
  personId: z.uuid(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  supportBarrierNationalCode: z.null().describe('Socialstyrelsens kod är inte verifierad ännu'),
});
