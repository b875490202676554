import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export function findPersonUnit(trx: Kysely<Database>, personId: string) {
  return trx.selectFrom('persons').select(['id', 'unitId']).where('id', '=', personId).executeTakeFirst();
}

const applicationColumns = [
  'id',
  'personId',
  'agency',
  'benefit',
  'appliedOn',
  'status',
  'decidedOn',
  'retroactiveAmount',
  'retroactiveMonths',
  'createdAt',
] as const;

export function findApplication(trx: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  const query = trx.selectFrom('benefitApplications').select(applicationColumns).where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function findApplicationsOfPerson(trx: Kysely<Database>, personId: string) {
  return trx
    .selectFrom('benefitApplications')
    .select(applicationColumns)
    .where('personId', '=', personId)
    .orderBy('appliedOn', 'desc')
    .execute();
}

export function findClaimsOfApplications(trx: Kysely<Database>, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('reimbursementClaims')
    .select(['id', 'benefitApplicationId', 'months', 'amount', 'status', 'createdAt'])
    .where('benefitApplicationId', 'in', applicationIds)
    .execute();
}

/**
 * Assistance paid to the person's household for each month (from the ledger): the payments of
 * errands for that month, of households the person belonged to during the month.
 */
export async function assistancePaidPerMonth(
  trx: Kysely<Database>,
  personId: string,
  months: readonly string[],
): Promise<Map<string, number>> {
  const result = await sql<{ month: string; paid: number }>`
    select e.month, sum(p.amount)::bigint as paid
    from payments p
    join errands e on e.municipality_id = p.municipality_id and e.id = p.errand_id
    where p.status <> 'cancelled'
      and e.month = any(string_to_array(${months.join(',')}, ','))
      and exists (
        select 1 from household_members hm
        where hm.municipality_id = e.municipality_id and hm.household_id = e.household_id
          and hm.person_id = ${personId}
          and hm.valid_from <= (to_date(e.month, 'YYYY-MM') + interval '1 month - 1 day')::date
          and (hm.valid_to is null or hm.valid_to >= to_date(e.month, 'YYYY-MM'))
      )
    group by e.month
  `.execute(trx);
  return new Map(result.rows.map((r) => [r.month, Number(r.paid)]));
}
