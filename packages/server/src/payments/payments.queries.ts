// Ledger queries. Paying is set-based: one statement selects a chunk of payable errands, writes
// their payments (the idempotency key makes a repeated payout a no-op), moves the errands to
// `paid` with a transition row and writes the access log — so 20,000 households are a handful
// of statements, not 20,000 round trips. The batch logs the payee (the applicant whose name and
// account the payment uses), one row per errand, to keep the log proportional to the payments.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export type PayScope = { kind: 'month'; month: string; limit: number } | { kind: 'errand'; errandId: string };

export type PayContext = {
  municipalityId: string;
  batchId: string | null;
  userId: string;
  route: string;
  requestId: string | null;
  note: string;
  /**
   * Move the errands to `paid` here, set-based (the batch). A single errand is moved by the
   * errands feature's transitionErrand instead, which also checks the state machine.
   */
  moveErrands: boolean;
};

export type PayResult = { errands: number; payments: number; amount: number; insertedIds: string[] };

/**
 * Pays the errands in `scope` that are decided and whose latest decision grants money: one
 * payment per decision item with a granted amount. Errands already paid keep their payments
 * (ON CONFLICT DO NOTHING on the idempotency key `<errandId>:<month>:<item>`).
 */
export async function payErrands(
  trx: Kysely<Database>,
  scope: PayScope,
  ctx: PayContext,
): Promise<PayResult> {
  const result = await payErrandsQuery(scope, ctx).execute(trx);
  const row = result.rows[0];
  if (!row) return { errands: 0, payments: 0, amount: 0, insertedIds: [] };
  return {
    errands: row.errands,
    payments: row.payments,
    amount: Number(row.amount),
    insertedIds: row.insertedIds,
  };
}

/** The one statement behind payErrands (exported so that the benchmark can EXPLAIN it). */
export function payErrandsQuery(scope: PayScope, ctx: PayContext) {
  const errandFilter =
    scope.kind === 'month'
      ? sql`e.month = ${scope.month} limit ${scope.limit}`
      : sql`e.id = ${scope.errandId}`;
  return sql<{ errands: number; payments: number; amount: number; insertedIds: string[] }>`
    with chunk as (
      select e.id, e.household_id, e.month, d.id as decision_id
      from errands e
      join lateral (
        select d.id, d.granted_total from decisions d
        where d.municipality_id = e.municipality_id and d.errand_id = e.id
        order by d.decided_at desc, d.id desc limit 1
      ) d on true
      where e.municipality_id = ${ctx.municipalityId} and e.state = 'decided' and d.granted_total > 0
        and ${errandFilter}
      for update of e skip locked
    ),
    inserted as (
      insert into payments (municipality_id, id, idempotency_key, errand_id, decision_id, month, item, amount,
        payee_account, batch_id, legal_basis)
      select ${ctx.municipalityId}, gen_random_uuid(), c.id || ':' || c.month || ':' || di.item_no,
        c.id, c.decision_id, c.month, di.item_no::text, di.granted, h.payout_account, ${ctx.batchId}::uuid,
        di.legal_basis
      from chunk c
      join decision_items di on di.municipality_id = ${ctx.municipalityId} and di.decision_id = c.decision_id
      join households h on h.municipality_id = ${ctx.municipalityId} and h.id = c.household_id
      where di.granted > 0
      on conflict (municipality_id, idempotency_key) do nothing
      returning id, amount
    ),
    moved as (
      update errands e set state = 'paid', updated_at = now()
      from chunk c where e.municipality_id = ${ctx.municipalityId} and e.id = c.id and ${ctx.moveErrands}::boolean
      returning e.id
    ),
    transitions as (
      insert into errand_transitions (municipality_id, errand_id, from_state, to_state, user_id, note)
      select ${ctx.municipalityId}, m.id, 'decided', 'paid', ${ctx.userId}::uuid, ${ctx.note} from moved m
      returning errand_id
    ),
    logged as (
      insert into access_log (municipality_id, user_id, person_id, action, route, request_id)
      select distinct on (hm.person_id) ${ctx.municipalityId}, ${ctx.userId}::uuid, hm.person_id, 'update',
        ${ctx.route}, ${ctx.requestId}
      from chunk c
      join household_members hm on hm.municipality_id = ${ctx.municipalityId} and hm.household_id = c.household_id
        and hm.role = 'applicant'
        and hm.valid_from <= (to_date(c.month, 'YYYY-MM') + interval '1 month - 1 day')::date
        and (hm.valid_to is null or hm.valid_to >= to_date(c.month, 'YYYY-MM'))
      where ${ctx.moveErrands}::boolean
      returning person_id
    )
    select
      (select count(*) from chunk)::int as errands,
      (select count(*) from inserted)::int as payments,
      (select coalesce(sum(amount), 0) from inserted)::bigint as amount,
      (select coalesce(json_agg(id), '[]'::json) from inserted) as inserted_ids,
      (select count(*) from transitions)::int as transitions,
      (select count(*) from logged)::int as logged
  `;
}

/** Decided errands of the month whose latest decision grants money: what a batch will pay. */
export async function countPayableErrands(trx: Kysely<Database>, municipalityId: string, month: string) {
  const result = await sql<{ count: number }>`
    select count(*)::int as count from errands e
    where e.municipality_id = ${municipalityId} and e.month = ${month} and e.state = 'decided'
      and (select d.granted_total from decisions d
           where d.municipality_id = e.municipality_id and d.errand_id = e.id
           order by d.decided_at desc, d.id desc limit 1) > 0
  `.execute(trx);
  return result.rows[0]?.count ?? 0;
}

export function findErrandForPayment(trx: Kysely<Database>, errandId: string) {
  return trx
    .selectFrom('errands as e')
    .select(['e.id', 'e.unitId', 'e.householdId', 'e.month', 'e.state'])
    .select((eb) => [
      eb
        .selectFrom('decisions as d')
        .select('d.grantedTotal')
        .whereRef('d.errandId', '=', 'e.id')
        .orderBy('d.decidedAt', 'desc')
        .orderBy('d.id', 'desc')
        .limit(1)
        .as('grantedTotal'),
    ])
    .where('e.id', '=', errandId)
    .executeTakeFirst();
}

export function findPaymentsOfErrand(trx: Kysely<Database>, errandId: string) {
  return trx
    .selectFrom('payments')
    .select([
      'id',
      'idempotencyKey',
      'errandId',
      'decisionId',
      'month',
      'item',
      'amount',
      'payeeAccount',
      'batchId',
      'status',
      'legalBasis',
      'createdAt',
    ])
    .where('errandId', '=', errandId)
    .orderBy('month')
    .orderBy('item')
    .execute();
}

export function findApplicants(trx: Kysely<Database>, householdId: string) {
  return trx
    .selectFrom('householdMembers')
    .select('personId')
    .distinct()
    .where('householdId', '=', householdId)
    .where('role', '=', 'applicant')
    .execute();
}

export function findMunicipality(trx: Kysely<Database>, municipalityId: string) {
  return trx
    .selectFrom('municipalities')
    .select(['id', 'name', 'code', 'paymentDay', 'payoutAccount'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

const batchColumns = [
  'id',
  'month',
  'paymentDate',
  'status',
  'planned',
  'processed',
  'totalAmount',
  'startedBy',
  'startedAt',
  'completedAt',
] as const;

export function findBatch(trx: Kysely<Database>, batchId: string) {
  return trx.selectFrom('paymentBatches').select(batchColumns).where('id', '=', batchId).executeTakeFirst();
}

export function findBatches(trx: Kysely<Database>) {
  return trx
    .selectFrom('paymentBatches')
    .select(batchColumns)
    .orderBy('startedAt', 'desc')
    .limit(100)
    .execute();
}

export function findRunningBatch(trx: Kysely<Database>, month: string) {
  return trx
    .selectFrom('paymentBatches')
    .select(batchColumns)
    .where('month', '=', month)
    .where('status', '=', 'running')
    .executeTakeFirst();
}

export async function batchPaymentCounts(trx: Kysely<Database>, batchId: string) {
  const row = await trx
    .selectFrom('payments')
    .select((eb) => [
      eb.fn.countAll<number>().as('payments'),
      eb.fn.count<number>('payeeAccount').as('withAccount'),
    ])
    .where('batchId', '=', batchId)
    .executeTakeFirstOrThrow();
  return { payments: Number(row.payments), withoutAccount: Number(row.payments) - Number(row.withAccount) };
}

export async function addBatchProgress(
  trx: Kysely<Database>,
  batchId: string,
  errands: number,
  amount: number,
): Promise<void> {
  await trx
    .updateTable('paymentBatches')
    .set((eb) => ({
      processed: eb('processed', '+', errands),
      totalAmount: eb('totalAmount', '+', amount),
    }))
    .where('id', '=', batchId)
    .execute();
}

/**
 * Payments of the batch that were made before the household had a payout account take the
 * account registered since (utbetalningskonto, set on the household), so the bank file can be
 * made once the caseworker has added it. Payments that already have an account keep it.
 */
export async function fillMissingAccounts(trx: Kysely<Database>, batchId: string): Promise<number> {
  const result = await sql`
    update payments p set payee_account = h.payout_account
    from errands e, households h
    where p.batch_id = ${batchId} and p.payee_account is null
      and e.municipality_id = p.municipality_id and e.id = p.errand_id
      and h.municipality_id = e.municipality_id and h.id = e.household_id
      and h.payout_account is not null
  `.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The batch's payments with the payee (the household's applicant in the payment month), for the bank file. */
export async function findBatchTransfers(trx: Kysely<Database>, batchId: string) {
  const result = await sql<{
    id: string;
    amount: number;
    month: string;
    payeeAccount: string | null;
    personId: string | null;
    firstName: string | null;
    lastName: string | null;
  }>`
    select p.id, p.amount, p.month, p.payee_account, a.person_id, a.first_name, a.last_name
    from payments p
    join errands e on e.municipality_id = p.municipality_id and e.id = p.errand_id
    left join lateral (
      select hm.person_id, pe.first_name, pe.last_name
      from household_members hm
      join persons pe on pe.municipality_id = hm.municipality_id and pe.id = hm.person_id
      where hm.municipality_id = e.municipality_id and hm.household_id = e.household_id and hm.role = 'applicant'
        and hm.valid_from <= (to_date(p.month, 'YYYY-MM') + interval '1 month - 1 day')::date
      order by hm.valid_from desc limit 1
    ) a on true
    where p.batch_id = ${batchId}
    order by p.id
  `.execute(trx);
  return result.rows;
}

/** One access-log row per payee whose name and account leave in a bank file. */
export async function logBatchRead(
  trx: Kysely<Database>,
  ctx: { municipalityId: string; userId: string; route: string; requestId: string | null },
  personIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 5000) {
    await trx
      .insertInto('accessLog')
      .values(
        unique.slice(i, i + 5000).map((personId) => ({
          municipalityId: ctx.municipalityId,
          userId: ctx.userId,
          personId,
          action: 'read' as const,
          route: ctx.route,
          requestId: ctx.requestId,
        })),
      )
      .execute();
  }
}
