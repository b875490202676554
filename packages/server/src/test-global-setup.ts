// Vitest globalSetup: migrate and seed once, then every test file copies the snapshot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSnapshot } from './testing.ts';

export default async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'stegvis-snapshot-'));
  const path = join(dir, 'pglite.tar');
  await prepareSnapshot(path);
  process.env.STEGVIS_PGLITE_SNAPSHOT = path;
  return () => rmSync(dir, { recursive: true, force: true });
}
