import { expect, test } from 'vitest';
import { nameSearchExamples } from './register/nameSearchExamples.ts';
import { foldVietnamese } from './vietnameseText.ts';

/** The register's name search matches when the folded query is contained in the folded name. */
const matches = (query: string, name: string) => foldVietnamese(name).includes(foldVietnamese(query));

test.each(nameSearchExamples)('"%s" vs "%s" → %s', (query, name, expected) => {
  expect(matches(query, name)).toBe(expected);
});

test('the table holds at least 30 pairs', () => {
  expect(nameSearchExamples.length).toBeGreaterThanOrEqual(30);
});
