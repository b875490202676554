import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import {
  closureInput,
  closureList,
  closureSchema,
  dueFollowUpList,
  followUpInput,
} from './closures.schemas.ts';
import { closeCase, dueFollowUps, listClosures, recordFollowUp } from './closures.service.ts';

const CASEWORKERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const closureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => isoDay(ctx.clock());

    app.get(
      '/persons/:id/closures',
      {
        config: { access: CASEWORKERS },
        schema: {
          tags: ['closures'],
          summary: 'Avslut med orsak, efteruppföljningar och återkomst inom 12 månader',
          params: idParams,
          response: { 200: closureList, 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listClosures(ctx.db, request, currentUser(request), request.params.id, today()),
      }),
    );

    app.post(
      '/persons/:id/closures',
      {
        config: { access: CASEWORKERS },
        schema: {
          tags: ['closures'],
          summary:
            'Avsluta ärendet med avslutsorsak (HSLF-FS 2015:30 4 §); uppföljning efter 6 och 12 månader planeras',
          params: idParams,
          body: closureInput,
          response: { 201: closureSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await closeCase(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              today(),
              ctx.clock(),
            ),
          ),
    );

    app.get(
      '/closure-follow-ups',
      {
        config: { access: CASEWORKERS },
        schema: {
          tags: ['closures'],
          summary: 'Efteruppföljningar som ska göras nu (enhetens personer)',
          response: { 200: dueFollowUpList },
        },
      },
      async (request) => ({ items: await dueFollowUps(ctx.db, request, currentUser(request), today()) }),
    );

    app.post(
      '/closure-follow-ups/:id',
      {
        config: { access: CASEWORKERS },
        schema: {
          tags: ['closures'],
          summary: 'Registrera efteruppföljningen: har personen fortfarande egen försörjning?',
          params: idParams,
          body: followUpInput,
          response: { 200: closureSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        recordFollowUp(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          today(),
          ctx.clock(),
        ),
    );
  };
