// OIDC login end to end: a real identity provider (oidc-provider) and the real Stegvis server,
// each on its own loopback port, with the browser's redirects followed by hand and a cookie jar.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testConfig } from '../testing.ts';

/** The few parts of oidc-provider's API the test uses (the package ships no types). */
type InteractionDetails = {
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
};
type Grant = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type Provider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
};
type ProviderModule = { default: new (issuer: string, configuration: Record<string, unknown>) => Provider };

const CLIENT_ID = 'stegvis-test';
const CLIENT_SECRET = 'stegvis-test-client-secret';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** What the next person at the IdP does: log in as this subject, or cancel. */
let idpUser: { subject: string } | 'cancel' = { subject: 'erik' };

let idp: Server;
let issuer: string;
let t: TestApp;
let stegvis: string;

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A free loopback port: Stegvis's redirect URI must name its port before the app is built. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await close(probe);
  return port;
}

/** The IdP's login and consent pages, answered at once without a form (the interaction API). */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (idpUser === 'cancel') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'Användaren avbröt' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: idpUser.subject } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = details.session?.accountId ?? '';
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  const missingScope = details.prompt.details.missingOIDCScope;
  if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.join(' '));
  const missingClaims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function startIdentityProvider(redirectUri: string): Promise<void> {
  const { default: OidcProvider } = (await import('oidc-provider' as string)) as ProviderModule;
  let provider: Provider | undefined;
  idp = createServer((req, res) => {
    if (!provider) throw new Error('the provider is not ready');
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else provider.callback()(req, res);
  });
  issuer = `http://127.0.0.1:${await listen(idp)}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test' }] },
  });
}

beforeAll(async () => {
  const port = await freePort();
  stegvis = `http://127.0.0.1:${port}`;
  await startIdentityProvider(`${stegvis}${CALLBACK_PATH}`);
  t = await buildTestApp({
    config: testConfig({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: `${stegvis}${CALLBACK_PATH}`,
      OIDC_ALLOW_HTTP: 'true',
    }),
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  if (idp) await close(idp);
});

type StoredCookie = { name: string; value: string; path: string };

/** A browser's cookie jar, enough for two servers on one host (cookies ignore the port). */
class CookieJar {
  readonly cookies = new Map<string, StoredCookie>();

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      let path = url.pathname.slice(0, url.pathname.lastIndexOf('/')) || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = val;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  get(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }
}

type Step = { url: URL; response: Response };

/** GET with the jar's cookies, without following redirects. */
async function visit(jar: CookieJar, url: URL): Promise<Step> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
  jar.store(url, response);
  return { url, response };
}

/** Follows redirects like a browser until `stop` says the next address is the one of interest. */
async function browse(jar: CookieJar, start: string, stop: (next: URL) => boolean): Promise<URL> {
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (stop(url)) return url;
    const { response } = await visit(jar, url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`stopped at ${url.href} with ${response.status}: ${await response.text()}`);
    }
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

const isCallback = (url: URL) => url.origin === stegvis && url.pathname === CALLBACK_PATH;

/** Starts a login at Stegvis and walks through the IdP up to (not into) the callback. */
async function throughIdentityProvider(jar: CookieJar): Promise<URL> {
  const callback = await browse(jar, `${stegvis}/api/v1/auth/oidc/login`, isCallback);
  expect(callback.searchParams.get('code') ?? callback.searchParams.get('error')).toBeTruthy();
  return callback;
}

async function sessionOf(jar: CookieJar) {
  const url = new URL(`${stegvis}/api/v1/auth/session`);
  return (await visit(jar, url)).response;
}

describe('OIDC login against a real identity provider', () => {
  it('says OIDC is enabled', async () => {
    const response = await fetch(`${stegvis}/api/v1/auth/oidc`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ enabled: true });
  });

  it('sends the browser to the IdP with PKCE (S256), a state and the configured redirect URI', async () => {
    const jar = new CookieJar();
    const { response } = await visit(jar, new URL(`${stegvis}/api/v1/auth/oidc/login`));
    expect(response.status).toBe(302);
    const authorize = new URL(response.headers.get('location') ?? '');
    expect(authorize.origin).toBe(issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${stegvis}${CALLBACK_PATH}`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
    });
    const flow = response.headers.getSetCookie().find((c) => c.startsWith('stegvis_oidc='));
    expect(flow).toMatch(/HttpOnly/i);
    expect(flow).toMatch(/SameSite=Lax/i);
    expect(flow).toMatch(/Path=\/api\/v1\/auth\/oidc/);
  });

  it('logs erik in as a caseworker: the callback redirects to / with a session cookie', async () => {
    idpUser = { subject: 'erik' };
    const jar = new CookieJar();
    const callback = await throughIdentityProvider(jar);
    const { response } = await visit(jar, callback);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith('stegvis_session='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(jar.get('stegvis_session')).toBeTruthy();
    expect(jar.get('stegvis_oidc')).toBeUndefined();

    const session = await sessionOf(jar);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { username: 'erik', role: 'caseworker' },
      csrfToken: expect.any(String),
    });
  });

  it('the same authorization response cannot be used twice', async () => {
    idpUser = { subject: 'erik' };
    const jar = new CookieJar();
    const callback = await throughIdentityProvider(jar);
    const flowCookie = `stegvis_oidc=${jar.get('stegvis_oidc')}`;
    expect((await visit(jar, callback)).response.status).toBe(302);
    // Even with the original flow cookie, the IdP refuses a code it has already exchanged.
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: flowCookie } });
    expect(replay.status).toBe(401);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('stegvis_session='))).toBe(false);
  });

  it('refuses a tampered state with 401 and no session', async () => {
    idpUser = { subject: 'erik' };
    const jar = new CookieJar();
    const callback = await throughIdentityProvider(jar);
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const { response } = await visit(jar, callback);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('unauthenticated');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('stegvis_session='))).toBe(false);
    expect(jar.get('stegvis_session')).toBeUndefined();
    expect((await sessionOf(jar)).status).toBe(401);
  });

  it('refuses a callback without the flow cookie (another browser) with 401', async () => {
    idpUser = { subject: 'erik' };
    const callback = await throughIdentityProvider(new CookieJar());
    const response = await fetch(callback, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('stegvis_session='))).toBe(false);
  });

  it('answers 403 when the IdP account matches no staff user, and creates no session', async () => {
    idpUser = { subject: 'okand-person' };
    const jar = new CookieJar();
    const callback = await throughIdentityProvider(jar);
    const { response } = await visit(jar, callback);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('forbidden');
    expect(jar.get('stegvis_session')).toBeUndefined();
  });

  it('answers 403 for a staff user who has been deactivated in Stegvis', async () => {
    await t.db.db.updateTable('staffUsers').set({ active: false }).where('username', '=', 'lina').execute();
    idpUser = { subject: 'lina' };
    const jar = new CookieJar();
    const { response } = await visit(jar, await throughIdentityProvider(jar));
    expect(response.status).toBe(403);
    expect(jar.get('stegvis_session')).toBeUndefined();
  });

  it('answers 401 when the person cancels at the IdP', async () => {
    idpUser = 'cancel';
    const jar = new CookieJar();
    const callback = await throughIdentityProvider(jar);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const { response } = await visit(jar, callback);
    expect(response.status).toBe(401);
    expect(jar.get('stegvis_session')).toBeUndefined();
  });
});

describe('without OIDC configured', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await buildTestApp();
  });
  afterAll(() => plain.close());

  it('says OIDC is not enabled and has no login route', async () => {
    const status = await plain.app.inject({ url: '/api/v1/auth/oidc' });
    expect(status.json()).toEqual({ enabled: false });
    const start = await plain.app.inject({ url: '/api/v1/auth/oidc/login' });
    expect(start.statusCode).toBe(404);
    expect(start.headers['content-type']).toContain('application/problem+json');
    expect(start.json().code).toBe('not_found');
  });
});

describe('when the identity provider cannot be reached', () => {
  let unreachable: TestApp;
  beforeAll(async () => {
    // Port 9 on loopback (discard) has no listener here: discovery fails at once.
    unreachable = await buildTestApp({
      config: testConfig({
        OIDC_ISSUER: 'http://127.0.0.1:9/idp',
        OIDC_CLIENT_ID: 'stegvis',
        OIDC_CLIENT_SECRET: 'secret',
        OIDC_REDIRECT_URI: 'http://127.0.0.1:9/api/v1/auth/oidc/callback',
        OIDC_ALLOW_HTTP: 'true',
      }),
    });
  });
  afterAll(() => unreachable.close());

  it('answers 503 with a Swedish message instead of a 500', async () => {
    const start = await unreachable.app.inject({ url: '/api/v1/auth/oidc/login' });
    expect(start.statusCode).toBe(503);
    expect(start.json()).toMatchObject({ code: 'service_unavailable' });
  });
});
