// Calendar months and ISO dates, parsed with charCodeAt (no Date objects, no allocation)
// because validation runs once per household-month in batch recalculations.

/** A month as one integer: year × 12 + (month − 1). Orders and subtracts naturally. */
export type MonthNumber = number;

const ZERO = 48;

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = digit(text, i);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** "2026-03" → month number, or -1 when the text is not a valid YYYY-MM. */
export function parseMonth(text: string): MonthNumber {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
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
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
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
  return yearOf(month) - yearOf(birthMonth) - (birthMonth % 12 > month % 12 ? 1 : 0);
}
