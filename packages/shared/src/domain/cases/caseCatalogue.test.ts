import { expect, test } from 'vitest';
import { overallRisk } from './caseCatalogue.ts';

test('the overall risk is the highest risk of any item, the child’s capacity read the other way round', () => {
  const harm = { harm_severity: 'low', perpetrator_access: 'low', care_environment: 'low' } as const;
  // A strong capacity for self-protection is no risk; a weak one is.
  expect(overallRisk({ ...harm, self_protection: 'high' })).toBe('low');
  expect(overallRisk({ ...harm, self_protection: 'low' })).toBe('high');
  expect(overallRisk({ ...harm, self_protection: 'medium' })).toBe('medium');
  expect(overallRisk({ ...harm, perpetrator_access: 'high', self_protection: 'high' })).toBe('high');
  expect(overallRisk({ ...harm, care_environment: 'medium', self_protection: 'high' })).toBe('medium');
});
