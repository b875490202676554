// npm run bench: starts the real server (PGlite in a temporary directory, or PostgreSQL when
// DATABASE_URL is set) in a child process with demo data, logs in as a caseworker and puts it
// under a bounded loopback load (autocannon). `--scenario read` (default): person reads;
// `--scenario mix` (npm run bench:load): 100 caseworker connections for 60 s doing the daily mix
// of reads and journal writes. Writes p50/p95/p99 to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeBenchmarkSection } from './benchmarks-file.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'read' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    households: { type: 'string', default: '2000' },
  },
});
const mix = values.scenario === 'mix';
const connections = Number(values.connections ?? (mix ? 100 : 50));
// Bounded: never more than 60 s of load.
const duration = Math.min(60, Number(values.duration ?? (mix ? 60 : 10)));
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
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = (await (await fetch(`${base}/api/v1/persons?limit=200`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const ids = list.items.map((p) => p.id);
  if (ids.length === 0) throw new Error('no persons to read');
  const errands = (await (await fetch(`${base}/api/v1/errands`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const errandIds = errands.items.map((e) => e.id);
  let next = 0;
  const person = () => ids[next++ % ids.length];
  const readOnly: autocannon.Request[] = [
    { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${person()}` }) },
  ];
  // The caseworker's day: the queue, an errand, a person, their journal, and a journal note.
  const daily: autocannon.Request[] = [
    { method: 'GET', path: '/api/v1/errands' },
    {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: `/api/v1/errands/${errandIds[next % Math.max(1, errandIds.length)]}`,
      }),
    },
    { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${person()}` }) },
    {
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${ids[next % ids.length]}/journal` }),
    },
    {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        path: `/api/v1/persons/${ids[next % ids.length]}/journal`,
        body: JSON.stringify({ text: 'Telefonkontakt, inga ändringar (belastningstest).' }),
      }),
    },
  ];
  const result = await autocannon({
    url: base,
    connections,
    duration,
    headers: { cookie },
    requests: mix ? daily : readOnly,
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
    mix ? 'load' : 'server',
    (mix
      ? "## Load test: caseworkers' daily mix (`npm run bench:load`)\n\n" +
        'Each connection repeats: errand queue, one errand, one person, their journal, a new journal note (1 write in 5); ' +
        'all reads access-logged. Target (issue 10): p95 < 50 ms with 0 errors on PostgreSQL, 100 connections, 60 s. '
      : '## Authenticated person read (`npm run bench`)\n\n' +
        '`GET /api/v1/persons/:id` as a caseworker (session cookie, need-to-know check, access-log row written per read). ') +
      "Server in its own process, autocannon on loopback. p95 column is autocannon's p97.5 (an upper bound for p95).\n\n" +
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
