// Citizen e-service routes (/citizen/...: the citizen role only, always about the signed-in
// person's own household) and the caseworker's side of komplettering on an errand.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { errandIdParams } from '../errands/errands.schemas.ts';
import { currentUser } from '../http/access.ts';
import { AppError, problemSchema } from '../http/problem.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, sniffType } from '../investigation/investigation.service.ts';
import {
  applicationFileParams,
  applicationIdParams,
  applicationSchema,
  citizenErrandDetail,
  citizenPlanSchema,
  completionParams,
  completionRequestBody,
  decisionIdParams,
  fileSchema,
  messageBody,
  messageSchema,
  overviewSchema,
  saveApplicationBody,
  staffCompletionRequestSchema,
  startApplicationBody,
} from './citizen.schemas.ts';
import {
  addApplicationFile,
  addCompletionFile,
  answerCompletion,
  citizenDecisionLetter,
  citizenErrand,
  citizenMessages,
  citizenPlan,
  citizenPlanPdf,
  confirmApplication,
  deleteApplicationFile,
  getApplication,
  overview,
  requestCompletion,
  saveApplication,
  sendCitizenMessage,
  sendStaffMessage,
  staffCompletionRequests,
  staffMessages,
  startApplication,
  submitApplication,
  type UploadedFile,
} from './citizen.service.ts';
import { loggingNotifier } from './notifier.ts';

const CITIZEN = { roles: ['citizen'] } as const;
const ERRAND_STAFF = { roles: ['caseworker', 'unitManager'] } as const;

const LABEL: Record<(typeof ATTACHMENT_TYPES)[number], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** One file in the field `file`: PDF, JPEG or PNG by its content, at most 10 MB (as for staff uploads). */
async function readUpload(app: FastifyInstance, request: FastifyRequest): Promise<UploadedFile> {
  const refuse = (code: 'invalid_input' | 'payload_too_large' | 'unsupported_media_type', detail: string) =>
    new AppError(code, detail, [{ pointer: '/file', detail }]);
  if (!request.isMultipart())
    throw refuse('unsupported_media_type', 'Skicka filen som multipart/form-data i fältet file');
  let file: Awaited<ReturnType<typeof request.file>>;
  let content: Buffer;
  try {
    file = await request.file();
    if (!file) throw refuse('invalid_input', 'Välj en fil att ladda upp');
    content = await file.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
      throw refuse(
        'payload_too_large',
        'Filen är större än 10 MB. Ta en ny bild med lägre upplösning eller dela upp PDF-filen.',
      );
    }
    throw refuse('invalid_input', 'Filen kunde inte läsas');
  }
  if (file.fieldname !== 'file') throw refuse('invalid_input', 'Skicka filen i fältet file');
  if (content.byteLength === 0) throw refuse('invalid_input', 'Filen är tom');
  const type = sniffType(content);
  if (!type) throw refuse('unsupported_media_type', 'Filen måste vara en bild (JPEG eller PNG) eller en PDF');
  const declared = (ATTACHMENT_TYPES as readonly string[]).includes(file.mimetype) ? file.mimetype : null;
  if (declared && declared !== type) {
    throw refuse(
      'unsupported_media_type',
      `Filen sägs vara ${LABEL[declared as typeof type]} men innehållet är ${LABEL[type]}`,
    );
  }
  const fileName = (file.filename.split(/[\\/]/).at(-1) ?? '').slice(0, 200) || 'bilaga';
  return { fileName, contentType: type, content };
}

const uploadResponses = {
  201: fileSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  415: problemSchema,
  422: problemSchema,
};

export const citizenRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 2 },
    });
    const notifier = loggingNotifier(app.log);

    app.get(
      '/citizen/overview',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'E-tjänsten: mitt hushåll, mina ansökningar och min handläggare',
          response: { 200: overviewSchema, 403: problemSchema },
        },
      },
      (request) => overview(ctx.db, request, ctx.clock()),
    );

    app.post(
      '/citizen/applications',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Börja (eller fortsätt) en ansökan för en månad',
          body: startApplicationBody,
          response: {
            200: applicationSchema,
            201: applicationSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { created, application } = await startApplication(
          ctx.db,
          request,
          request.body.month,
          ctx.clock(),
        );
        return reply.status(created ? 201 : 200).send(application);
      },
    );

    app.get(
      '/citizen/applications/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'En ansökan (utkast eller inskickad)',
          params: applicationIdParams,
          response: { 200: applicationSchema, 404: problemSchema },
        },
      },
      (request) => getApplication(ctx.db, request, request.params.id, ctx.clock()),
    );

    app.put(
      '/citizen/applications/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Spara utkastet (fortsätt senare)',
          params: applicationIdParams,
          body: saveApplicationBody,
          response: { 200: applicationSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      (request) => saveApplication(ctx.db, request, request.params.id, request.body.answers, ctx.clock()),
    );

    app.post(
      '/citizen/applications/:id/files',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Bifoga ett foto eller en PDF i fältet file (högst 10 MB)',
          consumes: ['multipart/form-data'],
          params: applicationIdParams,
          response: uploadResponses,
        },
      },
      async (request, reply) => {
        const file = await readUpload(app, request);
        return reply
          .status(201)
          .send(await addApplicationFile(ctx.db, request, request.params.id, file, ctx.clock()));
      },
    );

    app.delete(
      '/citizen/applications/:id/files/:fileId',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Ta bort en bifogad fil',
          params: applicationFileParams,
          response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        await deleteApplicationFile(ctx.db, request, request.params.id, request.params.fileId, ctx.clock());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/citizen/applications/:id/submit',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Skicka in ansökan (en gång; en andra gång ger 409)',
          params: applicationIdParams,
          response: { 200: applicationSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      (request) => submitApplication(ctx.db, request, request.params.id, ctx.clock()),
    );

    app.post(
      '/citizen/applications/:id/confirm',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Bekräfta en gemensam ansökan (den andra vuxna i hushållet)',
          params: applicationIdParams,
          response: { 200: applicationSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      (request) => confirmApplication(ctx.db, request, request.params.id, ctx.clock()),
    );

    app.get(
      '/citizen/messages',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Säkra meddelanden mellan hushållet och handläggarna',
          response: { 200: z.array(messageSchema) },
        },
      },
      (request) => citizenMessages(ctx.db, request, ctx.clock()),
    );

    app.post(
      '/citizen/messages',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Skriv till din handläggare',
          body: messageBody,
          response: { 201: messageSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await sendCitizenMessage(ctx.db, request, request.body.body, ctx.clock())),
    );

    app.get(
      '/citizen/plan',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Min genomförandeplan, vad som krävs av mig och mina möten',
          response: { 200: citizenPlanSchema },
        },
      },
      (request) => citizenPlan(ctx.db, request, ctx.clock()),
    );

    app.get(
      '/citizen/plan/pdf',
      {
        config: { access: CITIZEN },
        schema: { tags: ['citizen'], summary: 'Min genomförandeplan som PDF (404 när det inte finns någon)' },
      },
      async (request, reply) => {
        const pdf = await citizenPlanPdf(ctx.db, request, ctx.clock());
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="planering.pdf"')
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.get(
      '/citizen/errands/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Status, kompletteringar och beslut för en ansökan',
          params: errandIdParams,
          response: { 200: citizenErrandDetail, 404: problemSchema },
        },
      },
      (request) => citizenErrand(ctx.db, request, request.params.id, ctx.clock()),
    );

    app.post(
      '/citizen/errands/:id/completion-requests/:requestId/files',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Ladda upp en handling som handläggaren begärt (fältet file, högst 10 MB)',
          consumes: ['multipart/form-data'],
          params: completionParams,
          response: uploadResponses,
        },
      },
      async (request, reply) => {
        const file = await readUpload(app, request);
        const meta = await addCompletionFile(
          ctx.db,
          request,
          request.params.id,
          request.params.requestId,
          file,
          ctx.clock(),
        );
        return reply.status(201).send(meta);
      },
    );

    app.post(
      '/citizen/errands/:id/completion-requests/:requestId/answer',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Skicka in kompletteringen',
          params: completionParams,
          response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        await answerCompletion(ctx.db, request, request.params.id, request.params.requestId, ctx.clock());
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/citizen/decisions/:id/letter',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['citizen'],
          summary: 'Beslutsbrevet som PDF (med hur man överklagar)',
          params: decisionIdParams,
        },
      },
      async (request, reply) => {
        const pdf = await citizenDecisionLetter(ctx.db, request, request.params.id, ctx.clock());
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="beslut.pdf"')
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    // The caseworker's side.
    app.get(
      '/errands/:id/completion-requests',
      {
        config: { access: ERRAND_STAFF },
        schema: {
          tags: ['citizen'],
          summary: 'Begärda kompletteringar och vad som kommit in',
          params: errandIdParams,
          response: { 200: z.array(staffCompletionRequestSchema), 404: problemSchema },
        },
      },
      (request) => staffCompletionRequests(ctx.db, currentUser(request), request.params.id),
    );

    app.get(
      '/errands/:id/messages',
      {
        config: { access: ERRAND_STAFF },
        schema: {
          tags: ['citizen'],
          summary: 'Hushållets säkra meddelanden (läsningen loggas)',
          params: errandIdParams,
          response: { 200: z.array(messageSchema), 404: problemSchema },
        },
      },
      (request) => staffMessages(ctx.db, request, currentUser(request), request.params.id),
    );

    app.post(
      '/errands/:id/messages',
      {
        config: { access: ERRAND_STAFF },
        schema: {
          tags: ['citizen'],
          summary:
            'Skriv till hushållet (hushållet får ett sms eller e-post om att det finns ett meddelande)',
          params: errandIdParams,
          body: messageBody,
          response: { 201: messageSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const message = await sendStaffMessage(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.body,
          notifier,
          ctx.clock(),
        );
        return reply.status(201).send(message);
      },
    );

    app.post(
      '/errands/:id/completion-requests',
      {
        config: { access: ERRAND_STAFF },
        schema: {
          tags: ['citizen'],
          summary: 'Begär komplettering: vilka handlingar, och senast när (hushållet meddelas)',
          params: errandIdParams,
          body: completionRequestBody,
          response: {
            201: staffCompletionRequestSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const created = await requestCompletion(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
          notifier,
          ctx.clock(),
        );
        return reply.status(201).send(created);
      },
    );
  };
