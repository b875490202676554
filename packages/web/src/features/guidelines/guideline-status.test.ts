import { describe, expect, test } from 'vitest';
import { currentVersion, isReviewDue, latestVersion, versionForMonth } from './guideline-status.ts';

const v = (
  version: number,
  status: 'draft' | 'adopted',
  validFrom: string,
  reviewOn: string | null = null,
) => ({
  version,
  status,
  validFrom,
  adoptedOn: status === 'adopted' ? validFrom : null,
  reviewOn,
});

const versions = [
  v(1, 'adopted', '2024-01-01', '2025-12-01'),
  v(2, 'adopted', '2026-01-01', '2027-11-17'),
  v(3, 'draft', '2027-01-01'),
];

describe('Riktlinjens status', () => {
  test('den antagna versionen som gäller i dag, och den senaste antagna innan någon gäller', () => {
    expect(currentVersion(versions, '2026-11-23')?.version).toBe(2);
    expect(currentVersion(versions, '2025-06-01')?.version).toBe(1);
    expect(currentVersion([v(1, 'adopted', '2027-01-01')], '2026-11-23')?.version).toBe(1);
    expect(currentVersion([v(1, 'draft', '2027-01-01')], '2026-11-23')).toBeUndefined();
    expect(latestVersion(versions)?.version).toBe(3);
  });

  test('översynen är försenad när datumet har passerat, aldrig för ett utkast', () => {
    expect(isReviewDue(versions[0] as (typeof versions)[number], '2026-11-23')).toBe(true);
    expect(isReviewDue(versions[1] as (typeof versions)[number], '2026-11-23')).toBe(false);
    expect(isReviewDue({ ...v(4, 'draft', '2027-01-01'), reviewOn: '2020-01-01' }, '2026-11-23')).toBe(false);
  });

  test('beräkningen för en månad använder den antagna versionen som gällde då', () => {
    expect(versionForMonth(versions, '2025-12')?.version).toBe(1);
    expect(versionForMonth(versions, '2026-01')?.version).toBe(2);
    expect(versionForMonth(versions, '2027-03')?.version).toBe(2);
    expect(versionForMonth(versions, '2023-06')).toBeUndefined();
  });
});
