// npm run seed -- --households N --months M --seed S
// Migrates an empty database and fills it with the demo organisation and synthetic households.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { isSeeded, seedDemo } from './seed.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '200' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
  },
});
const households = Number(values.households);
const months = Number(values.months);
const seed = Number(values.seed);
if (![households, months, seed].every(Number.isInteger) || households < 1 || months < 1) {
  console.error(
    'Usage: npm run seed -- --households N --months M --seed S (whole numbers, N and M at least 1)',
  );
  process.exit(2);
}
const config = loadConfig(process.env);
const handle = await openDatabase(config.database);
try {
  await migrateToLatest(handle.db);
  if (await isSeeded(handle.db)) {
    console.error('The database already has data. Remove ./data (PGlite) or use an empty database.');
    process.exitCode = 2;
  } else {
    const started = performance.now();
    await seedDemo(handle.db, { households, months, seed, today: new Date().toISOString().slice(0, 10) });
    console.log(
      `Seeded ${households} households over ${months} months (seed ${seed}) in ${Math.round(performance.now() - started)} ms`,
    );
  }
} finally {
  await handle.close();
}
