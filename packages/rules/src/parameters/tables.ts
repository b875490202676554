// Loads the dated parameter files in this folder and resolves them once per month into flat
// arrays, so a calculation reads amounts by (month, slot) without searching or allocating.

import { entryIndexByMonth, monthRange } from '../core/dated-lookup.ts';
import { formatMonth, type MonthNumber } from '../core/month.ts';
import coverage from './coverage.json' with { type: 'json' };
import jobStimulus from './job-stimulus.json' with { type: 'json' };
import legalBasis from './legal-basis.json' with { type: 'json' };
import prisbasbelopp from './prisbasbelopp.json' with { type: 'json' };
import riksnormAdults from './riksnorm-adults.json' with { type: 'json' };
import riksnormChildren from './riksnorm-children.json' with { type: 'json' };
import riksnormChildrenWithoutLunch from './riksnorm-children-without-lunch.json' with { type: 'json' };
import riksnormCommon from './riksnorm-common.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };

/** Källans tillförlitlighet — how a value was established (see parameters.yaml). */
export type Confidence = 'primary' | 'secondary' | 'inferred' | 'unverified';

/** One value as stored in a data file. */
interface StoredValue {
  amount?: number;
  percent?: number;
  unknown?: boolean;
  note?: string;
  confidence: string;
  source: string[];
}

interface StoredTable {
  table: string;
  entries: { validFrom: string; values: Record<string, StoredValue> }[];
}

interface StoredLegalBasis {
  text: string;
  confidence: string;
  source: string[];
  note?: string;
}

/** Where a parameter value comes from; shown as a line's explanation with `explain: true`. */
export interface ParameterExplanation {
  readonly parameter: string;
  readonly value: number;
  readonly validFrom: string;
  readonly confidence: Confidence;
  readonly source: readonly string[];
  readonly sourceTitles: readonly string[];
}

/** Names of the legal bases a line can cite; the texts are data (legal-basis.json). */
export type BasisKey =
  | 'riksnormPersonal'
  | 'riksnormCommon'
  | 'sharedHousehold'
  | 'normAdjustment'
  | 'reasonableCosts'
  | 'otherLivingCosts'
  | 'income'
  | 'jobStimulus'
  | 'childEarnings';

export type LegalBases = Readonly<Record<BasisKey, string>>;

/** Riksnorm age bands for children (SoF 2025:468 12 kap. 2 §), in table order. */
export const CHILD_AGE_BANDS = [
  'age0',
  'age1to2',
  'age3',
  'age4to6',
  'age7to10',
  'age11to14',
  'age15to18',
  'age19to20',
] as const;

/** Bands that have a lower "utan lunch fem dagar per vecka" amount (ages 0–6). */
export const BANDS_WITH_LUNCH_RULE = 4;

/** Band index for ages 0–20 (the age reached during the month). */
export const AGE_TO_BAND: readonly number[] = [0, 1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7];

/** Largest household size with its own common-cost amount; larger households add size7 − size6 per member. */
export const COMMON_TABLE_SIZES = 7;

// Slot numbers: the position of each parameter within one month's row.
export const SLOT_SINGLE = 0;
export const SLOT_COUPLE = 1;
export const SLOT_CHILD = 2; // + band 0..7
export const SLOT_CHILD_WITHOUT_LUNCH = SLOT_CHILD + CHILD_AGE_BANDS.length; // + band 0..3
export const SLOT_COMMON = SLOT_CHILD_WITHOUT_LUNCH + BANDS_WITH_LUNCH_RULE; // + size − 1
export const SLOT_PRISBASBELOPP = SLOT_COMMON + COMMON_TABLE_SIZES;
export const SLOT_JOB_STIMULUS_PERCENT = SLOT_PRISBASBELOPP + 1;
export const SLOT_COUNT = SLOT_JOB_STIMULUS_PERCENT + 1;

/** Availability of a value in a month: only primary and secondary values may be used. */
export const STATUS_PRIMARY = 0;
export const STATUS_SECONDARY = 1;
export const STATUS_UNAVAILABLE = 2;

interface SlotSource {
  parameter: string;
  table: StoredTable;
  key: string;
}

function slotSources(): SlotSource[] {
  const slots: SlotSource[] = [
    { parameter: 'riksnorm.adults.single', table: riksnormAdults, key: 'single' },
    { parameter: 'riksnorm.adults.couple', table: riksnormAdults, key: 'couple' },
  ];
  for (const band of CHILD_AGE_BANDS) {
    slots.push({ parameter: `riksnorm.children.${band}`, table: riksnormChildren, key: band });
  }
  for (const band of CHILD_AGE_BANDS.slice(0, BANDS_WITH_LUNCH_RULE)) {
    slots.push({
      parameter: `riksnorm.childrenWithoutLunch.${band}`,
      table: riksnormChildrenWithoutLunch,
      key: band,
    });
  }
  for (let size = 1; size <= COMMON_TABLE_SIZES; size++) {
    slots.push({ parameter: `riksnorm.common.size${size}`, table: riksnormCommon, key: `size${size}` });
  }
  slots.push({ parameter: 'prisbasbelopp', table: yearlyTable(prisbasbelopp), key: 'amount' });
  slots.push({ parameter: 'jobStimulus.percent', table: jobStimulus, key: 'percent' });
  return slots;
}

/** prisbasbelopp.json keeps one value per entry; view it as a table with the key "amount". */
function yearlyTable(file: typeof prisbasbelopp): StoredTable {
  return {
    table: file.table,
    entries: file.entries.map((entry) => ({ validFrom: entry.validFrom, values: { amount: entry } })),
  };
}

const sourceTitles = sources as Record<string, { title: string }>;

function isConfidence(value: string): value is Confidence {
  return value === 'primary' || value === 'secondary' || value === 'inferred' || value === 'unverified';
}

export const RANGE = monthRange(coverage.firstMonth, coverage.lastMonth);
export const MONTH_COUNT = RANGE.last - RANGE.first + 1;
export const PARAMETER_NAMES: readonly string[] = slotSources().map((slot) => slot.parameter);

/** Amount (öre, or percent) per month and slot: VALUES[monthIndex × SLOT_COUNT + slot]. */
export const VALUES = new Float64Array(MONTH_COUNT * SLOT_COUNT);
/** STATUS_* per month and slot, same layout as VALUES. */
export const STATUS = new Uint8Array(MONTH_COUNT * SLOT_COUNT).fill(STATUS_UNAVAILABLE);
/** Explanation per month and slot (shared, frozen objects); null where no value is stored. */
export const EXPLANATIONS: (ParameterExplanation | null)[] = new Array(MONTH_COUNT * SLOT_COUNT).fill(null);
/** "riksnorm-2026" per month: the riksnorm table the month uses. */
export const TABLE_LABELS: string[] = new Array(MONTH_COUNT).fill('');
/** Legal basis texts in force per month. */
export const LEGAL_BASES: LegalBases[] = [];

/**
 * Problems found while loading the data: a month without a value or an explicit unknown,
 * a value without a source, an unknown confidence. Kept as data so a test can list them;
 * an affected parameter is simply unavailable to calculations.
 */
export const COVERAGE_PROBLEMS: string[] = [];

function loadSlots(): void {
  const slots = slotSources();
  for (let slot = 0; slot < slots.length; slot++) {
    const { parameter, table, key } = slots[slot] as SlotSource;
    const byMonth = entryIndexByMonth(table.entries, RANGE);
    const explained = new Map<number, ParameterExplanation>();
    for (let index = 0; index < MONTH_COUNT; index++) {
      const month = formatMonth(RANGE.first + index);
      const entryIndex = byMonth[index] as number;
      const entry = table.entries[entryIndex];
      const stored = entry?.values[key];
      if (entry === undefined || stored === undefined) {
        COVERAGE_PROBLEMS.push(`${parameter} ${month}: neither a value nor an explicit unknown`);
        continue;
      }
      if (!isConfidence(stored.confidence)) {
        COVERAGE_PROBLEMS.push(`${parameter} ${month}: unknown confidence "${stored.confidence}"`);
        continue;
      }
      const value = stored.amount ?? stored.percent;
      if (stored.unknown === true) continue; // explicit unknown: unavailable, by design
      if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
        COVERAGE_PROBLEMS.push(`${parameter} ${month}: neither a value nor an explicit unknown`);
        continue;
      }
      if (stored.source.length === 0 || stored.source.some((id) => sourceTitles[id] === undefined)) {
        COVERAGE_PROBLEMS.push(`${parameter} ${month}: value without a (known) source`);
        continue;
      }
      const at = index * SLOT_COUNT + slot;
      VALUES[at] = value;
      STATUS[at] =
        stored.confidence === 'primary'
          ? STATUS_PRIMARY
          : stored.confidence === 'secondary'
            ? STATUS_SECONDARY
            : STATUS_UNAVAILABLE; // inferred values are never used (contract)
      let explanation = explained.get(entryIndex);
      if (explanation === undefined) {
        explanation = Object.freeze({
          parameter,
          value,
          validFrom: entry.validFrom,
          confidence: stored.confidence,
          source: Object.freeze([...stored.source]),
          sourceTitles: Object.freeze(
            stored.source.map((id) => (sourceTitles[id] as { title: string }).title),
          ),
        });
        explained.set(entryIndex, explanation);
      }
      EXPLANATIONS[at] = explanation;
    }
  }
}

function loadLabelsAndBases(): void {
  const adultsByMonth = entryIndexByMonth(riksnormAdults.entries, RANGE);
  const basesByMonth = entryIndexByMonth(legalBasis.entries, RANGE);
  const frozenBases = legalBasis.entries.map((entry) => {
    const values = entry.values as Record<BasisKey, StoredLegalBasis>;
    const texts = {} as Record<BasisKey, string>;
    for (const key of Object.keys(values) as BasisKey[]) texts[key] = values[key].text;
    return Object.freeze(texts);
  });
  for (let index = 0; index < MONTH_COUNT; index++) {
    const adults = riksnormAdults.entries[adultsByMonth[index] as number];
    TABLE_LABELS[index] = adults === undefined ? '' : `riksnorm-${adults.validFrom.slice(0, 4)}`;
    const bases = frozenBases[basesByMonth[index] as number];
    if (bases === undefined)
      COVERAGE_PROBLEMS.push(`legal basis ${formatMonth(RANGE.first + index)}: missing`);
    LEGAL_BASES.push(bases ?? (frozenBases[0] as LegalBases));
  }
}

loadSlots();
loadLabelsAndBases();

/** Month index into the tables, or -1 when the month is outside the range the engine covers. */
export function monthIndexOf(month: MonthNumber): number {
  return month < RANGE.first || month > RANGE.last ? -1 : month - RANGE.first;
}

/**
 * A parameter's value in a month as the rules see it: the amount (öre, or percent) when usable,
 * null when unknown or only inferred. For tests and tools; calculations index the arrays directly.
 */
export function usableValue(parameter: string, month: MonthNumber): number | null {
  const slot = PARAMETER_NAMES.indexOf(parameter);
  const index = monthIndexOf(month);
  if (slot < 0 || index < 0) return null;
  const at = index * SLOT_COUNT + slot;
  return STATUS[at] === STATUS_UNAVAILABLE ? null : (VALUES[at] as number);
}
