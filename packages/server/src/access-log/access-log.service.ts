// Writes the access log (Lag 2001:454 10 §) in the same transaction as the work it records,
// so a read that happened is always logged and a logged change always happened.
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
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
  // The persons as one array parameter: a drill-down or a statistics file lists more than 10,000
  // persons, and a row of bind parameters per person cost more than the insert itself.
  await sql`
    insert into access_log (municipality_id, user_id, person_id, action, route, request_id)
    select ${user.municipality.id}, ${user.id}, person_id, ${action}, ${route}, ${request.id}
    from unnest(${`{${personIds.join(',')}}`}::uuid[]) as person_id
  `.execute(trx);
}
