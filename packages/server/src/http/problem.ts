// Every error leaves the API as application/problem+json (RFC 9457) with a stable code,
// a Swedish title and, for bad input, one entry per field with a JSON pointer.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

import {
  ERROR_CODES,
  type ErrorCode,
  type FieldError,
  type Problem,
  problemSchema,
} from './problem.schema.ts';

export { ERROR_CODES, type ErrorCode, type FieldError, type Problem, problemSchema };

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  invalid_input: 'Uppgifterna behöver rättas',
  malformed_json: 'Begäran är inte giltig JSON',
  payload_too_large: 'Begäran är för stor',
  unsupported_media_type: 'Formatet stöds inte',
  unauthenticated: 'Du behöver logga in',
  invalid_credentials: 'Fel användarnamn eller lösenord',
  forbidden: 'Du har inte behörighet',
  csrf_failed: 'Begäran saknar giltig säkerhetstoken',
  not_found: 'Hittades inte',
  conflict: 'Uppgiften finns redan',
  rate_limited: 'För många försök, vänta en stund',
  service_unavailable: 'Tjänsten går inte att nå just nu, försök igen om en stund',
  internal: 'Något gick fel hos oss',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  constructor(code: ErrorCode, detail?: string, errors?: FieldError[]) {
    super(detail ?? TITLE[code]);
    this.code = code;
    this.errors = errors;
  }
}

export function problem(code: ErrorCode, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `urn:stegvis:problem:${code}`,
    title: TITLE[code],
    status: STATUS[code],
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

const VALIDATION_CONTEXT_PREFIX: Record<string, string> = {
  body: '',
  querystring: '/query',
  params: '/params',
};

/** Turns one zod issue (as fastify-type-provider-zod reports it) into field errors. */
function fieldErrors(
  context: string | undefined,
  issue: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> },
): FieldError[] {
  const prefix = VALIDATION_CONTEXT_PREFIX[context ?? 'body'] ?? '';
  const base = issue.instancePath === '/' ? '' : issue.instancePath;
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
    return issue.params.keys.map((key) => ({
      pointer: `${prefix}${base}/${String(key)}`,
      detail: 'Okänt fält',
    }));
  }
  return [{ pointer: `${prefix}${base}` || '/', detail: issue.message ?? 'Ogiltigt värde' }];
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (p: Problem) => reply.status(p.status).type('application/problem+json').send(p);
    if (error instanceof AppError) return send(problem(error.code, error.message, error.errors));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.flatMap((v) => fieldErrors(error.validationContext, v));
      return send(problem('invalid_input', undefined, errors));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send(problem('malformed_json', 'Kontrollera att begäran är korrekt JSON'));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return send(problem('payload_too_large'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return send(problem('unsupported_media_type', 'Skicka application/json'));
    }
    if (error.statusCode === 429) return send(problem('rate_limited'));
    if (
      error.statusCode &&
      error.statusCode >= 400 &&
      error.statusCode < 500 &&
      !isResponseSerializationError(error)
    ) {
      return send(problem('invalid_input', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(problem('internal'));
  });
}
