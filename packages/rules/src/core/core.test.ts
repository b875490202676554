import { describe, expect, it } from 'vitest';
import { formatKronor, percentRoundedDown, roundHalfUpToKrona } from './money.ts';
import { ageReachedInMonth, formatMonth, parseIsoDateMonth, parseMonth } from './month.ts';

describe('money', () => {
  it('rounds to whole kronor half up', () => {
    expect(roundHalfUpToKrona(203000, 4)).toBe(50800); // 507,50 kr → 508 kr
    expect(roundHalfUpToKrona(496000 * 14, 30)).toBe(231500); // 2 314,67 kr → 2 315 kr
    expect(roundHalfUpToKrona(179000 * 2, 3)).toBe(119300); // 1 193,33 kr → 1 193 kr
    expect(roundHalfUpToKrona(0, 7)).toBe(0);
  });

  it('takes a percentage rounded down to whole öre, exactly even for large amounts', () => {
    expect(percentRoundedDown(1234567, 25)).toBe(308641);
    expect(percentRoundedDown(3, 25)).toBe(0);
    expect(percentRoundedDown(999_999_999_999_999, 25)).toBe(249_999_999_999_999);
  });

  it('formats kronor the Swedish way', () => {
    expect(formatKronor(522000)).toBe('5\u00a0220\u00a0kr');
    expect(formatKronor(126950)).toBe('1\u00a0269,50\u00a0kr');
  });
});

describe('month', () => {
  it('parses months and dates strictly', () => {
    expect(formatMonth(parseMonth('2026-03'))).toBe('2026-03');
    for (const bad of ['2026-3', '2026-13', '2026-00', '26-03-01', '2026/03', 'abcd-ef'])
      expect(parseMonth(bad)).toBe(-1);
    expect(parseIsoDateMonth('2024-02-29')).toBe(parseMonth('2024-02'));
    for (const bad of ['2023-02-29', '2026-04-31', '2026-01-00', '2026-1-01', '2026-01-01T00']) {
      expect(parseIsoDateMonth(bad)).toBe(-1);
    }
  });

  it('gives the age reached during the month', () => {
    expect(ageReachedInMonth(parseMonth('2019-03'), parseMonth('2026-03'))).toBe(7);
    expect(ageReachedInMonth(parseMonth('2019-04'), parseMonth('2026-03'))).toBe(6);
    expect(ageReachedInMonth(parseMonth('2026-03'), parseMonth('2026-03'))).toBe(0);
  });
});
