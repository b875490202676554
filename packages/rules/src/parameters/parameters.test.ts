// The parameter files against the legal tables, year by year, written out in kronor so a
// reviewer can compare them with parameters.yaml and the statute; and the data's coverage.

import { describe, expect, it } from 'vitest';
import { parseMonth } from '../core/month.ts';
import sources from './sources.json' with { type: 'json' };
import {
  CHILD_AGE_BANDS,
  COVERAGE_PROBLEMS,
  EXPLANATIONS,
  MONTH_COUNT,
  PARAMETER_NAMES,
  RANGE,
  SLOT_COUNT,
  STATUS,
  STATUS_UNAVAILABLE,
  usableValue,
} from './tables.ts';

interface YearTable {
  single: number;
  couple: number;
  /** 0, 1–2, 3, 4–6, 7–10, 11–14, 15–18, 19–20 år; null = unknown or only inferred (not usable). */
  children: (number | null)[];
  withoutLunch: (number | null)[];
  /** Household size 1..7. */
  common: number[];
  prisbasbelopp: number;
}

/** Kronor per month (prisbasbelopp: per year), transcribed from shared/domain/parameters.yaml. */
const TABLES: Record<number, YearTable> = {
  2013: {
    single: 2_950,
    couple: 5_320,
    children: [1_740, 1_980, 1_730, 1_980, 2_410, 2_840, 3_250, 3_280],
    withoutLunch: [1_610, 1_800, 1_550, 1_730],
    common: [930, 1_040, 1_310, 1_490, 1_710, 1_950, 2_120],
    prisbasbelopp: 44_500,
  },
  2014: {
    single: 2_950,
    couple: 5_320,
    children: [1_740, 1_980, 1_730, 1_980, 2_410, 2_840, 3_250, 3_280],
    withoutLunch: [1_610, 1_800, 1_550, 1_730],
    common: [930, 1_040, 1_310, 1_490, 1_710, 1_950, 2_120],
    prisbasbelopp: 44_400,
  },
  2015: {
    single: 2_950,
    couple: 5_320,
    children: [1_740, 1_980, 1_730, 1_980, 2_410, 2_840, 3_250, 3_280],
    withoutLunch: [1_610, 1_800, 1_550, 1_730],
    common: [930, 1_040, 1_310, 1_490, 1_710, 1_950, 2_120],
    prisbasbelopp: 44_500,
  },
  2016: {
    single: 2_950,
    couple: 5_320,
    children: [1_840, 2_080, 1_830, 2_080, 2_660, 3_090, 3_500, 3_530],
    withoutLunch: [null, null, null, null],
    common: [940, 1_050, 1_320, 1_500, 1_720, 1_960, 2_130],
    prisbasbelopp: 44_300,
  },
  2017: {
    single: 2_980,
    couple: 5_370,
    children: [1_860, 2_100, 1_850, 2_100, 2_690, 3_120, 3_540, 3_570],
    withoutLunch: [1_730, 1_920, 1_670, 1_850],
    common: [950, 1_060, 1_330, 1_520, 1_740, 1_980, 2_150],
    prisbasbelopp: 44_800,
  },
  2018: {
    single: 3_030,
    couple: 5_460,
    children: [2_090, 2_330, 2_080, 2_330, 2_930, 3_370, 3_800, 3_830],
    withoutLunch: [null, null, null, null],
    common: [970, 1_080, 1_350, 1_540, 1_770, 2_010, 2_180],
    prisbasbelopp: 45_500,
  },
  2019: {
    single: 3_090,
    couple: 5_570,
    children: [2_130, 2_380, 2_120, 2_380, 2_990, 3_440, 3_880, 3_910],
    withoutLunch: [2_000, 2_190, 1_940, 2_120],
    common: [990, 1_100, 1_380, 1_570, 1_810, 2_050, 2_220],
    prisbasbelopp: 46_500,
  },
  2020: {
    single: 3_150,
    couple: 5_680,
    children: [2_170, 2_430, 2_160, 2_430, 3_050, 3_510, 3_950, 3_980],
    withoutLunch: [null, null, null, null],
    common: [1_010, 1_120, 1_410, 1_600, 1_850, 2_090, 2_260],
    prisbasbelopp: 47_300,
  },
  2021: {
    single: 3_160,
    couple: 5_700,
    children: [2_180, 2_440, 2_170, 2_440, 3_060, 3_520, 3_970, 4_000],
    withoutLunch: [2_050, 2_240, 1_990, 2_170],
    common: [1_020, 1_130, 1_420, 1_610, 1_860, 2_100, 2_270],
    prisbasbelopp: 47_600,
  },
  2022: {
    single: 3_210,
    couple: 5_800,
    children: [2_220, 2_480, 2_210, 2_480, 3_110, 3_580, 4_040, 4_070],
    withoutLunch: [null, null, null, null],
    common: [1_040, 1_150, 1_450, 1_640, 1_890, 2_140, 2_310],
    prisbasbelopp: 48_300,
  },
  2023: {
    single: 3_490,
    couple: 6_300,
    children: [2_420, 2_700, 2_410, 2_700, 3_380, 3_890, 4_390, 4_430],
    withoutLunch: [null, null, null, null],
    common: [1_130, 1_250, 1_580, 1_790, 2_060, 2_330, 2_510],
    prisbasbelopp: 52_500,
  },
  2024: {
    single: 3_800,
    couple: 6_850,
    children: [2_640, 2_940, 2_620, 2_940, 3_680, 4_230, 4_780, 4_820],
    withoutLunch: [2_470, 2_700, 2_410, 2_620],
    common: [1_230, 1_360, 1_720, 1_950, 2_240, 2_540, 2_730],
    prisbasbelopp: 57_300,
  },
  2025: {
    single: 3_910,
    couple: 7_050,
    children: [2_720, 3_030, 2_700, 3_030, 3_790, 4_350, 4_920, 4_960],
    withoutLunch: [2_540, 2_780, 2_480, 2_700],
    common: [1_270, 1_400, 1_770, 2_010, 2_310, 2_620, 2_810],
    prisbasbelopp: 58_800,
  },
  2026: {
    single: 3_940,
    couple: 7_100,
    children: [2_740, 3_060, 2_720, 3_060, 3_820, 4_390, 4_960, 5_000],
    withoutLunch: [2_560, 2_800, 2_500, 2_720],
    common: [1_280, 1_410, 1_790, 2_030, 2_330, 2_640, 2_830],
    prisbasbelopp: 59_200,
  },
};

function kronor(parameter: string, month: string): number | null {
  const value = usableValue(parameter, parseMonth(month));
  return value === null ? null : value / 100;
}

describe('riksnorm och prisbasbelopp per år', () => {
  for (const [year, table] of Object.entries(TABLES)) {
    it(`${year}: hela tabellen gäller varje månad i året`, () => {
      const firstMonth = year === '2013' ? 7 : 1;
      for (let month = firstMonth; month <= 12; month++) {
        const m = `${year}-${month < 10 ? '0' : ''}${month}`;
        expect(kronor('riksnorm.adults.single', m)).toBe(table.single);
        expect(kronor('riksnorm.adults.couple', m)).toBe(table.couple);
        expect(CHILD_AGE_BANDS.map((band) => kronor(`riksnorm.children.${band}`, m))).toEqual(table.children);
        expect(
          CHILD_AGE_BANDS.slice(0, 4).map((band) => kronor(`riksnorm.childrenWithoutLunch.${band}`, m)),
        ).toEqual(table.withoutLunch);
        expect([1, 2, 3, 4, 5, 6, 7].map((size) => kronor(`riksnorm.common.size${size}`, m))).toEqual(
          table.common,
        );
        expect(kronor('prisbasbelopp', m)).toBe(table.prisbasbelopp);
        expect(usableValue('jobStimulus.percent', parseMonth(m))).toBe(25);
      }
    });
  }

  it('täcker varje år från 2013 till 2026', () => {
    expect(Object.keys(TABLES).map(Number)).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });
});

describe('parameterfilernas täckning', () => {
  it('varje månad 2013-07..2026-12 har för varje parameter ett belopp med källa eller ett uttryckligt okänt värde', () => {
    expect(RANGE.first).toBe(parseMonth('2013-07'));
    expect(RANGE.last).toBe(parseMonth('2026-12'));
    expect(COVERAGE_PROBLEMS).toEqual([]);
  });

  it('varje användbart belopp har minst en källa som finns i källförteckningen', () => {
    const known = new Set(Object.keys(sources));
    for (let index = 0; index < MONTH_COUNT; index++) {
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        if (STATUS[index * SLOT_COUNT + slot] === STATUS_UNAVAILABLE) continue;
        const explanation = EXPLANATIONS[index * SLOT_COUNT + slot];
        expect(explanation, `${PARAMETER_NAMES[slot]} month ${index}`).not.toBeNull();
        expect(explanation?.source.length).toBeGreaterThan(0);
        for (const id of explanation?.source ?? []) expect(known.has(id), id).toBe(true);
      }
    }
  });

  it('varje källa har en titel', () => {
    for (const [id, source] of Object.entries(sources as Record<string, { title?: string }>)) {
      expect(typeof source.title, id).toBe('string');
    }
  });
});
