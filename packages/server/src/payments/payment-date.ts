// When a month's assistance reaches the households. The money for month M is paid on the
// municipality's payment day in the month before, so that the rent for M can be paid on time;
// a day on a weekend or bank holiday moves to the banking day before, and a day already
// passed moves to the next banking day (a bank refuses execution dates in the past).
import { AppError } from '../http/problem.ts';
import { BANK_HOLIDAYS } from './bank-holidays.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isBankingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const holidays = BANK_HOLIDAYS[year];
  if (!holidays) {
    throw new AppError(
      'conflict',
      `Bankfria dagar för ${year} saknas i systemet, så betalningsdagen kan inte bestämmas. Lägg till året i listan över bankfria dagar.`,
    );
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.some((h) => h.date === date);
}

/** The payment day in the month before `month` (YYYY-MM), moved to a banking day after `today`. */
export function paymentDate(month: string, paymentDay: number, today: string): string {
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  const previous = new Date(Date.UTC(year, monthNo - 2, paymentDay)).toISOString().slice(0, 10);
  let date = previous;
  while (!isBankingDay(date)) date = addDays(date, -1);
  if (date > today) return date;
  // The scheduled day has passed: the first banking day after today.
  date = addDays(today, 1);
  while (!isBankingDay(date)) date = addDays(date, 1);
  return date;
}
