// Every failure the UI can meet, as a stable code with one message each. A new code
// fails to compile until it has a message.
import { ApiError, NetworkError } from '../api/client.ts';
import type { MessageKey } from './sv.ts';

export type ErrorCode =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'validation'
  | 'server';

export const errorMessages: Record<ErrorCode, MessageKey> = {
  network: 'error.network',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  notFound: 'error.notFound',
  rateLimited: 'error.rateLimited',
  validation: 'error.validation',
  server: 'error.server',
};

export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiError)) return 'server';
  switch (error.status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 429:
      return 'rateLimited';
    case 400:
    case 422:
      return 'validation';
    default:
      return 'server';
  }
}
