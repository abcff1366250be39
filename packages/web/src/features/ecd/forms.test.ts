import { describe, expect, test } from 'vitest';
import type { FieldValues, Resolver } from 'react-hook-form';
import { withRuleMessages } from './forms.ts';

describe('rule messages of the shared schemas', () => {
  test('puts the catalogue sentence in place of a rule code, and leaves other messages alone', async () => {
    const resolver: Resolver<FieldValues> = async () => ({
      values: {},
      errors: {
        weightKg: { type: 'custom', message: 'nothing_measured' },
        schoolName: { type: 'too_small', message: 'Vui lòng nhập thông tin này.' },
      },
    });
    const translated = withRuleMessages(resolver, { nothing_measured: 'Nhập ít nhất một số đo.' });
    const result = await translated({}, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors.weightKg?.message).toBe('Nhập ít nhất một số đo.');
    expect(result.errors.schoolName?.message).toBe('Vui lòng nhập thông tin này.');
  });
});
