import { checkPasswordStrength } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { generatePassword } from './passwordGenerator.ts';

describe('generatePassword', () => {
  test('makes passwords that pass the strength rule', () => {
    for (let i = 0; i < 200; i++) {
      expect(checkPasswordStrength(generatePassword(), 'nguyen.van.a')).toEqual([]);
    }
  });

  test('makes a different password each time', () => {
    expect(new Set(Array.from({ length: 50 }, () => generatePassword())).size).toBe(50);
  });
});
