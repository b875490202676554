// npm run journal:verify — walks every municipality's journal chain and reports the first
// broken link (an entry changed, removed or inserted outside the application). Exit code 0
// when every chain is intact, 1 on tampering, 2 when the check could not run.
// Uses DATABASE_URL, or the PGlite directory (PGLITE_DIR, default ./data/pglite) like the
// server; stop a PGlite server first, since one directory takes one process.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { verifyMunicipalityJournal } from './journal.service.ts';

const config = loadConfig(process.env);
if (config.database.kind === 'pglite' && (!config.database.dataDir || !existsSync(config.database.dataDir))) {
  console.error(
    `Ingen databas hittades i ${config.database.dataDir ?? '(minnet)'}. Ange DATABASE_URL eller PGLITE_DIR.`,
  );
  process.exit(2);
}
const handle = await openDatabase(config.database);
try {
  const municipalities = await handle.db
    .selectFrom('municipalities')
    .select(['id', 'name'])
    .orderBy('id')
    .execute();
  let tampered = false;
  for (const m of municipalities) {
    const result = await verifyMunicipalityJournal(handle.db, m.id);
    if (result.intact) {
      console.log(`${m.name} (${m.id}): ${result.checked} anteckningar, kedjan är obruten`);
    } else {
      tampered = true;
      console.log(
        `${m.name} (${m.id}): KEDJAN ÄR BRUTEN vid anteckning ${result.firstBrokenId} (${result.checked} kontrollerade)`,
      );
    }
  }
  process.exitCode = tampered ? 1 : 0;
} catch (error) {
  console.error('Kontrollen kunde inte köras:', error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await handle.close();
}
