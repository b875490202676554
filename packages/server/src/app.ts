// createApp({ db, clock, config }) builds the whole HTTP application — API, OpenAPI
// document and the web app — without globals, so every test builds its own.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { accessLogRoutes } from './access-log/access-log.routes.ts';
import { aktivitetskravRoutes } from './aktivitetskrav/aktivitetskrav.routes.ts';
import type { AppContext } from './app-context.ts';
import { assessmentRoutes } from './assessments/assessments.routes.ts';
import { assignmentRoutes } from './assignments/assignments.routes.ts';
import { auditRoutes } from './audits/audits.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { oidcRoutes } from './auth/oidc.ts';
import { createSessionCache } from './auth/sessions.ts';
import { benefitRoutes } from './benefits/benefits.routes.ts';
import { calculationSnapshotRoutes } from './calculations/calculation-snapshots.routes.ts';
import { calculationRoutes } from './calculations/calculations.routes.ts';
import { citizenRoutes } from './citizen/citizen.routes.ts';
import { citizenAuthRoutes } from './citizen/citizen-auth.routes.ts';
import { closureRoutes } from './closures/closures.routes.ts';
import { collaborationRoutes } from './collaboration/collaboration.routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { decisionRoutes } from './decisions/decisions.routes.ts';
import { errandRoutes } from './errands/errands.routes.ts';
import { guidelineRoutes } from './guidelines/guidelines.routes.ts';
import { householdRoutes } from './households/households.routes.ts';
import { registerAccessControl } from './http/access.ts';
import { problem, registerProblemHandlers } from './http/problem.ts';
import { insatsRoutes } from './insatser/insatser.routes.ts';
import { investigationRoutes } from './investigation/investigation.routes.ts';
import { journalRoutes } from './journal/journal.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisation/organisation.routes.ts';
import { overviewRoutes } from './overview/overview.routes.ts';
import { paymentRoutes } from './payments/payments.routes.ts';
import { personRoutes } from './persons/persons.routes.ts';
import { planRoutes } from './plans/plans.routes.ts';
import { recoveryRoutes } from './recovery/recovery.routes.ts';
import { referralRoutes } from './referrals/referrals.routes.ts';
import { reportingRoutes } from './reporting/reporting.routes.ts';
import { retentionRoutes } from './retention/retention.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';
import { statisticsRoutes } from './statistics/statistics.routes.ts';
import { surveyRoutes } from './surveys/surveys.routes.ts';
import { workQueueRoutes } from './work-queues/work-queues.routes.ts';

z.config(z.locales.sv());

export type { Role } from './staff/staff.table.ts';

export type AppOptions = {
  db: Kysely<Database>;
  config: Config;
  clock?: () => Date;
  /** A pino logger configuration, or false for tests. */
  logger?: boolean | Record<string, unknown>;
};

const DEFAULT_WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = {
    db,
    clock,
    config,
    // Without a configured secret (demo, development) sessions do not survive a restart.
    sessionSettings: {
      secret: config.session.secret ?? crypto.randomUUID(),
      idleMinutes: config.session.idleMinutes,
      cache: createSessionCache(),
    },
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: config.session.secureCookie,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ ...problem('rate_limited'), statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stegvis API',
        version: '1',
        description:
          'Ekonomiskt bistånd: personer, hushåll, beräkning och uppföljning. Fel som application/problem+json.',
      },
    },
    transform: jsonSchemaTransform,
  });
  registerProblemHandlers(app);
  registerAccessControl(app, { db, clock, settings: ctx.sessionSettings });

  app.get('/api/health', { config: { access: { public: true } }, schema: { hide: true } }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes(ctx));
      await api.register(oidcRoutes(ctx));
      await api.register(personRoutes(ctx));
      await api.register(accessLogRoutes(ctx));
      await api.register(staffRoutes(ctx));
      await api.register(organisationRoutes(ctx));
      await api.register(overviewRoutes(ctx));
      await api.register(reportingRoutes(ctx));
      await api.register(statisticsRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(calculationRoutes(ctx));
      await api.register(householdRoutes(ctx));
      await api.register(errandRoutes(ctx));
      await api.register(investigationRoutes(ctx));
      await api.register(calculationSnapshotRoutes(ctx));
      await api.register(paymentRoutes(ctx));
      await api.register(recoveryRoutes(ctx));
      await api.register(benefitRoutes(ctx));
      await api.register(decisionRoutes(ctx));
      await api.register(guidelineRoutes(ctx));
      await api.register(journalRoutes(ctx));
      await api.register(assignmentRoutes(ctx));
      await api.register(retentionRoutes(ctx));
      await api.register(assessmentRoutes(ctx));
      await api.register(planRoutes(ctx));
      await api.register(workQueueRoutes(ctx));
      await api.register(aktivitetskravRoutes(ctx));
      await api.register(citizenAuthRoutes(ctx));
      await api.register(citizenRoutes(ctx));
      await api.register(insatsRoutes(ctx));
      await api.register(referralRoutes(ctx));
      await api.register(collaborationRoutes(ctx));
      await api.register(closureRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      await api.register(notificationRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );

  // The web app is served from the same origin; unknown non-API paths get index.html (SPA routing).
  const webDist = config.webDist ?? DEFAULT_WEB_DIST;
  const serveWeb = existsSync(join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem('not_found', `${request.method} ${request.url}`));
  });
  return app;
}
