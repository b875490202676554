import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import {
  insatsInput,
  insatsList,
  insatsPatch,
  insatsSchema,
  waitList,
  workplaceInput,
  workplaceList,
  workplacePatch,
  workplaceSchema,
} from './insatser.schemas.ts';
import {
  createInsats,
  createWorkplace,
  getInsats,
  insatsWaitList,
  listInsatser,
  listWorkplaces,
  updateInsats,
  updateWorkplace,
} from './insatser.service.ts';

const READERS: RouteAccess = { roles: ['caseworker', 'unitManager', 'coach'] };
/** The labour-market unit keeps the catalogue and the workplace register. */
const KEEPERS: RouteAccess = { roles: ['coach', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const insatsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/insatser',
      {
        config: { access: READERS },
        schema: {
          tags: ['insatser'],
          summary:
            'Insatskatalogen: kommunens egna och regionens gemensamma insatser, med lediga platser och kö',
          querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') }),
          response: { 200: insatsList },
        },
      },
      async (request) => ({
        items: await listInsatser(ctx.db, currentUser(request), {
          activeOnly: request.query.includeInactive !== 'true',
        }),
      }),
    );

    app.get(
      '/insatser/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['insatser'],
          summary: 'En insats i katalogen',
          params: idParams,
          response: { 200: insatsSchema, 404: problemSchema },
        },
      },
      async (request) => getInsats(ctx.db, currentUser(request), request.params.id),
    );

    app.post(
      '/insatser',
      {
        config: { access: KEEPERS },
        schema: {
          tags: ['insatser'],
          summary: 'Lägg till en insats i kommunens katalog',
          body: insatsInput,
          response: { 201: insatsSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createInsats(ctx.db, currentUser(request), request.body)),
    );

    app.patch(
      '/insatser/:id',
      {
        config: { access: KEEPERS },
        schema: {
          tags: ['insatser'],
          summary: 'Ändra en av kommunens insatser (regionens ändras av regionen)',
          params: idParams,
          body: insatsPatch,
          response: { 200: insatsSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => updateInsats(ctx.db, currentUser(request), request.params.id, request.body),
    );

    app.get(
      '/insatser/:id/wait-list',
      {
        config: { access: KEEPERS },
        schema: {
          tags: ['insatser'],
          summary: 'Kön till insatsen, längst väntan först (läsningen loggas)',
          params: idParams,
          response: { 200: waitList, 404: problemSchema },
        },
      },
      async (request) =>
        insatsWaitList(ctx.db, request, currentUser(request), request.params.id, isoDay(ctx.clock())),
    );

    app.get(
      '/workplaces',
      {
        config: { access: READERS },
        schema: {
          tags: ['insatser'],
          summary: 'Arbetsplatser och arbetsgivare som tar emot praktikanter',
          response: { 200: workplaceList },
        },
      },
      async (request) => ({ items: await listWorkplaces(ctx.db, currentUser(request)) }),
    );

    app.post(
      '/workplaces',
      {
        config: { access: KEEPERS },
        schema: {
          tags: ['insatser'],
          summary: 'Registrera en arbetsplats',
          body: workplaceInput,
          response: { 201: workplaceSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWorkplace(ctx.db, currentUser(request), request.body)),
    );

    app.patch(
      '/workplaces/:id',
      {
        config: { access: KEEPERS },
        schema: {
          tags: ['insatser'],
          summary:
            'Ändra en arbetsplats i registret (eller markera att den inte längre tar emot praktikanter)',
          params: idParams,
          body: workplacePatch,
          response: { 200: workplaceSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => updateWorkplace(ctx.db, currentUser(request), request.params.id, request.body),
    );
  };
