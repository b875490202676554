// OIDC login for production (a municipality's IdP or an e-legitimation broker), using the
// authorization-code flow with PKCE. The IdP's claim (OIDC_USERNAME_CLAIM) must match a
// staff user's `oidc_subject`; roles and units still come from Stegvis, never from the IdP.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../http/problem.ts';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.ts';

const FLOW_COOKIE = 'stegvis_oidc';

export const oidcRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const settings = ctx.config.oidc;
    let discovered: Promise<client.Configuration> | null = null;
    const configuration = () => {
      if (!settings) throw new AppError('not_found', 'OIDC är inte konfigurerat');
      discovered ??= client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          undefined,
          settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          discovered = null;
          app.log.error({ err: error }, 'OIDC discovery failed');
          throw new AppError(
            'service_unavailable',
            'Inloggningstjänsten svarar inte just nu, försök igen om en stund',
          );
        });
      return discovered;
    };
    const cookieOptions = {
      path: '/api/v1/auth/oidc',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: ctx.config.session.secureCookie,
      maxAge: 600,
    };

    app.get(
      '/auth/oidc',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Är inloggning med OIDC påslagen?',
          response: { 200: z.object({ enabled: z.boolean() }) },
        },
      },
      async () => ({ enabled: settings !== null }),
    );

    app.get(
      '/auth/oidc/login',
      {
        config: { access: { public: true } },
        schema: { tags: ['auth'], summary: 'Starta inloggning hos identitetsleverantören' },
      },
      async (_request, reply) => {
        const config = await configuration();
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        reply.setCookie(FLOW_COOKIE, `${state}.${verifier}`, cookieOptions);
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: settings?.redirectUri ?? '',
          scope: 'openid profile',
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
        });
        return reply.redirect(url.href);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Återkomst från identitetsleverantören',
          querystring: z.record(z.string(), z.string()),
        },
      },
      async (request, reply) => {
        const config = await configuration();
        const [state, verifier] = (request.cookies[FLOW_COOKIE] ?? '').split('.');
        reply.clearCookie(FLOW_COOKIE, cookieOptions);
        if (!state || !verifier)
          throw new AppError('unauthenticated', 'Inloggningen har gått ut, försök igen');
        // openid-client sends this URL, without its query, as the token request's redirect_uri;
        // it must be the registered one even when a proxy forwards the callback under another path.
        const current = new URL(settings?.redirectUri ?? '');
        current.search = new URL(request.url, current).search;
        let claims: client.IDToken | undefined;
        try {
          const tokens = await client.authorizationCodeGrant(config, current, {
            pkceCodeVerifier: verifier,
            expectedState: state,
            // Without it a token response lacking an ID token passes, and the login ends as 403.
            idTokenExpected: true,
          });
          claims = tokens.claims();
        } catch (error) {
          request.log.warn({ err: error }, 'oidc callback rejected');
          throw new AppError('unauthenticated', 'Inloggningen kunde inte slutföras');
        }
        const subject = claims?.[settings?.usernameClaim ?? 'sub'];
        const user =
          typeof subject === 'string'
            ? await ctx.db
                .selectFrom('staffUsers')
                .select(['id', 'municipalityId', 'active'])
                .where('oidcSubject', '=', subject)
                .executeTakeFirst()
            : undefined;
        if (!user?.active) throw new AppError('forbidden', 'Kontot saknar behörighet i Stegvis');
        if (request.session) await deleteSession(ctx.db, ctx.sessionSettings, request.session.sessionId);
        const { token } = await createSession(ctx.db, ctx.sessionSettings, user, ctx.clock());
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.session.secureCookie,
        });
        return reply.redirect('/');
      },
    );
  };
