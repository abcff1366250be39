import { expect, test } from 'vitest';
import { ethnicities, isEthnicMinority } from './ethnicities.ts';

test('54 groups with unique two-digit codes 01–54', () => {
  expect(ethnicities).toHaveLength(54);
  expect(ethnicities.map(([code]) => code)).toEqual(
    Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
  );
  expect(new Set(ethnicities.map(([, name]) => name)).size).toBe(54);
});

test('every group but Kinh is an ethnic minority', () => {
  expect(isEthnicMinority('01')).toBe(false);
  expect(ethnicities.filter(([code]) => isEthnicMinority(code))).toHaveLength(53);
});
