// Fuzzing every write route with property-based bad input (fast-check): at least 10 000
// requests in all, each answered with a clear 4xx problem+json (422s name their fields),
// never a 5xx, and nothing written: every table's row count is the same afterwards.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, loginAs, type TestApp } from '../testing.ts';
import type { AccessRole } from './access.ts';

const TOTAL_REQUESTS = 10_000;

let t: TestApp;
const sessions = new Map<AccessRole, Login>();

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function sessionFor(role: AccessRole): Promise<Login> {
  const existing = sessions.get(role);
  if (existing) return existing;
  const session = await loginAs(t.app, role);
  sessions.set(role, session);
  return session;
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('sessions', 'citizen_sessions', 'kysely_migration', 'kysely_migration_lock')
    order by tablename`.execute(t.db.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      t.db.db,
    );
    counts[name] = result.rows[0]?.n ?? -1;
  }
  return counts;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  enum?: unknown[];
};

const JSON_TYPES = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** The JSON types a property schema accepts (integer counts as number). */
function acceptedTypes(schema: JsonSchema): Set<JsonType> {
  const types = new Set<JsonType>();
  const add = (s: JsonSchema) => {
    for (const type of Array.isArray(s.type) ? s.type : s.type ? [s.type] : []) {
      types.add(type === 'integer' ? 'number' : (type as JsonType));
    }
    if (s.enum) for (const value of s.enum) types.add(value === null ? 'null' : (typeof value as JsonType));
    for (const inner of s.anyOf ?? []) add(inner);
  };
  add(schema);
  return types.size === 0 ? new Set(JSON_TYPES) : types;
}

const valueOfType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 6 }),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue(), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue(), { maxKeys: 3 }),
};

/** A value the property's schema cannot accept: always of a JSON type it does not allow. */
function wrongValue(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const accepted = acceptedTypes(schema);
  const wrong = JSON_TYPES.filter((type) => !accepted.has(type));
  return wrong.length > 0 ? fc.oneof(...wrong.map((type) => valueOfType[type])) : null;
}

/** Bad bodies for a route: its own fields with wrong-typed values, unknown fields, other JSON, or no JSON at all. */
function badBodies(schema: JsonSchema | undefined): fc.Arbitrary<{ raw: string }> {
  const fields = Object.entries(schema?.properties ?? {})
    .map(([name, property]) => [name, wrongValue(property)] as const)
    .filter((entry): entry is readonly [string, fc.Arbitrary<unknown>] => entry[1] !== null);
  const wrongTyped =
    fields.length > 0
      ? fc
          .subarray(fields, { minLength: 1 })
          .chain((chosen) => fc.tuple(...chosen.map(([name, value]) => value.map((v) => [name, v] as const))))
          .map((pairs) => ({ raw: JSON.stringify(Object.fromEntries(pairs)) }))
      : fc.constant({ raw: '"not an object"' });
  const unknownField = fc
    .string({ minLength: 1, maxLength: 8 })
    .map((key) => ({ raw: JSON.stringify({ [`unknown_${key}`]: 1 }) }));
  const notAnObject = fc
    .oneof(
      fc.integer(),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
    )
    .map((v) => ({ raw: JSON.stringify(v) }));
  const notJson = fc
    .constantFrom('{', '{"a":', '[1,', 'undefined', '{"a" 1}', "{'a':1}")
    .map((raw) => ({ raw }));
  return fc.oneof(
    { weight: 5, arbitrary: wrongTyped },
    { weight: 1, arbitrary: unknownField },
    { weight: 1, arbitrary: notAnObject },
    { weight: 1, arbitrary: notJson },
  );
}

describe('fuzzing every write route', () => {
  it(`answers ${TOTAL_REQUESTS} bad requests with clear 4xx errors, no 5xx, and writes nothing`, {
    timeout: 300_000,
  }, async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
      >;
    };
    const writeRoutes = t.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/v1/') &&
        ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
        !r.url.endsWith('/auth/logout'),
    );
    expect(writeRoutes.length).toBeGreaterThan(2);
    const perRoute = Math.ceil(TOTAL_REQUESTS / writeRoutes.length);
    const before = await rowCounts();
    const problems: string[] = [];
    let sent = 0;

    for (const route of writeRoutes) {
      const access = route.access;
      const role = access && 'roles' in access ? access.roles[0] : undefined;
      const headers = role ? as(await sessionFor(role)) : {};
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const schema =
        doc.paths[openApiPath]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json']
          ?.schema;
      const url = route.url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const samples = fc.sample(badBodies(schema), { numRuns: perRoute, seed: 20261123 + sent });
      for (const { raw } of samples) {
        const response = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: raw,
        });
        sent++;
        const where = `${route.method} ${route.url} ${raw.slice(0, 120)}`;
        if (response.statusCode >= 500) {
          problems.push(`${where} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          continue;
        }
        if (response.statusCode < 400) {
          problems.push(`${where} → accepted with ${response.statusCode}`);
          continue;
        }
        if (!String(response.headers['content-type']).includes('application/problem+json')) {
          problems.push(`${where} → ${response.statusCode} without problem+json`);
          continue;
        }
        const body = response.json() as { code?: string; errors?: { pointer: string; detail: string }[] };
        if (
          response.statusCode === 422 &&
          body.code === 'invalid_input' &&
          !(body.errors ?? []).every((e) => e.pointer.startsWith('/') && e.detail)
        ) {
          problems.push(`${where} → 422 without field pointers`);
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
