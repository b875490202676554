import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  attendanceInput,
  END_REASONS,
  participationEnd,
  participationSchema,
  paymentRequestInput,
} from '../insatser/insatser.schemas.ts';
import {
  activateParticipation,
  endParticipation,
  getParticipation,
  recordAttendance,
  requestPayment,
} from '../insatser/participations.service.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { createAgency, listAgencies } from './agencies.service.ts';
import { listConsents, recordConsent, withdrawConsent } from './consents.service.ts';
import {
  acceptInput,
  actionPlanInput,
  agencyInput,
  agencyList,
  agencySchema,
  closeReferralInput,
  consentInput,
  consentList,
  consentSchema,
  firstMeetingInput,
  placementInput,
  REFERRAL_STATUSES,
  referralDetail,
  referralInput,
  referralList,
  returnInput,
  workCapacityInput,
  workCapacityResult,
} from './referrals.schemas.ts';
import {
  acceptReferral,
  closeReferral,
  getReferral,
  listReferrals,
  placeInInsats,
  recordActionPlan,
  recordFirstMeeting,
  returnReferral,
  returnWorkCapacity,
  sendReferral,
} from './referrals.service.ts';

/** Both sides of a referral: the social-assistance unit and the labour-market unit. */
const BOTH_SIDES: RouteAccess = { roles: ['caseworker', 'unitManager', 'coach'] };
const SENDERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };
/** Participation and attendance are kept by the unit that has the insats. */
const COACHES: RouteAccess = { roles: ['coach', 'unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });
const responses = {
  200: referralDetail,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const participationResponses = {
  200: participationSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

export const referralRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => isoDay(ctx.clock());

    app.get(
      '/referrals',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary:
            'Remisskön, längst väntan först: coachen ser remisser till sin enhet, handläggaren sina personers',
          querystring: z.strictObject({
            status: z.enum(REFERRAL_STATUSES, 'Okänd status').optional(),
            personId: z.uuid('Ogiltigt id').optional(),
          }),
          response: { 200: referralList, 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listReferrals(ctx.db, request, currentUser(request), request.query, today()),
      }),
    );

    app.get(
      '/referrals/:id',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'En remiss med klockor, insatser och närvaro (läsningen loggas)',
          params: idParams,
          response: { 200: referralDetail, 404: problemSchema },
        },
      },
      async (request) => getReferral(ctx.db, request, currentUser(request), request.params.id, today()),
    );

    app.post(
      '/persons/:id/referrals',
      {
        config: { access: SENDERS },
        schema: {
          tags: ['referrals'],
          summary:
            'Skicka en remiss (till en enhet eller myndighet) eller registrera en inkommande; över en nämnds- eller myndighetsgräns krävs giltigt samtycke',
          params: idParams,
          body: referralInput,
          response: { 201: referralDetail, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await sendReferral(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              ctx.clock(),
            ),
          ),
    );

    app.post(
      '/referrals/:id/accept',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Ta emot remissen med en namngiven coach (personen får besked)',
          params: idParams,
          body: acceptInput,
          response: responses,
        },
      },
      async (request) =>
        acceptReferral(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/return',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Skicka tillbaka remissen med skäl',
          params: idParams,
          body: returnInput,
          response: responses,
        },
      },
      async (request) =>
        returnReferral(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.reason,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/close',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary:
            'Avsluta en öppen remiss med skäl och datum (skickande eller mottagande enhet); en pågående insats avslutas först',
          params: idParams,
          body: closeReferralInput,
          response: responses,
        },
      },
      async (request) =>
        closeReferral(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/first-meeting',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Registrera det första mötet (klockan från skickad remiss)',
          params: idParams,
          body: firstMeetingInput,
          response: responses,
        },
      },
      async (request) =>
        recordFirstMeeting(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.heldOn,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/placements',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: 'Placera personen i en insats (eller i kön när den är full)',
          params: idParams,
          body: placementInput,
          response: responses,
        },
      },
      async (request) =>
        placeInInsats(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/action-plan',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Enhetens handlingsplan (senast 14 dagar efter att remissen togs emot)',
          params: idParams,
          body: actionPlanInput,
          response: responses,
        },
      },
      async (request) =>
        recordActionPlan(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/referrals/:id/work-capacity',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Arbetsförmågebedömning tillbaka till personens kartläggning',
          params: idParams,
          body: workCapacityInput,
          response: { ...responses, 200: workCapacityResult },
        },
      },
      async (request) =>
        returnWorkCapacity(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.get(
      '/persons/:id/consents',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Personens samtycken med omfattning och giltighet',
          params: idParams,
          response: { 200: consentList, 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listConsents(ctx.db, request, currentUser(request), request.params.id, today()),
      }),
    );

    app.post(
      '/persons/:id/consents',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Registrera samtycke till en samverkanspart eller en annan nämnd',
          params: idParams,
          body: consentInput,
          response: { 201: consentSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordConsent(
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
      '/consents/:id/withdraw',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Personen återkallar samtycket (gäller från i dag)',
          params: idParams,
          body: z.strictObject({}).optional(),
          response: { 200: consentSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => withdrawConsent(ctx.db, request, currentUser(request), request.params.id, today()),
    );

    app.get(
      '/partner-agencies',
      {
        config: { access: BOTH_SIDES },
        schema: { tags: ['referrals'], summary: 'Samverkansparter', response: { 200: agencyList } },
      },
      async (request) => ({ items: await listAgencies(ctx.db, currentUser(request)) }),
    );

    app.post(
      '/partner-agencies',
      {
        config: { access: BOTH_SIDES },
        schema: {
          tags: ['referrals'],
          summary: 'Registrera en samverkanspart',
          body: agencyInput,
          response: { 201: agencySchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAgency(ctx.db, currentUser(request), request.body)),
    );

    app.get(
      '/participations/:id',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: 'Ett deltagande i en insats med närvaro',
          params: idParams,
          response: participationResponses,
        },
      },
      async (request) => getParticipation(ctx.db, request, currentUser(request), request.params.id),
    );

    app.put(
      '/participations/:id/attendance/:week',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: 'Närvaro en vecka: planerade och närvarande timmar, frånvaro med orsak',
          params: z.strictObject({
            id: z.uuid('Ogiltigt id'),
            week: z.string().regex(/^\d{4}-W\d{2}$/, 'Ange veckan som 2026-W48'),
          }),
          body: attendanceInput,
          response: participationResponses,
        },
      },
      async (request) =>
        recordAttendance(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.params.week,
          request.body,
          ctx.clock(),
          today(),
        ),
    );

    app.post(
      '/participations/:id/activate',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: 'Från kön till en ledig plats',
          params: idParams,
          body: z.strictObject({ startsOn: z.iso.date('Ange datum som ÅÅÅÅ-MM-DD') }),
          response: participationResponses,
        },
      },
      async (request) =>
        activateParticipation(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.startsOn,
          ctx.clock(),
        ),
    );

    app.post(
      '/participations/:id/end',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: `Avsluta deltagandet i insatsen (${END_REASONS.length} skäl); ärendet avslutas separat`,
          params: idParams,
          body: participationEnd,
          response: participationResponses,
        },
      },
      async (request) =>
        endParticipation(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          today(),
          ctx.clock(),
        ),
    );

    app.post(
      '/participations/:id/payment-requests',
      {
        config: { access: COACHES },
        schema: {
          tags: ['referrals'],
          summary: 'Begäran om beslut till handläggaren (coachen kan inte besluta om pengar)',
          params: idParams,
          body: paymentRequestInput,
          response: { ...participationResponses, 201: participationSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await requestPayment(
              ctx.db,
              request,
              currentUser(request),
              request.params.id,
              request.body,
              ctx.clock(),
              today(),
            ),
          ),
    );
  };
