// Server-side sessions: the cookie holds a random token; the database holds only a keyed
// hash of it, the CSRF token and the idle clock. A new session is created at every login
// (no fixation), and one idle longer than the configured minutes is refused and removed.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../staff/staff.table.ts';

export const SESSION_COOKIE = 'stegvis_session';

export type SessionUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  municipality: { id: string; name: string };
  unit: { id: string; name: string } | null;
};

export type SessionContext = { sessionId: string; csrfToken: string; user: SessionUser };

export type SessionSettings = { secret: string; idleMinutes: number };

/** Only update last-seen this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export async function createSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  user: { id: string; municipalityId: string },
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(settings.secret, token),
      municipalityId: user.municipalityId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  token: string,
  now: Date,
): Promise<SessionContext | null> {
  const id = hashToken(settings.secret, token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('staffUsers as u', (join) =>
      join.onRef('u.municipalityId', '=', 's.municipalityId').onRef('u.id', '=', 's.userId'),
    )
    .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
    .leftJoin('units as un', (join) =>
      join.onRef('un.municipalityId', '=', 'u.municipalityId').onRef('un.id', '=', 'u.unitId'),
    )
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.lastSeenAt',
      'u.id',
      'u.username',
      'u.name',
      'u.role',
      'u.active',
      'u.unitId',
      'un.name as unitName',
      'm.id as municipalityId',
      'm.name as municipalityName',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = now.getTime() - new Date(row.lastSeenAt).getTime();
  if (!row.active || idleMs > settings.idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', id).execute();
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role,
      municipality: { id: row.municipalityId, name: row.municipalityName },
      unit: row.unitId && row.unitName ? { id: row.unitId, name: row.unitName } : null,
    },
  };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
