import { expect, test } from 'vitest';
import { checkPasswordStrength, randomPassword } from './password.ts';

test('accepts a long password with three kinds of character', () => {
  expect(checkPasswordStrength('Hoa-binh-2026', 'xa.canbo')).toEqual([]);
});

test('names each problem with a weak password', () => {
  expect(checkPasswordStrength('abc', '')).toEqual(expect.arrayContaining(['too_short', 'too_few_kinds']));
  expect(checkPasswordStrength('alllowercaseletters', '')).toEqual(['too_few_kinds']);
  expect(checkPasswordStrength('Nguyenvana2026', 'nguyenvana')).toEqual(['contains_username']);
  expect(checkPasswordStrength('Password123', '')).toContain('common');
});

test('generated temporary passwords always pass the rule', () => {
  for (let i = 0; i < 200; i += 1) expect(checkPasswordStrength(randomPassword(), 'someone')).toEqual([]);
});
