import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import {
  agreementFollowUpInput,
  agreementInput,
  agreementList,
  agreementSchema,
  collaborationMeetingInput,
  collaborationMeetingList,
  collaborationMeetingSchema,
  contactInput,
  contactList,
  contactSchema,
} from './collaboration.schemas.ts';
import {
  addContact,
  createAgreement,
  followUpAgreement,
  listAgreements,
  listCollaborationMeetings,
  listContacts,
  recordCollaborationMeeting,
} from './collaboration.service.ts';

const STAFF: RouteAccess = { roles: ['caseworker', 'unitManager', 'coach'] };
/** Agreements are read by management and the nämnd too; unit managers keep them. */
const AGREEMENT_READERS: RouteAccess = {
  roles: ['caseworker', 'unitManager', 'coach', 'committee', 'auditor'],
};
const AGREEMENT_KEEPERS: RouteAccess = { roles: ['unitManager'] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const collaborationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => isoDay(ctx.clock());

    app.get(
      '/partner-agencies/:id/contacts',
      {
        config: { access: STAFF },
        schema: {
          tags: ['collaboration'],
          summary: 'Kontaktpersoner hos en samverkanspart, efter roll',
          params: idParams,
          response: { 200: contactList, 404: problemSchema },
        },
      },
      async (request) => ({ items: await listContacts(ctx.db, currentUser(request), request.params.id) }),
    );

    app.post(
      '/partner-agencies/:id/contacts',
      {
        config: { access: STAFF },
        schema: {
          tags: ['collaboration'],
          summary: 'Lägg till en kontaktperson',
          params: idParams,
          body: contactInput,
          response: { 201: contactSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addContact(ctx.db, currentUser(request), request.params.id, request.body)),
    );

    app.get(
      '/persons/:id/collaboration-meetings',
      {
        config: { access: STAFF },
        schema: {
          tags: ['collaboration'],
          summary: 'Samverkansmöten om personen (läsningen loggas)',
          params: idParams,
          response: { 200: collaborationMeetingList, 404: problemSchema },
        },
      },
      async (request) => ({
        items: await listCollaborationMeetings(ctx.db, request, currentUser(request), request.params.id),
      }),
    );

    app.post(
      '/persons/:id/collaboration-meetings',
      {
        config: { access: STAFF },
        schema: {
          tags: ['collaboration'],
          summary: 'Dokumentera ett samverkansmöte; varje myndighet kräver personens giltiga samtycke',
          params: idParams,
          body: collaborationMeetingInput,
          response: { 201: collaborationMeetingSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordCollaborationMeeting(
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
      '/agreements',
      {
        config: { access: AGREEMENT_READERS },
        schema: {
          tags: ['collaboration'],
          summary: 'Överenskommelser; notFollowedUp=true ger dem som inte följts upp de senaste 12 månaderna',
          querystring: z.strictObject({ notFollowedUp: z.enum(['true', 'false']).default('false') }),
          response: { 200: agreementList },
        },
      },
      async (request) => ({
        items: await listAgreements(
          ctx.db,
          currentUser(request),
          { notFollowedUp: request.query.notFollowedUp === 'true' },
          today(),
        ),
      }),
    );

    app.post(
      '/agreements',
      {
        config: { access: AGREEMENT_KEEPERS },
        schema: {
          tags: ['collaboration'],
          summary: 'Registrera en överenskommelse med alla kriterier',
          body: agreementInput,
          response: { 201: agreementSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAgreement(ctx.db, currentUser(request), request.body, today())),
    );

    app.post(
      '/agreements/:id/follow-ups',
      {
        config: { access: AGREEMENT_KEEPERS },
        schema: {
          tags: ['collaboration'],
          summary: 'Följ upp en överenskommelse och dess mål',
          params: idParams,
          body: agreementFollowUpInput,
          response: { 201: agreementSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await followUpAgreement(ctx.db, currentUser(request), request.params.id, request.body, today()),
          ),
    );
  };
