// npm run bench:calc-http: one calculation through the whole HTTP layer in-process
// (Fastify inject: session lookup, role check, CSRF, the rules, response validation), on a
// fresh embedded database with the demo. Prints the mean per request and records it in
// docs/benchmarks.md between the bench:calc-http markers.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { seedDemo } from '../demo/seed.ts';
import { writeBenchmarkSection } from './benchmarks-file.ts';

const ROUNDS = Number(process.argv[2] ?? 5000);
const root = new URL('../../../../', import.meta.url).pathname;
const body = readFileSync(
  join(root, 'packages/rules/src/norm/contract-examples/family-with-jobstimulus.input.json'),
  'utf8',
);

const handle = await openDatabase({ kind: 'pglite', dataDir: null });
await migrateToLatest(handle.db);
await seedDemo(handle.db, {
  households: 20,
  months: 3,
  seed: 1,
  today: new Date().toISOString().slice(0, 10),
});
const app = await createApp({
  db: handle.db,
  config: loadConfig({ LOG_LEVEL: 'silent', DEMO_SEED: 'false' }),
  logger: false,
});
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'erik', password: 'demo-stegvis' },
});
const cookie = `stegvis_session=${login.cookies.find((c) => c.name === 'stegvis_session')?.value}`;
const headers = {
  cookie,
  'x-csrf-token': login.json().csrfToken as string,
  'content-type': 'application/json',
};
const call = () => app.inject({ method: 'POST', url: '/api/v1/calculations', headers, payload: body });

for (let i = 0; i < 200; i++) await call(); // warm-up
const started = performance.now();
for (let i = 0; i < ROUNDS; i++) {
  const response = await call();
  if (response.statusCode !== 200) throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
}
const meanMs = (performance.now() - started) / ROUNDS;
await app.close();
await handle.close();

console.log(`mean ${meanMs.toFixed(3)} ms per calculation through HTTP (${ROUNDS} requests, PGlite)`);
writeBenchmarkSection(
  'calc-http',
  '## One calculation through the HTTP layer (`npm run bench:calc-http`)\n\n' +
    '`POST /api/v1/calculations` in-process with Fastify inject, signed in as a caseworker: session lookup (cached per ' +
    'process for 5 s since the second row), role and CSRF checks, the rules, response validation. Target: mean ≤ 0.15 ms.\n\n' +
    `Machine: ${cpus()[0]?.model.trim()}, ${cpus().length} cores, Node ${process.version}`,
  '| requests | database | mean ms | date |\n| --- | --- | --- | --- |',
  `| ${ROUNDS} | PGlite | ${meanMs.toFixed(3)} | ${new Date().toISOString()} |`,
);
console.log(JSON.stringify({ requests: ROUNDS, meanMs: Number(meanMs.toFixed(3)) }));
