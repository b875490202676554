// Reads the environment once, validates it and freezes it. Fails fast, naming every bad
// or missing variable, so a misconfigured production server never starts half-working.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  COOKIE_SECURE: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_USERNAME_CLAIM: z.string().default('sub'),
  OIDC_ALLOW_HTTP: booleanFlag.default(false),
  CITIZEN_OIDC_ISSUER: z.string().url().optional(),
  CITIZEN_OIDC_CLIENT_ID: z.string().optional(),
  CITIZEN_OIDC_CLIENT_SECRET: z.string().optional(),
  CITIZEN_OIDC_REDIRECT_URI: z.string().url().optional(),
  CITIZEN_OIDC_PERSONNUMMER_CLAIM: z.string().default('personnummer'),
  LOCAL_IDP: booleanFlag.optional(),
  DEMO_SEED: booleanFlag.default(true),
  WEB_DIST: z.string().optional(),
});

export type Config = Readonly<{
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  session: { idleMinutes: number; secureCookie: boolean; secret: string | null };
  logLevel: string;
  loginRateLimitPerMinute: number;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string | undefined;
    redirectUri: string;
    usernameClaim: string;
    allowHttp: boolean;
  } | null;
  /**
   * Citizen login to the e-service: a BankID/Freja broker (`broker`), the project's own local
   * identity provider for development, demo and tests (`local`), or none.
   */
  citizenOidc:
    | {
        kind: 'broker';
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        personnummerClaim: string;
        allowHttp: boolean;
      }
    | { kind: 'local'; personnummerClaim: string }
    | null;
  demoSeed: boolean;
  webDist: string | null;
}>;

export class ConfigError extends Error {}

/** Parses `env` (normally process.env). Throws one ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oidcKeys = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_REDIRECT_URI];
  if (oidcKeys.some(Boolean) && !oidcKeys.every(Boolean)) {
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI must be set together');
  }
  const citizenKeys = [e.CITIZEN_OIDC_ISSUER, e.CITIZEN_OIDC_CLIENT_ID, e.CITIZEN_OIDC_REDIRECT_URI];
  if (citizenKeys.some(Boolean) && !citizenKeys.every(Boolean)) {
    problems.push(
      'CITIZEN_OIDC_ISSUER, CITIZEN_OIDC_CLIENT_ID and CITIZEN_OIDC_REDIRECT_URI must be set together',
    );
  }
  if (e.NODE_ENV === 'production' && e.LOCAL_IDP) {
    problems.push('LOCAL_IDP: the local identity provider is for development and tests only');
  }
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required in production (at least 32 characters)');
  }
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    problems.push('DATABASE_URL: required in production (PGlite is for demo and development)');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return Object.freeze({
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'pglite' as const, dataDir: e.PGLITE_DIR === 'memory' ? null : e.PGLITE_DIR },
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      secureCookie: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
      secret: e.SESSION_SECRET ?? null,
    },
    logLevel: e.LOG_LEVEL,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URI
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: e.OIDC_REDIRECT_URI,
            usernameClaim: e.OIDC_USERNAME_CLAIM,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : null,
    citizenOidc:
      e.CITIZEN_OIDC_ISSUER && e.CITIZEN_OIDC_CLIENT_ID && e.CITIZEN_OIDC_REDIRECT_URI
        ? {
            kind: 'broker' as const,
            issuer: e.CITIZEN_OIDC_ISSUER,
            clientId: e.CITIZEN_OIDC_CLIENT_ID,
            clientSecret: e.CITIZEN_OIDC_CLIENT_SECRET,
            redirectUri: e.CITIZEN_OIDC_REDIRECT_URI,
            personnummerClaim: e.CITIZEN_OIDC_PERSONNUMMER_CLAIM,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : (e.LOCAL_IDP ?? e.NODE_ENV !== 'production')
          ? { kind: 'local' as const, personnummerClaim: 'personnummer' }
          : null,
    demoSeed: e.DEMO_SEED,
    webDist: e.WEB_DIST ?? null,
  });
}
