import { importFields, type ImportField } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { headerOf } from './importColumns.ts';
import type { Cell, ImportSheet } from './importFile.ts';
import { ErrorCollector, parseBirthDate, readImportRows, type ImportContext } from './importRows.ts';

describe('parseBirthDate', () => {
  test.each([
    ['25/03/2019', '2019-03-25', 'day'],
    ['5/3/2019', '2019-03-05', 'day'],
    ['05-03-2019', '2019-03-05', 'day'],
    ['05.03.2019', '2019-03-05', 'day'],
    ['2019-03-25', '2019-03-25', 'day'],
    ['03/2019', '2019-03-01', 'month'],
    ['3/2019', '2019-03-01', 'month'],
    ['2019', '2019-01-01', 'year'],
  ] as const)('%s → %s (%s)', (text, date, precision) => {
    expect(parseBirthDate(text)).toEqual({ date, precision });
  });

  test('reads Excel date cells and serial numbers, and a number that is a year', () => {
    expect(parseBirthDate(new Date(Date.UTC(2018, 11, 31)))).toEqual({
      date: '2018-12-31',
      precision: 'day',
    });
    expect(parseBirthDate(43465)).toEqual({ date: '2018-12-31', precision: 'day' });
    expect(parseBirthDate(2018)).toEqual({ date: '2018-01-01', precision: 'year' });
  });

  test.each(['31/02/2019', '2019/13/01', '13/2019', '25/03/19', 'hôm qua', '', '0'])('refuses %j', (text) => {
    expect(parseBirthDate(text)).toBeNull();
  });
});

const context: ImportContext = {
  communeId: 'c0',
  communeName: 'Xã Thử',
  villages: [{ id: 'v1', name: 'Đông', fullName: 'Thôn Đông', path: 'vn.p01.c00001.v1' }],
  today: '2026-11-25',
};

function sheetOf(rows: Partial<Record<ImportField, Cell>>[]): ImportSheet {
  return {
    format: 'csv',
    headers: importFields.map(headerOf),
    headerRow: 1,
    rows: () => rows.map((r, i) => ({ row: i + 2, cells: importFields.map((f) => r[f] ?? null) })),
  };
}

const mapping = Object.fromEntries(importFields.map((f) => [f, headerOf(f)]));
const base = {
  householdNumber: '1',
  village: 'Đông',
  fullName: 'Lê Thị Lan',
  sex: 'Nữ',
  birthDate: '01/02/2020',
};

function readOne(cells: Partial<Record<ImportField, Cell>>) {
  const errors = new ErrorCollector();
  const result = readImportRows(sheetOf([{ ...base, ...cells }]), mapping, context, errors);
  return { row: result.rows[0], errors: errors.errors };
}

describe('readImportRows', () => {
  test('reads the vocabularies in the spellings officials use', () => {
    const { row, errors } = readOne({
      village: 'thon dong',
      sex: 'F',
      povertyStatus: 'Cận nghèo (2024)',
      ethnicity: "H'Mông",
      relationshipToHead: 'cháu nội',
      birthRegistered: 'x',
      disability: 'Trí tuệ - đặc biệt nặng',
      hasHealthInsurance: 'TE1 01 0123456789',
      livingArrangement: 'ông bà',
      circumstances: 'Đ; a2',
    });
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      village: { id: 'v1' },
      sex: 'female',
      povertyStatus: 'near_poor',
      povertyYear: 2024,
      ethnicityCode: '08',
      relationshipToHead: 'grandchild',
      birthRegistered: true,
      disabilityType: 'intellectual',
      disabilityLevel: 'very_severe',
      hasHealthInsurance: true,
      healthInsuranceNumber: 'TE1010123456789',
      livingArrangement: 'relatives',
      circumstances: [
        { groupCode: 'dd', subGroupCode: null },
        { groupCode: 'a', subGroupCode: 'a2' },
      ],
    });
  });

  test('reports each bad cell under the file’s header with the cell’s value', () => {
    const { row, errors } = readOne({ sex: 'không rõ', hasHealthInsurance: 'có lẽ', disability: 'cao' });
    expect(row).toBeUndefined();
    expect(errors.map((e) => [e.column, e.code, e.value])).toEqual([
      ['Giới tính', 'invalid_sex', 'không rõ'],
      ['Khuyết tật', 'invalid_disability', 'cao'],
      ['Có thẻ BHYT', 'invalid_yes_no', 'có lẽ'],
    ]);
    for (const error of errors) expect(error.message).toMatch(/không hợp lệ/);
  });

  test('checks a personal ID against sex and year of birth', () => {
    const wrongYear = readOne({ personalId: '001318000001' });
    expect(wrongYear.errors.map((e) => e.code)).toEqual(['personal_id_birth_year_mismatch']);
    const wrongSex = readOne({ personalId: '001220000001' });
    expect(wrongSex.errors.map((e) => e.code)).toEqual(['personal_id_sex_mismatch']);
    expect(readOne({ personalId: '001 320 000 001' }).row?.personalId).toBe('001320000001');
  });

  test('a month-precision date of birth is stored as the first of the month', () => {
    expect(readOne({ birthDate: '11/2025' }).row).toMatchObject({
      birthDate: '2025-11-01',
      birthDatePrecision: 'month',
    });
    expect(readOne({ birthDate: '12/2026' }).errors.map((e) => e.code)).toEqual(['birth_date_in_future']);
  });

  test('"012" and "12" are one household; names and villages are compared without tones', () => {
    const errors = new ErrorCollector();
    const result = readImportRows(
      sheetOf([
        { ...base, householdNumber: '012', headName: 'Lê Văn Hải' },
        {
          ...base,
          householdNumber: '12',
          fullName: 'Lê Văn Nam',
          headName: 'LE VAN HAI',
          village: 'Thôn Đông',
        },
      ]),
      mapping,
      context,
      errors,
    );
    expect(errors.errors).toEqual([]);
    expect(result.households.size).toBe(1);
    expect([...result.households.values()][0]!.rows).toHaveLength(2);
  });
});
