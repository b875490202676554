import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  householdDetail,
  householdInput,
  householdListQuery,
  householdMonthQuery,
  householdPage,
  householdPatch,
  memberInput,
  membershipEnd,
} from './households.schemas.ts';
import {
  addMember,
  createHousehold,
  endMembership,
  getHousehold,
  listHouseholds,
  swedishDate,
  updateHousehold,
} from './households.service.ts';

/** The caseworkers and the manager of the household's unit. */
export const HOUSEHOLD_STAFF: RouteAccess = { roles: ['caseworker', 'unitManager'] };

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const householdRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const thisMonth = () => swedishDate(ctx.clock()).slice(0, 7);

    app.get(
      '/households',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Den egna enhetens hushåll med medlemmarna under månaden (läsningen loggas)',
          querystring: householdListQuery,
          response: { 200: householdPage },
        },
      },
      async (request) =>
        listHouseholds(ctx.db, request, currentUser(request), {
          ...request.query,
          month: request.query.month ?? thisMonth(),
        }),
    );

    app.get(
      '/households/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Ett hushåll: medlemmar under månaden och vem som bott där när (läsningen loggas)',
          params: idParams,
          querystring: householdMonthQuery,
          response: { 200: householdDetail, 404: problemSchema },
        },
      },
      async (request) =>
        getHousehold(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.query.month ?? thisMonth(),
        ),
    );

    app.post(
      '/households',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Registrera ett hushåll med en sökande',
          body: householdInput,
          response: { 201: householdDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const household = await createHousehold(ctx.db, request, currentUser(request), {
          ...request.body,
          validFrom: request.body.validFrom ?? `${thisMonth()}-01`,
        });
        return reply.status(201).send(household);
      },
    );

    app.patch(
      '/households/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary:
            'Ändra delat boende (hushållsgemenskap, SoF 2025:468 12 kap. 3 § andra stycket) eller utbetalningskonto (svenskt IBAN); ändringen loggas',
          params: idParams,
          body: householdPatch,
          response: { 200: householdDetail, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        updateHousehold(ctx.db, request, currentUser(request), request.params.id, request.body, thisMonth()),
    );

    app.post(
      '/households/:id/members',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Lägg till en person i hushållet från ett datum',
          params: idParams,
          body: memberInput,
          response: { 201: householdDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const household = await addMember(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send(household);
      },
    );

    app.post(
      '/households/:id/members/:personId/end',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Avsluta en persons medlemskap i hushållet (sista dagen i hushållet)',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), personId: z.uuid('Ogiltigt id') }),
          body: membershipEnd,
          response: { 200: householdDetail, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        endMembership(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.params.personId,
          request.body.validTo,
        ),
    );
  };
