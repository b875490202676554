import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { caseReview, caseReviewInput, workQueuesSchema } from './work-queues.schemas.ts';
import { listCaseReviews, recordCaseReview, workQueues } from './work-queues.service.ts';

export const workQueueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work-queues',
      {
        config: { access: { roles: ['caseworker', 'unitManager'] } },
        schema: {
          tags: ['work-queues'],
          summary: 'Arbetsköer för den egna enheten, med antal och skäl',
          response: { 200: workQueuesSchema },
        },
      },
      async (request) => workQueues(ctx.db, request, currentUser(request), ctx.clock()),
    );

    app.post(
      '/persons/:id/case-reviews',
      {
        config: { access: { roles: ['caseworker', 'unitManager'] } },
        schema: {
          tags: ['work-queues'],
          summary: 'Registrera ärendedragning med utfall',
          params: z.strictObject({ id: z.uuid('Ogiltigt id') }),
          body: caseReviewInput,
          response: { 201: caseReview, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordCaseReview(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              isoDay(ctx.clock()),
            ),
          ),
    );

    app.get(
      '/case-reviews',
      {
        config: { access: { roles: ['caseworker', 'unitManager'] } },
        schema: {
          tags: ['work-queues'],
          summary: 'Enhetens ärendedragningar med utfall, nyast först',
          response: { 200: z.object({ items: z.array(caseReview) }) },
        },
      },
      async (request) => ({ items: await listCaseReviews(ctx.db, request, currentUser(request)) }),
    );
  };
