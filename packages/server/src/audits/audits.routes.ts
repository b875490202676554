// Granskning for the revisor: draw a reproducible random sample of case files, read exactly
// the drawn files (logged), review the proposed findings per control objective, download the
// pseudonymised report and compare with an earlier audit.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { XLSX_TYPE, xlsxStream } from '../reporting/tabular-export.ts';
import { renderAuditPdf, reportSheets } from './audit-report.ts';
import {
  auditFileSchema,
  compareQuery,
  comparisonSchema,
  drawInput,
  fileParams,
  findingsInput,
  reportQuery,
  sampleList,
  sampleParams,
  sampleSchema,
} from './audits.schemas.ts';
import {
  compareSamples,
  drawSample,
  listSamples,
  readFile,
  reviewFindings,
  sampleFor,
} from './audits.service.ts';

const AUDITOR = { access: { roles: ['auditor'] as const } };

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audits',
      {
        config: AUDITOR,
        schema: { tags: ['audits'], summary: 'Granskningar', response: { 200: sampleList } },
      },
      async (request) => ({ items: await listSamples(ctx.db, currentUser(request)) }),
    );

    app.post(
      '/audits',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'Dra ett slumpmässigt urval av akter (samma frö och villkor ger samma urval)',
          body: drawInput,
          response: { 201: sampleSchema },
        },
      },
      async (request, reply) => {
        const sample = await drawSample(ctx.db, currentUser(request), ctx.clock(), request.body, request.log);
        return reply.code(201).send(sample);
      },
    );

    app.get(
      '/audits/:id',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'En granskning med akterna (pseudonymer) och iakttagelser',
          params: sampleParams,
          response: { 200: sampleSchema },
        },
      },
      async (request) => sampleFor(ctx.db, currentUser(request), request.params.id),
    );

    app.get(
      '/audits/:id/files/:itemNo',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'Läs en dragen akt (bara dragna akter; läsningen loggas)',
          params: fileParams,
          response: { 200: auditFileSchema },
        },
      },
      async (request) =>
        readFile(ctx.db, request, currentUser(request), request.params.id, request.params.itemNo),
    );

    app.put(
      '/audits/:id/files/:itemNo/findings',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'Revisorns bedömning per kontrollmål för en akt',
          params: fileParams,
          body: findingsInput,
          response: { 200: sampleSchema },
        },
      },
      async (request) =>
        reviewFindings(
          ctx.db,
          currentUser(request),
          request.params.id,
          request.params.itemNo,
          request.body.findings,
        ),
    );

    app.get(
      '/audits/:id/report',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'Granskningsrapport, pseudonymiserad (PDF eller XLSX)',
          params: sampleParams,
          querystring: reportQuery,
          produces: ['application/pdf', XLSX_TYPE],
        },
      },
      async (request, reply) => {
        const viewer = currentUser(request);
        const sample = await sampleFor(ctx.db, viewer, request.params.id);
        if (request.query.format === 'pdf')
          return reply
            .type('application/pdf')
            .header('content-disposition', 'attachment; filename="granskning.pdf"')
            .send(await renderAuditPdf(sample, viewer.municipality.name));
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="granskning.xlsx"')
          .send(xlsxStream(reportSheets(sample, viewer.municipality.name)));
      },
    );

    app.get(
      '/audits/:id/comparison',
      {
        config: AUDITOR,
        schema: {
          tags: ['audits'],
          summary: 'Jämför granskningen med en tidigare: andel uppfyllt per kontrollmål',
          params: sampleParams,
          querystring: compareQuery,
          response: { 200: comparisonSchema },
        },
      },
      async (request) => compareSamples(ctx.db, currentUser(request), request.params.id, request.query.with),
    );
  };
