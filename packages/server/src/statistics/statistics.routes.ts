// Statistics produced from the case data: the monthly individual-level file to Socialstyrelsen
// and SUS participant data (a unit manager, for the own unit; every person in a file is
// access-logged), and population-based key figures (aggregates).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { type Sheet, toCsv, XLSX_TYPE, xlsxStream } from '../reporting/tabular-export.ts';
import { keyFiguresQuery, keyFiguresSchema, monthlyFileQuery, susQuery } from './statistics.schemas.ts';
import { keyFigures, socialstyrelsenFile, susFile } from './statistics.service.ts';

function sendSheet(reply: FastifyReply, sheet: Sheet, name: string, format: 'csv' | 'xlsx') {
  if (format === 'csv')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(toCsv(sheet));
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(xlsxStream([sheet]));
}

export const statisticsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/statistics/socialstyrelsen',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['statistics'],
          summary:
            'Månadsfil på individnivå till Socialstyrelsen för den egna enheten (antagen fillayout, loggas)',
          querystring: monthlyFileQuery,
          produces: ['text/csv', XLSX_TYPE],
        },
      },
      async (request, reply) => {
        const { month, format } = request.query;
        const sheet = await socialstyrelsenFile(ctx.db, request, currentUser(request), month);
        return sendSheet(reply, sheet, `socialstyrelsen-${month}`, format);
      },
    );

    app.get(
      '/statistics/sus',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['statistics'],
          summary:
            'Deltagaruppgifter till SUS (samordningsförbundets insatser) för den egna enheten (loggas)',
          querystring: susQuery,
          produces: ['text/csv', XLSX_TYPE],
        },
      },
      async (request, reply) => {
        const { from, to, format } = request.query;
        const sheet = await susFile(ctx.db, request, currentUser(request), from, to);
        return sendSheet(reply, sheet, `sus-${from}-${to}`, format);
      },
    );

    app.get(
      '/statistics/key-figures',
      {
        config: { access: { roles: ['committee', 'auditor', 'unitManager'] } },
        schema: {
          tags: ['statistics'],
          summary: 'Befolkningsbaserade nyckeltal (Kolada-liknande) för ett kalenderår',
          querystring: keyFiguresQuery,
          response: { 200: keyFiguresSchema },
        },
      },
      async (request) => keyFigures(ctx.db, currentUser(request), ctx.clock(), request.query.year),
    );
  };
