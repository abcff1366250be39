import { expect, test } from 'vitest';
import { addYears, formatPlainDateVi, isPlainDate, todayInVietnam } from './plainDate.ts';

test('today is the Vietnamese calendar day even when UTC is still on the previous day', () => {
  // 23:30 UTC on 31 Dec is 06:30 on 1 Jan in Hà Nội (UTC+7).
  expect(todayInVietnam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  expect(todayInVietnam(new Date('2026-01-01T16:59:00Z'))).toBe('2026-01-01');
  expect(todayInVietnam(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
});

test('validates calendar dates, leap years included', () => {
  expect(isPlainDate('2024-02-29')).toBe(true);
  expect(isPlainDate('2025-02-29')).toBe(false);
  expect(isPlainDate('2025-13-01')).toBe(false);
  expect(isPlainDate('2025-1-01')).toBe(false);
});

test('formats dd/MM/yyyy', () => {
  expect(formatPlainDateVi('2025-07-01')).toBe('01/07/2025');
});

test('addYears keeps the day and clamps 29 February', () => {
  expect(addYears('2010-03-15', 16)).toBe('2026-03-15');
  expect(addYears('2012-02-29', 1)).toBe('2013-02-28');
  expect(addYears('2012-02-29', 4)).toBe('2016-02-29');
  expect(addYears('2026-01-01', -16)).toBe('2010-01-01');
});
