import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ChainLink } from './journal-chain.ts';

/**
 * Serialises appends to one municipality's chain until the transaction ends. The two-key
 * form keeps the journal's locks apart from other advisory locks (works on PGlite too).
 */
export async function lockChain(trx: Kysely<Database>, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('journal_entries'), hashtext(${municipalityId}))`.execute(
    trx,
  );
}

export async function latestHash(trx: Kysely<Database>, municipalityId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('journalEntries')
    .select('hash')
    .where('municipalityId', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? null;
}

const storedColumns = [
  'id',
  'personId',
  'errandId',
  'authorId',
  'writtenAt',
  'text',
  'correctsId',
  'previousHash',
  'hash',
] as const;

export function insertEntry(
  trx: Kysely<Database>,
  values: {
    municipalityId: string;
    personId: string;
    errandId: string | null;
    authorId: string;
    writtenAt: Date;
    text: string;
    correctsId: number | null;
    previousHash: string;
    hash: string;
  },
) {
  return trx.insertInto('journalEntries').values(values).returning(storedColumns).executeTakeFirstOrThrow();
}

/** One page of a municipality's chain in append order — entries and tombstones — for the verifier. */
export async function chainPage(
  trx: Kysely<Database>,
  municipalityId: string,
  afterId: number,
  limit: number,
): Promise<ChainLink[]> {
  const entries = await trx
    .selectFrom('journalEntries')
    .select(storedColumns)
    .where('municipalityId', '=', municipalityId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const tombstones = await trx
    .selectFrom('journalTombstones')
    .select(['id', 'previousHash', 'hash'])
    .where('municipalityId', '=', municipalityId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const links: ChainLink[] = [
    ...entries.map((e) => ({ kind: 'entry' as const, ...e, writtenAt: new Date(e.writtenAt) })),
    ...tombstones.map((t) => ({ kind: 'tombstone' as const, ...t })),
  ];
  return links.sort((a, b) => a.id - b.id).slice(0, limit);
}

export function findEntryOfPerson(trx: Kysely<Database>, personId: string, id: number) {
  return trx
    .selectFrom('journalEntries')
    .select('id')
    .where('personId', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the errand belongs to a household the person is or was a member of. */
export async function errandConcernsPerson(
  trx: Kysely<Database>,
  errandId: string,
  personId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('errands as e')
    .innerJoin('householdMembers as m', (join) =>
      join.onRef('m.municipalityId', '=', 'e.municipalityId').onRef('m.householdId', '=', 'e.householdId'),
    )
    .select('e.id')
    .where('e.id', '=', errandId)
    .where('m.personId', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export function entriesOfPerson(trx: Kysely<Database>, personId: string) {
  return trx
    .selectFrom('journalEntries as j')
    .innerJoin('staffUsers as u', (join) =>
      join.onRef('u.municipalityId', '=', 'j.municipalityId').onRef('u.id', '=', 'j.authorId'),
    )
    .select([
      'j.id',
      'j.writtenAt',
      'j.text',
      'j.errandId',
      'j.correctsId',
      'u.id as authorId',
      'u.name as authorName',
    ])
    .where('j.personId', '=', personId)
    .orderBy('j.id', 'desc')
    .execute();
}

export function errandSummaries(trx: Kysely<Database>, errandIds: readonly string[]) {
  if (errandIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('errands').select(['id', 'type', 'month']).where('id', 'in', errandIds).execute();
}
