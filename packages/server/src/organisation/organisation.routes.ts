import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { ROLES } from '../staff/staff.table.ts';
import { unitList } from './organisation.schemas.ts';

const collator = new Intl.Collator('sv');
export const organisationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        config: { access: { roles: ROLES } },
        schema: {
          tags: ['organisation'],
          summary: 'Kommunens enheter och den nämnd varje enhet hör till i dag',
          response: { 200: unitList },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        const today = ctx.clock().toISOString().slice(0, 10);
        const rows = await ctx.db
          .selectFrom('units as u')
          .innerJoin('unitCommittees as uc', (j) =>
            j.onRef('uc.municipalityId', '=', 'u.municipalityId').onRef('uc.unitId', '=', 'u.id'),
          )
          .innerJoin('committees as c', (j) =>
            j.onRef('c.municipalityId', '=', 'uc.municipalityId').onRef('c.id', '=', 'uc.committeeId'),
          )
          .select(['u.id', 'u.name', 'c.name as committee', 'c.id as committeeId'])
          .where('u.municipalityId', '=', viewer.municipality.id)
          .where('uc.validFrom', '<=', today)
          .where((eb) =>
            eb.or([eb('uc.validTo', 'is', null), eb('uc.validTo', '>=', sql<string>`${today}::date`)]),
          )
          .execute();
        return { items: rows.sort((a, b) => collator.compare(a.name, b.name)) };
      },
    );
  };
