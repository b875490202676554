// Citizen login to the e-service through OpenID Connect (authorization code + PKCE): in
// production a BankID/Freja broker, in development, the demo and tests the project's own
// local identity provider (local-idp.ts). The personnummer claim is matched against the
// municipalities' person registers; the session's principal is that person, whose only
// routes are /citizen/... about their own household.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { deleteSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import { AppError, problemSchema } from '../http/problem.ts';
import { citizenSessionResponse } from './citizen.schemas.ts';
import { citizenHouseholdOf, demoCitizens } from './citizen.service.ts';
import { createCitizenSession, deleteCitizenSession } from './citizen-sessions.ts';
import { type LocalIdp, startLocalIdp } from './local-idp.ts';

const FLOW_COOKIE = 'stegvis_citizen_oidc';
const CALLBACK_PATH = '/api/v1/citizen/auth/callback';
/** Where the browser lands after login, or with `?fel=` when it failed. */
const CITIZEN_HOME = '/e-tjanst';

/** The origin the browser used (normalised: the default port is dropped, as URL does). */
function originOf(request: { protocol: string; host: string }): string {
  return new URL(`${request.protocol}://${request.host}`).origin;
}

type Provider = { configuration: client.Configuration; redirectUri: string };

export const citizenAuthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const settings = ctx.config.citizenOidc;
    const locals = new Map<string, Promise<LocalIdp>>();
    const configurations = new Map<string, Promise<Provider>>();
    app.addHook('onClose', async () => {
      for (const idp of locals.values()) await (await idp.catch(() => null))?.close();
    });

    /** The provider for this request; the local one is started on first use, for this origin. */
    const providerFor = (origin: string): Promise<Provider> => {
      if (!settings) throw new AppError('not_found', 'Inloggning till e-tjänsten är inte påslagen');
      const key = settings.kind === 'broker' ? 'broker' : origin;
      let found = configurations.get(key);
      if (!found) {
        found = (async () => {
          if (settings.kind === 'broker') {
            const configuration = await client.discovery(
              new URL(settings.issuer),
              settings.clientId,
              settings.clientSecret,
              undefined,
              settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
            );
            return { configuration, redirectUri: settings.redirectUri };
          }
          const redirectUri = `${origin}${CALLBACK_PATH}`;
          let idp = locals.get(origin);
          if (!idp) {
            idp = startLocalIdp({
              redirectUris: [redirectUri],
              suggestions: () => demoCitizens(ctx.db),
              log: (error) => app.log.warn({ err: error }, 'local identity provider'),
            });
            locals.set(origin, idp);
          }
          const local = await idp;
          const configuration = await client.discovery(
            new URL(local.issuer),
            local.clientId,
            local.clientSecret,
            undefined,
            { execute: [client.allowInsecureRequests] },
          );
          return { configuration, redirectUri };
        })();
        found.catch((error: unknown) => {
          configurations.delete(key);
          app.log.error({ err: error }, 'citizen OIDC discovery failed');
        });
        configurations.set(key, found);
      }
      return found.catch(() => {
        throw new AppError(
          'service_unavailable',
          'Inloggningstjänsten svarar inte just nu, försök igen om en stund',
        );
      });
    };

    const flowCookie = {
      path: '/api/v1/citizen/auth',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: ctx.config.session.secureCookie,
      maxAge: 600,
    };

    app.get(
      '/citizen/auth/login',
      {
        config: { access: { public: true } },
        schema: { tags: ['citizen'], summary: 'E-tjänsten: logga in med e-legitimation' },
      },
      async (request, reply) => {
        const { configuration, redirectUri } = await providerFor(originOf(request));
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        reply.setCookie(FLOW_COOKIE, `${state}.${verifier}`, flowCookie);
        const url = client.buildAuthorizationUrl(configuration, {
          redirect_uri: redirectUri,
          scope: 'openid',
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
        });
        return reply.redirect(url.href);
      },
    );

    app.get(
      '/citizen/auth/callback',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['citizen'],
          summary: 'E-tjänsten: återkomst från e-legitimationen',
          querystring: z.record(z.string(), z.string()),
        },
      },
      async (request, reply) => {
        const failed = (reason: 'avbruten' | 'okand') => reply.redirect(`${CITIZEN_HOME}?fel=${reason}`);
        const [state, verifier] = (request.cookies[FLOW_COOKIE] ?? '').split('.');
        reply.clearCookie(FLOW_COOKIE, flowCookie);
        if (!state || !verifier) return failed('avbruten');
        const { configuration, redirectUri } = await providerFor(originOf(request));
        const current = new URL(redirectUri);
        current.search = new URL(request.url, current).search;
        let claims: client.IDToken | undefined;
        try {
          const tokens = await client.authorizationCodeGrant(configuration, current, {
            pkceCodeVerifier: verifier,
            expectedState: state,
            idTokenExpected: true,
          });
          claims = tokens.claims();
        } catch (error) {
          request.log.warn({ err: error }, 'citizen oidc callback rejected');
          return failed('avbruten');
        }
        const claimName = settings?.personnummerClaim ?? 'personnummer';
        const personnummer = String(claims?.[claimName] ?? '').replace('-', '');
        const person = /^\d{12}$/.test(personnummer) ? await findCitizen(ctx, personnummer) : null;
        if (!person) return failed('okand');
        // A fresh session at every login; whoever was signed in on this browser is signed out.
        if (request.session?.citizen) await deleteCitizenSession(ctx.db, request.session.sessionId);
        else if (request.session) await deleteSession(ctx.db, ctx.sessionSettings, request.session.sessionId);
        const { token } = await createCitizenSession(ctx.db, ctx.sessionSettings, person, ctx.clock());
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.session.secureCookie,
        });
        return reply.redirect(CITIZEN_HOME);
      },
    );

    app.get(
      '/citizen/auth/session',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['citizen'],
          summary: 'E-tjänsten: vem är inloggad',
          response: { 200: citizenSessionResponse, 401: problemSchema },
        },
      },
      async (request) => {
        const citizen = request.session?.citizen;
        if (!citizen || !request.session) throw new AppError('unauthenticated');
        const person = await inTenant(ctx.db, citizen.municipality.id, (trx) =>
          trx
            .selectFrom('persons')
            .select(['firstName', 'lastName'])
            .where('id', '=', citizen.personId)
            .executeTakeFirst(),
        );
        if (!person) throw new AppError('unauthenticated');
        return {
          citizen: {
            personId: citizen.personId,
            name: `${person.firstName} ${person.lastName}`,
            municipality: citizen.municipality,
          },
          csrfToken: request.session.csrfToken,
        };
      },
    );

    app.post(
      '/citizen/auth/logout',
      {
        config: { access: { roles: ['citizen'] } },
        schema: { tags: ['citizen'], summary: 'E-tjänsten: logga ut', response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.session) await deleteCitizenSession(ctx.db, request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
        return reply.status(204).send(null);
      },
    );
  };

/**
 * The person with this personnummer who is an adult member (sökande or make/sambo) of a
 * household today, in whichever municipality; each municipality is searched under its own
 * row-level security.
 */
async function findCitizen(
  ctx: AppContext,
  personnummer: string,
): Promise<{ id: string; municipalityId: string } | null> {
  const municipalities = await ctx.db.selectFrom('municipalities').select('id').orderBy('id').execute();
  for (const { id: municipalityId } of municipalities) {
    const found = await inTenant(ctx.db, municipalityId, async (trx) => {
      const person = await trx
        .selectFrom('persons')
        .select('id')
        .where('personalIdentityNumber', '=', personnummer)
        .executeTakeFirst();
      if (!person) return null;
      const household = await citizenHouseholdOf(trx, person.id, ctx.clock());
      return household ? { id: person.id, municipalityId } : null;
    });
    if (found) return found;
  }
  return null;
}
