// POST /errands/:id/calculations — calculates the errand's month from its household and
// investigation and keeps the snapshot (input, result, parameters) unchangeable.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { errandIdParams } from '../errands/errands.schemas.ts';
import { calculationBasis, withErrand } from '../errands/errands.service.ts';
import { HOUSEHOLD_STAFF } from '../households/households.routes.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { snapshotSchema } from './calculation-snapshots.schemas.ts';
import { createSnapshot } from './calculation-snapshots.service.ts';

export const calculationSnapshotRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/errands/:id/calculations',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['calculations'],
          summary:
            'Beräkna ärendets månad (riksnorm, skäliga kostnader, inkomster) och spara beräkningen oföränderlig',
          params: errandIdParams,
          response: { 201: snapshotSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const viewer = currentUser(request);
        const snapshot = await withErrand(
          ctx.db,
          viewer,
          request.params.id,
          async (trx, errand) =>
            createSnapshot(trx, request, await calculationBasis(trx, viewer, errand), {
              id: viewer.id,
              municipalityId: viewer.municipality.id,
            }),
          { lock: true },
        );
        return reply.status(201).send(snapshot);
      },
    );
  };
