// Crash safety of the monthly payment run: the server process is killed with SIGKILL in the middle
// of a batch (no shutdown hook runs, the open chunk's transaction is cut off), started again, and
// the month's batch is posted again. It resumes under the same id and every granted decision item
// is paid exactly once: nothing lost, nothing paid twice.
//
// PostgreSQL only. PGlite is an embedded single-process database living inside the server's own
// process: killing that process kills the database with it, and what survives depends on its data
// directory being flushed, which is a different question from what this test asks (a separate
// database server outliving a crashed application process).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openTestDatabase, type TestDatabase, testDatabaseUrl } from '../testing.ts';
import {
  BENCH_MUNICIPALITY,
  seedBenchHouseholds,
  writeBenchCalculations,
  writeBenchDecisions,
} from './bench-seed.ts';

const MONTH = '2026-12';
const HOUSEHOLDS = 10_000;
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

type Server = { child: ChildProcess; base: string; output: string[] };
type Session = { cookie: string; csrfToken: string };
type Batch = { id: string; status: string; planned: number; processed: number; payments: number };

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function databaseUrlOf(name: string): string {
  const url = new URL(testDatabaseUrl() ?? '');
  url.pathname = `/${name}`;
  return url.href;
}

async function startServer(databaseName: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrlOf(databaseName),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'crash-safety-secret-crash-safety-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function logIn(server: Server, username: string): Promise<Session> {
  const response = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('stegvis_session='));
  if (!cookie) throw new Error('no session cookie');
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

async function postBatch(server: Server, session: Session): Promise<Batch> {
  const response = await fetch(`${server.base}/api/v1/payment-batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ month: MONTH }),
  });
  if (response.status !== 202) throw new Error(`batch: ${response.status} ${await response.text()}`);
  return (await response.json()) as Batch;
}

async function getBatch(server: Server, session: Session, id: string): Promise<Batch> {
  const response = await fetch(`${server.base}/api/v1/payment-batches/${id}`, {
    headers: { cookie: session.cookie },
  });
  if (response.status !== 200) throw new Error(`batch ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Batch;
}

async function kill(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!testDatabaseUrl())('payment batch survives a SIGKILL of the server (PostgreSQL)', () => {
  let database: TestDatabase;
  let sqlClient: pg.Client;
  const servers: Server[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedBenchHouseholds(database.db, HOUSEHOLDS, MONTH);
    const maria = await database.db
      .selectFrom('staffUsers')
      .select('id')
      .where('username', '=', 'maria')
      .executeTakeFirstOrThrow();
    await writeBenchCalculations(database.db, MONTH, maria.id);
    await writeBenchDecisions(database.db, maria.id);
    // The superuser connection reads the ledger across row-level security, as an auditor's SQL would.
    sqlClient = new pg.Client({ connectionString: databaseUrlOf(database.name) });
    await sqlClient.connect();
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) await kill(server);
    await sqlClient?.end();
    await database?.close();
  });

  async function scalar(query: string, params: unknown[] = []): Promise<number> {
    const result = await sqlClient.query(query, params);
    return Number(Object.values(result.rows[0] ?? {})[0]);
  }

  it('pays every granted item exactly once after a kill mid-batch and a rerun', async () => {
    const started = performance.now();
    const decidedErrands = (
      await sqlClient.query<{ id: string }>(
        `select id from errands where municipality_id = $1 and month = $2 and state = 'decided'`,
        [BENCH_MUNICIPALITY, MONTH],
      )
    ).rows.map((r) => r.id);
    // What the ledger must hold: one payment per granted item of each decided errand's latest decision.
    const expected = (
      await sqlClient.query<{ items: string; amount: string }>(
        `select count(*) as items, coalesce(sum(di.granted), 0) as amount
         from errands e
         join lateral (select d.id, d.granted_total from decisions d
           where d.municipality_id = e.municipality_id and d.errand_id = e.id
           order by d.decided_at desc, d.id desc limit 1) d on true
         join decision_items di on di.municipality_id = e.municipality_id and di.decision_id = d.id
         where e.municipality_id = $1 and e.month = $2 and e.state = 'decided'
           and d.granted_total > 0 and di.granted > 0`,
        [BENCH_MUNICIPALITY, MONTH],
      )
    ).rows[0];
    const expectedItems = Number(expected?.items);
    const expectedAmount = Number(expected?.amount);
    expect(decidedErrands.length).toBeGreaterThanOrEqual(HOUSEHOLDS);
    expect(expectedItems).toBeGreaterThanOrEqual(HOUSEHOLDS);

    // First run: killed between two committed chunks' worth of progress.
    const first = await startServer(database.name);
    servers.push(first);
    const firstSession = await logIn(first, 'maria');
    const batch = await postBatch(first, firstSession);
    let seen = batch;
    while (seen.processed === 0) {
      await new Promise((r) => setTimeout(r, 5));
      seen = await getBatch(first, firstSession, batch.id);
      expect(seen.status).toBe('running');
    }
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    expect(seen.processed).toBeLessThan(seen.planned);

    const paidBeforeRestart = await scalar('select count(*) from payments where batch_id = $1', [batch.id]);
    expect(paidBeforeRestart).toBeGreaterThan(0);
    expect(paidBeforeRestart).toBeLessThan(expectedItems);
    const statusAfterKill = (
      await sqlClient.query('select status from payment_batches where id = $1', [batch.id])
    ).rows[0]?.status;
    expect(statusAfterKill).toBe('running');

    // Second run: a new process, the same month posted again, resumed under the same id.
    const second = await startServer(database.name);
    servers.push(second);
    const secondSession = await logIn(second, 'maria');
    const resumed = await postBatch(second, secondSession);
    expect(resumed.id).toBe(batch.id);
    let final = resumed;
    const deadline = Date.now() + 30_000;
    while (final.status === 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      final = await getBatch(second, secondSession, batch.id);
    }
    expect(final.status).toBe('completed');

    const rows = await scalar('select count(*) from payments where municipality_id = $1 and month = $2', [
      BENCH_MUNICIPALITY,
      MONTH,
    ]);
    const keys = await scalar(
      'select count(distinct idempotency_key) from payments where municipality_id = $1 and month = $2',
      [BENCH_MUNICIPALITY, MONTH],
    );
    const amount = await scalar(
      'select coalesce(sum(amount), 0) from payments where municipality_id = $1 and month = $2',
      [BENCH_MUNICIPALITY, MONTH],
    );
    expect(rows).toBe(expectedItems);
    expect(keys).toBe(expectedItems);
    expect(amount).toBe(expectedAmount);
    expect(await scalar('select count(*) from payments where batch_id = $1', [batch.id])).toBe(expectedItems);
    const notPaid = await scalar(
      `select count(*) from errands where id = any($1::uuid[]) and state <> 'paid'`,
      [decidedErrands],
    );
    expect(notPaid).toBe(0);
    const batchRow = (
      await sqlClient.query('select status, processed, planned from payment_batches where id = $1', [
        batch.id,
      ])
    ).rows[0];
    expect(batchRow?.status).toBe('completed');
    console.log(
      `crash safety: killed at ${seen.processed}/${seen.planned} errands with ${paidBeforeRestart} payments committed; ` +
        `after restart ${rows} payments (${keys} distinct keys, expected ${expectedItems}), batch ${final.status}; ` +
        `${Math.round(performance.now() - started)} ms from first start to completion`,
    );
  }, 60_000);
});
