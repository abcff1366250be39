/**
 * Calendar dates travel as `YYYY-MM-DD` strings (PlainDate). Never `new Date(dob)`: that is midnight UTC, which is
 * still the previous day in Vietnam before 07:00.
 */
export type PlainDate = string & { readonly __brand?: 'PlainDate' };

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const plainDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(value: string): value is PlainDate {
  const match = plainDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's calendar date in Vietnam, whatever the server's own time zone. */
export function todayInVietnam(now: Date = new Date()): PlainDate {
  return plainDateInZone(now, VIETNAM_TIME_ZONE);
}

// Building an Intl formatter costs ~30× more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function plainDateInZone(instant: Date, timeZone: string): PlainDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** dd/MM/yyyy, the form Vietnamese officials read and write. */
export function formatPlainDateVi(date: PlainDate): string {
  const match = plainDatePattern.exec(date);
  if (!match) return date;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

export function comparePlainDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same day `years` later (or earlier); 29 February becomes 28 February in a common year. */
export function addYears(date: PlainDate, years: number): PlainDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
