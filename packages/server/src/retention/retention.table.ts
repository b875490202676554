import type { ColumnType, Generated } from 'kysely';

/** Per-municipality salt for the person hash in the gallring audit (never leaves the database). */
export type RetentionSaltTable = { municipalityId: string; salt: string };

/** Gallringskörning — one approved disposal run; counts only, no personal data. */
export type RetentionRunTable = {
  municipalityId: string;
  id: string;
  planDate: string;
  planChecksum: string;
  /** Who approved the run: a staff username, or the name given to the CLI. */
  approvedBy: string;
  legalBasis: string;
  startedAt: Generated<Date>;
  finishedAt: Date | null;
  personsPlanned: number;
  personsRemoved: Generated<number>;
  personsFailed: Generated<number>;
  rowsRemoved: Generated<number>;
};

/** One disposed person: sha256(personnummer + salt) and the rows removed per table. */
export type RetentionRunItemTable = {
  municipalityId: string;
  runId: string;
  personHash: string;
  /** Written as JSON text, read back as an object. */
  tables: ColumnType<Record<string, number>, string, never>;
  removedAt: Generated<Date>;
};
