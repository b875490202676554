import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { workQueuesSchema } from './work-queues.schemas.ts';
import { workQueues } from './work-queues.service.ts';

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
  };
