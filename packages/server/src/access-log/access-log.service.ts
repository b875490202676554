// Writes the access log (Lag 2001:454 10 §) in the same transaction as the work it records,
// so a read that happened is always logged and a logged change always happened.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AccessAction } from './access-log.table.ts';

export async function logAccess(
  trx: Kysely<Database>,
  request: FastifyRequest,
  action: AccessAction,
  personIds: readonly string[],
): Promise<void> {
  const user = request.session?.user;
  if (!user || personIds.length === 0) return;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  // In chunks: one statement takes at most 65,535 bind parameters (six per row), and a drill-down
  // over a large unit lists more than 10,000 persons.
  for (let i = 0; i < personIds.length; i += 5000)
    await trx
      .insertInto('accessLog')
      .values(
        personIds.slice(i, i + 5000).map((personId) => ({
          municipalityId: user.municipality.id,
          userId: user.id,
          personId,
          action,
          route,
          requestId: request.id,
        })),
      )
      .execute();
}
