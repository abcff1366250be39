import { expect, test } from 'vitest';
import { addAgeToPlainDate, addDaysToPlainDate, addMonthsToPlainDate, completedMonthsOfAge } from './age.ts';

test('adding days crosses month, year and leap-day boundaries', () => {
  expect(addDaysToPlainDate('2025-01-31', 1)).toBe('2025-02-01');
  expect(addDaysToPlainDate('2024-12-31', 1)).toBe('2025-01-01');
  expect(addDaysToPlainDate('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDaysToPlainDate('2025-02-28', 1)).toBe('2025-03-01');
  expect(addDaysToPlainDate('2025-01-15', 42)).toBe('2025-02-26');
  expect(addDaysToPlainDate('2025-03-01', -1)).toBe('2025-02-28');
});

test('adding months keeps the day and clamps it to the end of a shorter month', () => {
  expect(addMonthsToPlainDate('2025-01-15', 2)).toBe('2025-03-15');
  expect(addMonthsToPlainDate('2025-01-31', 1)).toBe('2025-02-28');
  expect(addMonthsToPlainDate('2024-01-31', 1)).toBe('2024-02-29');
  expect(addMonthsToPlainDate('2025-03-31', 1)).toBe('2025-04-30');
  expect(addMonthsToPlainDate('2024-11-30', 3)).toBe('2025-02-28');
  expect(addMonthsToPlainDate('2024-02-29', 12)).toBe('2025-02-28');
  expect(addMonthsToPlainDate('2024-02-29', 48)).toBe('2028-02-29');
  expect(addMonthsToPlainDate('2025-03-15', -3)).toBe('2024-12-15');
});

test('an age adds its months to the start date itself, then its weeks and days', () => {
  // Not chained: 31 Jan + 4 months is 31 May, although 31 Jan + 1 month is 28 Feb.
  expect(addAgeToPlainDate('2025-01-31', { months: 4 })).toBe('2025-05-31');
  expect(addAgeToPlainDate('2025-01-15', { months: 12, weeks: 2 })).toBe('2026-01-29');
  expect(addAgeToPlainDate('2024-02-29', { years: 1 })).toBe('2025-02-28');
  expect(addAgeToPlainDate('2024-02-29', { years: 1, days: 1 })).toBe('2025-03-01');
  expect(addAgeToPlainDate('2025-01-15', {})).toBe('2025-01-15');
});

test('completed months of age follow the same clamping', () => {
  expect(completedMonthsOfAge('2025-01-15', '2025-01-15')).toBe(0);
  expect(completedMonthsOfAge('2025-01-15', '2025-02-14')).toBe(0);
  expect(completedMonthsOfAge('2025-01-15', '2025-02-15')).toBe(1);
  expect(completedMonthsOfAge('2025-01-31', '2025-02-27')).toBe(0);
  expect(completedMonthsOfAge('2025-01-31', '2025-02-28')).toBe(1);
  expect(completedMonthsOfAge('2024-02-29', '2025-02-28')).toBe(12);
  expect(completedMonthsOfAge('2020-06-10', '2025-06-09')).toBe(59);
  expect(completedMonthsOfAge('2020-06-10', '2025-06-10')).toBe(60);
  expect(completedMonthsOfAge('2025-01-15', '2025-01-14')).toBe(-1);
});
