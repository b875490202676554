// Request and response shapes of the access-log routes (zod only, shared with API clients).
import { z } from 'zod';

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');

export const accessLogQuery = z.strictObject({
  personId: z.uuid('Ogiltigt id').optional(),
  userId: z.uuid('Ogiltigt id').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const accessLogPage = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      user: z.object({ id: z.string(), name: z.string() }),
      person: z.object({ id: z.string(), name: z.string() }).nullable(),
      action: z.enum(['read', 'search', 'create', 'update']),
      route: z.string(),
    }),
  ),
});
