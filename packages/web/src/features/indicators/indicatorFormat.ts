import {
  foldVietnamese,
  parsePeriod,
  periodContaining,
  periodLabel,
  previousPeriod,
  type IndicatorStatus,
  type IndicatorSummary,
  type IndicatorUnit,
  type PlainDate,
} from '@treem/shared';
import { formatDecimal, formatNumber, type Language } from '../../i18n/format.ts';

/** Digits after the comma a value shows, by unit: 12,5%; 1,25‰; 550/100.000; counts as integers. */
const digits: Record<IndicatorUnit, number> = {
  percent: 1,
  per_1000_live_births: 2,
  per_100000_children: 0,
  count: 0,
  boolean: 0,
  percent_reduction_per_year: 1,
};

const suffix: Record<IndicatorUnit, string> = {
  percent: '%',
  per_1000_live_births: '‰',
  per_100000_children: '/100.000',
  count: '',
  boolean: '%',
  percent_reduction_per_year: '%',
};

/** A value as the plans write it, in vi-VN or English number style; "—" when there is none. */
export function formatIndicatorValue(value: number | null, unit: IndicatorUnit, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const number =
    unit === 'count'
      ? formatNumber(Math.round(value), language)
      : formatDecimal(value, language, digits[unit]);
  return `${number}${suffix[unit]}`;
}

export const statusColour: Record<IndicatorStatus, string> = {
  on_track: 'green',
  at_risk: 'gold',
  off_track: 'red',
  no_data: 'default',
  no_target: 'default',
};

/** The half year running today: what a page opens on. */
export function defaultPeriod(today: PlainDate): string {
  return periodContaining(today, 'half_year');
}

/** The periods to pick from: the last six half years and the last three years, newest first. */
export function periodChoices(today: PlainDate, language: Language): { value: string; label: string }[] {
  const halves = [periodContaining(today, 'half_year')];
  while (halves.length < 6) halves.push(previousPeriod(halves.at(-1)!));
  const years = [periodContaining(today, 'year')];
  while (years.length < 3) years.push(previousPeriod(years.at(-1)!));
  return [...halves, ...years].map((code) => ({ value: code, label: periodLabel(code, language) }));
}

/** The period type an indicator supports closest to the chosen one (a yearly indicator shown for 2026H2 → 2026). */
export function periodFor(indicator: Pick<IndicatorSummary, 'periodTypes'>, period: string): string {
  const parsed = parsePeriod(period);
  if (indicator.periodTypes.includes(parsed.type)) return period;
  return String(parsed.year);
}

/** Whether an indicator matches a search: code or name, tone-insensitive. */
export function indicatorMatches(indicator: IndicatorSummary, query: string, language: Language): boolean {
  const folded = foldVietnamese(query.trim());
  if (!folded) return true;
  const haystack = foldVietnamese(
    `${indicator.code} ${indicator.name.vi} ${language === 'en' ? indicator.name.en : ''}`,
  );
  return folded.split(/\s+/).every((word) => haystack.includes(word));
}
