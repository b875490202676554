// load config → open db → migrate → (seed the demo on an empty embedded db) → createApp → listen.
import { mkdirSync } from 'node:fs';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { seedDemoCitizen } from './demo/demo-citizen.ts';
import { isSeeded, seedDemo } from './demo/seed.ts';
import { ensureCube } from './reporting/cube.service.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

if (config.database.kind === 'pglite' && config.database.dataDir)
  mkdirSync(config.database.dataDir, { recursive: true });
const handle = await openDatabase(config.database);
await migrateToLatest(handle.db);
const today = new Date().toISOString().slice(0, 10);
const seeding = config.database.kind === 'pglite' && config.demoSeed && !(await isSeeded(handle.db));
if (seeding) {
  console.log('Empty database: creating the demo (Älvstads kommun and Sjöby kommun)…');
  await seedDemo(handle.db, { households: 300, months: 12, seed: 1, today, history: true });
}
const app = await createApp({ db: handle.db, config });
// The e-service's demo citizen is made through the API itself, as a caseworker would.
if (seeding) await seedDemoCitizen(app, today);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting requests, let running ones finish, then close the database.
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
app.log.info(`Stegvis is running on http://${shownHost}:${config.port} (${handle.kind})`);

// Warm the indicator cube (one municipality after the other) so that the nämnd's first
// dashboard read does not wait for a full refresh; a fresh cube is left as it is.
void (async () => {
  const municipalities = await handle.db.selectFrom('municipalities').select('id').orderBy('id').execute();
  for (const { id } of municipalities) {
    if (stopping) return;
    await ensureCube(handle.db, id, new Date(), app.log).catch((error) =>
      app.log.error({ err: error, municipalityId: id }, 'indicator cube warm-up failed'),
    );
  }
})();
