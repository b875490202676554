// Staff login and logout. Local passwords (argon2) for demo and development; OIDC for
// production (see oidc.ts). Sessions are server-side; the cookie is httpOnly and SameSite.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { AppError, problemSchema } from '../http/problem.ts';
import { ROLES } from '../staff/staff.table.ts';
import { loginBody, sessionResponse } from './auth.schemas.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, deleteSession, findSession, SESSION_COOKIE } from './sessions.ts';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: ctx.config.session.secureCookie,
    };

    app.post(
      '/auth/login',
      {
        config: {
          access: { public: true },
          rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Logga in med användarnamn och lösenord (demo och utveckling)',
          body: loginBody,
          response: { 200: sessionResponse, 401: problemSchema, 422: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const user = await ctx.db
          .selectFrom('staffUsers')
          .select(['id', 'municipalityId', 'passwordHash', 'active'])
          .where('username', '=', username.toLowerCase())
          .executeTakeFirst();
        const ok = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user?.active || !ok) throw new AppError('invalid_credentials');
        // A fresh session at every login: an old cookie (fixation) is dropped.
        const oldToken = request.cookies[SESSION_COOKIE];
        if (request.session && oldToken)
          await deleteSession(ctx.db, ctx.sessionSettings, request.session.sessionId);
        const now = ctx.clock();
        const { token } = await createSession(ctx.db, ctx.sessionSettings, user, now);
        const session = await findSession(ctx.db, ctx.sessionSettings, token, now);
        if (!session?.user) throw new AppError('internal');
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/auth/session',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Den inloggade användaren',
          response: { 200: sessionResponse, 401: problemSchema },
        },
      },
      async (request) => {
        // A citizen's session is not a staff session: the e-service has its own.
        if (!request.session?.user) throw new AppError('unauthenticated');
        return { user: request.session.user, csrfToken: request.session.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: { roles: ROLES } },
        schema: { tags: ['auth'], summary: 'Logga ut', response: { 204: z.null(), 401: problemSchema } },
      },
      async (request, reply) => {
        currentUser(request);
        if (request.session) await deleteSession(ctx.db, ctx.sessionSettings, request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );
  };
