import { describe, expect, test } from 'vitest';
import {
  decimalInputText,
  format,
  formatDate,
  formatDecimal,
  formatInstant,
  formatNumber,
  parseDecimal,
} from './format.ts';
import { errorText, issueText } from './errorText.ts';
import { ApiError } from '../api/ApiError.ts';
import { vi } from './vi.ts';
import { en } from './en.ts';
import { EXPORT_ROW_LIMIT } from '@treem/shared';

describe('format', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('Xin chào, {name}', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(format('{a} / {b}', { a: 1 })).toBe('1 / {b}');
  });
});

describe('dates and numbers', () => {
  test('shows calendar dates as dd/MM/yyyy without going through a time zone', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });

  test('shows instants in Vietnam time as dd/MM/yyyy HH:mm', () => {
    // 17:30 UTC on 31 Dec is already 00:30 on 1 Jan in Hà Nội.
    expect(formatInstant('2024-12-31T17:30:00Z')).toBe('01/01/2025 00:30');
    expect(formatInstant('not a date')).toBe('');
  });

  test('groups thousands the Vietnamese way in Vietnamese', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});

describe('errorText', () => {
  test('adds the unlock time to ACCOUNT_LOCKED, in Vietnam time', () => {
    const error = new ApiError({
      code: 'ACCOUNT_LOCKED',
      status: 423,
      details: { lockedUntil: '2025-03-01T03:05:00.000Z' },
    });
    expect(errorText(error, vi)).toBe(
      `${vi.errors.ACCOUNT_LOCKED} Có thể đăng nhập lại sau 01/03/2025 10:05.`,
    );
  });

  test('EXPORT_TOO_LARGE quotes the export limit the server applies', () => {
    expect(vi.errors.EXPORT_TOO_LARGE).toContain(formatNumber(EXPORT_ROW_LIMIT, 'vi'));
    expect(en.errors.EXPORT_TOO_LARGE).toContain(formatNumber(EXPORT_ROW_LIMIT, 'en'));
  });

  test('never shows the text of an unexpected exception', () => {
    expect(errorText(new TypeError('x is undefined at Foo.tsx:12'), vi)).toBe(vi.errors.UNKNOWN_ERROR);
  });
});

describe('decimals typed by hand', () => {
  test('accepts a decimal comma as well as a point, and spaces around', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal(' 7 ')).toBe(7);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('10,')).toBe(10);
  });

  test('reads nothing typed as no value, and anything else as not a number', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('   ')).toBeNull();
    for (const text of ['1,2,3', '12.5.1', 'abc', '-3', '1e3', '12,5kg', '.']) {
      expect(parseDecimal(text), text).toBeNaN();
    }
  });

  test('shows a number for editing with the language’s decimal mark and back', () => {
    expect(decimalInputText(9.75, 'vi')).toBe('9,75');
    expect(decimalInputText(9.75, 'en')).toBe('9.75');
    expect(decimalInputText(null, 'vi')).toBe('');
    expect(parseDecimal(decimalInputText(68.4, 'vi'))).toBe(68.4);
  });

  test('formats z-scores with two decimals in the language’s notation', () => {
    expect(formatDecimal(-2.5, 'vi', 2)).toBe('-2,50');
    expect(formatDecimal(1234.5, 'en', 1)).toBe('1,234.5');
  });
});

describe('field issues from the server', () => {
  test('names early-childhood rules in the user’s language, and anything unknown as an invalid value', () => {
    expect(issueText('dose_already_recorded', vi)).toBe(vi.ecd.issues.dose_already_recorded);
    expect(issueText('before_birth', en)).toBe(en.ecd.issues.before_birth);
    expect(issueText('birth_date_in_future', vi)).toBe(vi.personRules.birth_date_in_future);
    expect(issueText('something_new', vi)).toBe(vi.validation.invalidValue);
  });
});
