import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export function findPersonUnit(trx: Kysely<Database>, personId: string) {
  return trx.selectFrom('persons').select(['id', 'unitId']).where('id', '=', personId).executeTakeFirst();
}

/** The decision, whether it concerns the person's household, and what the ledger paid under it. */
export async function findDecisionForClaim(trx: Kysely<Database>, decisionId: string, personId: string) {
  const decision = await trx
    .selectFrom('decisions as d')
    .innerJoin('errands as e', (j) =>
      j.onRef('e.municipalityId', '=', 'd.municipalityId').onRef('e.id', '=', 'd.errandId'),
    )
    .select(['d.id', 'd.decidedAt', 'e.month', 'e.householdId'])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!decision) return undefined;
  const member = await trx
    .selectFrom('householdMembers')
    .select('personId')
    .where('householdId', '=', decision.householdId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  const payments = await trx
    .selectFrom('payments as p')
    .leftJoin('paymentBatches as b', (j) =>
      j.onRef('b.municipalityId', '=', 'p.municipalityId').onRef('b.id', '=', 'p.batchId'),
    )
    .select(['p.amount', 'p.createdAt', 'b.paymentDate'])
    .where('p.decisionId', '=', decisionId)
    .where('p.status', '!=', 'cancelled')
    .execute();
  return { ...decision, concernsPerson: member !== undefined, payments };
}

const claimColumns = [
  'id',
  'personId',
  'decisionId',
  'amount',
  'legalBasis',
  'reason',
  'status',
  'costMonth',
  'waivedAmount',
  'statusNote',
  'createdAt',
  'statusChangedAt',
] as const;

export function findClaimsOfPerson(trx: Kysely<Database>, personId: string) {
  return trx
    .selectFrom('recoveryClaims')
    .select(claimColumns)
    .where('personId', '=', personId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export function findClaim(trx: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  const query = trx.selectFrom('recoveryClaims').select(claimColumns).where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>;
