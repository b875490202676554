// Dated lookup: which entry of a dated table is in force in a month.
// Tables are resolved once per month at module load so a calculation only indexes arrays.

import { type MonthNumber, parseIsoDateMonth, parseMonth } from './month.ts';

export interface DatedEntry {
  /** First day the entry applies, YYYY-MM-DD; entries apply until the next entry's validFrom. */
  validFrom: string;
}

/** The month range a precomputed table covers: months first..last inclusive. */
export interface MonthRange {
  first: MonthNumber;
  last: MonthNumber;
}

export function monthRange(firstMonth: string, lastMonth: string): MonthRange {
  const first = parseMonth(firstMonth);
  const last = parseMonth(lastMonth);
  if (first < 0 || last < first) throw new Error(`invalid month range ${firstMonth}..${lastMonth}`);
  return { first, last };
}

/**
 * For each month in range, the index of the entry in force on the first day of that month,
 * or -1 when none is. Entries must be sorted by validFrom and start on a first of the month
 * (checked; a data error fails at load, never silently during a calculation).
 */
export function entryIndexByMonth(entries: readonly DatedEntry[], range: MonthRange): Int16Array {
  const starts = entries.map((entry) => {
    const month = parseIsoDateMonth(entry.validFrom);
    if (month < 0 || !entry.validFrom.endsWith('-01')) {
      throw new Error(`validFrom ${entry.validFrom} must be the first day of a month`);
    }
    return month;
  });
  for (let i = 1; i < starts.length; i++) {
    if ((starts[i] as number) <= (starts[i - 1] as number)) {
      throw new Error(`entries must be sorted by validFrom (${entries[i]?.validFrom})`);
    }
  }
  const byMonth = new Int16Array(range.last - range.first + 1).fill(-1);
  for (let month = range.first; month <= range.last; month++) {
    let found = -1;
    for (let i = 0; i < starts.length; i++) if ((starts[i] as number) <= month) found = i;
    byMonth[month - range.first] = found;
  }
  return byMonth;
}
