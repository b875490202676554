// `npm start` on a fresh machine: the real server process on an empty PGlite directory creates
// the whole demo (organisation, households, planning, history, labour market, the e-service's
// citizen) and answers the staff who log in. A seed that collides with itself stops the process
// before it listens, so this is the check that the demo data of every feature fits together.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-start-'));
const port = 4100 + Math.floor(Math.random() * 800);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let output = '';

beforeAll(async () => {
  // The demo runs on PGlite even when the suite runs on PostgreSQL.
  const { DATABASE_URL: _, ...env } = process.env;
  server = spawn(process.execPath, ['packages/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dataDir, 'pglite'),
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'true',
    },
  });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<never>((_, reject) =>
    server.on('exit', (code) => reject(new Error(`the server stopped (${code}):\n${output.slice(-3000)}`))),
  );
  const healthy = (async () => {
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await Promise.race([healthy, exited]);
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-stegvis' }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('npm start on an empty database', () => {
  it('creates the demo and lets each role in to its own work', async () => {
    const erik = await signIn('erik');
    const queue = (await (
      await fetch(`${base}/api/v1/errands?limit=5`, { headers: { cookie: erik } })
    ).json()) as { total: number };
    expect(queue.total).toBeGreaterThan(0);
    const queues = (await (
      await fetch(`${base}/api/v1/work-queues`, { headers: { cookie: erik } })
    ).json()) as {
      queues: unknown[];
    };
    expect(queues.queues.length).toBeGreaterThan(0);

    const nils = await signIn('nils');
    const indicators = await fetch(`${base}/api/v1/reports/indicators?from=2026-01&to=2026-10`, {
      headers: { cookie: nils },
    });
    expect(indicators.status).toBe(200);

    const sara = await signIn('sara');
    const referrals = await (await fetch(`${base}/api/v1/referrals`, { headers: { cookie: sara } })).json();
    expect(JSON.stringify(referrals)).toContain('accepted');
  });
});
