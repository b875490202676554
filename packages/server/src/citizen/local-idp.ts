// A local identity provider for development, the demo and tests (never in production): a real
// OpenID Provider (oidc-provider) on its own loopback port, whose login page lets the person
// pick a demo personnummer or type one. Stegvis talks to it exactly as to a BankID/Freja
// broker: authorization code + PKCE, and the personnummer comes back as an ID-token claim.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The few parts of oidc-provider's API used here (the package ships no types). */
type InteractionDetails = { prompt: { name: string }; params: Record<string, unknown> };
type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
type Provider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
};
type ProviderModule = { default: new (issuer: string, configuration: Record<string, unknown>) => Provider };
type GrantContext = {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    provider: {
      Grant: {
        new (init: { accountId: string; clientId: string }): Grant;
        find(id: string): Promise<Grant | undefined>;
      };
    };
  };
};

export type LocalIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

export type DemoCitizen = { personnummer: string; label: string };

const PERSONNUMMER = /^(19|20)\d{6}-?\d{4}$/;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, suggestions: readonly DemoCitizen[], error: string | null): string {
  const options = suggestions
    .map(
      (s, i) =>
        `<li><input type="radio" name="personnummer" id="p${i}" value="${escapeHtml(s.personnummer)}"${i === 0 ? ' checked' : ''}><label for="p${i}">${escapeHtml(s.label)} (${escapeHtml(`${s.personnummer.slice(0, 8)}-${s.personnummer.slice(8)}`)})</label></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testlegitimering – Stegvis (endast utveckling)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #767676;padding:1rem}ul{list-style:none;padding:0}li{margin:.5rem 0}
input[type=text]{font-size:1rem;padding:.5rem;border:1px solid #767676;width:100%;box-sizing:border-box}
button{font-size:1rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;margin-top:1rem}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}.error{color:#b00020;font-weight:600}</style></head>
<body><main><h1>Testlegitimering</h1>
<p>Det här är en låtsad e-legitimation för utveckling och demo. I riktig drift loggar du in med BankID eller Freja.</p>
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
${suggestions.length > 0 ? `<fieldset><legend>Välj en demoperson</legend><ul>${options}</ul></fieldset>` : ''}
<p><label for="own">Eller skriv ett personnummer (ÅÅÅÅMMDD-NNNN)</label><br>
<input type="text" id="own" name="own" autocomplete="off" inputmode="numeric"${error ? ' aria-describedby="error" aria-invalid="true"' : ''}></p>
<button type="submit">Legitimera</button>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

async function interact(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  suggestions: () => Promise<readonly DemoCitizen[]>,
): Promise<void> {
  const uid = (req.url ?? '').split('/')[2]?.split('?')[0] ?? '';
  const details = await provider.interactionDetails(req, res);
  const page = async (error: string | null) => {
    res.statusCode = error ? 422 : 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(loginPage(uid, await suggestions(), error));
  };
  if (details.prompt.name !== 'login') {
    await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method !== 'POST') return page(null);
  const form = await readForm(req);
  const typed = (form.get('own') ?? '').trim();
  const chosen = typed || (form.get('personnummer') ?? '');
  if (!PERSONNUMMER.test(chosen)) return page('Skriv personnumret som ÅÅÅÅMMDD-NNNN.');
  // Twelve digits, as Stegvis stores them.
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: chosen.replace('-', '') } },
    { mergeWithLastSubmission: false },
  );
}

/** Starts the provider for one Stegvis origin (its callback must be registered exactly). */
export async function startLocalIdp(options: {
  redirectUris: readonly string[];
  suggestions: () => Promise<readonly DemoCitizen[]>;
  log: (error: unknown) => void;
}): Promise<LocalIdp> {
  const { default: OidcProvider } = (await import('oidc-provider' as string)) as ProviderModule;
  const clientId = 'stegvis-e-tjanst';
  const clientSecret = randomBytes(24).toString('base64url');
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res, options.suggestions).catch((error: unknown) => {
        options.log(error);
        res.statusCode = 400;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Inloggningen har gått ut. Gå tillbaka till e-tjänsten och försök igen.');
      });
    } else provider.callback()(req, res);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // The subject is the personnummer, as with an e-legitimation broker.
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, personnummer: sub }),
    }),
    claims: { openid: ['sub', 'personnummer'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // First-party client: consent is implied, only the login prompt is shown.
    loadExistingGrant: async (ctx: GrantContext) => {
      const { client, session, provider: p } = ctx.oidc;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid');
      await grant.save();
      return grant;
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'local' }] },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
