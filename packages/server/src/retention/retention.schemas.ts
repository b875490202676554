// Request and response shapes of the gallring routes (zod only, shared with API clients).
// Counts only: no route here ever returns a person.
import { z } from 'zod';

const isoDate = z.iso.date('Ange datumet som ÅÅÅÅ-MM-DD');
const tableCounts = z.record(z.string(), z.number().int());

export const retentionPlan = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  date: z.string(),
  disposalYears: z.number().int(),
  legalBasis: z.string(),
  personsDue: z.number().int(),
  overdue: z.number().int(),
  rows: tableCounts,
  keptForResearch: z.array(
    z.object({ reason: z.string(), detail: z.string(), legalBasis: z.string(), persons: z.number().int() }),
  ),
  personsActive: z.number().int(),
  personsNotYetDue: z.number().int(),
  checksum: z.string(),
});

export const retentionRunInput = z.strictObject({
  planDate: isoDate,
  planChecksum: z.string().regex(/^[0-9a-f]{64}$/, 'Ange kontrollsumman från den granskade planen'),
  confirm: z.literal(true, 'Bekräfta att gallringen ska genomföras'),
});

export const retentionRun = z.object({
  id: z.string(),
  planDate: z.string(),
  personsPlanned: z.number().int(),
  personsRemoved: z.number().int(),
  personsFailed: z.number().int(),
  rowsRemoved: z.number().int(),
  tables: tableCounts,
  failures: z.array(z.string()),
});

export const retentionRunList = z.object({
  items: z.array(
    retentionRun.omit({ failures: true }).extend({
      approvedBy: z.string(),
      legalBasis: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
});
