import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { entryInput, entrySchema, journalPage, journalVerification } from './journal.schemas.ts';
import { listJournal, verifyMunicipalityJournal, writeJournalEntry } from './journal.service.ts';

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

/** The caseworkers and manager of the person's unit (coaches later, for participants they work with). */
const JOURNAL_USERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

export const journalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/persons/:id/journal',
      {
        config: { access: JOURNAL_USERS },
        schema: {
          tags: ['journal'],
          summary:
            'Personens journal, nyast först; rättade anteckningar visas med sin rättelse (läsningen loggas)',
          params: idParams,
          response: {
            200: journalPage,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => listJournal(ctx.db, request, currentUser(request), request.params.id),
    );

    app.post(
      '/persons/:id/journal',
      {
        config: { access: JOURNAL_USERS },
        schema: {
          tags: ['journal'],
          summary:
            'Skriv en journalanteckning (SoL 2025:400 14 kap. 3–7 §§). Anteckningar ändras aldrig; en rättelse är en ny anteckning',
          params: idParams,
          body: entryInput,
          response: { 201: entrySchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const entry = await writeJournalEntry(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          ctx.clock(),
        );
        return reply.status(201).send(entry);
      },
    );

    app.get(
      '/journal/verification',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['journal'],
          summary:
            'Kontrollera att kommunens journalkedja är obruten (ingen anteckning ändrad eller borttagen)',
          response: {
            200: journalVerification,
          },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        return verifyMunicipalityJournal(ctx.db, viewer.municipality.id);
      },
    );
  };
