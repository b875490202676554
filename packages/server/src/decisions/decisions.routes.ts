import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { decision, decisionInput, reasonTemplate } from './decisions.schemas.ts';
import {
  decide,
  getDecision,
  getDecisionLetter,
  listDecisions,
  listReasonTemplates,
} from './decisions.service.ts';

/** Who decides: the caseworkers and managers of the errand's unit, within their delegation. */
const DECIDERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const decisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/errands/:id/decisions',
      {
        config: { access: DECIDERS },
        schema: {
          tags: ['decisions'],
          summary:
            'Fatta beslut i ett ärende som är klart för beslut (delegationen prövas, beslutsbrevet arkiveras)',
          params: idParams,
          body: decisionInput,
          response: {
            201: decision,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const created = await decide(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/errands/:id/decisions',
      {
        config: { access: DECIDERS },
        schema: {
          tags: ['decisions'],
          summary: 'Ärendets beslut (läsningen loggas)',
          params: idParams,
          response: { 200: z.object({ items: z.array(decision) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listDecisions(ctx.db, request, currentUser(request), request.params.id),
      }),
    );

    app.get(
      '/decisions/:id',
      {
        config: { access: DECIDERS },
        schema: {
          tags: ['decisions'],
          summary: 'Ett beslut (läsningen loggas)',
          params: idParams,
          response: { 200: decision, 404: problemSchema },
        },
      },
      async (request) => getDecision(ctx.db, request, currentUser(request), request.params.id),
    );

    app.get(
      '/decisions/:id/letter',
      {
        config: { access: DECIDERS },
        schema: {
          tags: ['decisions'],
          summary: 'Beslutsbrevet som PDF, som det arkiverades (läsningen loggas)',
          description: 'application/pdf; 404 som problem+json om beslutet inte finns eller inte får ses.',
          params: idParams,
        },
      },
      async (request, reply) => {
        const letter = await getDecisionLetter(ctx.db, request, currentUser(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="beslut-${request.params.id}.pdf"`)
          .header('x-content-sha256', letter.sha256)
          .send(letter.pdf);
      },
    );

    app.get(
      '/reason-templates',
      {
        config: { access: DECIDERS },
        schema: {
          tags: ['decisions'],
          summary: 'Kommunens motiveringsmallar för vanliga beslut',
          response: { 200: z.object({ items: z.array(reasonTemplate) }) },
        },
      },
      async (request) => ({ items: await listReasonTemplates(ctx.db, currentUser(request)) }),
    );
  };
