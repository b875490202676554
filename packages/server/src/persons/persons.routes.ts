import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { personDetail, personInput, personListQuery, personPage, personPatch } from './persons.schemas.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './persons.service.ts';

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

/** Who may work with person data: the caseworkers and managers of the person's unit, coaches through referrals. */
export const PERSON_READERS: RouteAccess = { roles: ['caseworker', 'unitManager', 'coach'] };
const PERSON_WRITERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

export const personRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/persons',
      {
        config: { access: PERSON_READERS },
        schema: {
          tags: ['persons'],
          summary: 'Personer som användaren har behov av att se (den egna enhetens)',
          querystring: personListQuery,
          response: { 200: personPage },
        },
      },
      async (request) => listPersons(ctx.db, request, currentUser(request), request.query),
    );

    app.get(
      '/persons/:id',
      {
        config: { access: PERSON_READERS },
        schema: {
          tags: ['persons'],
          summary: 'En person (läsningen loggas)',
          params: idParams,
          response: { 200: personDetail, 404: problemSchema },
        },
      },
      async (request) => getPerson(ctx.db, request, currentUser(request), request.params.id),
    );

    app.post(
      '/persons',
      {
        config: { access: PERSON_WRITERS },
        schema: {
          tags: ['persons'],
          summary: 'Registrera en person i den egna enheten',
          body: personInput,
          response: { 201: personDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const person = await createPerson(ctx.db, request, currentUser(request), request.body);
        return reply.status(201).send(person);
      },
    );

    app.patch(
      '/persons/:id',
      {
        config: { access: PERSON_WRITERS },
        schema: {
          tags: ['persons'],
          summary: 'Ändra namn, adress eller skyddad identitet',
          params: idParams,
          body: personPatch,
          response: { 200: personDetail, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => updatePerson(ctx.db, request, currentUser(request), request.params.id, request.body),
    );
  };
