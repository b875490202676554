// npm run bench: starts the real server (PGlite in a temporary directory, or PostgreSQL when
// DATABASE_URL is set) in a child process with demo data, logs in as a caseworker and puts it
// under a bounded loopback load (autocannon). `--scenario read` (default): person reads;
// `--scenario mix` (npm run bench:load): 100 caseworker connections for 60 s doing the daily mix
// of reads and journal writes, each caseworker one action per second (`--rate`, 0 = as fast as
// the server answers). Writes p50/p95/p99 to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeBenchmarkSection } from './benchmarks-file.ts';
import { pacedLoad, type Step } from './paced-load.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'read' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    households: { type: 'string', default: '2000' },
    rate: { type: 'string' },
  },
});
const mix = values.scenario === 'mix';
const connections = Number(values.connections ?? (mix ? 100 : 50));
// Bounded: never more than 60 s of load.
const duration = Math.min(60, Number(values.duration ?? (mix ? 60 : 10)));
// A caseworker reads and clicks; one request a second each is already a brisk pace. With a rate,
// each virtual caseworker pauses between actions (paced-load.ts); 0 = saturation (autocannon).
const rate = Number(values.rate ?? (mix ? 1 : 0));
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
  const readOnly: Step[] = [{ method: 'GET', path: () => `/api/v1/persons/${person()}` }];
  // The caseworker's day: the queue, an errand, a person, their journal, and a journal note.
  const daily: Step[] = [
    { method: 'GET', path: () => '/api/v1/errands' },
    { method: 'GET', path: () => `/api/v1/errands/${errandIds[next % Math.max(1, errandIds.length)]}` },
    { method: 'GET', path: () => `/api/v1/persons/${person()}` },
    { method: 'GET', path: () => `/api/v1/persons/${ids[next % ids.length]}/journal` },
    {
      method: 'POST',
      path: () => `/api/v1/persons/${ids[next % ids.length]}/journal`,
      body: () => JSON.stringify({ text: 'Telefonkontakt, inga ändringar (belastningstest).' }),
    },
  ];
  const summary =
    rate > 0
      ? await pacedLoad({
          base,
          users: connections,
          seconds: duration,
          thinkMs: 1000 / rate,
          steps: mix ? daily : readOnly,
          headers: { cookie, 'x-csrf-token': csrfToken },
        })
      : await saturate(mix ? daily : readOnly);

  /** As fast as the server answers: autocannon, each connection sending again at once. */
  async function saturate(steps: readonly Step[]) {
    const result = await autocannon({
      url: base,
      connections,
      duration,
      headers: { cookie },
      requests: steps.map((step) => ({
        method: step.method,
        ...(step.body
          ? { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } }
          : {}),
        setupRequest: (req) => ({ ...req, path: step.path(), ...(step.body ? { body: step.body() } : {}) }),
      })),
    });
    // autocannon reports p97.5, not p95; it is recorded as an upper bound for p95.
    return {
      requests: result.requests.total,
      throughput: Math.round(result.requests.average),
      p50: result.latency.p50,
      p95: result.latency.p97_5 ?? result.latency.p99,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  }
  console.log(summary);
  writeBenchmarkSection(
    mix ? 'load' : 'server',
    (mix
      ? "## Load test: caseworkers' daily mix (`npm run bench:load`)\n\n" +
        'Each connection is a caseworker repeating: errand queue (first page of 50), one errand, one person, their journal, a new journal note (1 write in 5); ' +
        'all reads access-logged. Pace: requests per second per caseworker (`--rate`; "max" = next request as soon as the answer arrives, which measures saturation, not a working day). ' +
        "(autocannon's own rate option was tried first: it fires all 100 connections in the same millisecond every second, a burst no office produces, so paced runs use paced-load.ts.) " +
        'Target (issue 10): p95 < 50 ms with 0 errors on PostgreSQL, 100 connections, 60 s. '
      : '## Authenticated person read (`npm run bench`)\n\n' +
        '`GET /api/v1/persons/:id` as a caseworker (session cookie, need-to-know check, access-log row written per read). ') +
      'Server in its own process, load from a second process on loopback. Paced runs: exact percentiles of every request; ' +
      'pace max: autocannon, whose p95 is its p97.5 (an upper bound, shown with ≤).\n\n' +
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`,
    '| database | connections | pace | duration | requests | req/s | p50 ms | p95 ms | p99 ms | errors | date |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${database} | ${connections} | ${rate > 0 ? `${rate}/s` : 'max'} | ${duration} s | ${summary.requests} | ${summary.throughput} | ${summary.p50} | ${rate > 0 ? '' : '≤ '}${summary.p95} | ${summary.p99} | ${summary.errors} | ${new Date().toISOString()} |`,
  );
  console.log(JSON.stringify({ database, connections, rate, seconds: duration, ...summary }));
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
