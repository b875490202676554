// The staff inbox. Features that must tell a member of staff something (unexcused absence to
// the caseworker, a coach's payment request, a referral accepted or returned, the unit's
// action plan or work-capacity assessment) write an internal row to the notifications outbox
// with recipient `staff:<id>`; this is where that person reads them and marks them read.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { logAccess } from '../access-log/access-log.service.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { describePersons } from '../persons/persons.service.ts';
import type { staffNotificationSchema } from './notifications.schemas.ts';

type StaffNotification = z.infer<typeof staffNotificationSchema>;

/** The newest notices first; older ones stay in the outbox until gallring. */
const INBOX_LIMIT = 200;

const recipientOf = (viewer: SessionUser) => `staff:${viewer.id}`;

function ownInbox(trx: Kysely<Database>, viewer: SessionUser, now: Date) {
  return trx
    .selectFrom('notifications')
    .where('channel', '=', 'internal')
    .where('recipient', '=', recipientOf(viewer))
    .where('sendAfter', '<=', now);
}

async function countUnread(trx: Kysely<Database>, viewer: SessionUser, now: Date): Promise<number> {
  const row = await ownInbox(trx, viewer, now)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function unreadNotifications(db: Kysely<Database>, viewer: SessionUser, now: Date) {
  return inTenant(db, viewer.municipality.id, async (trx) => ({
    unread: await countUnread(trx, viewer, now),
  }));
}

/** The reader's own notices; the names of persons they may see, and the reading is logged. */
export async function listNotifications(
  db: Kysely<Database>,
  request: FastifyRequest,
  viewer: SessionUser,
  query: { unreadOnly: boolean },
  now: Date,
): Promise<{ items: StaffNotification[]; unread: number }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    let rows = ownInbox(trx, viewer, now)
      .select(['id', 'text', 'createdAt', 'readAt', 'personId'])
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(INBOX_LIMIT);
    if (query.unreadOnly) rows = rows.where('readAt', 'is', null);
    const items = await rows.execute();
    const personIds = [...new Set(items.flatMap((r) => (r.personId ? [r.personId] : [])))];
    const persons = await describePersons(trx, viewer, personIds);
    await logAccess(trx, request, 'search', [...persons.keys()]);
    return {
      items: items.map((row) => {
        const person = row.personId ? persons.get(row.personId) : undefined;
        return {
          id: row.id,
          text: row.text,
          createdAt: new Date(row.createdAt).toISOString(),
          readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
          person: person && row.personId ? { id: row.personId, name: person.name } : null,
        };
      }),
      unread: await countUnread(trx, viewer, now),
    };
  });
}

/** Marks one of the reader's own notices read (another's is not found). */
export async function markNotificationRead(
  db: Kysely<Database>,
  viewer: SessionUser,
  id: string,
  now: Date,
): Promise<{ unread: number }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    const found = await ownInbox(trx, viewer, now).select('readAt').where('id', '=', id).executeTakeFirst();
    if (!found) throw new AppError('not_found', 'Meddelandet finns inte i din inkorg');
    if (!found.readAt)
      await trx
        .updateTable('notifications')
        .set({ readAt: now })
        .where('id', '=', id)
        .where('recipient', '=', recipientOf(viewer))
        .execute();
    return { unread: await countUnread(trx, viewer, now) };
  });
}

/** Marks read the reader's notices created up to `upTo` (what the inbox showed them). */
export async function markAllNotificationsRead(
  db: Kysely<Database>,
  viewer: SessionUser,
  upTo: Date,
  now: Date,
): Promise<{ unread: number }> {
  return inTenant(db, viewer.municipality.id, async (trx) => {
    await trx
      .updateTable('notifications')
      .set({ readAt: now })
      .where('channel', '=', 'internal')
      .where('recipient', '=', recipientOf(viewer))
      .where('sendAfter', '<=', now)
      // The client has the time to the millisecond; the column keeps microseconds.
      .where(sql<Date>`date_trunc('milliseconds', created_at)`, '<=', upTo)
      .where('readAt', 'is', null)
      .execute();
    return { unread: await countUnread(trx, viewer, now) };
  });
}
