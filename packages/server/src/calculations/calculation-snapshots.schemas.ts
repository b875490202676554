// Response shape of a kept calculation (beräkning): the snapshot with its result, as the
// errand view and POST /errands/:id/calculations return it (zod only, shared with API clients).
import { z } from 'zod';

const ore = z.number().int();

export const snapshotSchema = z.object({
  id: z.string(),
  errandId: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  parameterSet: z.string(),
  guidelineSetId: z.string().nullable(),
  assistance: ore,
  result: z.object({
    month: z.string(),
    parameters: z.string(),
    norm: ore,
    reasonableCosts: ore,
    otherLivingCosts: ore,
    need: ore,
    income: ore,
    disregardedIncome: ore,
    countedIncome: ore,
    assistance: ore,
    surplus: ore,
    warnings: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        parameter: z.string().optional(),
        guidelineSetId: z.string().optional(),
        section: z.string().optional(),
        costType: z.string().optional(),
        cap: ore.optional(),
        amount: ore.optional(),
      }),
    ),
    lines: z.array(
      z.object({
        code: z.string(),
        memberIds: z.array(z.string()).readonly(),
        amount: ore,
        basis: z.string(),
        reason: z.string().optional(),
        daysInHousehold: z.number().int().optional(),
        sharedHouseholdSize: z.number().int().optional(),
      }),
    ),
    /** Decided reductions (aktivitetskrav, SoL 2025:400 12 kap. 5 §), shown below the assistance. */
    reductions: z
      .array(
        z.object({
          code: z.string(),
          memberIds: z.array(z.string()).readonly(),
          decisionId: z.string(),
          decidedAmount: ore,
          amount: ore,
          cap: z.object({ assistanceLeft: ore, message: z.string() }).optional(),
          basis: z.string(),
          references: z
            .array(
              z.object({
                text: z.string(),
                status: z.enum(['inForce', 'passed', 'proposed']),
                source: z.array(z.string()).readonly(),
                note: z.string(),
              }),
            )
            .readonly(),
          reason: z.string(),
        }),
      )
      .optional(),
    assistanceAfterReductions: ore.optional(),
  }),
});
