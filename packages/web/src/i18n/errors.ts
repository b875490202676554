// Every failure the UI can meet, as a stable code with one message each: the server's
// problem codes (problem+json `code`) plus the browser's own. A new code fails to compile
// until it has a message.
import { ApiError, NetworkError } from '../api/client.ts';
import type { ProblemCode } from '../api/types.ts';
import type { MessageKey } from './sv.ts';

export type ErrorCode = ProblemCode | 'network';

export const errorMessages: Record<ErrorCode, MessageKey> = {
  invalid_input: 'error.validation',
  malformed_json: 'error.server',
  payload_too_large: 'error.tooLarge',
  unsupported_media_type: 'error.server',
  unauthenticated: 'error.unauthorized',
  invalid_credentials: 'login.wrongCredentials',
  forbidden: 'error.forbidden',
  csrf_failed: 'error.csrf',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  rate_limited: 'error.rateLimited',
  service_unavailable: 'error.unavailable',
  internal: 'error.server',
  network: 'error.network',
};

const byStatus: Record<number, ProblemCode> = {
  400: 'malformed_json',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
  429: 'rate_limited',
};

/**
 * The server's own words for a refusal it words best (a conflict, a missing delegation, a wrong
 * file); undefined for every other failure, which gets the generic message for its code.
 */
export function refusalDetail(error: unknown): string | undefined {
  return error instanceof ApiError && [403, 409, 413, 415].includes(error.status)
    ? error.problem?.detail
    : undefined;
}

export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiError)) return 'internal';
  const code = error.problem?.code;
  if (code && code in errorMessages) return code;
  return byStatus[error.status] ?? 'internal';
}
