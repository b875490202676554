// npm run bench: starts the real server (PGlite in ./data-bench, or PostgreSQL when DATABASE_URL
// is set) in a child process with demo data, logs in as a caseworker and reads persons under a
// bounded loopback load (autocannon). Writes p50/p95/p99 to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeBenchmarkSection } from './benchmarks-file.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    households: { type: 'string', default: '2000' },
  },
});
const connections = Number(values.connections);
const duration = Math.min(60, Number(values.duration));
const root = new URL('../../../../', import.meta.url).pathname;
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-bench-'));
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  PGLITE_DIR: dataDir,
  DEMO_SEED: 'false',
};
const seed = spawn(
  process.execPath,
  [
    'packages/server/src/demo/seed-cli.ts',
    '--households',
    values.households ?? '2000',
    '--months',
    '12',
    '--seed',
    '3',
  ],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
await new Promise((resolve) => seed.on('exit', resolve));
const server = spawn(process.execPath, ['packages/server/src/main.ts'], { cwd: root, env, stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'erik', password: 'demo-stegvis' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${base}/api/v1/persons?limit=200`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const ids = list.items.map((p) => p.id);
  if (ids.length === 0) throw new Error('no persons to read');
  let next = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    headers: { cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${ids[next++ % ids.length]}` }),
      },
    ],
  });
  const summary = {
    requests: result.requests.total,
    throughput: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p99,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  // autocannon reports p97.5, not p95; it is recorded as an upper bound for p95.
  console.log(summary);
  writeBenchmarkSection(
    'server',
    '## Authenticated person read (`npm run bench`)\n\n' +
      '`GET /api/v1/persons/:id` as a caseworker (session cookie, need-to-know check, access-log row written per read), ' +
      "server in its own process, autocannon on loopback. p95 column is autocannon's p97.5 (an upper bound for p95).\n\n" +
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`,
    '| database | connections | duration | requests | req/s | p50 ms | p95 ms | p99 ms | errors | date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${database} | ${connections} | ${duration} s | ${summary.requests} | ${summary.throughput} | ${summary.p50} | ≤ ${summary.p95} | ${summary.p99} | ${summary.errors} | ${new Date().toISOString()} |`,
  );
  console.log(JSON.stringify({ database, connections, seconds: duration, ...summary }));
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
