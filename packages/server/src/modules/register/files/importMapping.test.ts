import { importFields } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { headerOf } from './importColumns.ts';
import { missingRequiredFields, proposeMapping } from './importMapping.ts';

describe('proposeMapping', () => {
  test('maps the template’s own headers to every field', () => {
    const headers = importFields.map(headerOf);
    expect(proposeMapping(headers)).toEqual(Object.fromEntries(importFields.map((f) => [f, headerOf(f)])));
  });

  test('recognises the headers of the communes’ own registers, whatever the tones, case and notes in brackets', () => {
    const mapping = proposeMapping([
      'STT',
      'Họ tên trẻ',
      'NGAY THANG NAM SINH',
      'Giới',
      'CCCD',
      'Mã định danh',
      'Thôn',
      'Số hộ (theo sổ thôn)',
      'Tên mẹ',
      'Bố',
      'Hoàn cảnh đặc biệt',
      'Ghi chú',
    ]);
    expect(mapping).toEqual({
      fullName: 'Họ tên trẻ',
      birthDate: 'NGAY THANG NAM SINH',
      sex: 'Giới',
      personalId: 'CCCD',
      village: 'Thôn',
      householdNumber: 'Số hộ (theo sổ thôn)',
      motherName: 'Tên mẹ',
      fatherName: 'Bố',
      circumstances: 'Hoàn cảnh đặc biệt',
      notes: 'Ghi chú',
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  test('prefers the exact template header over another name, and never uses one header twice', () => {
    const mapping = proposeMapping(['Họ tên', 'Họ và tên', 'Họ tên chủ hộ']);
    expect(mapping.fullName).toBe('Họ và tên');
    expect(mapping.headName).toBe('Họ tên chủ hộ');
    expect(Object.values(mapping)).toHaveLength(new Set(Object.values(mapping)).size);
  });

  test('leaves unknown headers unmapped and says which required fields are missing', () => {
    const mapping = proposeMapping(['Cột 1', 'Tên đầy đủ của bé', 'Ngày sinh']);
    expect(mapping).toEqual({ birthDate: 'Ngày sinh' });
    expect(missingRequiredFields(mapping)).toEqual(['householdNumber', 'village', 'fullName', 'sex']);
  });
});
