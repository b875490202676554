// The staff inbox: internal notifications to one member of staff (zod only).
import { z } from 'zod';

export const staffNotificationSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The person the notice is about, when the reader may see that person. */
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export const staffNotificationList = z.object({
  items: z.array(staffNotificationSchema),
  unread: z.number(),
});
export const unreadCount = z.object({ unread: z.number() });
export const inboxQuery = z.strictObject({
  unreadOnly: z.enum(['true', 'false'], 'Ange true eller false').default('false'),
});
/** Mark read what the reader has seen: notices created up to this moment (newer ones stay unread). */
export const readAllInput = z.strictObject({
  upTo: z.iso.datetime({
    offset: true,
    error: 'Ange tidpunkt som ISO 8601, till exempel 2026-11-23T10:00:00Z',
  }),
});
