// Who may call which route. Every route declares its access in `config.access`, right next
// to its schema; a route without a declaration is refused (deny by default). The same
// declarations drive the authorization-matrix test.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  findSession,
  SESSION_COOKIE,
  type SessionContext,
  type SessionSettings,
  type SessionUser,
} from '../auth/sessions.ts';
import { CITIZEN_TOKEN_PREFIX, findCitizenSession } from '../citizen/citizen-sessions.ts';
import type { Database } from '../db/schema.ts';
import type { Role } from '../staff/staff.table.ts';

/** Staff roles, and `citizen`: a person signed in to the e-service (only /citizen routes). */
export type AccessRole = Role | 'citizen';

import { AppError } from './problem.ts';

export type RouteAccess = { public: true } | { roles: readonly AccessRole[] };

export type RouteEntry = { method: string; url: string; access: RouteAccess | undefined };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with its declared access: the source of the authorization matrix. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    session: SessionContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The detail of a refusal by role, distinct from refusals a feature makes on its own. */
export const ROLE_DENIED = 'Din roll har inte behörighet till det här';

/** The signed-in user of a route that declared roles (the hook has already checked). */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.session?.user) throw new AppError('unauthenticated');
  return request.session.user;
}

export function registerAccessControl(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: () => Date; settings: SessionSettings },
): void {
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Static files and the SPA fallback are not API routes: no session lookup for them.
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access;
    const token = request.cookies[SESSION_COOKIE];
    request.session = !token
      ? null
      : token.startsWith(CITIZEN_TOKEN_PREFIX)
        ? await findCitizenSession(deps.db, deps.settings, token, deps.clock())
        : await findSession(deps.db, deps.settings, token, deps.clock());
    if (!access) {
      // 404s land here too; let the not-found handler answer them.
      if (request.is404) return;
      throw new AppError('forbidden', 'Routen saknar behörighetsregel');
    }
    if ('public' in access) return;
    if (!request.session) throw new AppError('unauthenticated');
    if (!access.roles.includes(request.session.user?.role ?? 'citizen'))
      throw new AppError('forbidden', ROLE_DENIED);
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
}
