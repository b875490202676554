// Request and response shapes of the reporting routes (zod only, shared with API clients).
import { z } from 'zod';
import { SUPPORT_BARRIER_IDS } from './barriers.ts';
import { DIMENSIONS, HOUSEHOLD_TYPES, INDICATORS } from './indicators.compute.ts';

export { DIMENSIONS, HOUSEHOLD_TYPES, INDICATORS } from './indicators.compute.ts';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM');

export const indicatorQuery = z
  .strictObject({
    from: month,
    to: month,
    dimension: z.enum(DIMENSIONS, 'Okänd indelning').default('none'),
    unitId: z.string().max(100).optional(),
    gender: z.enum(['female', 'male'], 'Ange kvinna eller man').optional(),
    ageGroup: z.string().max(20).optional(),
    householdType: z.enum(HOUSEHOLD_TYPES, 'Okänd hushållstyp').optional(),
    supportBarrier: z.enum([...SUPPORT_BARRIER_IDS, 'notRecorded'], 'Okänt försörjningshinder').optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' })
  .refine(
    (q) =>
      Number(q.to.slice(0, 4)) * 12 +
        Number(q.to.slice(5)) -
        (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) <
      60,
    { path: ['to'], message: 'Högst 60 månader åt gången' },
  );

export const exportQuery = indicatorQuery.and(
  z.strictObject({ format: z.enum(['csv', 'xlsx'], 'Välj csv eller xlsx') }),
);

const point = z.object({
  month: z.string(),
  group: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  provisional: z.boolean(),
  /** Withheld: fewer than the threshold people behind the figure. */
  suppressed: z.boolean(),
});

/** When the figures were computed (the indicator cube's snapshot). */
export const snapshotSchema = z.object({
  /** The day the figures were computed for. */
  asOfDay: z.string().nullable(),
  /** When the last refresh finished (ISO time). */
  refreshedAt: z.string().nullable(),
  /** The data changed since (or the day passed): a refresh is running or will run. */
  stale: z.boolean(),
  refreshing: z.boolean(),
  /** How long the last refresh took. */
  durationMs: z.number().nullable(),
});

export const indicatorReport = z.object({
  municipality: z.string(),
  snapshot: snapshotSchema,
  from: z.string(),
  to: z.string(),
  dimension: z.enum(DIMENSIONS),
  /** Aggregates only, small groups suppressed (nämnd, revisor); false for a manager's own unit. */
  aggregatesOnly: z.boolean(),
  suppressionThreshold: z.number().int(),
  /** The unit a manager's figures are limited to. */
  scopeUnitId: z.string().nullable(),
  groups: z.array(z.object({ key: z.string(), label: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  ageGroups: z.array(z.string()),
  indicators: z.array(
    z.object({
      id: z.enum(INDICATORS),
      kind: z.enum(['count', 'share', 'amount', 'ratio']),
      label: z.string(),
      targets: z.array(z.object({ year: z.number().int(), target: z.number() })),
      points: z.array(point),
    }),
  ),
});

export const drillDownQuery = indicatorQuery.and(
  z.strictObject({
    indicator: z.enum(INDICATORS, 'Okänd indikator'),
    month,
    group: z.string().max(100).default('all'),
    offset: z.coerce.number().int('Ange ett heltal').min(0, 'Ange 0 eller mer').default(0),
    limit: z.coerce.number().int('Ange ett heltal').min(1, 'Ange 1–200').max(200, 'Ange 1–200').default(50),
  }),
);

export const drillDown = z.object({
  indicator: z.enum(INDICATORS),
  month: z.string(),
  group: z.string(),
  /** Everyone behind the figure (the people the manager may see). */
  total: z.number().int(),
  /** Of them, counted in the figure's numerator. */
  inNumerator: z.number().int(),
  offset: z.number().int(),
  /** A page: the numerator's people first, then by name. */
  cases: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      /** Counted in the figure's numerator (e.g. is long-term), not only in its denominator. */
      inNumerator: z.boolean(),
    }),
  ),
});

export const targetParams = z.strictObject({
  indicator: z.enum(INDICATORS, 'Okänd indikator'),
  year: z.coerce.number().int().min(2000, 'Ange ett år').max(2100, 'Ange ett år'),
});
export const targetInput = z.strictObject({
  target: z.number('Ange målvärdet som ett tal').finite().nullable(),
});
export const targetSchema = z.object({ indicator: z.enum(INDICATORS), year: z.number(), target: z.number() });

export const savingsQuery = z
  .strictObject({
    from: month,
    to: month,
    teamMonthlyCost: z.coerce.number().int('Ange kostnaden i hela ören').min(0).max(1e12).default(0),
    unitId: z.string().max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' });

export const savingsSchema = z.object({
  from: z.string(),
  to: z.string(),
  exits: z.number().nullable(),
  monthsWithout: z.number().nullable(),
  estimatedSavings: z.number().nullable(),
  teamCost: z.number(),
  net: z.number().nullable(),
  suppressed: z.boolean(),
});

export const consistencyQuery = z
  .strictObject({
    from: month,
    to: month,
    dimension: z
      .enum(['municipality', 'unit', 'caseworker'], 'Välj kommun, enhet eller handläggare')
      .default('unit'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Slutmånaden kan inte vara före startmånaden' });

const perType = z.object(
  Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, z.number().nullable()])) as Record<
    (typeof HOUSEHOLD_TYPES)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);

export const consistencySchema = z.object({
  from: z.string(),
  to: z.string(),
  dimension: z.enum(['municipality', 'unit', 'caseworker']),
  guidelineSet: z.object({ id: z.string(), name: z.string() }).nullable(),
  suppressionThreshold: z.number(),
  /** How fresh the figures are (the cube's snapshot; across municipalities the oldest). */
  snapshot: snapshotSchema,
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      decisions: z.number().nullable(),
      rejectionRate: z.number().nullable(),
      aboveCap: z.number().nullable(),
      aboveCapApprovedShare: z.number().nullable(),
      averageByHouseholdType: perType,
      suppressed: z.boolean(),
    }),
  ),
});

export const simulationInput = z.strictObject({
  month,
  normChangePercent: z
    .number('Ange förändringen i procent')
    .min(-50, 'Högst 50 % sänkning')
    .max(100, 'Högst 100 % höjning'),
  benefitCap: z.number().int('Ange taket i hela ören').min(0).max(100_000_000).nullable().default(null),
});

const buckets = z.object({
  decreaseOver1000: z.number(),
  decreaseUpTo1000: z.number(),
  unchanged: z.number(),
  increaseUpTo1000: z.number(),
  increaseOver1000: z.number(),
});

export const simulationSchema = z.object({
  month: z.string(),
  normChangePercent: z.number(),
  benefitCap: z.number().nullable(),
  households: z.number(),
  refused: z.number(),
  elapsedMs: z.number(),
  groups: z.array(
    z.object({
      householdType: z.enum([...HOUSEHOLD_TYPES, 'all']),
      households: z.number().nullable(),
      baselineTotal: z.number().nullable(),
      simulatedTotal: z.number().nullable(),
      change: z.number().nullable(),
      averageChange: z.number().nullable(),
      buckets: buckets.nullable(),
      suppressed: z.boolean(),
    }),
  ),
});

const band = z.strictObject({
  min: z.number().int().min(0, 'Åldern kan inte vara negativ').max(120),
  max: z.number().int().min(0).max(120).nullable(),
});

export const settingsSchema = z.object({
  ageBands: z.array(z.object({ min: z.number(), max: z.number().nullable() })),
  youngAdult: z.object({ min: z.number(), max: z.number() }),
  veryLongTerm: z.object({ months: z.number(), window: z.number() }),
  population: z.number().nullable(),
  populationYear: z.number().nullable(),
  /** The weighted caseload's weights (docs/indicators.md). */
  caseWeights: z.object({
    base: z.number(),
    additionalAdult: z.number(),
    child: z.number(),
    protectedIdentity: z.number(),
    supportBarrier: z.record(z.string(), z.number()),
  }),
});

const weight = z
  .number('Ange vikten som ett tal')
  .min(0, 'En vikt kan inte vara negativ')
  .max(10, 'Högst 10');

export const settingsInput = z.strictObject({
  ageBands: z
    .array(band)
    .min(1, 'Ange minst en åldersgrupp')
    .max(20)
    .refine((bands) => bands.every((b) => b.max === null || b.max >= b.min), {
      message: 'En åldersgrupps övre gräns kan inte vara lägre än den nedre',
    })
    .refine(
      (bands) =>
        [...bands]
          .sort((a, b) => a.min - b.min)
          .every((b, i, sorted) => i === 0 || (sorted[i - 1]?.max ?? Number.POSITIVE_INFINITY) < b.min),
      { message: 'Åldersgrupperna får inte överlappa' },
    ),
  youngAdult: z
    .strictObject({ min: z.number().int().min(16).max(30), max: z.number().int().min(16).max(30) })
    .refine((b) => b.min <= b.max, {
      path: ['max'],
      message: 'Övre gränsen kan inte vara lägre än den nedre',
    }),
  veryLongTerm: z
    .strictObject({ months: z.number().int().min(1).max(120), window: z.number().int().min(1).max(120) })
    .refine((v) => v.months <= v.window, { path: ['months'], message: 'Fler månader än fönstret rymmer' }),
  population: z.number().int().min(1, 'Ange folkmängden').max(20_000_000).nullable(),
  populationYear: z.number().int().min(2000).max(2100).nullable(),
  /** Optional: left out, the weights stay as they are. */
  caseWeights: z
    .strictObject({
      base: weight,
      additionalAdult: weight,
      child: weight,
      protectedIdentity: weight,
      supportBarrier: z.partialRecord(z.enum(SUPPORT_BARRIER_IDS), weight),
    })
    .optional(),
});
