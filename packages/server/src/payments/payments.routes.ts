import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { refreshInBackground } from '../reporting/cube.service.ts';
import { batch, batchInput, batchPage, paymentPage, paymentResult } from './payments.schemas.ts';
import {
  batchBankFile,
  getBatch,
  listBatches,
  listErrandPayments,
  payErrand,
  runBatch,
  startBatch,
} from './payments.service.ts';

/** Who pays one decided errand (e.g. urgently) and sees its ledger: the errand unit's caseworkers and manager. */
const PAYERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
/** Who sees the monthly batches and their progress. */
const BATCH_READERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
/**
 * Who releases the month's money for the whole municipality and takes out the bank file: the
 * manager only, so that the caseworker who decides is not also the one who releases payment.
 */
const BATCH_RUNNERS: RouteAccess = { roles: ['unitManager'] };

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
export const paymentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** Batches being run by this process; a batch marked running but absent here is resumed. */
    const running = new Map<string, Promise<void>>();
    app.addHook('onClose', async () => {
      await Promise.allSettled(running.values());
    });

    app.get(
      '/errands/:id/payments',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['payments'],
          summary: 'Ärendets utbetalningar i reskontran',
          params: idParams,
          response: { 200: paymentPage, 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listErrandPayments(ctx.db, request, currentUser(request), request.params.id),
      }),
    );

    app.post(
      '/errands/:id/payments',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['payments'],
          summary:
            'Betala ut ett beslutat ärende nu (utanför månadens omgång). Samma utbetalning görs aldrig två gånger.',
          params: idParams,
          response: {
            200: paymentResult,
            201: paymentResult,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const result = await payErrand(ctx.db, request, currentUser(request), request.params.id);
        return reply.status(result.created.length > 0 ? 201 : 200).send(result);
      },
    );

    app.get(
      '/payment-batches',
      {
        config: { access: BATCH_READERS },
        schema: {
          tags: ['payments'],
          summary: 'Kommunens utbetalningsomgångar, senaste först',
          response: { 200: batchPage },
        },
      },
      async (request) => ({ items: await listBatches(ctx.db, currentUser(request)) }),
    );

    app.get(
      '/payment-batches/:id',
      {
        config: { access: BATCH_READERS },
        schema: {
          tags: ['payments'],
          summary: 'En utbetalningsomgång med förlopp (planerade, behandlade, status)',
          params: idParams,
          response: { 200: batch, 404: problemSchema },
        },
      },
      async (request) => getBatch(ctx.db, currentUser(request), request.params.id),
    );

    app.post(
      '/payment-batches',
      {
        config: { access: BATCH_RUNNERS },
        schema: {
          tags: ['payments'],
          summary:
            'Starta månadens utbetalningsomgång för alla beslutade, obetalda ärenden (eller återuppta en avbruten). Pengarna för månaden betalas på kommunens utbetalningsdag månaden före.',
          body: batchInput,
          response: { 202: batch, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const today = ctx.clock().toISOString().slice(0, 10);
        const started = await startBatch(ctx.db, user, request.body.month, today, (id) => running.has(id));
        const work = runBatch(ctx.db, {
          municipalityId: user.municipality.id,
          batchId: started.id,
          month: started.month,
          userId: user.id,
          route: `${request.method} ${request.routeOptions.url ?? request.url}`,
          requestId: request.id,
        })
          // The month's payments are in: bring the dashboard's figures up to date.
          .then(() => refreshInBackground(ctx.db, user.municipality.id, ctx.clock(), request.log))
          .catch((error) => request.log.error({ err: error, batchId: started.id }, 'payment batch failed'))
          .finally(() => running.delete(started.id));
        running.set(started.id, work);
        return reply.status(202).send(started);
      },
    );

    for (const format of ['pain001', 'csv'] as const) {
      app.get(
        `/payment-batches/:id/${format}`,
        {
          config: { access: BATCH_RUNNERS },
          schema: {
            tags: ['payments'],
            summary:
              format === 'pain001'
                ? 'Bankfil ISO 20022 pain.001.001.03 för omgången (mottagarna loggas)'
                : 'Bankfil som CSV (semikolon, decimalkomma, UTF-8 med BOM) för omgången (mottagarna loggas)',
            params: idParams,
            response: { 200: z.string(), 404: problemSchema, 409: problemSchema },
          },
        },
        async (request, reply) => {
          const file = await batchBankFile(
            ctx.db,
            request,
            currentUser(request),
            request.params.id,
            format,
            ctx.clock(),
          );
          return reply
            .type(file.contentType)
            .header('content-disposition', `attachment; filename="${file.fileName}"`)
            .send(file.body);
        },
      );
    }
  };
