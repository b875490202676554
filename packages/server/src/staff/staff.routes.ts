import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { userSchema } from '../auth/auth.schemas.ts';
import { currentUser } from '../http/access.ts';

const collator = new Intl.Collator('sv');
export const staffRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        config: { access: { roles: ['unitManager', 'sysadmin'] } },
        schema: {
          tags: ['staff'],
          summary: 'Personal: enhetschefen ser sin enhet, systemadministratören hela kommunen',
          response: { 200: z.object({ items: z.array(userSchema) }) },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        let query = ctx.db
          .selectFrom('staffUsers as s')
          .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
          .leftJoin('units as u', (j) =>
            j.onRef('u.municipalityId', '=', 's.municipalityId').onRef('u.id', '=', 's.unitId'),
          )
          .select([
            's.id',
            's.username',
            's.name',
            's.role',
            's.unitId',
            'u.name as unitName',
            'm.id as mId',
            'm.name as mName',
          ])
          .where('s.municipalityId', '=', viewer.municipality.id);
        if (viewer.role === 'unitManager') query = query.where('s.unitId', '=', viewer.unit?.id ?? '');
        const rows = await query.execute();
        return {
          items: rows
            .map((r) => ({
              id: r.id,
              username: r.username,
              name: r.name,
              role: r.role,
              municipality: { id: r.mId, name: r.mName },
              unit: r.unitId && r.unitName ? { id: r.unitId, name: r.unitName } : null,
            }))
            .sort((a, b) => collator.compare(a.name, b.name)),
        };
      },
    );
  };
