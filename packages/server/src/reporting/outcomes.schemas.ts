// Request and response shapes of the outcome report (zod only, shared with API clients).
import { z } from 'zod';
import { CLOSURE_REASONS } from '../closures/closures.schemas.ts';
import { month } from './reporting.schemas.ts';

export const outcomesQuery = z
  .strictObject({ from: month, to: month, unitId: z.string().max(100).optional() })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' });

/** A count, or null when withheld (fewer than the threshold behind it, nämnd and revisor). */
const count = z.number().int().nullable();
const share = z.object({ numerator: count, denominator: count, value: z.number().nullable() });

export const outcomesSchema = z.object({
  from: z.string(),
  to: z.string(),
  aggregatesOnly: z.boolean(),
  suppressionThreshold: z.number().int(),
  scopeUnitId: z.string().nullable(),
  /** Where people went: closures in the period by Socialstyrelsen's closure reason. */
  destinations: z.array(z.object({ reason: z.enum(CLOSURE_REASONS), count })),
  closures: count,
  workOrStudiesAtExit: share,
  selfSupportingAfterReferral: share.extend({ pending: count, notObservable: count }),
  /** Hours at insatser in weeks starting in the period (withheld with fewer than the threshold participants). */
  attendance: z.object({
    participants: count,
    plannedHours: z.number().nullable(),
    attendedHours: z.number().nullable(),
    unexcusedHours: z.number().nullable(),
    share: z.number().nullable(),
  }),
  insatser: z.array(
    z.object({
      insatsId: z.string(),
      name: z.string(),
      started: count,
      ended: count,
      toWorkOrStudies: count,
      costOre: z.number().int().nullable(),
      costPerOutcomeOre: z.number().int().nullable(),
      attendees: count,
      attendanceShare: z.number().nullable(),
    }),
  ),
});
