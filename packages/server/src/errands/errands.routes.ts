import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { HOUSEHOLD_STAFF, monthSchema } from '../households/households.routes.ts';
import { currentUser } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { VERIFICATION_KINDS, VERIFICATION_OUTCOMES } from '../investigation/investigation.table.ts';
import { createErrand, getErrand, listErrands, moveErrand, setMemberFacts } from './errands.service.ts';
import { ERRAND_STATES, ERRAND_TYPES } from './errands.table.ts';

const stateSchema = z.enum(ERRAND_STATES, 'Okänd status');
const typeSchema = z.enum(ERRAND_TYPES, 'Ange nyansökan, återansökan eller tilläggsansökan');
const ore = z.number().int();

const errandSummary = z.object({
  id: z.string(),
  householdId: z.string(),
  type: typeSchema,
  month: z.string(),
  state: stateSchema,
  receivedAt: z.string(),
  waitingDays: z.number().int(),
  applicant: z.object({ id: z.string(), name: z.string(), protectedIdentity: z.boolean() }).nullable(),
});

const factsSchema = z.object({
  jobStimulus: z.boolean(),
  weekdayLunchesProvided: z.boolean(),
  inSchool: z.boolean(),
  daysInHousehold: z.number().int().nullable(),
  earningsEarlierThisYear: ore.nullable(),
});

export const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(['income', 'cost', 'normAdjustment']),
  type: z.string(),
  subtype: z.string().nullable(),
  personId: z.string().nullable(),
  amount: ore,
  note: z.string().nullable(),
  attachmentId: z.string().nullable(),
  createdAt: z.string(),
});
export const verificationSchema = z.object({
  id: z.string(),
  kind: z.enum(VERIFICATION_KINDS),
  source: z.string(),
  checkedOn: z.string(),
  outcome: z.enum(VERIFICATION_OUTCOMES),
  note: z.string().nullable(),
  userId: z.string().nullable(),
  at: z.string(),
});
export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export const snapshotSchema = z.object({
  id: z.string(),
  errandId: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  parameterSet: z.string(),
  guidelineSetId: z.string().nullable(),
  assistance: ore,
  result: z.object({
    month: z.string(),
    parameters: z.string(),
    norm: ore,
    reasonableCosts: ore,
    otherLivingCosts: ore,
    need: ore,
    income: ore,
    disregardedIncome: ore,
    countedIncome: ore,
    assistance: ore,
    surplus: ore,
    warnings: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        parameter: z.string().optional(),
        guidelineSetId: z.string().optional(),
        section: z.string().optional(),
        costType: z.string().optional(),
        cap: ore.optional(),
        amount: ore.optional(),
      }),
    ),
    lines: z.array(
      z.object({
        code: z.string(),
        memberIds: z.array(z.string()).readonly(),
        amount: ore,
        basis: z.string(),
        reason: z.string().optional(),
        daysInHousehold: z.number().int().optional(),
        sharedHouseholdSize: z.number().int().optional(),
      }),
    ),
  }),
});
const itemKey = {
  kind: z.enum(['income', 'cost', 'normAdjustment']),
  type: z.string(),
  subtype: z.string().nullable(),
  personId: z.string().nullable(),
};

const errandDetail = errandSummary.omit({ applicant: true }).extend({
  requestedNote: z.string().nullable(),
  household: z.object({
    id: z.string(),
    sharedHouseholdSize: z.number().int().nullable(),
    members: z.array(
      z.object({
        personId: z.string(),
        role: z.enum(['applicant', 'partner', 'child']),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        person: z.object({
          id: z.string(),
          name: z.string(),
          personalIdentityNumber: z.string(),
          protectedIdentity: z.boolean(),
          birthDate: z.string(),
        }),
        facts: factsSchema,
      }),
    ),
  }),
  items: z.array(itemSchema),
  verifications: z.array(verificationSchema),
  checklist: z.array(
    z.object({
      kind: z.enum([
        'employmentServiceRegistration',
        'socialInsuranceBenefits',
        'bankStatements',
        'rentalContract',
      ]),
      label: z.string(),
      latest: verificationSchema.nullable(),
    }),
  ),
  attachments: z.array(attachmentSchema),
  transitions: z.array(
    z.object({
      fromState: stateSchema.nullable(),
      toState: stateSchema,
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  allowedTransitions: z.array(stateSchema),
  latestCalculation: snapshotSchema.nullable(),
  changes: z
    .object({
      previousErrandId: z.string(),
      previousMonth: z.string(),
      added: z.array(z.object({ ...itemKey, amount: ore })),
      removed: z.array(z.object({ ...itemKey, previousAmount: ore })),
      changed: z.array(z.object({ ...itemKey, amount: ore, previousAmount: ore })),
    })
    .nullable(),
});

export const errandIdParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const errandRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/errands',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Ärendekö: den egna enhetens ärenden, nyast först (mine=true: ärenden jag registrerat eller hanterat)',
          querystring: z.strictObject({
            state: stateSchema.optional(),
            mine: z.enum(['true', 'false']).default('false'),
          }),
          response: { 200: z.object({ items: z.array(errandSummary), total: z.number().int() }) },
        },
      },
      async (request) =>
        listErrands(
          ctx.db,
          request,
          currentUser(request),
          { state: request.query.state, mine: request.query.mine === 'true' },
          ctx.clock(),
        ),
    );

    app.get(
      '/errands/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Ett ärende med hushåll, utredning, kontroller, bilagor, händelser och senaste beräkning (loggas)',
          params: errandIdParams,
          response: { 200: errandDetail, 404: problemSchema },
        },
      },
      async (request) => getErrand(ctx.db, request, currentUser(request), request.params.id, ctx.clock()),
    );

    app.post(
      '/errands',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Registrera en ansökan (en ny- eller återansökan per hushåll och månad; återansökan fylls i från förra månaden)',
          body: z.strictObject({
            householdId: z.uuid('Välj hushåll'),
            type: typeSchema,
            month: monthSchema,
            requestedNote: z.string().trim().max(2000).optional(),
          }),
          response: { 201: errandDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const errand = await createErrand(ctx.db, request, currentUser(request), request.body, ctx.clock());
        return reply.status(201).send(errand);
      },
    );

    app.post(
      '/errands/:id/transitions',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary: 'Flytta ärendet till en ny status (bara tillåtna övergångar; varje flytt registreras)',
          params: errandIdParams,
          body: z.strictObject({
            to: stateSchema,
            note: z.string().trim().max(2000).optional(),
          }),
          response: { 200: errandDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        moveErrand(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body.to,
          request.body.note || null,
          ctx.clock(),
        ),
    );

    app.put(
      '/errands/:id/members/:personId/facts',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['errands'],
          summary:
            'Uppgifter om en hushållsmedlem under ärendets månad: jobbstimulans, lunch i förskola, skolgång, dagar i hushållet',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), personId: z.uuid('Ogiltigt id') }),
          body: z.strictObject({
            jobStimulus: z.boolean().default(false),
            weekdayLunchesProvided: z.boolean().default(false),
            inSchool: z.boolean().default(false),
            daysInHousehold: z
              .number()
              .int('Ange antal dagar som ett heltal')
              .min(1, 'Ange 1–30 dagar')
              .max(30, 'Ange 1–30 dagar')
              .nullable()
              .default(null),
            earningsEarlierThisYear: z
              .number()
              .int('Ange beloppet i hela ören')
              .min(0, 'Beloppet kan inte vara negativt')
              .nullable()
              .default(null),
          }),
          response: { 200: errandDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        setMemberFacts(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.params.personId,
          request.body,
          ctx.clock(),
        ),
    );
  };
