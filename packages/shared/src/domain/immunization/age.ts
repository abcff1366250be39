import { daysInMonth, type PlainDate } from '../plainDate.ts';

/**
 * An age or an interval as the schedule states it: "2 months", "within 24 hours" (1 day), "2 weeks after dose 1",
 * "one year later". Months and years are calendar months from the start date, with end-of-month clamping (31 January
 * + 1 month = 28 or 29 February); weeks and days are counted after the months. Every field defaults to 0.
 */
export interface AgeSpec {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

function parts(date: PlainDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function format(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date `days` later (or earlier, if negative). Pure calendar arithmetic: no time zone involved. */
export function addDaysToPlainDate(date: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(date);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The same day `months` later (or earlier); a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToPlainDate(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The date `age` after `start`. Months (years × 12 + months) are always added to `start` itself, never chained, so
 * "4 months" from 31 January is 31 May, not 28 May.
 */
export function addAgeToPlainDate(start: PlainDate, age: AgeSpec): PlainDate {
  const months = (age.years ?? 0) * 12 + (age.months ?? 0);
  const days = (age.weeks ?? 0) * 7 + (age.days ?? 0);
  const afterMonths = months === 0 ? start : addMonthsToPlainDate(start, months);
  return days === 0 ? afterMonths : addDaysToPlainDate(afterMonths, days);
}

/**
 * Whole months of age on `asOf` (negative before birth). A month is complete on the same day of a later month, or on
 * its last day when that month is shorter: a child born on 31 January is 1 month old on 28 February (29 in a leap
 * year), the same clamping as `addYears` for birthdays on 29 February.
 */
export function completedMonthsOfAge(birthDate: PlainDate, asOf: PlainDate): number {
  const [by, bm] = parts(birthDate);
  const [ay, am] = parts(asOf);
  const months = (ay - by) * 12 + (am - bm);
  return addMonthsToPlainDate(birthDate, months) <= asOf ? months : months - 1;
}
