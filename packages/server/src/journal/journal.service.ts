// The journal (journalanteckningar): the documentation duty of SoL 2025:400 14 kap. 3–7 §§.
// Entries are never changed or removed (the database refuses it); a correction is a new
// entry pointing to the old one, and every entry is hash-chained per municipality so that
// tampering outside the application shows up in `npm run journal:verify`.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import {
  chainPage,
  entriesOfPerson,
  errandConcernsPerson,
  errandSummaries,
  findEntryOfPerson,
  insertEntry,
  latestHash,
  lockChain,
} from './journal.queries.ts';
import { entryHash, GENESIS_HASH, startWalk, walk } from './journal-chain.ts';

export type NewJournalEntry = {
  municipalityId: string;
  personId: string;
  errandId?: string | null;
  authorId: string;
  text: string;
  correctsId?: number | null;
  /** When the entry is written; the app's clock, or now. */
  writtenAt?: Date;
};

export type StoredJournalEntry = Awaited<ReturnType<typeof insertEntry>>;

/**
 * Appends one entry to the person's journal inside the caller's transaction (decisions,
 * payments and reassignments journal what they do in the same transaction as the work).
 * Holds the municipality's chain lock until the transaction ends, so parallel appends
 * form one unbroken chain. The caller has already checked the user's right to write.
 */
export async function appendJournalEntry(
  trx: Kysely<Database>,
  entry: NewJournalEntry,
): Promise<StoredJournalEntry> {
  // Hash exactly what the database will hand back: uuids in lower case, time to the millisecond.
  const content = {
    personId: entry.personId.toLowerCase(),
    errandId: entry.errandId?.toLowerCase() ?? null,
    authorId: entry.authorId.toLowerCase(),
    writtenAt: new Date((entry.writtenAt ?? new Date()).getTime()),
    text: entry.text,
    correctsId: entry.correctsId ?? null,
  };
  await lockChain(trx, entry.municipalityId);
  const previousHash = (await latestHash(trx, entry.municipalityId)) ?? GENESIS_HASH;
  return insertEntry(trx, {
    municipalityId: entry.municipalityId,
    ...content,
    previousHash,
    hash: entryHash(previousHash, content),
  });
}

export type JournalEntryView = {
  id: number;
  writtenAt: string;
  text: string;
  author: { id: string; name: string };
  errand: { id: string; type: string; month: string } | null;
  /** The entry this one corrects, if it is a correction. */
  correctsId: number | null;
  /** Later entries that correct this one; the entry stays visible, marked as corrected. */
  correctedBy: number[];
};

/**
 * Need-to-know: the journal is read and written by the caseworkers and manager of the
 * person's unit. A protected person's journal (skyddade personuppgifter) only by those who
 * may see their identity — the responsible or assigned caseworker, the stand-in and the
 * unit manager — since entries tend to name places and people.
 */
async function requireJournalAccess(trx: Kysely<Database>, viewer: SessionUser, personId: string) {
  const person = (await describePersons(trx, viewer, [personId])).get(personId);
  // Another unit's person answers exactly like a missing one: no existence leak.
  if (!person) throw new AppError('not_found', 'Personen finns inte');
  if (person.masked) {
    throw new AppError(
      'forbidden',
      'Journalen för en person med skyddad identitet kan bara läsas och skrivas av ansvarig eller tilldelad handläggare, ersättaren och enhetschefen',
    );
  }
}

export async function listJournal(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
): Promise<{ items: JournalEntryView[] }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireJournalAccess(trx, viewer, personId);
    const rows = await entriesOfPerson(trx, personId);
    const errandIds = [...new Set(rows.flatMap((r) => (r.errandId ? [r.errandId] : [])))];
    const errands = new Map((await errandSummaries(trx, errandIds)).map((e) => [e.id, e]));
    const correctedBy = new Map<number, number[]>();
    for (const row of rows) {
      if (row.correctsId !== null)
        correctedBy.set(row.correctsId, [...(correctedBy.get(row.correctsId) ?? []), row.id]);
    }
    await logAccess(trx, request, 'read', [personId]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        writtenAt: new Date(row.writtenAt).toISOString(),
        text: row.text,
        author: { id: row.authorId, name: row.authorName },
        errand: row.errandId ? (errands.get(row.errandId) ?? null) : null,
        correctsId: row.correctsId,
        correctedBy: (correctedBy.get(row.id) ?? []).sort((a, b) => a - b),
      })),
    };
  });
}

export async function writeJournalEntry(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  personId: string,
  input: { text: string; errandId?: string | undefined; correctsId?: number | undefined },
  now: Date,
): Promise<JournalEntryView> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await requireJournalAccess(trx, viewer, personId);
    const errors: FieldError[] = [];
    if (input.errandId && !(await errandConcernsPerson(trx, input.errandId, personId))) {
      errors.push({ pointer: '/errandId', detail: 'Ärendet finns inte eller gäller inte den här personen' });
    }
    if (input.correctsId !== undefined && !(await findEntryOfPerson(trx, personId, input.correctsId))) {
      errors.push({
        pointer: '/correctsId',
        detail: 'Anteckningen som ska rättas finns inte i den här personens journal',
      });
    }
    if (errors.length > 0) throw new AppError('invalid_input', undefined, errors);
    const stored = await appendJournalEntry(trx, {
      municipalityId: viewer.municipality.id,
      personId,
      errandId: input.errandId ?? null,
      authorId: viewer.id,
      text: input.text,
      correctsId: input.correctsId ?? null,
      writtenAt: now,
    });
    await logAccess(trx, request, 'update', [personId]);
    const errand = stored.errandId ? ((await errandSummaries(trx, [stored.errandId]))[0] ?? null) : null;
    return {
      id: stored.id,
      writtenAt: new Date(stored.writtenAt).toISOString(),
      text: stored.text,
      author: { id: viewer.id, name: viewer.name },
      errand,
      correctsId: stored.correctsId,
      correctedBy: [],
    };
  });
}

export type ChainVerification = { intact: boolean; checked: number; firstBrokenId: number | null };

const PAGE = 1000;

/** Walks one municipality's chain from its first entry (in the caller's tenant transaction). */
export async function verifyChain(trx: Kysely<Database>, municipalityId: string): Promise<ChainVerification> {
  let state = startWalk();
  let afterId = 0;
  for (;;) {
    const page = await chainPage(trx, municipalityId, afterId, PAGE);
    state = walk(state, page);
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
  return { intact: state.firstBrokenId === null, checked: state.checked, firstBrokenId: state.firstBrokenId };
}

export function verifyMunicipalityJournal(db: Kysely<Database>, municipalityId: string) {
  return inTenant(db, municipalityId, (trx) => verifyChain(trx, municipalityId));
}
