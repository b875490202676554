import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { getPlanningSettings, isoDay, updatePlanningSettings } from './planning-settings.ts';
import {
  followUpInput,
  idParams,
  meeting,
  meetingInput,
  plan,
  planInput,
  planningSettingsSchema,
  planWaiver,
  planWaiverInput,
} from './plans.schemas.ts';
import {
  addPlanVersion,
  bookMeeting,
  createPlan,
  getPlan,
  listMeetings,
  listPlans,
  listPlanWaivers,
  planPdf,
  recordAttendance,
  recordFollowUp,
  recordPlanWaiver,
} from './plans.service.ts';

const PLANNERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

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

    app.get(
      '/persons/:id/plan-waivers',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Registreringar att ingen plan behövs, med skälen (nyaste först)',
          params: idParams,
          response: { 200: z.object({ items: z.array(planWaiver) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listPlanWaivers(ctx.db, request, currentUser(request), request.params.id),
      }),
    );

    app.post(
      '/persons/:id/plan-waivers',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Registrera att ingen plan behövs, med skälet',
          params: idParams,
          body: planWaiverInput,
          response: {
            201: z.object({ id: z.uuid(), reason: z.string(), recordedOn: z.string() }),
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordPlanWaiver(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body.reason,
              today(),
            ),
          ),
    );

    app.get(
      '/planning-settings',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Kommunens inställningar för planering: tidsfrist, uppföljningsintervall, åldersgrupp',
          response: { 200: planningSettingsSchema },
        },
      },
      async (request) => getPlanningSettings(ctx.db, currentUser(request)),
    );

    app.put(
      '/planning-settings',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['plans'],
          summary: 'Ändra kommunens inställningar för planering',
          body: planningSettingsSchema,
          response: { 200: planningSettingsSchema, 422: problemSchema },
        },
      },
      async (request) =>
        updatePlanningSettings(ctx.db, request, currentUser(request), request.body, ctx.clock()),
    );

    app.get(
      '/persons/:id/meetings',
      {
        config: { access: PLANNERS },
        schema: {
          tags: ['plans'],
          summary: 'Personens möten, nyast först (läsningen loggas)',
          params: idParams,
          response: { 200: z.object({ items: z.array(meeting) }), 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listMeetings(ctx.db, request, currentUser(request), request.params.id),
      }),
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
