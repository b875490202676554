// Calendar months and ISO dates, parsed with charCodeAt (no Date objects, no allocation)
// because validation runs once per household-month in batch recalculations.

/** A month as one integer: year × 12 + (month − 1). Orders and subtracts naturally. */
export type MonthNumber = number;

const ZERO = 48;

/** The decimal digit at `at`, or a number above 9 for any other character (unsigned trick). */
function digitAt(text: string, at: number): number {
  return (text.charCodeAt(at) - ZERO) >>> 0;
}

/** "2026-03" → month number, or -1 when the text is not a valid YYYY-MM. */
export function parseMonth(text: string): MonthNumber {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return -1;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9) return -1;
  const month = m0 * 10 + m1;
  if (month < 1 || month > 12) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + month - 1;
}

export function daysInMonth(year: number, month1to12: number): number {
  if (month1to12 === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month1to12 === 4 || month1to12 === 6 || month1to12 === 9 || month1to12 === 11 ? 30 : 31;
}

/**
 * "1988-02-14" → the month number of that date, or -1 when the text is not a real
 * calendar date in YYYY-MM-DD form. The day is checked but not needed by any rule:
 * ages are the age reached during the month.
 */
export function parseIsoDateMonth(text: string): MonthNumber {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return -1;
  return year * 12 + month - 1;
}

export function yearOf(month: MonthNumber): number {
  return Math.floor(month / 12);
}

/** "2026-03" for a month number. */
export function formatMonth(month: MonthNumber): string {
  const m = (month % 12) + 1;
  return `${yearOf(month)}-${m < 10 ? '0' : ''}${m}`;
}

/**
 * The age a person born in birthMonth reaches during month (policy in docs/rules.md:
 * a child who turns 7 in March counts as 7 for all of March).
 */
export function ageReachedInMonth(birthMonth: MonthNumber, month: MonthNumber): number {
  // 12 × (years between) + (month − birth month), floored to whole years: one less when the
  // birthday month comes later in the year.
  return Math.floor((month - birthMonth) / 12);
}
