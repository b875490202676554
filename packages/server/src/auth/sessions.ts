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

/** A citizen signed in to the e-service: a person, never a staff user. */
export type CitizenPrincipal = {
  personId: string;
  municipality: { id: string; name: string };
};

/** Either a staff user or a citizen is signed in, never both. */
export type SessionContext = {
  sessionId: string;
  csrfToken: string;
  user: SessionUser | null;
  citizen: CitizenPrincipal | null;
};

export type SessionSettings = {
  secret: string;
  idleMinutes: number;
  /** Recently looked-up sessions of this server process (see CACHE_MS). */
  cache: Map<string, CachedSession>;
};

type SessionRow = {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  id: string;
  username: string;
  name: string;
  role: Role;
  active: boolean;
  unitId: string | null;
  unitName: string | null;
  municipalityId: string;
  municipalityName: string;
};
export type CachedSession = { row: SessionRow; cachedAt: number };

/** Only update last-seen this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * A looked-up session is reused for this long by the same process, sparing every request a
 * database round trip. Logout and login on this process take effect at once; a change made
 * elsewhere (another server process, a deactivated account) within at most this time.
 */
const CACHE_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;

export function createSessionCache(): Map<string, CachedSession> {
  return new Map();
}

export function hashToken(secret: string, token: string): string {
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
  const cached = settings.cache.get(id);
  const row = cached && performance.now() - cached.cachedAt < CACHE_MS ? cached.row : await lookup(db, id);
  if (!row) {
    settings.cache.delete(id);
    return null;
  }
  if (row !== cached?.row) {
    if (settings.cache.size >= CACHE_MAX_ENTRIES)
      settings.cache.delete(settings.cache.keys().next().value as string);
    settings.cache.set(id, { row, cachedAt: performance.now() });
  }
  const idleMs = now.getTime() - new Date(row.lastSeenAt).getTime();
  if (!row.active || idleMs > settings.idleMinutes * 60_000) {
    await deleteSession(db, settings, id);
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', id).execute();
    row.lastSeenAt = now;
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    citizen: null,
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

function lookup(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  return db
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
}

export async function deleteSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  sessionId: string,
): Promise<void> {
  settings.cache.delete(sessionId);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
