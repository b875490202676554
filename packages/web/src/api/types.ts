// The server's JSON contract as the web app sees it. Kept by hand until the server exports
// its own types from `@stegvis/server/api`; then these become `import type` re-exports.

export const roles = ['caseworker', 'coach', 'unitManager', 'committee', 'auditor', 'sysadmin'] as const;
/** Roll — what a user may see and do. */
export type Role = (typeof roles)[number];

export type Ref = { id: string; name: string };

/** Användare — a member of staff in one municipality. */
export type User = {
  id: string;
  username: string;
  name: string;
  role: Role;
  municipality: Ref;
  unit: Ref | null;
};

export type Session = { user: User; csrfToken: string };

/** Person — summary row; `name` and the last digits are masked for skyddad identitet. */
export type PersonSummary = {
  id: string;
  personalIdentityNumber: string;
  name: string;
  protectedIdentity: boolean;
  unit: Ref;
};

export type Address = { street: string; postalCode: string; city: string };

export type PersonDetail = PersonSummary & {
  firstName: string | null;
  lastName: string | null;
  address: Address | null;
  masked: boolean;
  birthDate: string;
};

export type NewPerson = {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  address: Address | null;
  protectedIdentity: boolean;
};

export type Page<T> = { items: T[]; total: number };

/** Åtkomstlogg — one logged access to personal data. */
export type AccessLogEntry = {
  id: number;
  at: string;
  user: Ref;
  person: Ref | null;
  action: 'read' | 'create' | 'update' | 'search';
  route: string;
};

/** Enhet — an organisational unit under a nämnd. */
export type Unit = { id: string; name: string; committee: string };

/** Översikt — aggregates per unit; `null` means suppressed (fewer than the threshold). */
export type Overview = {
  municipality: string;
  month: string;
  rows: { unit: string; persons: number | null; households: number | null }[];
  suppressionThreshold: number;
};

/** Stable error codes in problem+json `code`, as the server defines them (http/problem.ts). */
export type ProblemCode =
  | 'invalid_input'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'internal';

/** application/problem+json (RFC 9457), with field errors pointing into the request body. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code?: ProblemCode;
  detail?: string;
  errors?: { pointer: string; detail: string }[];
};
