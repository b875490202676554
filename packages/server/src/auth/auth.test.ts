import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/seed.ts';
import { as, buildTestApp, login, type TestApp, testConfig } from '../testing.ts';

let now = new Date('2026-11-23T10:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
});
afterAll(() => t.close());

describe('login', () => {
  it('every demo user logs in and gets their role, municipality and unit', async () => {
    for (const demo of DEMO_USERS) {
      const session = await login(t.app, demo.username);
      const me = await t.app.inject({ url: '/api/v1/auth/session', headers: as(session) });
      expect(me.json().user).toMatchObject({
        username: demo.username,
        role: demo.role,
        municipality: { id: demo.municipalityId },
      });
    }
  });

  it('a wrong password gets 401 with a Swedish title and no cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'erik', password: 'fel' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'invalid_credentials',
      title: 'Fel användarnamn eller lösenord',
    });
    expect(response.cookies).toEqual([]);
  });

  it('the session cookie is httpOnly and SameSite', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'erik', password: 'demo-stegvis' },
    });
    const cookie = response.cookies.find((c) => c.name === 'stegvis_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('a new login replaces the old session (no session fixation)', async () => {
    const first = await login(t.app, 'erik');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: 'erik', password: 'demo-stegvis' },
    });
    const second = response.cookies.find((c) => c.name === 'stegvis_session')?.value;
    expect(`stegvis_session=${second}`).not.toBe(first.cookie);
    const old = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(401);
  });

  it('an idle session expires after the configured minutes', async () => {
    const session = await login(t.app, 'erik');
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: as(session) })).statusCode).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: as(session) })).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const session = await login(t.app, 'erik');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(session) });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/persons', headers: as(session) })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a write without the session’s CSRF token, and writes nothing', async () => {
    const session = await login(t.app, 'erik');
    const payload = {
      personalIdentityNumber: '19850709-9805',
      firstName: 'Csrf',
      lastName: 'Test',
      address: null,
    };
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { cookie: session.cookie },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { cookie: session.cookie, 'x-csrf-token': 'guess' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const list = await t.app.inject({ url: '/api/v1/persons?search=Csrf', headers: as(session) });
    expect(list.json().total).toBe(0);
  });
});

describe('rate limiting', () => {
  it('refuses further login attempts after the limit with 429', async () => {
    const limited = await buildTestApp({ config: testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }) });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'erik', password: 'fel' },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await attempt();
      expect(last.headers['content-type']).toContain('application/problem+json');
      expect(last.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('security headers', () => {
  it('sends a content-security policy and no-sniff on every response', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
