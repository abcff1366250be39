import { expect, test } from 'vitest';
import { nameSearchExamples } from './register/nameSearchExamples.ts';
import { nameMatches } from './vietnameseText.ts';

test.each(nameSearchExamples)('"%s" vs "%s" → %s', (query, name, expected) => {
  expect(nameMatches(query, name)).toBe(expected);
});

test('a query of nothing but spaces and marks matches nothing', () => {
  expect(nameMatches('  ', 'Nguyễn Thị Hằng')).toBe(false);
  expect(nameMatches('\u0301', 'Nguyễn Thị Hằng')).toBe(false);
});

test('the table holds at least 30 pairs', () => {
  expect(nameSearchExamples.length).toBeGreaterThanOrEqual(30);
});
