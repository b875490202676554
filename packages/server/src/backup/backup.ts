// Backup and restore for both databases: PGlite's data directory as a .tar.gz (dumpDataDir),
// PostgreSQL with pg_dump -Fc / pg_restore. tableChecksums proves a restore is identical.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';

const run = promisify(execFile);

export type BackupResult = { file: string; bytes: number; milliseconds: number };

/**
 * PGlite: opens the data directory and writes it whole as a gzipped tar. One directory is one
 * process, so the server must be stopped first (opening a directory in use fails or corrupts);
 * the dump is then a consistent copy of a database at rest.
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<BackupResult> {
  if (!existsSync(`${dataDir}/PG_VERSION`)) throw new Error(`Ingen PGlite-databas i ${dataDir}`);
  const started = performance.now();
  const pglite = await PGlite.create({ dataDir });
  try {
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return {
    file: outFile,
    bytes: statSync(outFile).size,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** PGlite: unpacks a backup into an empty (or not yet existing) data directory. */
export async function restorePglite(inFile: string, dataDir: string): Promise<{ milliseconds: number }> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} är inte tom: återställ bara till en tom katalog`);
  }
  const started = performance.now();
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: new Blob([readFileSync(inFile)], { type: 'application/gzip' }),
  });
  await pglite.query('select 1');
  await pglite.close();
  return { milliseconds: Math.round(performance.now() - started) };
}

/** The newest PostgreSQL client binaries installed (Debian layout), or the PATH's. */
export function postgresBinary(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return name;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/${name}`))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? `${root}/${versions[0]}/bin/${name}` : name;
}

/** PostgreSQL: `pg_dump -Fc` (custom format: compressed, restorable table by table). */
export async function backupPostgres(url: string, outFile: string): Promise<BackupResult> {
  const started = performance.now();
  mkdirSync(dirname(outFile), { recursive: true });
  await run(postgresBinary('pg_dump'), ['-Fc', '-f', outFile, url]);
  return {
    file: outFile,
    bytes: statSync(outFile).size,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** PostgreSQL: `pg_restore --clean --if-exists` into the database at `url` (replaces what it has). */
export async function restorePostgres(inFile: string, url: string): Promise<{ milliseconds: number }> {
  const started = performance.now();
  await run(postgresBinary('pg_restore'), ['--clean', '--if-exists', '--exit-on-error', '-d', url, inFile]);
  return { milliseconds: Math.round(performance.now() - started) };
}

export type TableChecksum = { rows: number; md5: string | null };

/**
 * Row count and md5(string_agg(t::text, '|' order by <primary key>)) of every table in the
 * public schema, listed from the catalog. Run as the owner (a superuser, or row-level
 * security would hide rows).
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export async function tableChecksums(db: Kysely<any>): Promise<Record<string, TableChecksum>> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname
  `.execute(db);
  const result: Record<string, TableChecksum> = {};
  for (const { name } of tables.rows) {
    const keys = await sql<{ column: string }>`
      select a.attname as column
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${`public.${name}`}::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)
    `.execute(db);
    const order =
      keys.rows.length > 0 ? sql.join(keys.rows.map((k) => sql.ref(`t.${k.column}`))) : sql`t::text`;
    const row = await sql<TableChecksum>`
      select count(*)::int as rows, md5(string_agg(t::text, '|' order by ${order})) as md5
      from ${sql.table(`public.${name}`)} t
    `.execute(db);
    result[name] = row.rows[0] ?? { rows: 0, md5: null };
  }
  return result;
}
