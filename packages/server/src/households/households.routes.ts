import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  addMember,
  createHousehold,
  endMembership,
  getHousehold,
  listHouseholds,
  swedishDate,
  updateHousehold,
} from './households.service.ts';

/** The caseworkers and the manager of the household's unit. */
export const HOUSEHOLD_STAFF: RouteAccess = { roles: ['caseworker', 'unitManager'] };

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM, till exempel 2026-03');
export const dateSchema = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const roleSchema = z.enum(
  ['applicant', 'partner', 'child'],
  'Ange roll: sökande, make/maka/sambo eller barn',
);
/** Hushållsgemenskap: everyone sharing the dwelling (SoF 2025:468 12 kap. 3 § andra stycket). */
const sharedHouseholdSizeSchema = z
  .number()
  .int('Ange antal personer som ett heltal')
  .min(2, 'Ett delat boende har minst två personer')
  .max(30)
  .nullable();

const memberSchema = z.object({
  personId: z.string(),
  role: roleSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    personalIdentityNumber: z.string(),
    protectedIdentity: z.boolean(),
    birthDate: z.string(),
  }),
});
const householdView = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  sharedHouseholdSize: z.number().int().nullable(),
  month: z.string(),
  members: z.array(memberSchema),
});
const householdDetail = householdView.extend({ history: z.array(memberSchema) });

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

export const householdRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const thisMonth = () => swedishDate(ctx.clock()).slice(0, 7);

    app.get(
      '/households',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Den egna enhetens hushåll med medlemmarna under månaden (läsningen loggas)',
          querystring: z.strictObject({
            month: monthSchema.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ items: z.array(householdView), total: z.number().int() }) },
        },
      },
      async (request) =>
        listHouseholds(ctx.db, request, currentUser(request), {
          ...request.query,
          month: request.query.month ?? thisMonth(),
        }),
    );

    app.get(
      '/households/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Ett hushåll: medlemmar under månaden och vem som bott där när (läsningen loggas)',
          params: idParams,
          querystring: z.strictObject({ month: monthSchema.optional() }),
          response: { 200: householdDetail, 404: problemSchema },
        },
      },
      async (request) =>
        getHousehold(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.query.month ?? thisMonth(),
        ),
    );

    app.post(
      '/households',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Registrera ett hushåll med en sökande',
          body: z.strictObject({
            applicantPersonId: z.uuid('Välj sökande'),
            validFrom: dateSchema.optional(),
            sharedHouseholdSize: sharedHouseholdSizeSchema.default(null),
          }),
          response: { 201: householdDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const household = await createHousehold(ctx.db, request, currentUser(request), {
          ...request.body,
          validFrom: request.body.validFrom ?? `${thisMonth()}-01`,
        });
        return reply.status(201).send(household);
      },
    );

    app.patch(
      '/households/:id',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Ändra delat boende (hushållsgemenskap, SoF 2025:468 12 kap. 3 § andra stycket)',
          params: idParams,
          body: z.strictObject({ sharedHouseholdSize: sharedHouseholdSizeSchema }),
          response: { 200: householdDetail, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        updateHousehold(ctx.db, request, currentUser(request), request.params.id, request.body, thisMonth()),
    );

    app.post(
      '/households/:id/members',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Lägg till en person i hushållet från ett datum',
          params: idParams,
          body: z.strictObject({
            personId: z.uuid('Välj person'),
            role: roleSchema,
            validFrom: dateSchema,
          }),
          response: { 201: householdDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const household = await addMember(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send(household);
      },
    );

    app.post(
      '/households/:id/members/:personId/end',
      {
        config: { access: HOUSEHOLD_STAFF },
        schema: {
          tags: ['households'],
          summary: 'Avsluta en persons medlemskap i hushållet (sista dagen i hushållet)',
          params: z.strictObject({ id: z.uuid('Ogiltigt id'), personId: z.uuid('Ogiltigt id') }),
          body: z.strictObject({ validTo: dateSchema }),
          response: { 200: householdDetail, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        endMembership(
          ctx.db,
          request,
          currentUser(request),
          request.params.id,
          request.params.personId,
          request.body.validTo,
        ),
    );
  };
