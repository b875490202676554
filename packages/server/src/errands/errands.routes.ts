import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { HOUSEHOLD_STAFF } from '../households/households.routes.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  errandDetail,
  errandIdParams,
  errandInput,
  errandListQuery,
  errandPage,
  memberFactsInput,
  transitionInput,
} from './errands.schemas.ts';
import { createErrand, getErrand, listErrands, moveErrand, setMemberFacts } from './errands.service.ts';

export const errandRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/errands',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Ärendekö: den egna enhetens ärenden, nyast först, en sida i taget (mine=true: ärenden jag registrerat eller hanterat)',
          querystring: errandListQuery,
          response: { 200: errandPage },
        },
      },
      async (request) =>
        listErrands(
          ctx.db,
          request,
          currentUser(request),
          { ...request.query, mine: request.query.mine === 'true' },
          ctx.clock(),
        ),
    );

    app.get(
      '/errands/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Ett ärende med hushåll, utredning, kontroller, bilagor, händelser och senaste beräkning (loggas)',
          params: errandIdParams,
          response: { 200: errandDetail, 404: problemSchema },
        },
      },
      async (request) => getErrand(ctx.db, request, currentUser(request), request.params.id, ctx.clock()),
    );

    app.post(
      '/errands',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Registrera en ansökan (en ny- eller återansökan per hushåll och månad; återansökan fylls i från förra månaden)',
          body: errandInput,
          response: { 201: errandDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const errand = await createErrand(ctx.db, request, currentUser(request), request.body, ctx.clock());
        return reply.status(201).send(errand);
      },
    );

    app.post(
      '/errands/:id/transitions',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary: 'Flytta ärendet till en ny status (bara tillåtna övergångar; varje flytt registreras)',
          params: errandIdParams,
          body: transitionInput,
          response: { 200: errandDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        moveErrand(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.to,
          request.body.note || null,
          ctx.clock(),
        ),
    );

    app.put(
      '/errands/:id/members/:personId/facts',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Uppgifter om en hushållsmedlem under ärendets månad: jobbstimulans, lunch i förskola, skolgång, dagar i hushållet',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), personId: z.uuid('Ogiltigt id') }),
          body: memberFactsInput,
          response: { 200: errandDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        setMemberFacts(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.params.personId,
          request.body,
          ctx.clock(),
        ),
    );
  };
