// npm run retention -- --dry-run --municipality ID
// npm run retention -- --execute --municipality ID --checksum SUM --approved-by NAME
// Gallring (SoL 2025:400 16 kap. 1 §) from the command line: the dry run prints counts and the
// plan's checksum; the run must name that checksum, so it removes exactly what was reviewed.
// Uses DATABASE_URL, or the PGlite directory (PGLITE_DIR) like the server: stop a PGlite server first.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { AppError } from '../http/problem.ts';
import { executeRetention, type PlanSummary, planRetention, planSummary } from './retention.service.ts';

const USAGE =
  'Användning: npm run retention -- --dry-run --municipality ID [--date ÅÅÅÅ-MM-DD]\n' +
  '            npm run retention -- --execute --municipality ID --checksum SUMMA --approved-by NAMN';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    execute: { type: 'boolean', default: false },
    municipality: { type: 'string' },
    checksum: { type: 'string' },
    'approved-by': { type: 'string' },
    date: { type: 'string' },
  },
});
const today = values.date ?? new Date().toISOString().slice(0, 10);
if (
  values['dry-run'] === values.execute ||
  !values.municipality ||
  !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
  (values.execute && (!values.checksum || !values['approved-by']))
) {
  console.error(USAGE);
  process.exit(2);
}

function print(summary: PlanSummary) {
  console.log(`Gallringsplan för ${summary.municipality.name} den ${summary.date} (${summary.legalBasis})`);
  console.log(`  Personer att gallra: ${summary.personsDue} (varav ${summary.overdue} efter sista dag)`);
  for (const [table, n] of Object.entries(summary.rows)) console.log(`    ${table}: ${n} rader`);
  for (const kept of summary.keptForResearch)
    console.log(`  Sparas, ${kept.reason}: ${kept.persons} (${kept.detail}; ${kept.legalBasis})`);
  console.log(
    `  Pågående akter: ${summary.personsActive}, ännu inte gallringsbara: ${summary.personsNotYetDue}`,
  );
  console.log(`  Kontrollsumma: ${summary.checksum}`);
}

const config = loadConfig(process.env);
if (config.database.kind === 'pglite' && (!config.database.dataDir || !existsSync(config.database.dataDir))) {
  console.error(
    `Ingen databas hittades i ${config.database.dataDir ?? '(minnet)'}. Ange DATABASE_URL eller PGLITE_DIR.`,
  );
  process.exit(2);
}
const handle = await openDatabase(config.database);
try {
  await migrateToLatest(handle.db);
  const municipalityId = values.municipality as string;
  if (values['dry-run']) {
    print(planSummary(await planRetention(handle.db, municipalityId, today)));
    console.log(
      `Genomför med: npm run retention -- --execute --municipality ${municipalityId} --checksum <summan> --approved-by <namn>`,
    );
  } else {
    const run = await executeRetention(handle.db, municipalityId, today, values['approved-by'] as string, {
      expectedChecksum: values.checksum as string,
    });
    console.log(
      `Gallrat ${run.personsRemoved} av ${run.personsPlanned} personer, ${run.rowsRemoved} rader (körning ${run.id}).`,
    );
    if (run.personsFailed > 0) {
      console.error(
        `${run.personsFailed} personer kunde inte gallras; inget av deras togs bort. Se serverloggen.`,
      );
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
