import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  changeRecoveryStatus,
  createRecoveryClaim,
  listRecoveryClaims,
  RECOVERY_BASES,
} from './recovery.service.ts';
import { RECOVERY_STATUSES } from './recovery.table.ts';

/** Återkrav are handled by the person's unit: its caseworkers and manager (eftergift: the manager). */
const RECOVERY_HANDLERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

const claim = z.object({
  id: z.string(),
  personId: z.string(),
  decisionId: z.string().nullable(),
  amount: z.number().int(),
  legalBasis: z.string(),
  reason: z.string(),
  status: z.enum(RECOVERY_STATUSES),
  costMonth: z.string().nullable(),
  courtActionDeadline: z.string().nullable(),
  deadlinePassed: z.boolean(),
  deadlineRule: z.string(),
  waivedAmount: z.number().int().nullable(),
  statusNote: z.string().nullable(),
  createdAt: z.string(),
  statusChangedAt: z.string().nullable(),
});

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
const amount = z
  .number('Ange beloppet i ören')
  .int('Ange beloppet i hela ören')
  .positive('Beloppet ska vara större än noll');

export const recoveryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => ctx.clock().toISOString().slice(0, 10);

    app.get(
      '/persons/:id/recovery-claims',
      {
        config: { access: RECOVERY_HANDLERS },
        schema: {
          tags: ['recovery'],
          summary: 'Personens återkrav med sista dag för att väcka talan (SoL 2025:400 33 kap. 5 §)',
          params: idParams,
          response: { 200: z.object({ items: z.array(claim) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listRecoveryClaims(ctx.db, request, currentUser(request), request.params.id, today()),
      }),
    );

    app.post(
      '/persons/:id/recovery-claims',
      {
        config: { access: RECOVERY_HANDLERS },
        schema: {
          tags: ['recovery'],
          summary:
            'Registrera ett återkrav enligt SoL 2025:400 33 kap. 1–3 §§ (äldre bistånd: SoL 2001:453 9 kap.)',
          params: idParams,
          body: z.strictObject({
            decisionId: z.uuid('Ogiltigt beslut').optional(),
            costMonth: z
              .string()
              .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månaden som ÅÅÅÅ-MM')
              .optional(),
            amount,
            reason: z.string().trim().min(1, 'Beskriv varför biståndet krävs tillbaka').max(4000),
            legalBasis: z.enum(RECOVERY_BASES, 'Välj grund: SoL 2025:400 33 kap. 1 §, 2 § eller 3 §'),
          }),
          response: { 201: claim, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const created = await createRecoveryClaim(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          today(),
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/recovery-claims/:id',
      {
        config: { access: RECOVERY_HANDLERS },
        schema: {
          tags: ['recovery'],
          summary:
            'Ändra återkravets status: avbetalas, återbetalt, eftergivet (33 kap. 6 §) eller talan väckt (33 kap. 4–5 §§)',
          params: idParams,
          body: z.strictObject({
            status: z.enum(RECOVERY_STATUSES, 'Välj en status'),
            note: z.string().trim().max(2000).optional(),
            waivedAmount: amount.optional(),
          }),
          response: {
            200: claim,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) =>
        changeRecoveryStatus(ctx.db, request, currentUser(request), request.params.id, request.body, today()),
    );
  };
