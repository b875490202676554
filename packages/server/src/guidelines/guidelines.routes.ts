import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { currentUser, type RouteAccess } from '../http/access.ts';
import { problemSchema } from '../http/problem.ts';
import {
  adoptInput,
  adoptionInput,
  adoptionSchema,
  idParams,
  setDetail,
  setInput,
  setList,
  versionDetail,
  versionInput,
  versionParams,
} from './guidelines.schemas.ts';
import {
  addDraftVersion,
  adoptRegionSet,
  adoptVersion,
  createGuidelineSet,
  getGuidelineSet,
  listGuidelineSets,
  updateDraftVersion,
} from './guidelines.service.ts';

/** Guidelines are the municipality's public policy: every staff role may read them. */
const READERS: RouteAccess = {
  roles: ['caseworker', 'unitManager', 'coach', 'committee', 'auditor', 'sysadmin'],
};
const EDITORS: RouteAccess = { roles: ['sysadmin', 'unitManager'] };

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
          response: { 200: setList },
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
          body: setInput,
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
          body: versionInput,
          response: { 201: versionDetail, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addDraftVersion(ctx.db, currentUser(request), request.params.id, request.body)),
    );

    app.put(
      '/guidelines/:id/versions/:version',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Ändra ett utkast (datum, avsnitt och tak); en antagen version kan inte ändras',
          params: versionParams,
          body: versionInput,
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
        updateDraftVersion(
          ctx.db,
          currentUser(request),
          request.params.id,
          request.params.version,
          request.body,
        ),
    );

    app.post(
      '/guidelines/:id/versions/:version/adopt',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['guidelines'],
          summary: 'Anta ett utkast (beslut i nämnden); en antagen version kan inte ändras',
          params: versionParams,
          body: adoptInput,
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
          body: adoptionInput,
          response: { 200: adoptionSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request) => adoptRegionSet(ctx.db, currentUser(request), request.params.id, request.body),
    );
  };
