import type { Generated } from 'kysely';

export type AccessAction = 'read' | 'search' | 'create' | 'update';

/** Loggning av åtkomst (Lag 2001:454 10 §): one row per read or change of a person's data. */
export type AccessLogTable = {
  municipalityId: string;
  id: Generated<number>;
  at: Generated<Date>;
  userId: string;
  personId: string | null;
  action: AccessAction;
  route: string;
  requestId: string | null;
};
