import { addDaysToPlainDate } from '../immunization/age.ts';
import { comparePlainDates, isPlainDate, type PlainDate } from '../plainDate.ts';
import { vietnamHolidays, type VietnamHoliday } from './vietnamHolidays.ts';

export interface WorkingCalendarOptions {
  /** Days off the province adds: a local festival, the day-off half of a provincial swap. */
  readonly extraDaysOff?: readonly PlainDate[];
  /** Days the province works although the national data says otherwise: the Saturday of a provincial swap. */
  readonly extraWorkingDays?: readonly PlainDate[];
  /** The national data; defaults to `vietnamHolidays`. */
  readonly holidays?: readonly VietnamHoliday[];
}

export interface WorkingCalendar {
  /** Monday to Friday, unless the national data or the province says otherwise. */
  isWorkingDay(date: PlainDate): boolean;
  /**
   * The n-th working day after `date`, not counting `date` itself (n = 0 gives `date` back). This is how a period
   * "within n working days of the event" is counted: the event's own day never counts.
   */
  addWorkingDays(date: PlainDate, n: number): PlainDate;
  /**
   * How many working days lie after `from`, up to and including `to`; negative when `to` is before `from`.
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(from: PlainDate, to: PlainDate): number;
  /** The national entry for a date (holiday, compensatory or bridge day, working weekend day), if any. */
  holidayOn(date: PlainDate): VietnamHoliday | undefined;
  /**
   * The years the national data covers. Outside them only weekends and the province's own days count, so a
   * deadline computed there may fall on a holiday nobody has entered yet.
   */
  readonly coveredYears: { readonly first: number; readonly last: number } | undefined;
}

/**
 * The working-day calendar of one province. The province's own days win over the national data: a province that
 * swaps a Saturday for a local festival says so here, and the national data cannot know.
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const holidays = options.holidays ?? vietnamHolidays;
  const extraDaysOff = new Set(checkedDates(options.extraDaysOff ?? [], 'extraDaysOff'));
  const extraWorkingDays = new Set(checkedDates(options.extraWorkingDays ?? [], 'extraWorkingDays'));
  for (const date of extraDaysOff) {
    if (extraWorkingDays.has(date)) {
      throw new RangeError(`${date} is both an extra day off and an extra working day`);
    }
  }

  const entries = new Map<PlainDate, VietnamHoliday>();
  for (const entry of holidays) {
    if (entries.has(entry.date)) throw new RangeError(`${entry.date} appears twice in the holiday data`);
    entries.set(entry.date, entry);
  }
  const years = holidays.map((entry) => Number(entry.date.slice(0, 4)));

  const isWorking = (date: PlainDate): boolean => {
    if (extraWorkingDays.has(date)) return true;
    if (extraDaysOff.has(date)) return false;
    const entry = entries.get(date);
    if (entry) return entry.kind === 'working_weekend';
    const day = dayOfWeek(date);
    return day !== 0 && day !== 6;
  };

  // Counts by walking day by day: deadlines span days or weeks, and a walk cannot get the edge cases wrong.
  const countAfter = (from: PlainDate, to: PlainDate): number => {
    let count = 0;
    for (let day = addDaysToPlainDate(from, 1); day <= to; day = addDaysToPlainDate(day, 1)) {
      if (isWorking(day)) count += 1;
    }
    return count;
  };

  return {
    isWorkingDay(date) {
      return isWorking(checkedDate(date, 'date'));
    },
    addWorkingDays(date, n) {
      let day = checkedDate(date, 'date');
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
      for (let remaining = n; remaining > 0;) {
        day = addDaysToPlainDate(day, 1);
        if (isWorking(day)) remaining -= 1;
      }
      return day;
    },
    workingDaysBetween(from, to) {
      checkedDate(from, 'from');
      checkedDate(to, 'to');
      // `0 - n`, not `-n`: an empty backward count must be 0, not -0.
      return comparePlainDates(from, to) <= 0 ? countAfter(from, to) : 0 - countAfter(to, from);
    },
    holidayOn(date) {
      return entries.get(checkedDate(date, 'date'));
    },
    coveredYears: years.length === 0 ? undefined : { first: Math.min(...years), last: Math.max(...years) },
  };
}

/** 0 = Sunday … 6 = Saturday. A calendar date has a weekday without any time zone. */
function dayOfWeek(date: PlainDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function checkedDate(date: PlainDate, name: string): PlainDate {
  if (!isPlainDate(date)) throw new RangeError(`${name} is not a YYYY-MM-DD date: ${String(date)}`);
  return date;
}

function checkedDates(dates: readonly PlainDate[], name: string): PlainDate[] {
  return dates.map((date) => checkedDate(date, name));
}
