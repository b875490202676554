// Gallring routes: the dry-run plan (counts only), an approved run that must name the plan it
// approves, and the audit of past runs. SoL 2025:400 16 kap. 1 §, SoF 2025:468 13 kap. 1 §.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { AppError, problemSchema } from '../http/problem.ts';
import { retentionPlan, retentionRun, retentionRunInput, retentionRunList } from './retention.schemas.ts';
import { executeRetention, listRetentionRuns, planRetention, planSummary } from './retention.service.ts';

/** The plan shows counts only; the unit manager may review it alongside the system administrator. */
const PLAN_READERS: RouteAccess = { roles: ['sysadmin', 'unitManager'] };
/** Past runs: also the auditor, who checks that disposal happens as the law requires. */
const RUN_READERS: RouteAccess = { roles: ['sysadmin', 'unitManager', 'auditor'] };
const RUN_APPROVERS: RouteAccess = { roles: ['sysadmin'] };

export const retentionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => ctx.clock().toISOString().slice(0, 10);

    app.get(
      '/retention/plan',
      {
        config: { access: PLAN_READERS },
        schema: {
          tags: ['retention'],
          summary:
            'Gallringsplan (provkörning): antal personer och rader som gallras, och vad som sparas för forskning',
          response: { 200: retentionPlan },
        },
      },
      async (request) => {
        const plan = await planRetention(ctx.db, currentUser(request).municipality.id, today());
        return planSummary(plan);
      },
    );

    app.post(
      '/retention/runs',
      {
        config: { access: RUN_APPROVERS },
        schema: {
          tags: ['retention'],
          summary: 'Genomför gallringen enligt den granskade planen (SoL 2025:400 16 kap. 1 §)',
          body: retentionRunInput,
          response: { 201: retentionRun, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (request.body.planDate !== today()) {
          throw new AppError('conflict', 'Planen gäller ett annat datum. Granska dagens plan.', [
            { pointer: '/planDate', detail: `Planen måste vara från i dag (${today()})` },
          ]);
        }
        const run = await executeRetention(ctx.db, user.municipality.id, today(), user.username, {
          expectedChecksum: request.body.planChecksum,
        });
        return reply.status(201).send(run);
      },
    );

    app.get(
      '/retention/runs',
      {
        config: { access: RUN_READERS },
        schema: {
          tags: ['retention'],
          summary:
            'Genomförda gallringar: vem godkände, när, och antal rader per tabell (inga personuppgifter)',
          response: { 200: retentionRunList },
        },
      },
      async (request) => ({ items: await listRetentionRuns(ctx.db, currentUser(request).municipality.id) }),
    );
  };
