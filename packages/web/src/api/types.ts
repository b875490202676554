// The server's JSON contract as the web app sees it: types inferred from the server's own
// zod schemas (`@stegvis/server/api`), so a change on the server fails the web's type check.
export type {
  AccessLogEntry,
  AuditComparison,
  AuditFile,
  AuditSample,
  AuditSampleList,
  ConsistencyReport,
  Dimension,
  IndicatorDrillDown,
  IndicatorId,
  IndicatorReport,
  KeyFigures,
  NewAuditSample,
  NewPerson,
  Overview,
  PersonDetail,
  PersonSummary,
  PolicySimulation,
  Problem,
  Role,
  SavingsEstimate,
  Session,
  Unit,
  User,
} from '@stegvis/server/api';
export { DIMENSIONS, INDICATOR_KIND, ROLES as roles, SUPPORT_BARRIER_LABELS } from '@stegvis/server/api';

import type { ErrorCode } from '@stegvis/server/api';

export type Ref = { id: string; name: string };
export type Address = { street: string; postalCode: string; city: string };
export type Page<T> = { items: T[]; total: number };

/** Stable error codes in problem+json `code`, as the server defines them (http/problem.schema.ts). */
export type ProblemCode = ErrorCode;
