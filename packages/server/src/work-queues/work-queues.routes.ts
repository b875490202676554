import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { workQueues } from './work-queues.service.ts';

const item = z.object({ personId: z.uuid(), name: z.string(), reason: z.string() });

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
          response: {
            200: z.object({
              today: z.string(),
              queues: z.array(
                z.object({ code: z.string(), title: z.string(), count: z.number(), items: z.array(item) }),
              ),
              aktivitetskrav: z.object({
                month: z.string(),
                rule: z
                  .object({
                    id: z.string(),
                    status: z.string(),
                    sourceId: z.string(),
                    source: z.string(),
                    validFrom: z.string(),
                    firstAppliedMonth: z.string(),
                  })
                  .nullable(),
                inForce: z.boolean(),
                exempt: z.array(item.extend({ exemption: z.string() })),
                unexcusedAbsence: z.array(item.extend({ hours: z.number() })),
              }),
            }),
          },
        },
      },
      async (request) => workQueues(ctx.db, request, currentUser(request), ctx.clock()),
    );
  };
