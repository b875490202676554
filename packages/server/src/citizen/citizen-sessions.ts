// Citizen sessions, kept apart from staff sessions: their own table, a token that starts with
// `c.` (so one lookup finds the right table) and a principal that is a person, never a staff
// user. Same rules as staff sessions: only a keyed hash is stored, a new session at every
// login, and one idle longer than the configured minutes is refused and removed.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashToken, type SessionContext, type SessionSettings } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

export const CITIZEN_TOKEN_PREFIX = 'c.';
const TOUCH_INTERVAL_MS = 60_000;

export async function createCitizenSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  person: { id: string; municipalityId: string },
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = `${CITIZEN_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('citizenSessions')
    .values({
      id: hashToken(settings.secret, token),
      municipalityId: person.municipalityId,
      personId: person.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
    })
    .execute();
  return { token, csrfToken };
}

export async function findCitizenSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  token: string,
  now: Date,
): Promise<SessionContext | null> {
  const id = hashToken(settings.secret, token);
  // The session row is not person data; the name is read through the tenant's row-level security.
  const row = await db
    .selectFrom('citizenSessions as s')
    .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select(['s.id', 's.csrfToken', 's.lastSeenAt', 's.personId', 'm.id as municipalityId', 'm.name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = now.getTime() - new Date(row.lastSeenAt).getTime();
  if (idleMs > settings.idleMinutes * 60_000) {
    await deleteCitizenSession(db, id);
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.updateTable('citizenSessions').set({ lastSeenAt: now }).where('id', '=', id).execute();
  }
  return {
    sessionId: row.id,
    csrfToken: row.csrfToken,
    user: null,
    citizen: {
      personId: row.personId,
      municipality: { id: row.municipalityId, name: row.name },
    },
  };
}

export async function deleteCitizenSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('citizenSessions').where('id', '=', sessionId).execute();
}
