import { z } from 'zod';
import type { PlainDate } from '../plainDate.ts';

/**
 * Reporting periods. The plans report every six months and every year (Hải Dương: 15/6 for the 6-month report,
 * 15/12 for the year; Hà Nội: 30/11 yearly), so an indicator is computed for a half year (`2025H1` = 1 Jan – 30 Jun,
 * `2025H2` = 1 Jul – 31 Dec) or a calendar year (`2025`). Ages are taken at the period's last day.
 */
export const periodTypes = ['half_year', 'year'] as const;
export const PeriodType = z.enum(periodTypes);
export type PeriodType = z.infer<typeof PeriodType>;

const periodPattern = /^(\d{4})(H[12])?$/;

export const PeriodCode = z
  .string()
  .regex(periodPattern)
  .refine((code) => {
    const year = Number(code.slice(0, 4));
    return year >= 2000 && year <= 2100;
  });
export type PeriodCode = string;

export interface Period {
  code: PeriodCode;
  type: PeriodType;
  year: number;
  /** 1 or 2 for a half year. */
  half: 1 | 2 | null;
  start: PlainDate;
  end: PlainDate;
}

export function parsePeriod(code: string): Period {
  const match = periodPattern.exec(code);
  if (!match) throw new Error(`not a period: ${code}`);
  const year = Number(match[1]);
  if (match[2] === 'H1')
    return { code, type: 'half_year', year, half: 1, start: `${year}-01-01`, end: `${year}-06-30` };
  if (match[2] === 'H2')
    return { code, type: 'half_year', year, half: 2, start: `${year}-07-01`, end: `${year}-12-31` };
  return { code, type: 'year', year, half: null, start: `${year}-01-01`, end: `${year}-12-31` };
}

export function isPeriodCode(code: string): boolean {
  return PeriodCode.safeParse(code).success;
}

/** The period of the same type just before: the comparison "with last period" of aggregate entry. */
export function previousPeriod(code: PeriodCode): PeriodCode {
  const period = parsePeriod(code);
  if (period.half === 2) return `${period.year}H1`;
  if (period.half === 1) return `${period.year - 1}H2`;
  return String(period.year - 1);
}

/** The `count` periods of the given type ending with `last`, oldest first (an indicator's trend). */
export function periodsEndingWith(last: PeriodCode, count: number): PeriodCode[] {
  const periods = [last];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

/** The period of the type that contains the date. */
export function periodContaining(date: PlainDate, type: PeriodType): PeriodCode {
  const year = date.slice(0, 4);
  if (type === 'year') return year;
  return `${year}${Number(date.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`;
}

/** How a period reads in Vietnamese: "6 tháng đầu năm 2025", "Năm 2025". */
export function periodLabel(code: PeriodCode, language: 'vi' | 'en' = 'vi'): string {
  const period = parsePeriod(code);
  if (language === 'en') {
    if (period.half === 1) return `H1 ${period.year}`;
    if (period.half === 2) return `H2 ${period.year}`;
    return `Year ${period.year}`;
  }
  if (period.half === 1) return `6 tháng đầu năm ${period.year}`;
  if (period.half === 2) return `6 tháng cuối năm ${period.year}`;
  return `Năm ${period.year}`;
}
