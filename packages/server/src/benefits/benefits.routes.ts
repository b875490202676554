import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  createBenefitApplication,
  createReimbursementClaim,
  listBenefitApplications,
  recordBenefitDecision,
} from './benefits.service.ts';
import { AGENCIES, BENEFIT_STATUSES } from './benefits.table.ts';

/** Pending benefits and återsökning belong to the person's unit: its caseworkers and manager. */
const BENEFIT_HANDLERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månaden som ÅÅÅÅ-MM');
const date = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');

const claim = z.object({
  id: z.string(),
  benefitApplicationId: z.string(),
  months: z.array(z.string()),
  amount: z.number().int(),
  status: z.enum(['draft', 'sent', 'paid']),
  createdAt: z.string(),
});

const application = z.object({
  id: z.string(),
  personId: z.string(),
  agency: z.enum(AGENCIES),
  benefit: z.string(),
  appliedOn: z.string(),
  status: z.enum(BENEFIT_STATUSES),
  decidedOn: z.string().nullable(),
  retroactiveAmount: z.number().int().nullable(),
  retroactiveMonths: z.array(z.string()).nullable(),
  reimbursementClaim: claim.nullable(),
});

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const benefitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/persons/:id/benefit-applications',
      {
        config: { access: BENEFIT_HANDLERS },
        schema: {
          tags: ['benefits'],
          summary: 'Förmåner som personen har sökt och väntar på, med återsökning',
          params: idParams,
          response: { 200: z.object({ items: z.array(application) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listBenefitApplications(ctx.db, request, currentUser(request), request.params.id),
      }),
    );

    app.post(
      '/persons/:id/benefit-applications',
      {
        config: { access: BENEFIT_HANDLERS },
        schema: {
          tags: ['benefits'],
          summary: 'Registrera en sökt förmån (till exempel sjukpenning hos Försäkringskassan)',
          params: idParams,
          body: z.strictObject({
            agency: z.enum(AGENCIES, 'Välj myndighet'),
            benefit: z.string().trim().min(1, 'Ange vilken förmån som har sökts').max(200),
            appliedOn: date,
          }),
          response: { 201: application, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const created = await createBenefitApplication(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/benefit-applications/:id',
      {
        config: { access: BENEFIT_HANDLERS },
        schema: {
          tags: ['benefits'],
          summary:
            'Registrera myndighetens beslut: beviljad (med retroaktivt belopp och månader) eller avslagen',
          params: idParams,
          body: z.discriminatedUnion(
            'status',
            [
              z.strictObject({
                status: z.literal('granted'),
                decidedOn: date,
                retroactiveAmount: z
                  .number('Ange det retroaktiva beloppet i ören')
                  .int('Ange beloppet i hela ören')
                  .min(0, 'Beloppet kan inte vara negativt'),
                retroactiveMonths: z.array(month).min(1, 'Ange vilka månader ersättningen avser').max(36),
              }),
              z.strictObject({ status: z.literal('rejected'), decidedOn: date }),
            ],
            'Välj beviljad eller avslagen',
          ),
          response: { 200: application, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        recordBenefitDecision(ctx.db, request, currentUser(request), request.params.id, request.body),
    );

    app.post(
      '/benefit-applications/:id/reimbursement-claims',
      {
        config: { access: BENEFIT_HANDLERS },
        schema: {
          tags: ['benefits'],
          summary:
            'Återsök hos myndigheten: det lägsta av den retroaktiva ersättningen och biståndet som betalades ut för samma månader (SFB 107 kap. 5 §)',
          params: idParams,
          response: {
            201: claim.extend({
              retroactiveAmount: z.number().int(),
              assistancePaid: z.number().int(),
              perMonth: z.array(z.object({ month: z.string(), assistancePaid: z.number().int() })),
              legalBasis: z.string(),
            }),
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const created = await createReimbursementClaim(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
        );
        return reply.status(201).send(created);
      },
    );
  };
