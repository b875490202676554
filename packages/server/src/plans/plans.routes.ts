import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from './planning-settings.ts';
import {
  addPlanVersion,
  bookMeeting,
  createPlan,
  getPlan,
  listPlans,
  planPdf,
  recordAttendance,
  recordFollowUp,
} from './plans.service.ts';
import { RESPONSIBLE_PARTIES } from './plans.table.ts';

const PLANNERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const party = z.enum(RESPONSIBLE_PARTIES, 'Välj vem som ansvarar: en roll eller myndighet');

const planInput = z.strictObject({
  longTermGoal: z.string().trim().min(1, 'Skriv det långsiktiga målet').max(2000),
  subGoals: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(40),
        outcome: z.string().trim().min(1, 'Skriv delmålet som ett resultat').max(1000),
        targetDate: isoDate,
      }),
    )
    .min(1, 'Planen behöver minst ett delmål')
    .max(20),
  activities: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1, 'Beskriv insatsen').max(1000),
        responsible: z.strictObject({ party, name: z.string().trim().max(200).nullable().default(null) }),
        subGoalIds: z.array(z.string().max(40)).max(20).default([]),
        hoursPerWeek: z.number().int().min(0).max(40).nullable().default(null),
      }),
    )
    .max(30),
  clientWords: z.string().trim().max(4000).default(''),
  agreement: z
    .strictObject({
      agreedOn: isoDate.nullable(),
      method: z.enum(['digital', 'paper', 'oral']).nullable(),
    })
    .default({ agreedOn: null, method: null }),
});

const planVersion = z.object({
  longTermGoal: z.string(),
  subGoals: z.array(z.object({ id: z.string(), outcome: z.string(), targetDate: z.string() })),
  activities: z.array(
    z.object({
      description: z.string(),
      responsible: z.object({ party, name: z.string().nullable() }),
      subGoalIds: z.array(z.string()),
      hoursPerWeek: z.number().nullable(),
    }),
  ),
  clientWords: z.string(),
  agreement: z.object({ agreedOn: z.string().nullable(), method: z.string().nullable() }),
  version: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
const progressStatus = z.enum(['notStarted', 'ongoing', 'achieved', 'changed'], 'Välj hur det går');
const followUp = z.object({
  id: z.uuid(),
  planVersion: z.number(),
  heldOn: z.string(),
  progress: z.array(z.object({ subGoalId: z.string(), status: progressStatus, comment: z.string() })),
  nextFollowUpOn: z.string(),
});
const plan = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  current: planVersion,
  versions: z.array(planVersion),
  followUps: z.array(followUp),
  nextFollowUpOn: z.string(),
  followUpOverdue: z.boolean(),
});

const followUpInput = z.strictObject({
  heldOn: isoDate.optional(),
  progress: z
    .array(
      z.strictObject({
        subGoalId: z.string().max(40),
        status: progressStatus,
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .max(20),
  nextFollowUpOn: isoDate.optional(),
});

const meetingInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: 'Ange tid som 2026-12-01T10:00:00+01:00' }),
  place: z.string().trim().min(1).max(300).nullable().default(null),
  homeVisit: z.boolean().default(false),
  participants: z
    .array(
      z.strictObject({
        party,
        name: z.string().trim().max(200).nullable().default(null),
        email: z.email('Ogiltig e-postadress').nullable().default(null),
      }),
    )
    .max(20)
    .default([]),
  purpose: z.enum(['followUp', 'multiParty', 'other'], 'Välj syfte med mötet'),
});
const meeting = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  startsAt: z.string(),
  place: z.string().nullable(),
  homeVisit: z.boolean(),
  participants: z.array(z.object({ party, name: z.string().nullable() })),
  purpose: z.string(),
  attendance: z.string().nullable(),
  notificationsQueued: z.number(),
});

export const planRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => isoDay(ctx.clock());

    app.post(
      '/persons/:id/plans',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Upprätta en genomförandeplan',
          params: idParams,
          body: planInput,
          response: { 201: plan, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const created = await createPlan(
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

    app.get(
      '/persons/:id/plans',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Personens planer (läsningen loggas)',
          params: idParams,
          response: { 200: z.object({ items: z.array(plan) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listPlans(ctx.db, request, currentUser(request), request.params.id, today()),
      }),
    );

    app.get(
      '/plans/:id',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'En plan med versioner och uppföljningar',
          params: idParams,
          response: { 200: plan, 404: problemSchema },
        },
      },
      async (request) => getPlan(ctx.db, request, currentUser(request), request.params.id, today()),
    );

    app.post(
      '/plans/:id/versions',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Ändra planen (en ny version, tidigare versioner ändras aldrig)',
          params: idParams,
          body: planInput,
          response: { 201: plan, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addPlanVersion(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              today(),
            ),
          ),
    );

    app.get(
      '/plans/:id/pdf',
      {
        config: { access: PLANNERS },
        schema: { tags: ['plans'], summary: 'Planen som PDF för personen', params: idParams },
      },
      async (request, reply) => {
        const pdf = await planPdf(ctx.db, request, currentUser(request), request.params.id, today());
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="genomforandeplan.pdf"')
          .send(pdf);
      },
    );

    app.post(
      '/plans/:id/follow-ups',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Registrera en uppföljning och nästa datum',
          params: idParams,
          body: followUpInput,
          response: { 201: plan, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordFollowUp(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              today(),
            ),
          ),
    );

    app.post(
      '/persons/:id/meetings',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Boka ett möte (inbjudan och påminnelse läggs i utkorgen)',
          params: idParams,
          body: meetingInput,
          response: { 201: meeting, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await bookMeeting(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              ctx.clock(),
            ),
          ),
    );

    app.patch(
      '/meetings/:id',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Registrera närvaro eller uteblivet besök',
          params: idParams,
          body: z.strictObject({
            attendance: z.enum(
              ['attended', 'noShow', 'cancelled'],
              'Välj närvarande, uteblev eller inställt',
            ),
          }),
          response: { 200: meeting, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        recordAttendance(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.attendance,
          ctx.clock(),
        ),
    );
  };
