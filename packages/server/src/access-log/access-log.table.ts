import type { Generated } from 'kysely';

export type AccessAction = 'read' | 'search' | 'create' | 'update';

/** Loggning av åtkomst (Lag 2001:454 10 §): one row per read or change of a person's data. */
export type AccessLogTable = {
  municipalityId: string;
  id: Generated<number>;
  at: Generated<Date>;
  /** The staff user; null when the citizen read their own data (actor `citizen`). */
  userId: string | null;
  personId: string | null;
  action: AccessAction;
  route: string;
  requestId: string | null;
  /** `citizen`: the person read their own household's data in the e-service. */
  actor: Generated<'staff' | 'citizen'>;
  citizenPersonId: Generated<string | null>;
};
