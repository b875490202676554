import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { isoDay } from '../plans/planning-settings.ts';
import { addQuestion, changeQuestion, listQuestions } from './survey-questions.service.ts';
import {
  invitationInput,
  invitationSchema,
  pendingComments as pendingCommentsSchema,
  questionInput,
  questionList,
  questionPatch,
  questionSchema,
  resultsQuery,
  resultsSchema,
  reviewInput,
  surveyAnswer,
  surveyForm,
  tokenParams,
} from './surveys.schemas.ts';
import {
  answerSurvey,
  inviteByHand,
  pendingComments,
  reviewComment,
  surveyFormFor,
  surveyResults,
} from './surveys.service.ts';

/** The survey's questions are set for the municipality by a unit manager. */
const QUESTION_KEEPERS = { roles: ['unitManager' as const] };

export const surveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/surveys/:token',
      {
        config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['surveys'],
          summary: 'Enkätens frågor (anonym länk, ingen inloggning)',
          params: tokenParams,
          response: { 200: surveyForm, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => surveyFormFor(ctx.db, request.params.token),
    );

    app.post(
      '/surveys/:token',
      {
        config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['surveys'],
          summary: 'Svara på enkäten (en gång per länk; svaret kan inte kopplas till personen)',
          params: tokenParams,
          body: surveyAnswer,
          response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        await answerSurvey(ctx.db, request.params.token, request.body, isoDay(ctx.clock()), ctx.clock());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/survey-invitations',
      {
        config: { access: { roles: ['caseworker', 'coach', 'unitManager'] } },
        schema: {
          tags: ['surveys'],
          summary: 'En engångslänk till enkäten, för den egna enheten',
          body: invitationInput,
          response: { 201: invitationSchema, 403: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inviteByHand(
              ctx.db,
              currentUser(request),
              request.body.occasion,
              isoDay(ctx.clock()),
              ctx.clock(),
            ),
          ),
    );

    app.get(
      '/survey-results',
      {
        config: { access: { roles: ['unitManager', 'committee', 'auditor'] } },
        schema: {
          tags: ['surveys'],
          summary: 'Sammanställda svar (aldrig enskilda svar; små grupper visas inte)',
          querystring: resultsQuery,
          response: { 200: resultsSchema },
        },
      },
      async (request) => surveyResults(ctx.db, currentUser(request), request.query.occasion),
    );

    app.get(
      '/survey-comments',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['surveys'],
          summary: 'Fritextsvar som väntar på granskning (enhetschefen avidentifierar innan de visas)',
          response: { 200: pendingCommentsSchema },
        },
      },
      async (request) => ({ items: await pendingComments(ctx.db, currentUser(request)) }),
    );

    app.post(
      '/survey-comments/:id',
      {
        config: { access: { roles: ['unitManager'] } },
        schema: {
          tags: ['surveys'],
          summary: 'Publicera en avidentifierad version av kommentaren, eller avvisa den',
          params: z.strictObject({ id: z.uuid('Ogiltigt id') }),
          body: reviewInput,
          response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        await reviewComment(ctx.db, currentUser(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/survey-questions',
      {
        config: { access: QUESTION_KEEPERS },
        schema: {
          tags: ['surveys'],
          summary: 'Enkätens frågor, med antal svar per fråga',
          response: { 200: questionList },
        },
      },
      async (request) => ({ items: await listQuestions(ctx.db, currentUser(request)) }),
    );

    app.post(
      '/survey-questions',
      {
        config: { access: QUESTION_KEEPERS },
        schema: {
          tags: ['surveys'],
          summary: 'Lägg till en fråga (skala 1–10 eller fritext) sist i enkäten',
          body: questionInput,
          response: { 201: questionSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addQuestion(ctx.db, currentUser(request), request.body)),
    );

    app.patch(
      '/survey-questions/:id',
      {
        config: { access: QUESTION_KEEPERS },
        schema: {
          tags: ['surveys'],
          summary:
            'Ändra en fråga: ordning och om den ställs; texten och typen bara så länge ingen har svarat',
          params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Ogiltigt id') }),
          body: questionPatch,
          response: { 200: questionSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) => changeQuestion(ctx.db, currentUser(request), request.params.id, request.body),
    );
  };
