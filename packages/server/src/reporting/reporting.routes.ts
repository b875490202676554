// Indicator dashboard: the figures (aggregates with small groups withheld for the nämnd and the
// revisor; the own unit for a unit manager), exports, the nämnd's yearly targets, the savings
// estimate and — for a unit manager only — the cases behind a figure (access-logged).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { consistencyReport } from './consistency.ts';
import { currentSnapshot, refreshesSettled, refreshInBackground } from './cube.service.ts';
import { INDICATOR_KIND } from './indicators.compute.ts';
import { outcomesQuery, outcomesSchema } from './outcomes.schemas.ts';
import { outcomesFor } from './outcomes.service.ts';
import {
  consistencyQuery,
  consistencySchema,
  drillDown,
  drillDownQuery,
  exportQuery,
  indicatorQuery,
  indicatorReport,
  savingsQuery,
  savingsSchema,
  settingsInput,
  settingsSchema,
  simulationInput,
  simulationSchema,
  snapshotSchema,
  targetInput,
  targetParams,
  targetSchema,
} from './reporting.schemas.ts';
import {
  drillDownFor,
  type IndicatorReport,
  indicatorReportFor,
  reportingSettingsFor,
  saveReportingSettings,
  savingsFor,
  setTarget,
} from './reporting.service.ts';
import { runSimulation } from './simulation.ts';
import { type Sheet, toCsv, XLSX_TYPE, xlsxStream } from './tabular-export.ts';

const VIEWERS = ['committee', 'auditor', 'unitManager'] as const;

function reportSheet(report: IndicatorReport): Sheet {
  const groupLabel = new Map(report.groups.map((g) => [g.key, g.label]));
  const rows: Sheet['rows'] = [];
  for (const indicator of report.indicators) {
    const kind = INDICATOR_KIND[indicator.id];
    for (const p of indicator.points) {
      const target = indicator.targets.find((t) => t.year === Number(p.month.slice(0, 4)))?.target ?? null;
      const value = p.value === null ? null : kind === 'amount' ? p.value / 100 : p.value;
      rows.push([
        indicator.label,
        p.month,
        groupLabel.get(p.group) ?? p.group,
        p.numerator === null ? null : kind === 'amount' ? p.numerator / 100 : p.numerator,
        p.denominator,
        value,
        kind === 'amount' ? 'kr' : kind === 'share' ? 'andel' : 'antal',
        target === null ? null : kind === 'amount' ? target / 100 : target,
        p.provisional,
        p.suppressed ? `Färre än ${report.suppressionThreshold}, visas inte` : '',
      ]);
    }
  }
  return {
    name: 'Indikatorer',
    header: [
      'Indikator',
      'Månad',
      'Grupp',
      'Täljare',
      'Nämnare',
      'Värde',
      'Enhet',
      'Målvärde',
      'Preliminär',
      'Anmärkning',
    ],
    rows,
  };
}

export const reportingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // A refresh of the indicator cube may be running in the background: let it finish first.
    app.addHook('onClose', async () => refreshesSettled(ctx.db));

    app.post(
      '/reports/indicators/refresh',
      {
        config: { access: { roles: ['unitManager', 'sysadmin'] } },
        schema: {
          tags: ['reports'],
          summary: 'Räkna om indikatorerna nu (i bakgrunden); svaret visar hur långt omräkningen kommit',
          // An empty object: nothing to choose.
          body: z.strictObject({}),
          response: { 202: snapshotSchema },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        refreshInBackground(ctx.db, user.municipality.id, ctx.clock(), request.log);
        const snapshot = await currentSnapshot(ctx.db, user.municipality.id, ctx.clock());
        return reply.status(202).send({
          asOfDay: snapshot?.asOfDay ?? null,
          refreshedAt: snapshot?.refreshedAt ?? null,
          stale: snapshot?.stale ?? true,
          refreshing: true,
          durationMs: snapshot?.durationMs ?? null,
        });
      },
    );

    app.get(
      '/reports/indicators',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary: 'Indikatorer per månad och grupp (nämnd och revisor: små grupper visas inte)',
          querystring: indicatorQuery,
          response: { 200: indicatorReport },
        },
      },
      async (request) =>
        indicatorReportFor(ctx.db, currentUser(request), ctx.clock(), request.query, request.log),
    );

    app.get(
      '/reports/indicators/export',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary: 'Indikatorerna som CSV eller XLSX, med samma urval och skydd för små grupper',
          querystring: exportQuery,
          produces: ['text/csv', XLSX_TYPE],
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await indicatorReportFor(
          ctx.db,
          currentUser(request),
          ctx.clock(),
          query,
          request.log,
        );
        const sheet = reportSheet(report);
        const name = `indikatorer-${report.from}-${report.to}`;
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(toCsv(sheet));
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(xlsxStream([sheet]));
      },
    );

    app.get(
      '/reports/indicators/cases',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['reports'],
          summary: 'Ärendena bakom en siffra, inom den egna enheten (loggas)',
          querystring: drillDownQuery,
          response: { 200: drillDown },
        },
      },
      async (request) => {
        const q = request.query;
        return drillDownFor(ctx.db, request, currentUser(request), ctx.clock(), {
          ...q,
          from: q.month,
          to: q.month,
        });
      },
    );

    app.put(
      '/reports/targets/:indicator/:year',
      {
        config: { access: { roles: ['committee', 'unitManager'] } },
        schema: {
          tags: ['reports'],
          summary: 'Nämndens målvärde för en indikator och ett år (null tar bort det)',
          params: targetParams,
          body: targetInput,
          response: { 200: targetSchema.nullable() },
        },
      },
      async (request) => {
        const { indicator, year } = request.params;
        await setTarget(ctx.db, currentUser(request), indicator, year, request.body.target);
        return request.body.target === null ? null : { indicator, year, target: request.body.target };
      },
    );

    app.get(
      '/reports/consistency',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary:
            'Likabehandling: kostnader över riktlinjetaket som godtagits, avslagsandel och bistånd per hushållstyp, per kommun (samma riktlinje), enhet eller handläggare',
          querystring: consistencyQuery,
          response: { 200: consistencySchema },
        },
      },
      async (request) =>
        consistencyReport(ctx.db, currentUser(request), ctx.clock(), request.query, request.log),
    );

    // A POST because it runs a computation with a body of parameters; it changes nothing.
    app.post(
      '/reports/simulation',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary:
            'Policysimulering: månadens beräkningar körs om med ändrad norm eller bidragstak; fördelning per hushållstyp och total kostnad',
          body: simulationInput,
          response: { 200: simulationSchema },
        },
      },
      async (request) => runSimulation(ctx.db, currentUser(request), request.body),
    );

    app.get(
      '/reports/settings',
      {
        config: { access: { roles: [...VIEWERS, 'sysadmin'] } },
        schema: {
          tags: ['reports'],
          summary:
            'Inställningar för indikatorerna: åldersgrupper, unga vuxna, mycket långvarigt bistånd, folkmängd',
          response: { 200: settingsSchema },
        },
      },
      async (request) => reportingSettingsFor(ctx.db, currentUser(request)),
    );

    app.put(
      '/reports/settings',
      {
        config: { access: { roles: ['committee', 'sysadmin'] } },
        schema: {
          tags: ['reports'],
          summary: 'Ändra inställningarna för indikatorerna (kommunens egna val)',
          body: settingsInput,
          response: { 200: settingsSchema },
        },
      },
      async (request) =>
        saveReportingSettings(ctx.db, currentUser(request), request.body, ctx.clock(), request.log),
    );

    app.get(
      '/reports/savings',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary: 'Besparingsuppskattning: bistånd före avslut × månader utan bistånd, mot teamets kostnad',
          querystring: savingsQuery,
          response: { 200: savingsSchema },
        },
      },
      async (request) => savingsFor(ctx.db, currentUser(request), ctx.clock(), request.query, request.log),
    );

    app.get(
      '/reports/outcomes',
      {
        config: { access: { roles: VIEWERS } },
        schema: {
          tags: ['reports'],
          summary:
            'Utfall: avslutsorsaker, egen försörjning 12 månader efter remiss, närvaro och kostnad och utfall per insats',
          querystring: outcomesQuery,
          response: { 200: outcomesSchema },
        },
      },
      async (request) => outcomesFor(ctx.db, currentUser(request), ctx.clock(), request.query),
    );
  };
