// Loggutdrag: a unit manager searches the access log by person or by user. Searching the
// log is itself not a read of person data beyond the names shown, which the manager may see.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { inTenant } from '../db/database.ts';
import { currentUser } from '../http/access.ts';
import { accessLogPage, accessLogQuery } from './access-log.schemas.ts';

export const accessLogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/access-log',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['access-log'],
          summary: 'Loggutdrag: vem har läst eller ändrat vad, per person eller per användare',
          querystring: accessLogQuery,
          response: { 200: accessLogPage },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        const q = request.query;
        const unitId = viewer.unit?.id ?? '';
        const rows = await inTenant(ctx.db, viewer.municipality.id, (trx) => {
          let query = trx
            .selectFrom('accessLog as l')
            .leftJoin('staffUsers as u', (j) =>
              j.onRef('u.municipalityId', '=', 'l.municipalityId').onRef('u.id', '=', 'l.userId'),
            )
            // The citizen's own reads in the e-service name the citizen as the reader.
            .leftJoin('persons as c', (j) =>
              j.onRef('c.municipalityId', '=', 'l.municipalityId').onRef('c.id', '=', 'l.citizenPersonId'),
            )
            .leftJoin('persons as p', (j) =>
              j.onRef('p.municipalityId', '=', 'l.municipalityId').onRef('p.id', '=', 'l.personId'),
            )
            .select([
              'l.id',
              'l.at',
              'l.userId',
              'u.name as userName',
              'l.citizenPersonId',
              'c.firstName as citizenFirstName',
              'c.lastName as citizenLastName',
              'l.personId',
              'p.firstName',
              'p.lastName',
              'l.action',
              'l.route',
            ])
            .orderBy('l.at', 'desc')
            .orderBy('l.id', 'desc')
            .limit(q.limit)
            // A manager's extract covers their own unit: its persons and its staff.
            .where((eb) => eb.or([eb('p.unitId', '=', unitId), eb('u.unitId', '=', unitId)]));
          if (q.personId) query = query.where('l.personId', '=', q.personId);
          if (q.userId) query = query.where('l.userId', '=', q.userId);
          if (q.from) query = query.where('l.at', '>=', sql<Date>`${q.from}::date`);
          if (q.to) query = query.where('l.at', '<', sql<Date>`${q.to}::date + 1`);
          return query.execute();
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: new Date(r.at).toISOString(),
            user:
              r.userId !== null
                ? { id: r.userId, name: r.userName ?? '' }
                : {
                    id: r.citizenPersonId ?? '',
                    name: `${r.citizenFirstName ?? ''} ${r.citizenLastName ?? ''} (själv, e-tjänsten)`.trim(),
                  },
            person: r.personId
              ? { id: r.personId, name: `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() }
              : null,
            action: r.action,
            route: r.route,
          })),
        };
      },
    );
  };
