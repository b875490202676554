// Vitest globalSetup: migrate and seed once, then every test file copies the snapshot.
// The server and web projects both list this setup; when the whole suite runs in one Vitest
// process it prepares the snapshot only once, so every file starts from the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSnapshot } from './testing.ts';

export default async function setup() {
  if (process.env.STEGVIS_TEST_SNAPSHOT_READY === '1') return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'stegvis-snapshot-'));
  const path = join(dir, 'pglite.tar');
  await prepareSnapshot(path);
  process.env.STEGVIS_PGLITE_SNAPSHOT = path;
  process.env.STEGVIS_TEST_SNAPSHOT_READY = '1';
  return () => {
    delete process.env.STEGVIS_TEST_SNAPSHOT_READY;
    rmSync(dir, { recursive: true, force: true });
  };
}
