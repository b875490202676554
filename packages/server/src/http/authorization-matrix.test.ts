// The authorization matrix, generated from the route table: every API route × every role
// (and no session at all). The expected allow/deny table is each route's own `config.access`,
// declared next to its schema. Any unexpected allow fails CI; a denied call must be a 403
// (or 401 without a session) before any work is done, and no call may end in a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../staff/roles.ts';
import { as, buildTestApp, type Login, loginAs, type TestApp } from '../testing.ts';
import { type AccessRole, ROLE_DENIED } from './access.ts';

let t: TestApp;
const sessions = new Map<AccessRole, Login>();
/** Every staff role, and the citizen of the e-service (logged in through the local IdP). */
const PRINCIPALS: readonly AccessRole[] = [...ROLES, 'citizen'];

beforeAll(async () => {
  t = await buildTestApp();
  for (const role of PRINCIPALS) sessions.set(role, await loginAs(t.app, role));
});
afterAll(() => t.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, UNKNOWN_ID);
}

describe('authorization matrix', () => {
  it('covers every API route', () => {
    const apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThan(10);
  });

  it('allows exactly the declared roles on every route, and never answers 5xx', async () => {
    const unexpected: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'))) {
      const access = route.access;
      if (!access) {
        unexpected.push(`${route.method} ${route.url}: no access declared`);
        continue;
      }
      const url = concrete(route.url);
      const anonymous = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      if ('public' in access) {
        if (anonymous.statusCode >= 500)
          unexpected.push(`${route.method} ${route.url} public: ${anonymous.statusCode}`);
        continue;
      }
      if (anonymous.statusCode !== 401)
        unexpected.push(`${route.method} ${route.url} anonymous: ${anonymous.statusCode}`);
      for (const role of PRINCIPALS) {
        // Logging out would end the shared session: that route gets a session of its own.
        const session = route.url.endsWith('/auth/logout')
          ? await loginAs(t.app, role)
          : (sessions.get(role) as Login);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: as(session),
          payload: route.method === 'GET' ? undefined : {},
        });
        const allowed = access.roles.includes(role);
        const status = response.statusCode;
        if (status >= 500)
          unexpected.push(
            `${route.method} ${route.url} as ${role}: ${status} ${response.body.slice(0, 200)}`,
          );
        const deniedByRole = status === 403 && response.json().detail === ROLE_DENIED;
        if (!allowed && !deniedByRole)
          unexpected.push(`${route.method} ${route.url} as ${role}: ${status}, expected 403 by role`);
        if (allowed && (status === 401 || deniedByRole))
          unexpected.push(`${route.method} ${route.url} as ${role}: denied (${status})`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
