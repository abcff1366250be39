import { expect, test } from 'vitest';
import { defaultAtRiskFlags, specialCircumstanceGroups } from './specialCircumstances.ts';

test('there are the 14 statutory groups, lettered as in Art. 10(1) (no f, no j)', () => {
  expect(specialCircumstanceGroups.map((g) => g.clause)).toEqual([
    'a',
    'b',
    'c',
    'd',
    'đ',
    'e',
    'g',
    'h',
    'i',
    'k',
    'l',
    'm',
    'n',
    'o',
  ]);
  expect(new Set(specialCircumstanceGroups.map((g) => g.code)).size).toBe(14);
});

test('sub-group codes are unique and start with their group’s code', () => {
  const codes = specialCircumstanceGroups.flatMap((g) => g.subGroups.map((s) => [g.code, s.code] as const));
  expect(new Set(codes.map(([, code]) => code)).size).toBe(codes.length);
  for (const [group, code] of codes) expect(code.startsWith(group)).toBe(true);
});

test('at-risk flag codes are unique', () => {
  expect(new Set(defaultAtRiskFlags.map((f) => f.code)).size).toBe(defaultAtRiskFlags.length);
});
