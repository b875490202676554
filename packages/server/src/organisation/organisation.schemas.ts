// Units as API clients see them (zod only).
import { z } from 'zod';

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  committee: z.string(),
  committeeId: z.string(),
});
export const unitList = z.object({ items: z.array(unitSchema) });
