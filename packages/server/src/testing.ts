// Test support: every test file gets its own database, started from a migrated and seeded
// snapshot (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE … TEMPLATE), and builds
// the real app on it. TEST_DATABASE_URL switches the whole suite to PostgreSQL.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DEMO_USERS, seedDemo, seedDemoHistory } from './demo/seed.ts';
import type { AccessRole } from './http/access.ts';

export { DEMO_PASSWORD } from './demo/seed.ts';

/** The fixed day tests run on, so that months and ages never drift. */
export const TEST_TODAY = '2026-11-23';
export const TEST_SEED = { households: 40, months: 12, seed: 7, today: TEST_TODAY };
const TEMPLATE_DATABASE = 'stegvis_test_template';

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

/** Builds the migrated, seeded snapshot once per test run (Vitest globalSetup). */
export async function prepareSnapshot(snapshotPath: string): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    await admin.end();
    const handle = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, TEMPLATE_DATABASE),
      max: 1,
    });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, TEST_SEED);
    await handle.close();
    return;
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, TEST_SEED);
  const dump = await handle.dumpDataDir?.();
  if (!dump) throw new Error('PGlite could not dump its data directory');
  writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

export type TestDatabase = DatabaseHandle & { name: string };

/** A fresh database for one test file, copied from the snapshot. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `stegvis_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
    await admin.end();
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), max: 4 });
    return {
      ...handle,
      name,
      async close() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const snapshot = process.env.STEGVIS_PGLITE_SNAPSHOT;
  if (!snapshot)
    throw new Error('STEGVIS_PGLITE_SNAPSHOT is not set: run the tests through Vitest (globalSetup)');
  const handle = await openDatabase({
    kind: 'pglite',
    dataDir: null,
    loadDataDir: new Blob([readFileSync(snapshot)]),
  });
  return { ...handle, name: 'pglite' };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret!!',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...overrides,
  });
}

export type TestApp = { app: FastifyInstance; db: TestDatabase; close(): Promise<void> };

export async function buildTestApp(options: { config?: Config; clock?: () => Date } = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const app = await createApp({
    db: db.db,
    config: options.config ?? testConfig(),
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
    clock: options.clock ?? (() => new Date(`${TEST_TODAY}T10:00:00Z`)),
  });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/**
 * Starts the real server on a loopback port, for browser tests, optionally on a test's own clock;
 * `history` adds the demo's past months (decisions, payments, plans) to this server's own
 * database copy, for the dashboard.
 */
export async function startTestServer(
  options: { clock?: () => Date; history?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const test = await buildTestApp(options.clock ? { clock: options.clock } : {});
  if (options.history) await seedDemoHistory(test.db.db, TEST_SEED);
  const address = await test.app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, close: test.close };
}

export type Login = { cookie: string; csrfToken: string; userId: string };

/** Logs in a demo user through the real login route. */
export async function login(app: FastifyInstance, username: string): Promise<Login> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'demo-stegvis' },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'stegvis_session');
  if (!cookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `stegvis_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Logs in the Älvstad demo user who has `role` (`citizen`: the local IdP's first demo citizen). */
export function loginAs(app: FastifyInstance, role: AccessRole): Promise<Login> {
  if (role === 'citizen') return loginCitizen(app);
  const user = DEMO_USERS.find((u) => u.role === role && u.municipalityId === 'alvstad');
  if (!user) throw new Error(`no demo user with role ${role}`);
  return login(app, user.username);
}

/** Headers for an authenticated request (CSRF token included for writes). */
export function as(login: Login): Record<string, string> {
  return { cookie: login.cookie, 'x-csrf-token': login.csrfToken };
}

/**
 * Logs a citizen in through the real OIDC flow: Stegvis (in-process) → the local identity
 * provider (over loopback HTTP) → back to Stegvis's callback. Without a personnummer the
 * provider's preselected demo citizen is used, as when a person just presses the button.
 */
export async function loginCitizen(
  app: FastifyInstance,
  personnummer?: string,
  /** A session cookie the browser already has (`stegvis_session=…`), sent back to the callback. */
  existing?: string,
): Promise<Login> {
  const start = await app.inject({ method: 'GET', url: '/api/v1/citizen/auth/login' });
  const flow = start.cookies.find((c) => c.name === 'stegvis_citizen_oidc');
  if (start.statusCode !== 302 || !flow) throw new Error(`citizen login: ${start.statusCode} ${start.body}`);
  const jar = new Map<string, string>();
  const idpFetch = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  let url = String(start.headers.location);
  let response = await idpFetch(url);
  while (response.status >= 300 && response.status < 400) {
    url = new URL(String(response.headers.get('location')), url).href;
    response = await idpFetch(url);
  }
  const page = await response.text();
  const action = /action="([^"]+)"/.exec(page)?.[1];
  const chosen = personnummer ?? /name="personnummer" id="p0" value="(\d+)"/.exec(page)?.[1];
  if (!action || !chosen) throw new Error(`citizen login: no login form at the IdP (${response.status})`);
  response = await idpFetch(new URL(action, url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ own: chosen }).toString(),
  });
  url = new URL(action, url).href;
  while (response.status >= 300 && response.status < 400) {
    const next = new URL(String(response.headers.get('location')), url);
    if (next.pathname === '/api/v1/citizen/auth/callback') {
      const callback = await app.inject({
        method: 'GET',
        url: next.pathname + next.search,
        cookies: {
          stegvis_citizen_oidc: flow.value,
          ...(existing ? { stegvis_session: existing.replace(/^stegvis_session=/, '') } : {}),
        },
      });
      const cookie = callback.cookies.find((c) => c.name === 'stegvis_session');
      if (!cookie)
        throw new Error(`citizen login: ${callback.statusCode} → ${String(callback.headers.location)}`);
      const session = await app.inject({
        method: 'GET',
        url: '/api/v1/citizen/auth/session',
        cookies: { stegvis_session: cookie.value },
      });
      const body = session.json() as { csrfToken: string; citizen: { personId: string } };
      return {
        cookie: `stegvis_session=${cookie.value}`,
        csrfToken: body.csrfToken,
        userId: body.citizen.personId,
      };
    }
    url = next.href;
    response = await idpFetch(url);
  }
  throw new Error(
    `citizen login: the IdP answered ${response.status} ${(await response.text()).slice(0, 200)}`,
  );
}
