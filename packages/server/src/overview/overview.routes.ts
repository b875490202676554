// Aggregates for the nämnd and the auditors: counts per unit, never a person. Counts below
// the suppression threshold are withheld so that no one can be singled out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { inTenant } from '../db/database.ts';
import { currentUser } from '../http/access.ts';
import { overviewSchema } from './overview.schemas.ts';

const collator = new Intl.Collator('sv');
export const SUPPRESSION_THRESHOLD = 5;

export function suppress(count: number): number | null {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? null : count;
}

export const overviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/overview',
      {
        config: { access: { roles: ['committee', 'auditor', 'unitManager'] } },
        schema: {
          tags: ['overview'],
          summary: 'Antal personer och hushåll per enhet denna månad (små grupper visas inte)',
          response: { 200: overviewSchema },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        const today = ctx.clock().toISOString().slice(0, 10);
        const rows = await inTenant(ctx.db, viewer.municipality.id, (trx) =>
          trx
            .selectFrom('units as u')
            .leftJoin('households as h', (j) =>
              j.onRef('h.municipalityId', '=', 'u.municipalityId').onRef('h.unitId', '=', 'u.id'),
            )
            .leftJoin('householdMembers as hm', (j) =>
              j
                .onRef('hm.municipalityId', '=', 'h.municipalityId')
                .onRef('hm.householdId', '=', 'h.id')
                .on('hm.validFrom', '<=', sql<string>`${today}::date`)
                .on((eb) =>
                  eb.or([eb('hm.validTo', 'is', null), eb('hm.validTo', '>=', sql<string>`${today}::date`)]),
                ),
            )
            .select([
              'u.name',
              sql<number>`count(distinct hm.person_id)::int`.as('persons'),
              sql<number>`count(distinct hm.household_id)::int`.as('households'),
            ])
            .where('u.municipalityId', '=', viewer.municipality.id)
            .where('u.kind', '=', 'financialAssistance')
            .groupBy('u.name')
            .execute(),
        );
        return {
          municipality: viewer.municipality.name,
          month: today.slice(0, 7),
          suppressionThreshold: SUPPRESSION_THRESHOLD,
          rows: rows
            .sort((a, b) => collator.compare(a.name, b.name))
            .map((r) => ({ unit: r.name, persons: suppress(r.persons), households: suppress(r.households) })),
        };
      },
    );
  };
