import { describe, expect, test } from 'vitest';
import { checkPersonalId, parsePersonalId } from './personalId.ts';

describe('personal identification numbers', () => {
  test('reads province, sex and year of birth', () => {
    // 001 Hà Nội · 3 = female born 2000–2099 · 18 → 2018
    expect(parsePersonalId('001318123456')).toEqual({
      provinceCode: '01',
      sex: 'female',
      century: 2000,
      birthYear: 2018,
    });
    expect(parsePersonalId('079090000001')).toMatchObject({
      provinceCode: '79',
      sex: 'male',
      birthYear: 1990,
    });
  });

  test('accepts a number consistent with the person', () => {
    expect(checkPersonalId('001318123456', { sex: 'female', dateOfBirth: '2018-03-05' })).toEqual([]);
    expect(checkPersonalId('030220000777', { sex: 'male', dateOfBirth: '2020-01-01' })).toEqual([]);
  });

  test('names each inconsistency', () => {
    expect(checkPersonalId('001318123456', { sex: 'male' })).toEqual(['sex_mismatch']);
    expect(checkPersonalId('001318123456', { dateOfBirth: '2019-01-01' })).toEqual(['birth_year_mismatch']);
    // 003 is not a province code (Hà Giang is 002, Cao Bằng 004).
    expect(checkPersonalId('003318123456')).toEqual(['province']);
  });

  test('refuses anything that is not 12 digits starting with 0', () => {
    for (const bad of ['', '00131812345', '0013181234567', '00131812345a', '101318123456', ' 001318123456']) {
      expect(checkPersonalId(bad)).toEqual(['format']);
    }
  });
});
