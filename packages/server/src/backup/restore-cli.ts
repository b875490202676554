// npm run restore -- --in FILE
// PGlite: unpacks the backup into PGLITE_DIR, which must be empty or missing (never overwrites).
// PostgreSQL: pg_restore --clean --if-exists into DATABASE_URL (replaces the objects it contains).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { restorePglite, restorePostgres } from './backup.ts';

const { values } = parseArgs({ options: { in: { type: 'string' } } });
if (!values.in) {
  console.error('Användning: npm run restore -- --in FIL');
  process.exit(2);
}
const config = loadConfig(process.env);
try {
  const result =
    config.database.kind === 'postgres'
      ? await restorePostgres(values.in, config.database.url)
      : await restorePglite(values.in, config.database.dataDir ?? './data/pglite');
  console.log(`Återställd från ${values.in} på ${result.milliseconds} ms`);
} catch (error) {
  console.error('Återställningen misslyckades:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
