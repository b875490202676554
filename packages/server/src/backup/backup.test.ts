import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { seedDemo } from '../demo/seed.ts';
import { TEST_SEED, testDatabaseUrl } from '../testing.ts';
import { backupPglite, backupPostgres, restorePglite, restorePostgres, tableChecksums } from './backup.ts';

const work = mkdtempSync(join(tmpdir(), 'stegvis-backup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

async function adminQuery(url: string, text: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

describe('backup and restore (PGlite)', () => {
  it('a restored copy of the seeded database has the same rows and checksum in every table', async () => {
    // The suite's seeded snapshot; on a PostgreSQL test run there is none, so seed one here.
    const snapshot = process.env.STEGVIS_PGLITE_SNAPSHOT;
    const original = join(work, 'original');
    const seeded = await openDatabase({
      kind: 'pglite',
      dataDir: original,
      ...(snapshot && existsSync(snapshot) ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {}),
    });
    if (!snapshot || !existsSync(snapshot)) {
      await migrateToLatest(seeded.db);
      await seedDemo(seeded.db, TEST_SEED);
    }
    const before = await tableChecksums(seeded.db);
    await seeded.close();

    const file = join(work, 'stegvis.tar.gz');
    const backup = await backupPglite(original, file);
    expect(backup.bytes).toBeGreaterThan(0);
    const restoredDir = join(work, 'restored');
    await restorePglite(file, restoredDir);
    await expect(restorePglite(file, restoredDir)).rejects.toThrow(/inte tom/);

    const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
    try {
      const after = await tableChecksums(restored.db);
      expect(Object.keys(after).length).toBeGreaterThan(30);
      expect(after.persons?.rows).toBeGreaterThan(40);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
    // Without the suite's snapshot (a PostgreSQL run) migrating a PGlite from scratch takes ~12 s more.
  }, 90_000);
});

const url = testDatabaseUrl();

describe.skipIf(!url)('backup and restore (PostgreSQL, pg_dump -Fc / pg_restore)', () => {
  it('a restored copy in a new database has the same rows and checksum in every table', async () => {
    const base = url as string;
    const source = `stegvis_backup_${randomBytes(5).toString('hex')}`;
    const target = `stegvis_restore_${randomBytes(5).toString('hex')}`;
    await adminQuery(base, `create database ${source} template stegvis_test_template`);
    await adminQuery(base, `create database ${target} template template0`);
    try {
      const sourceUrl = withDatabase(base, source);
      const original = await openDatabase({ kind: 'postgres', url: sourceUrl, max: 1 });
      const before = await tableChecksums(original.db);
      await original.close();

      const file = join(work, 'stegvis.dump');
      const backup = await backupPostgres(sourceUrl, file);
      expect(backup.bytes).toBeGreaterThan(0);
      await restorePostgres(file, withDatabase(base, target));

      const restored = await openDatabase({ kind: 'postgres', url: withDatabase(base, target), max: 1 });
      try {
        const after = await tableChecksums(restored.db);
        expect(after.persons?.rows).toBeGreaterThan(40);
        expect(after).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      await adminQuery(base, `drop database if exists ${source} with (force)`);
      await adminQuery(base, `drop database if exists ${target} with (force)`);
    }
  });
});
