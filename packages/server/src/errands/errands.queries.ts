import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ErrandState } from './errands.table.ts';

export type ErrandRow = NonNullable<Awaited<ReturnType<typeof findErrand>>>;

const errandColumns = [
  'municipalityId',
  'id',
  'householdId',
  'unitId',
  'type',
  'month',
  'state',
  'source',
  'requestedNote',
  'receivedAt',
  'createdBy',
] as const;

export function findErrand(trx: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  const query = trx.selectFrom('errands').select(errandColumns).where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** One page of the unit's errands, newest first, and how many match in all. */
export async function findErrandsInUnit(
  trx: Kysely<Database>,
  unitId: string,
  filter: { state?: ErrandState | undefined; touchedBy?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = trx.selectFrom('errands').where('unitId', '=', unitId);
  if (filter.state) query = query.where('state', '=', filter.state);
  const touchedBy = filter.touchedBy;
  if (touchedBy) {
    query = query.where((eb) =>
      eb.or([
        eb('createdBy', '=', touchedBy),
        eb.exists(
          eb
            .selectFrom('errandTransitions as t')
            .select('t.id')
            .whereRef('t.errandId', '=', 'errands.id')
            .where('t.userId', '=', touchedBy),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(errandColumns)
      .orderBy('receivedAt', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The household's application (new or renewal) for the month, if any. */
export function findApplicationForMonth(trx: Kysely<Database>, householdId: string, month: string) {
  return trx
    .selectFrom('errands')
    .select(errandColumns)
    .where('householdId', '=', householdId)
    .where('month', '=', month)
    .where('type', '!=', 'supplementaryApplication')
    .executeTakeFirst();
}

/** The household's latest application before the month — what a renewal starts from. */
export function findPreviousApplication(trx: Kysely<Database>, householdId: string, month: string) {
  return trx
    .selectFrom('errands')
    .select(errandColumns)
    .where('householdId', '=', householdId)
    .where('month', '<', month)
    .where('type', '!=', 'supplementaryApplication')
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findTransitions(trx: Kysely<Database>, errandId: string) {
  return trx
    .selectFrom('errandTransitions as t')
    .leftJoin('staffUsers as s', (join) =>
      join.onRef('s.municipalityId', '=', 't.municipalityId').onRef('s.id', '=', 't.userId'),
    )
    .select(['t.fromState', 't.toState', 't.userId', 's.name as userName', 't.note', 't.at'])
    .where('t.errandId', '=', errandId)
    .orderBy('t.id')
    .execute();
}

export function findMemberFacts(trx: Kysely<Database>, errandId: string) {
  return trx
    .selectFrom('errandMemberFacts')
    .select([
      'personId',
      'jobStimulus',
      'weekdayLunchesProvided',
      'inSchool',
      'daysInHousehold',
      'earningsEarlierThisYear',
    ])
    .where('errandId', '=', errandId)
    .execute();
}
