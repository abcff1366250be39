import { describe, expect, test } from 'vitest';
import { enteredIndicators } from './catalogue.ts';
import {
  checkEntry,
  entryErrorCodes,
  entryFor,
  entryLevelFits,
  entryMessages,
  entrySectorsOf,
  entryWarningCodes,
  warningsResolved,
  type EnteredNumbers,
} from './entryRules.ts';

const ratio = (numerator: number | null, denominator: number | null): EnteredNumbers => ({
  numerator,
  denominator,
  value: null,
});
const count = (numerator: number | null): EnteredNumbers => ({ numerator, denominator: null, value: null });
const value = (v: number | null): EnteredNumbers => ({ numerator: null, denominator: null, value: v });
const errorsOf = (code: string, numbers: EnteredNumbers) => checkEntry(code, numbers, null, []).errors;

describe('the value of an entry', () => {
  test('a ratio is numerator / denominator × the unit’s factor', () => {
    // Neonatal deaths per 1,000 live births: 3 / 250 × 1000.
    expect(checkEntry('NPA-03a', ratio(3, 250), null, []).value).toBe(12);
    // Schools with latrines: 45 / 50 × 100 %.
    expect(checkEntry('NPA-07', ratio(45, 50), null, []).value).toBe(90);
    // Injuries per 100,000 children: 6 / 4,000 × 100,000.
    expect(checkEntry('NPA-11a', ratio(6, 4000), null, []).value).toBe(150);
  });

  test('a count is its number, a value is itself, and 0 / 0 has no value', () => {
    expect(checkEntry('NPA-17b', count(12), null, []).value).toBe(12);
    expect(checkEntry('NPA-13', value(-12.5), null, []).value).toBe(-12.5);
    expect(checkEntry('NPA-07', ratio(0, 0), null, [])).toEqual({ value: null, errors: [], warnings: [] });
  });

  test('numbers a kind does not take are ignored', () => {
    expect(checkEntry('NPA-17b', { numerator: 5, denominator: -3, value: 99 }, null, [])).toEqual({
      value: 5,
      errors: [],
      warnings: [],
    });
  });
});

describe('errors block impossible numbers', () => {
  test('a negative number', () => {
    expect(errorsOf('NPA-07', ratio(-1, 10))).toEqual([{ code: 'NEGATIVE', field: 'numerator' }]);
    expect(errorsOf('NPA-17b', count(-4))).toEqual([{ code: 'NEGATIVE', field: 'numerator' }]);
  });

  test('a count that is not a whole number', () => {
    expect(errorsOf('ECD-TRAINED', count(12.5))).toEqual([{ code: 'NOT_WHOLE_NUMBER', field: 'numerator' }]);
    expect(errorsOf('NPA-07', ratio(4, 10.2))).toEqual([{ code: 'NOT_WHOLE_NUMBER', field: 'denominator' }]);
  });

  test('a numerator above its denominator', () => {
    expect(errorsOf('NPA-07', ratio(51, 50))).toEqual([
      { code: 'NUMERATOR_ABOVE_DENOMINATOR', field: 'numerator' },
    ]);
    expect(errorsOf('NPA-07', ratio(50, 50))).toEqual([]);
  });

  test('a denominator of 0 under a numerator above 0', () => {
    expect(errorsOf('NPA-03a', ratio(2, 0))).toEqual([{ code: 'DENOMINATOR_ZERO', field: 'denominator' }]);
  });

  test('a missing number', () => {
    expect(errorsOf('NPA-07', ratio(null, 50))).toEqual([{ code: 'MISSING_VALUE', field: 'numerator' }]);
    expect(errorsOf('NPA-07', ratio(null, null))).toEqual([
      { code: 'MISSING_VALUE', field: 'numerator' },
      { code: 'MISSING_VALUE', field: 'denominator' },
    ]);
    expect(errorsOf('NPA-13', value(null))).toEqual([{ code: 'MISSING_VALUE', field: 'value' }]);
  });

  test('a value outside its range (NPA-13: −100 to 100 % a year)', () => {
    expect(errorsOf('NPA-13', value(100.5))).toEqual([{ code: 'OUT_OF_RANGE', field: 'value' }]);
    expect(errorsOf('NPA-13', value(-101))).toEqual([{ code: 'OUT_OF_RANGE', field: 'value' }]);
    expect(errorsOf('NPA-13', value(100))).toEqual([]);
    expect(errorsOf('NPA-13', value(-100))).toEqual([]);
  });

  test('an implausibly large number', () => {
    expect(errorsOf('NPA-17b', count(10_000_001))).toEqual([{ code: 'TOO_LARGE', field: 'numerator' }]);
    expect(errorsOf('NPA-17b', count(10_000_000))).toEqual([]);
  });

  test('a yes/no indicator takes 1 or 0 over 1 (NPA-01, NPA-21)', () => {
    expect(errorsOf('NPA-01', ratio(1, 1))).toEqual([]);
    expect(errorsOf('NPA-21', ratio(0, 1))).toEqual([]);
    expect(errorsOf('NPA-01', ratio(2, 1))).toEqual([{ code: 'NOT_ONE_OR_ZERO', field: 'numerator' }]);
    expect(errorsOf('NPA-21', ratio(1, 2))).toEqual([{ code: 'NOT_ONE_OR_ZERO', field: 'denominator' }]);
    expect(errorsOf('NPA-01', ratio(0, 0))).toEqual([{ code: 'NOT_ONE_OR_ZERO', field: 'denominator' }]);
    // The same numbers are fine for an ordinary ratio.
    expect(errorsOf('NPA-07', ratio(1, 2))).toEqual([]);
  });
});

describe('warnings ask for a check and a comment', () => {
  test('a change of more than 50 % from the last period', () => {
    // 30 of 50 schools = 60 % against 100 % last period: 40 % lower, no warning.
    expect(checkEntry('NPA-07', ratio(30, 50), 100, []).warnings).toEqual([]);
    // 25 of 50 = 50 %: exactly half, no warning; 24 of 50 = 48 %: more than half lower.
    expect(checkEntry('NPA-07', ratio(25, 50), 100, []).warnings).toEqual([]);
    expect(checkEntry('NPA-07', ratio(24, 50), 100, []).warnings).toEqual([
      { code: 'CHANGED_FROM_LAST_PERIOD', field: 'value' },
    ]);
    // 151 dropouts against 100: up by 51 %.
    expect(checkEntry('NPA-17b', count(151), 100, []).warnings).toEqual([
      { code: 'CHANGED_FROM_LAST_PERIOD', field: 'value' },
    ]);
    // From 0 there is no proportion to compare.
    expect(checkEntry('NPA-17b', count(40), 0, []).warnings).toEqual([]);
  });

  test('an outlier against the unit’s earlier periods', () => {
    // History 10, 11, 12, 13: median 11.5, MAD 1; 16 gives M = 0.6745 × 4.5 = 3.04, 17 gives 3.71.
    expect(checkEntry('NPA-17b', count(16), 13, [10, 11, 12, 13]).warnings).toEqual([]);
    expect(checkEntry('NPA-17b', count(17), 13, [10, 11, 12, 13]).warnings).toEqual([
      { code: 'OUTLIER', field: 'value' },
    ]);
    // 40 against 13 last period is also a change of 208 %.
    expect(checkEntry('NPA-17b', count(40), 13, [10, 11, 12, 13]).warnings).toEqual([
      { code: 'CHANGED_FROM_LAST_PERIOD', field: 'value' },
      { code: 'OUTLIER', field: 'value' },
    ]);
  });

  test('an entry with errors has no warnings', () => {
    expect(checkEntry('NPA-17b', count(-400), 13, [10, 11, 12, 13]).warnings).toEqual([]);
  });

  test('warnings are resolved by an acknowledgement with a comment', () => {
    const warnings = [{ code: 'OUTLIER' as const, field: 'value' as const }];
    expect(warningsResolved([], false, null)).toBe(true);
    expect(warningsResolved(warnings, true, 'Sáp nhập thêm hai trường')).toBe(true);
    expect(warningsResolved(warnings, true, '   ')).toBe(false);
    expect(warningsResolved(warnings, false, 'Sáp nhập thêm hai trường')).toBe(false);
  });
});

describe('messages', () => {
  test('every rule has a Vietnamese and an English message', () => {
    for (const code of [...entryErrorCodes, ...entryWarningCodes]) {
      expect(entryMessages[code].vi.trim(), code).not.toBe('');
      expect(entryMessages[code].en.trim(), code).not.toBe('');
    }
    expect(entryMessages.NUMERATOR_ABOVE_DENOMINATOR.vi).toBe('Tử số không được lớn hơn mẫu số.');
    expect(entryMessages.NEGATIVE.vi).toBe('Số liệu không được âm.');
  });
});

describe('who enters what, where', () => {
  test('each role enters the indicators of its sectors', () => {
    expect(entrySectorsOf('health_worker', null)).toEqual(['health']);
    expect(entrySectorsOf('school_staff', null)).toEqual(['education']);
    expect(entrySectorsOf('commune_worker', null)).toEqual(['social_protection', 'culture']);
    expect(entrySectorsOf('province_officer', 'education')).toEqual(['education']);
    expect(entrySectorsOf('province_officer', null)).toEqual([]);
    expect(entrySectorsOf('province_admin', null)).toContain('culture');
    expect(entrySectorsOf('province_admin', null)).toContain('health');
    for (const role of ['system_admin', 'commune_leader', 'village_collaborator', 'viewer'] as const)
      expect(entrySectorsOf(role, 'health'), role).toEqual([]);
  });

  test('an indicator is entered at its own level only', () => {
    const communeLevel = entryFor('NPA-07')!.entry;
    const provinceLevel = entryFor('NPA-06')!.entry;
    expect(entryLevelFits(communeLevel, 'commune')).toBe(true);
    expect(entryLevelFits(communeLevel, 'province')).toBe(false);
    expect(entryLevelFits(communeLevel, 'village')).toBe(false);
    expect(entryLevelFits(provinceLevel, 'province')).toBe(true);
    expect(entryLevelFits(provinceLevel, 'commune')).toBe(false);
  });

  test('every entered indicator has an entry; computed ones have none', () => {
    for (const indicator of enteredIndicators)
      expect(entryFor(indicator.code), indicator.code).not.toBeNull();
    expect(entryFor('ECD-TRAINED')!.entry.fields).toBe('count');
    expect(entryFor('NPA-02')).toBeNull();
    expect(entryFor('NO-SUCH')).toBeNull();
  });
});
