import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  addDraftVersion,
  adoptRegionSet,
  adoptVersion,
  createGuidelineSet,
  getGuidelineSet,
  listGuidelineSets,
} from './guidelines.service.ts';

/** Guidelines are the municipality's public policy: every staff role may read them. */
const READERS: RouteAccess = {
  roles: ['caseworker', 'unitManager', 'coach', 'committee', 'auditor', 'sysadmin'],
};
const EDITORS: RouteAccess = { roles: ['sysadmin', 'unitManager'] };

const date = z.iso.date('Ange ett datum, ÅÅÅÅ-MM-DD');
const section = z.strictObject({
  number: z.string().trim().min(1, 'Ange avsnittets nummer').max(20),
  title: z.string().trim().min(1, 'Ange avsnittets rubrik').max(200),
  text: z.string().trim().min(1, 'Skriv avsnittets text').max(20_000),
});
/** Caps are checked by the rules package's own validation, so the shape lives in one place. */
const capInput = z.record(z.string(), z.unknown());
const cap = z.object({
  costType: z.string(),
  subtype: z.string().optional(),
  byHouseholdSize: z.record(z.string(), z.number()).optional(),
  amount: z.number().optional(),
  section: z.string(),
});

const version = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'adopted']),
  validFrom: z.string(),
  adoptedOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  adoptedBy: z.string().nullable(),
});
const versionDetail = version.extend({
  sections: z.array(z.object({ number: z.string(), title: z.string(), text: z.string() })),
  caps: z.array(cap),
});
const deviation = z.object({
  number: z.string(),
  title: z.string(),
  text: z.string(),
  caps: z.array(cap),
});
const adoption = z.object({ adoptedOn: z.string(), localDeviations: z.array(deviation) });
const owner = z.object({ kind: z.enum(['region', 'municipality']), id: z.string(), name: z.string() });
const setSummary = z.object({
  id: z.string(),
  name: z.string(),
  owner,
  adoption: adoption.nullable(),
  versions: z.array(version),
});
const setDetail = setSummary.extend({ versions: z.array(versionDetail) });

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const guidelineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/guidelines',
      {
        config: { access: READERS },
        schema: {
          tags: ['guidelines'],
          summary: 'Riktlinjer som gäller för min kommun: kommunens egna och regionens gemensamma',
          response: { 200: z.object({ items: z.array(setSummary) }) },
        },
      },
      async (request) => ({ items: await listGuidelineSets(ctx.db, currentUser(request)) }),
    );

    app.get(
      '/guidelines/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['guidelines'],
          summary: 'En riktlinje med versioner, avsnitt och tak',
          params: idParams,
          response: { 200: setDetail, 404: problemSchema },
        },
      },
      async (request) => getGuidelineSet(ctx.db, currentUser(request), request.params.id),
    );

    app.post(
      '/guidelines',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Skapa en egen riktlinje för kommunen (utkast)',
          body: z.strictObject({ name: z.string().trim().min(1, 'Ange riktlinjens namn').max(200) }),
          response: { 201: setDetail, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createGuidelineSet(ctx.db, currentUser(request), request.body)),
    );

    app.post(
      '/guidelines/:id/versions',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Lägg till ett utkast till ny version med avsnitt och tak',
          params: idParams,
          body: z.strictObject({
            validFrom: date,
            sections: z.array(section).max(200),
            caps: z.array(capInput).max(100).default([]),
          }),
          response: { 201: versionDetail, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addDraftVersion(ctx.db, currentUser(request), request.params.id, request.body)),
    );

    app.post(
      '/guidelines/:id/versions/:version/adopt',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Anta ett utkast (beslut i nämnden); en antagen version kan inte ändras',
          params: z.strictObject({
            id: z.string().min(1).max(100),
            version: z.coerce.number().int().min(1),
          }),
          body: z.strictObject({
            validFrom: date.optional(),
            adoptedOn: date,
            reviewOn: date,
            adoptedBy: z
              .string()
              .trim()
              .min(1, 'Ange vem som antog riktlinjen, till exempel Socialnämnden')
              .max(200),
          }),
          response: {
            200: versionDetail,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) =>
        adoptVersion(ctx.db, currentUser(request), request.params.id, request.params.version, request.body),
    );

    app.post(
      '/guidelines/:id/adoptions',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Anta regionens gemensamma riktlinje för min kommun, med lokala avvikelser',
          params: idParams,
          body: z.strictObject({
            adoptedOn: date,
            localDeviations: z
              .array(section.extend({ caps: z.array(capInput).max(20).default([]) }))
              .max(50)
              .default([]),
          }),
          response: { 200: adoption, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) => adoptRegionSet(ctx.db, currentUser(request), request.params.id, request.body),
    );
  };
