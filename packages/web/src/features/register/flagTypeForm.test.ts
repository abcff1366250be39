import { api } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  flagTypeDefaults,
  flagTypeSaveRequest,
  flagTypeSchema,
  provinceOf,
  toggledFlagTypeRequest,
} from './flagTypeForm.ts';

const existing = {
  code: 'domestic_violence',
  nameVi: 'Bạo lực gia đình',
  nameEn: 'Domestic violence',
  active: true,
};

describe('the province of the catalogue', () => {
  test('is the one province of every scope unit', () => {
    expect(provinceOf([{ provinceCode: '01' }])).toBe('01');
    expect(provinceOf([{ provinceCode: '79' }, { provinceCode: '79' }])).toBe('79');
  });

  test('is none for the national scope, several provinces or no unit', () => {
    expect(provinceOf([{ provinceCode: null }])).toBeNull();
    expect(provinceOf([{ provinceCode: '01' }, { provinceCode: null }])).toBeNull();
    expect(provinceOf([{ provinceCode: '01' }, { provinceCode: '79' }])).toBeNull();
    expect(provinceOf([])).toBeNull();
  });
});

describe('the flag form', () => {
  test('starts empty and active for a new flag, and from the flag when editing', () => {
    expect(flagTypeDefaults()).toEqual({ code: '', nameVi: '', nameEn: '', active: true });
    expect(flagTypeDefaults({ ...existing, active: false })).toEqual({ ...existing, active: false });
  });

  test('accepts a new code of lower-case letters, digits and _ and trims the names', () => {
    const result = flagTypeSchema(false, [existing.code], 'taken').safeParse({
      code: 'bo_hoc_som2',
      nameVi: '  Bỏ học sớm ',
      nameEn: ' Early school leaving',
      active: true,
    });
    expect(result.data).toEqual({
      code: 'bo_hoc_som2',
      nameVi: 'Bỏ học sớm',
      nameEn: 'Early school leaving',
      active: true,
    });
  });

  test('rejects a badly formed code, empty names and a code already in the catalogue', () => {
    const schema = flagTypeSchema(false, [existing.code], 'taken');
    for (const code of ['Bo_hoc', '1abc', 'a', 'bỏ_học', 'bo-hoc', 'x'.repeat(51)]) {
      const result = schema.safeParse({ code, nameVi: 'A', nameEn: 'A', active: true });
      expect(
        result.error?.issues.map((issue) => issue.path.join('.')),
        code,
      ).toEqual(['code']);
    }
    const empty = schema.safeParse({ code: 'abc', nameVi: '  ', nameEn: '', active: true });
    expect(empty.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['nameEn', 'nameVi']);
    const taken = schema.safeParse({ ...existing });
    expect(taken.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['code', 'taken'],
    ]);
  });

  test('does not check the read-only code of an edited flag', () => {
    const result = flagTypeSchema(true, [existing.code], 'taken').safeParse({ ...existing, nameVi: 'Mới' });
    expect(result.success).toBe(true);
  });
});

describe('saving a flag', () => {
  test('puts the code in the path and the names and state in the body', () => {
    const request = flagTypeSaveRequest('01', existing);
    expect(request).toEqual({
      params: { provinceCode: '01', code: 'domestic_violence' },
      body: { nameVi: 'Bạo lực gia đình', nameEn: 'Domestic violence', active: true },
    });
    expect(api.register.saveFlagType.params.safeParse(request.params).success).toBe(true);
    expect(api.register.saveFlagType.body.safeParse(request.body).success).toBe(true);
  });

  test('deactivates and reactivates with the whole flag', () => {
    expect(toggledFlagTypeRequest('01', existing).body).toEqual({
      nameVi: 'Bạo lực gia đình',
      nameEn: 'Domestic violence',
      active: false,
    });
    expect(toggledFlagTypeRequest('01', { ...existing, active: false }).body.active).toBe(true);
  });
});
