import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { ROLES } from '../staff/roles.ts';
import { inboxQuery, readAllInput, staffNotificationList, unreadCount } from './notifications.schemas.ts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadNotifications,
} from './notifications.service.ts';

/** Every member of staff has an inbox; each reads only their own. */
const STAFF: RouteAccess = { roles: [...ROLES] };
const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: STAFF },
        schema: {
          tags: ['notifications'],
          summary: 'Min inkorg: meddelanden till mig, nyaste först (läsningen loggas)',
          querystring: inboxQuery,
          response: { 200: staffNotificationList },
        },
      },
      async (request) =>
        listNotifications(
          ctx.db,
          request,
          currentUser(request),
          { unreadOnly: request.query.unreadOnly === 'true' },
          ctx.clock(),
        ),
    );

    app.get(
      '/notifications/unread-count',
      {
        config: { access: STAFF },
        schema: {
          tags: ['notifications'],
          summary: 'Antal olästa meddelanden i min inkorg',
          response: { 200: unreadCount },
        },
      },
      async (request) => unreadNotifications(ctx.db, currentUser(request), ctx.clock()),
    );

    app.post(
      '/notifications/:id/read',
      {
        config: { access: STAFF },
        schema: {
          tags: ['notifications'],
          summary: 'Markera ett meddelande som läst',
          params: idParams,
          response: { 200: unreadCount, 404: problemSchema },
        },
      },
      async (request) => markNotificationRead(ctx.db, currentUser(request), request.params.id, ctx.clock()),
    );

    app.post(
      '/notifications/read-all',
      {
        config: { access: STAFF },
        schema: {
          tags: ['notifications'],
          summary: 'Markera alla mina meddelanden fram till en tidpunkt som lästa',
          body: readAllInput,
          response: { 200: unreadCount, 422: problemSchema },
        },
      },
      async (request) =>
        markAllNotificationsRead(ctx.db, currentUser(request), new Date(request.body.upTo), ctx.clock()),
    );
  };
