import { describe, expect, test } from 'vitest';
import type { IndicatorSummary } from '@treem/shared';
import {
  defaultPeriod,
  formatIndicatorValue,
  indicatorMatches,
  periodChoices,
  periodFor,
} from './indicatorFormat.ts';

describe('indicator values as the plans write them', () => {
  test('percent with one decimal, vi-VN comma', () => {
    expect(formatIndicatorValue(12.345, 'percent', 'vi')).toBe('12,3%');
    expect(formatIndicatorValue(12.345, 'percent', 'en')).toBe('12.3%');
  });
  test('per 1,000 live births with two decimals, per 100,000 whole', () => {
    expect(formatIndicatorValue(1.5, 'per_1000_live_births', 'vi')).toBe('1,50‰');
    expect(formatIndicatorValue(549.6, 'per_100000_children', 'vi')).toBe('550/100.000');
  });
  test('counts with thousands separators; no value is a dash', () => {
    expect(formatIndicatorValue(12345, 'count', 'vi')).toBe('12.345');
    expect(formatIndicatorValue(null, 'percent', 'vi')).toBe('—');
  });
});

describe('periods', () => {
  test('a page opens on the half year running today', () => {
    expect(defaultPeriod('2026-12-06')).toBe('2026H2');
    expect(defaultPeriod('2026-06-30')).toBe('2026H1');
  });
  test('the choices: six half years then three years, newest first', () => {
    expect(periodChoices('2026-12-06', 'vi').map((c) => c.value)).toEqual([
      '2026H2',
      '2026H1',
      '2025H2',
      '2025H1',
      '2024H2',
      '2024H1',
      '2026',
      '2025',
      '2024',
    ]);
    expect(periodChoices('2026-12-06', 'vi')[0]!.label).toBe('6 tháng cuối năm 2026');
  });
  test('a yearly indicator asked for a half year shows the year', () => {
    expect(periodFor({ periodTypes: ['year'] }, '2026H2')).toBe('2026');
    expect(periodFor({ periodTypes: ['half_year', 'year'] }, '2026H2')).toBe('2026H2');
  });
});

test('search matches code or name without tones, every word', () => {
  const indicator = {
    code: 'NPA-04a',
    name: { vi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân', en: 'Underweight' },
  } as IndicatorSummary;
  expect(indicatorMatches(indicator, 'nhe can', 'vi')).toBe(true);
  expect(indicatorMatches(indicator, 'NPA-04A', 'vi')).toBe(true);
  expect(indicatorMatches(indicator, 'thấp còi', 'vi')).toBe(false);
});
