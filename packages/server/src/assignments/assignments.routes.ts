import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { assignHousehold, getAssignment } from './assignments.service.ts';

const staffRef = z.object({ id: z.string(), name: z.string() });
const period = z.object({
  caseworker: staffRef,
  standIn: staffRef.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  assignedBy: staffRef.nullable(),
  handoverNote: z.string().nullable(),
});
const assignmentView = z.object({
  householdId: z.string(),
  current: period.nullable(),
  history: z.array(period),
});

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const assignmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/households/:id/assignment',
      {
        config: { access: { roles: ['caseworker', 'unitManager'] } },
        schema: {
          tags: ['assignments'],
          summary:
            'Hushållets handläggare och ersättare, med alla byten, datum och överlämningar (läsningen loggas)',
          params: idParams,
          response: { 200: assignmentView, 404: problemSchema },
        },
      },
      async (request) => getAssignment(ctx.db, request, currentUser(request), request.params.id),
    );

    app.post(
      '/households/:id/assignment',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['assignments'],
          summary:
            'Tilldela hushållets ärende en handläggare och ersättare; byte av handläggare kräver en överlämning',
          params: idParams,
          body: z.strictObject({
            caseworkerId: z.uuid('Välj en handläggare'),
            standInId: z.uuid('Välj en ersättare').nullable().optional(),
            handoverNote: z
              .string()
              .max(10_000, 'Överlämningen får vara högst 10 000 tecken')
              // It is journalled, and the journal must store exactly the text it hashed.
              .refine(
                (text) => text.isWellFormed() && !text.includes('\u0000'),
                'Överlämningen innehåller ogiltiga tecken',
              )
              .optional(),
          }),
          response: { 200: assignmentView, 201: assignmentView, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const { changed, view } = await assignHousehold(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
        );
        return reply.status(changed ? 201 : 200).send(view);
      },
    );
  };
