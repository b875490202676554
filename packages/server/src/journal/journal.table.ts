import type { Generated } from 'kysely';

/**
 * Journalanteckning — a dated note in a person's file (SoL 2025:400 14 kap. 3–7 §§).
 * Append-only (trigger `journal_entries_append_only`); a correction is a new entry that
 * points to the one it corrects. Entries are chained by hash per municipality.
 */
export type JournalEntryTable = {
  municipalityId: string;
  id: Generated<number>;
  personId: string;
  errandId: string | null;
  authorId: string;
  writtenAt: Date;
  text: string;
  correctsId: number | null;
  previousHash: string;
  hash: string;
};

/**
 * What lawful disposal (gallring, SoL 2025:400 16 kap.) leaves of a journal entry: its id and
 * chain hashes, no personal data — written by a trigger, so the chain can still be walked.
 */
export type JournalTombstoneTable = {
  municipalityId: string;
  id: number;
  previousHash: string;
  hash: string;
  removedAt: Generated<Date>;
};
