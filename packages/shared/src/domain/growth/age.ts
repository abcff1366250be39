import { daysInMonth, type PlainDate } from '../plainDate.ts';

/** How much of a date of birth is known (the register's `BirthDatePrecision`). */
export type BirthPrecision = 'day' | 'month' | 'year';

/** The day of the month assumed for a birth known to the month only: the middle of the month (see docs/growth.md). */
export const MID_MONTH_DAY = 15;

function dayNumber(date: PlainDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Age in whole days on the day of measurement, the unit of the WHO 2006 tables. Both dates are calendar dates in
 * Vietnam (a measurement at 00:30 on 2 March in Hà Nội is on 2 March, whatever the UTC time), so no time zone
 * enters: the day of birth is day 0, the day after is day 1, and 29 February is an ordinary day.
 *
 * - `day`: exact.
 * - `month` (the register stores the 1st): the 15th of that month is assumed — at most ±15 days off, which WHO
 *   anthro's survey guidance accepts for weight- and height-for-age; if the measurement is in the birth month
 *   itself, the 1st is used so the age is never negative.
 * - `year`: no age (`null`). Only weight-for-length/height, which needs no age, can then be scored.
 *
 * `null` too when the measurement is before the birth.
 */
export function growthAgeInDays(
  birthDate: PlainDate,
  precision: BirthPrecision,
  measuredOn: PlainDate,
): number | null {
  if (precision === 'year') return null;
  let birth = dayNumber(birthDate);
  if (precision === 'month') {
    const [y, m] = birthDate.split('-').map(Number) as [number, number];
    const middle = Date.UTC(y, m - 1, Math.min(MID_MONTH_DAY, daysInMonth(y, m))) / 86_400_000;
    const first = Date.UTC(y, m - 1, 1) / 86_400_000;
    birth = dayNumber(measuredOn) >= middle ? middle : first;
  }
  const days = dayNumber(measuredOn) - birth;
  return days < 0 ? null : days;
}
