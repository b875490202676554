// npm run backup -- --out FILE
// PGlite (PGLITE_DIR, default ./data/pglite): stop the server first; writes the whole data
// directory as a .tar.gz. PostgreSQL (DATABASE_URL): pg_dump -Fc, consistent while running.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupPglite, backupPostgres } from './backup.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('Användning: npm run backup -- --out FIL (t.ex. backups/stegvis-2026-11-23.tar.gz)');
  process.exit(2);
}
const config = loadConfig(process.env);
try {
  const result =
    config.database.kind === 'postgres'
      ? await backupPostgres(config.database.url, values.out)
      : await backupPglite(config.database.dataDir ?? './data/pglite', values.out);
  console.log(`Säkerhetskopia: ${result.file}, ${result.bytes} byte på ${result.milliseconds} ms`);
} catch (error) {
  console.error('Säkerhetskopieringen misslyckades:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
