// Investigation routes: incomes, costs and norm adjustments (the calculation contract's types),
// checks with source and date, and document uploads (pdf, jpeg, png; at most 10 MB).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { errandIdParams } from '../errands/errands.schemas.ts';
import { withErrand } from '../errands/errands.service.ts';
import { HOUSEHOLD_STAFF } from '../households/households.routes.ts';
import { swedishDate } from '../households/households.service.ts';
import { currentUser } from '../http/access.ts';
import { AppError, problemSchema } from '../http/problem.ts';
import {
  attachmentSchema,
  itemInput,
  itemSchema,
  verificationInput,
  verificationSchema,
} from './investigation.schemas.ts';
import {
  ATTACHMENT_TYPES,
  addItem,
  addVerification,
  deleteItem,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
  sniffType,
  storeAttachment,
} from './investigation.service.ts';

const ATTACHMENT_LABEL: Record<(typeof ATTACHMENT_TYPES)[number], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export const investigationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered in this plugin only, so no other route accepts multipart bodies.
    await app.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 2 },
    });

    app.post(
      '/errands/:id/items',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['investigation'],
          summary: 'Lägg till en inkomst, kostnad eller normjustering för ärendets månad (belopp i öre)',
          params: errandIdParams,
          body: itemInput,
          response: { 201: itemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const viewer = currentUser(request);
        const item = await withErrand(
          ctx.db,
          viewer,
          request.params.id,
          (trx, errand) => addItem(trx, request, errand, request.body, viewer.id, viewer.municipality.id),
          { lock: true },
        );
        return reply.status(201).send(item);
      },
    );

    app.delete(
      '/errands/:id/items/:itemId',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['investigation'],
          summary: 'Ta bort en post (bara medan ärendet är under utredning)',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), itemId: z.uuid('Ogiltigt id') }),
          response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        await withErrand(
          ctx.db,
          currentUser(request),
          request.params.id,
          (trx, errand) => deleteItem(trx, request, errand, request.params.itemId),
          { lock: true },
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/errands/:id/verifications',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['investigation'],
          summary: 'Registrera en kontroll: vad, var (källa), när och med vilket utfall',
          params: errandIdParams,
          body: verificationInput,
          response: { 201: verificationSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const viewer = currentUser(request);
        if (request.body.checkedOn > swedishDate(ctx.clock())) {
          throw new AppError('invalid_input', undefined, [
            { pointer: '/checkedOn', detail: 'Kontrolldatumet kan inte ligga i framtiden' },
          ]);
        }
        const verification = await withErrand(ctx.db, viewer, request.params.id, (trx, errand) =>
          addVerification(trx, request, errand, request.body, viewer.id, viewer.municipality.id),
        );
        return reply.status(201).send(verification);
      },
    );

    app.post(
      '/errands/:id/attachments',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['investigation'],
          summary: 'Ladda upp en bilaga i fältet file (PDF, JPEG eller PNG, högst 10 MB)',
          consumes: ['multipart/form-data'],
          params: errandIdParams,
          response: {
            201: attachmentSchema,
            404: problemSchema,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const viewer = currentUser(request);
        const refuse = (
          code: 'invalid_input' | 'payload_too_large' | 'unsupported_media_type',
          detail: string,
        ) => new AppError(code, detail, [{ pointer: '/file', detail }]);
        if (!request.isMultipart()) {
          throw refuse('unsupported_media_type', 'Skicka filen som multipart/form-data i fältet file');
        }
        let file: Awaited<ReturnType<typeof request.file>>;
        let content: Buffer;
        try {
          file = await request.file();
          if (!file) throw refuse('invalid_input', 'Välj en fil att ladda upp');
          content = await file.toBuffer();
        } catch (error) {
          if (error instanceof AppError) throw error;
          if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
            throw refuse('payload_too_large', 'Filen är större än 10 MB');
          }
          throw refuse('invalid_input', 'Filen kunde inte läsas');
        }
        if (file.fieldname !== 'file') throw refuse('invalid_input', 'Skicka filen i fältet file');
        if (content.byteLength === 0) throw refuse('invalid_input', 'Filen är tom');
        // The content decides, not the name or the declared type.
        const type = sniffType(content);
        if (!type) throw refuse('unsupported_media_type', 'Filen måste vara PDF, JPEG eller PNG');
        const declared = (ATTACHMENT_TYPES as readonly string[]).includes(file.mimetype)
          ? file.mimetype
          : null;
        if (declared && declared !== type) {
          throw refuse(
            'unsupported_media_type',
            `Filen sägs vara ${ATTACHMENT_LABEL[declared as typeof type]} men innehållet är ${ATTACHMENT_LABEL[type]}`,
          );
        }
        const fileName = (file.filename.split(/[\\/]/).at(-1) ?? '').slice(0, 200) || 'bilaga';
        const meta = await withErrand(ctx.db, viewer, request.params.id, (trx, errand) =>
          storeAttachment(
            trx,
            request,
            errand,
            { fileName, contentType: type, content },
            viewer.id,
            viewer.municipality.id,
          ),
        );
        return reply.status(201).send(meta);
      },
    );

    app.get(
      '/errands/:id/attachments/:attachmentId',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['investigation'],
          summary: 'Hämta en bilaga (läsningen loggas)',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), attachmentId: z.uuid('Ogiltigt id') }),
        },
      },
      async (request, reply) => {
        const file = await withErrand(ctx.db, currentUser(request), request.params.id, (trx, errand) =>
          readAttachment(trx, request, errand, request.params.attachmentId),
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.content));
      },
    );
  };
