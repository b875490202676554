// The nämnd's overview (zod only, shared with API clients). `null` = suppressed small group.
import { z } from 'zod';

export const overviewSchema = z.object({
  municipality: z.string(),
  month: z.string(),
  suppressionThreshold: z.number().int(),
  rows: z.array(
    z.object({
      unit: z.string(),
      persons: z.number().int().nullable(),
      households: z.number().int().nullable(),
    }),
  ),
});
