import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import {
  aktivitetskravStatus,
  deviation,
  deviationInput,
  exemptionInput,
  noticeInput,
  reductionDecision,
  reductionInput,
} from './aktivitetskrav.schemas.ts';
import {
  addDeviation,
  addExemption,
  decideReduction,
  sendNotice,
  aktivitetskravStatus as status,
} from './aktivitetskrav.service.ts';

const CASEWORK: RouteAccess = { roles: ['caseworker', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
const created = z.object({ id: z.uuid() });

export const aktivitetskravRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => isoDay(ctx.clock());

    app.get(
      '/persons/:id/aktivitetskrav',
      {
        config: { access: CASEWORK },
        schema: {
          tags: ['aktivitetskrav'],
          summary: 'Aktivitetskrav för personen: gäller eller undantag, avvikelser och förvarningar',
          params: idParams,
          response: { 200: aktivitetskravStatus, 404: problemSchema },
        },
      },
      async (request) => status(ctx.db, request, currentUser(request), request.params.id, today()),
    );

    app.post(
      '/persons/:id/aktivitetskrav/exemptions',
      {
        config: { access: CASEWORK },
        schema: {
          tags: ['aktivitetskrav'],
          summary: 'Registrera undantag från aktivitetskravet (skäl och period krävs)',
          params: idParams,
          body: exemptionInput,
          response: { 201: created, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addExemption(ctx.db, request, currentUser(request), request.params.id, request.body)),
    );

    app.post(
      '/persons/:id/aktivitetskrav/deviations',
      {
        config: { access: CASEWORK },
        schema: {
          tags: ['aktivitetskrav'],
          summary: 'Registrera avvikelse: färre närvarotimmar än planerat',
          params: idParams,
          body: deviationInput,
          response: { 201: created, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addDeviation(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              today(),
            ),
          ),
    );

    app.post(
      '/aktivitetskrav/deviations/:id/notice',
      {
        config: { access: CASEWORK },
        schema: {
          tags: ['aktivitetskrav'],
          summary: 'Skicka förvarning om avvikelsen (läggs i utkorgen till personen)',
          params: idParams,
          body: noticeInput,
          response: { 200: deviation, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        sendNotice(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.sentOn ?? today(),
          ctx.clock(),
        ),
    );

    app.post(
      '/aktivitetskrav/deviations/:id/reductions',
      {
        config: { access: CASEWORK },
        schema: {
          tags: ['aktivitetskrav'],
          summary:
            'Besluta om nedsättning av försörjningsstöd efter avvikelse och förvarning (SoL 2025:400 12 kap. 5 §)',
          description:
            'Beloppet i ören är handläggarens beslut. Nedsättningen visas i beräkningen för månaden och i månadens beslutsbrev.',
          params: idParams,
          body: reductionInput,
          response: { 201: reductionDecision, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await decideReduction(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              ctx.clock(),
            ),
          ),
    );
  };
