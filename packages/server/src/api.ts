// The API's JSON types for clients such as the web app, inferred from the same zod schemas
// that validate every request and response. Only zod-only modules are imported here.
import type { z } from 'zod';
import type { accessLogPage, accessLogQuery } from './access-log/access-log.schemas.ts';
import type { sessionResponse, userSchema } from './auth/auth.schemas.ts';
import type { problemSchema } from './http/problem.schema.ts';
import type { unitSchema } from './organisation/organisation.schemas.ts';
import type { overviewSchema } from './overview/overview.schemas.ts';
import type { personDetail, personInput, personPage, personSummary } from './persons/persons.schemas.ts';

export { ERROR_CODES, type ErrorCode } from './http/problem.schema.ts';
export { ROLES, type Role } from './staff/roles.ts';

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionResponse>;
export type PersonSummary = z.infer<typeof personSummary>;
export type PersonDetail = z.infer<typeof personDetail>;
export type PersonPage = z.infer<typeof personPage>;
/** What the client sends to register a person (defaults may be left out). */
export type NewPerson = z.input<typeof personInput>;
export type AccessLogQuery = z.input<typeof accessLogQuery>;
export type AccessLogEntry = z.infer<typeof accessLogPage>['items'][number];
export type Unit = z.infer<typeof unitSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type Problem = z.infer<typeof problemSchema>;
