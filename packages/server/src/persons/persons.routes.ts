import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './persons.service.ts';

const unitRef = z.object({ id: z.string(), name: z.string() });
const addressSchema = z.strictObject({
  street: z.string().trim().min(1, 'Ange gatuadress').max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, 'Ange postnummer med fem siffror, till exempel 123 45'),
  city: z.string().trim().min(1, 'Ange ort').max(100),
});

const personSummary = z.object({
  id: z.string(),
  personalIdentityNumber: z.string(),
  name: z.string(),
  protectedIdentity: z.boolean(),
  unit: unitRef,
});

const personDetail = personSummary.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  birthDate: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  masked: z.boolean(),
  protection: z.object({
    confidentialityMarking: z.boolean(),
    protectedRegistration: z.boolean(),
    fictitiousIdentity: z.boolean(),
  }),
});

const personInput = z.strictObject({
  personalIdentityNumber: z.string().trim().min(1, 'Ange personnummer').max(20),
  firstName: z.string().trim().min(1, 'Ange förnamn').max(100),
  lastName: z.string().trim().min(1, 'Ange efternamn').max(100),
  address: addressSchema.nullable().default(null),
  protectedIdentity: z.boolean().default(false),
});

const idParams = z.strictObject({ id: z.uuid('Ogiltigt id') });

/** Who may work with person data: the caseworkers and managers of the person's unit, coaches through referrals. */
export const PERSON_READERS: RouteAccess = { roles: ['caseworker', 'unitManager', 'coach'] };
const PERSON_WRITERS: RouteAccess = { roles: ['caseworker', 'unitManager'] };

export const personRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/persons',
      {
        config: { access: PERSON_READERS },
        schema: {
          tags: ['persons'],
          summary: 'Personer som användaren har behov av att se (den egna enhetens)',
          querystring: z.strictObject({
            search: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ items: z.array(personSummary), total: z.number().int() }) },
        },
      },
      async (request) => listPersons(ctx.db, request, currentUser(request), request.query),
    );

    app.get(
      '/persons/:id',
      {
        config: { access: PERSON_READERS },
        schema: {
          tags: ['persons'],
          summary: 'En person (läsningen loggas)',
          params: idParams,
          response: { 200: personDetail, 404: problemSchema },
        },
      },
      async (request) => getPerson(ctx.db, request, currentUser(request), request.params.id),
    );

    app.post(
      '/persons',
      {
        config: { access: PERSON_WRITERS },
        schema: {
          tags: ['persons'],
          summary: 'Registrera en person i den egna enheten',
          body: personInput,
          response: { 201: personDetail, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const person = await createPerson(ctx.db, request, currentUser(request), request.body);
        return reply.status(201).send(person);
      },
    );

    app.patch(
      '/persons/:id',
      {
        config: { access: PERSON_WRITERS },
        schema: {
          tags: ['persons'],
          summary: 'Ändra namn, adress eller skyddad identitet',
          params: idParams,
          body: z.strictObject({
            firstName: z.string().trim().min(1, 'Ange förnamn').max(100).optional(),
            lastName: z.string().trim().min(1, 'Ange efternamn').max(100).optional(),
            address: addressSchema.nullable().optional(),
            protectedIdentity: z.boolean().optional(),
          }),
          response: { 200: personDetail, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => updatePerson(ctx.db, request, currentUser(request), request.params.id, request.body),
    );
  };
