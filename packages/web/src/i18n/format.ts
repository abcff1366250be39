import { formatPlainDateVi, VIETNAM_TIME_ZONE, type PlainDate } from '@treem/shared';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written so a missing value is visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** Calendar dates read dd/MM/yyyy in both languages (en-GB writes them the same way). */
export function formatDate(date: PlainDate | null | undefined): string {
  return date ? formatPlainDateVi(date) : '';
}

/**
 * An instant as dd/MM/yyyy HH:mm in Vietnam time, whatever the browser's zone: officials compare it with what
 * the server logs and with each other, so it must not move with the laptop's settings.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

export function numberLocale(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(numberLocale(language)).format(value);
}

/**
 * A decimal as a person types it: "12,5" (Vietnamese) or "12.5", spaces ignored. Empty → null; anything else that
 * is not a plain non-negative decimal → NaN, which the schemas refuse as an invalid value.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.replace(/\s+/g, '');
  if (trimmed === '') return null;
  if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return NaN;
  return Number(trimmed.replace(',', '.'));
}

/** A decimal as an input shows it for editing: the comma in Vietnamese, no grouping, no trailing zeros. */
export function decimalInputText(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  return language === 'vi' ? text.replace('.', ',') : text;
}

/** A measurement or z-score with a fixed number of decimals, in the language's notation (−1,25 / −1.25). */
export function formatDecimal(value: number, language: Language, digits: number): string {
  return new Intl.NumberFormat(numberLocale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
