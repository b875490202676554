import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { listAssessments, saveAssessment } from './assessments.service.ts';

const ASSESSORS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

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

const sections = z.strictObject({
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

const workCapacity = z.strictObject({
  capacity: z.enum(
    ['full', 'partial', 'none', 'unclear'],
    'Välj full, delvis, ingen eller oklar arbetsförmåga',
  ),
  hoursPerWeek: z.number().int().min(0).max(40).nullable(),
  assessedBy: z.string().trim().min(1, 'Ange vem som gjorde bedömningen').max(200),
  assessedOn: isoDate,
});

const assessmentInput = z.strictObject({
  sections,
  supportBarrier: z.enum(SUPPORT_BARRIERS, 'Välj ett försörjningshinder ur listan'),
  workCapacity: workCapacity.nullable().default(null),
});

const assessment = z.object({
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

function withNationalCode<T extends object>(a: T) {
  return { ...a, supportBarrierNationalCode: null };
}

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/persons/:id/assessments',
      {
        config: { access: ASSESSORS },
        schema: {
          tags: ['assessments'],
          summary: 'Spara kartläggning (ny version, historiken behålls)',
          params: idParams,
          body: assessmentInput,
          response: { 201: assessment, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const saved = await saveAssessment(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send(withNationalCode(saved));
      },
    );

    app.get(
      '/persons/:id/assessments',
      {
        config: { access: ASSESSORS },
        schema: {
          tags: ['assessments'],
          summary: 'Kartläggningen och alla tidigare versioner (läsningen loggas)',
          params: idParams,
          response: {
            200: z.object({ current: assessment.nullable(), versions: z.array(assessment) }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { current, versions } = await listAssessments(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
        );
        return {
          current: current ? withNationalCode(current) : null,
          versions: versions.map(withNationalCode),
        };
      },
    );
  };
