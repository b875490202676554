// Opens the database: embedded PGlite (demo, development, unit tests) or PostgreSQL when
// DATABASE_URL is set. Both return the same JS types (dates as 'YYYY-MM-DD' strings, int8 as number).
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** The unprivileged role the application runs as, so that row-level security applies. */
export const APP_ROLE = 'stegvis_app';

export type DatabaseHandle = {
  /** Connected as the owner; person data is reached only through `inTenant`. */
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** PGlite only: the whole data directory as a tar blob (snapshots and backups). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; max?: number };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'pglite') {
    const pglite = new PGlite({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: Number, [NUMERIC_OID]: Number },
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({
      dialect: new PGliteDialect({ pglite }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      db,
      kind: 'pglite',
      dumpDataDir: () => pglite.dumpDataDir('none'),
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  pg.types.setTypeParser(DATE_OID, (v) => v);
  pg.types.setTypeParser(INT8_OID, Number);
  pg.types.setTypeParser(NUMERIC_OID, Number);
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
  // An idle connection can be ended by the server (restart, failover, DROP DATABASE … FORCE):
  // the pool drops it and opens a new one on demand; without this listener Node would crash.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection closed by the server: ${error.message}`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * Runs `work` in one transaction as the unprivileged app role with the tenant set, so that
 * PostgreSQL's row-level security limits every statement to that municipality's rows.
 */
export async function inTenant<T>(
  db: Kysely<Database>,
  municipalityId: string,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('stegvis.municipality', ${municipalityId}, true)`.execute(
      trx,
    );
    return work(trx);
  });
}
