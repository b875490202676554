import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { assessment, assessmentInput } from './assessments.schemas.ts';
import { listAssessments, saveAssessment } from './assessments.service.ts';

const ASSESSORS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

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
