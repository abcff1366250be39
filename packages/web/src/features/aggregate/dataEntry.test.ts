import type { AggregateFormRow } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  buildBatch,
  defaultPeriod,
  draftOf,
  formatEnteredValue,
  parseEnteredNumber,
  periodCode,
  rowState,
  splitPeriod,
  violationsByIndicator,
  type Draft,
} from './dataEntry.ts';

const row = (code: string, overrides: Partial<AggregateFormRow> = {}): AggregateFormRow => ({
  indicatorCode: code,
  sector: 'education',
  editable: true,
  entry: null,
  lastPeriod: { period: '2024', value: null },
  history: [],
  ...overrides,
});
const saved = (
  numbers: { numerator?: number; denominator?: number; value: number },
  comment: string | null = null,
) => ({
  id: '0195f0a4-0000-7000-8000-000000000001',
  numerator: numbers.numerator ?? null,
  denominator: numbers.denominator ?? null,
  value: numbers.value,
  comment,
  warnings: [],
  enteredBy: null,
  enteredAt: '2025-06-01T02:00:00.000Z',
  version: 1,
});
const draft = (numerator: string, denominator = '', comment = '', value = ''): Draft => ({
  numerator,
  denominator,
  value,
  comment,
});

describe('reading typed numbers', () => {
  test('Vietnamese groups thousands with dots and marks decimals with a comma', () => {
    expect(parseEnteredNumber('1.234', 'vi')).toBe(1234);
    expect(parseEnteredNumber('1.234.567', 'vi')).toBe(1_234_567);
    expect(parseEnteredNumber('12,5', 'vi')).toBe(12.5);
    expect(parseEnteredNumber('1.234,5', 'vi')).toBe(1234.5);
    // Typed on an English keyboard: a dot before other than three digits is a decimal mark.
    expect(parseEnteredNumber('12.5', 'vi')).toBe(12.5);
    expect(parseEnteredNumber(' -12,5 ', 'vi')).toBe(-12.5);
  });

  test('English groups with commas', () => {
    expect(parseEnteredNumber('1,234', 'en')).toBe(1234);
    expect(parseEnteredNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseEnteredNumber('12.5', 'en')).toBe(12.5);
  });

  test('empty is nothing; anything else that is not a number is unreadable', () => {
    expect(parseEnteredNumber('  ', 'vi')).toBeNull();
    expect(parseEnteredNumber('mười', 'vi')).toBeNaN();
    expect(parseEnteredNumber('1,2,3', 'vi')).toBeNaN();
    expect(parseEnteredNumber('12.5.1', 'en')).toBeNaN();
  });

  test('a saved entry shows in the inputs without grouping, with the language’s decimal mark', () => {
    const r = row('NPA-13', { sector: 'culture', entry: saved({ value: -12.5 }, 'Ước tính') });
    expect(draftOf(r, 'vi')).toEqual({ numerator: '', denominator: '', value: '-12,5', comment: 'Ước tính' });
    expect(draftOf(r, 'en').value).toBe('-12.5');
  });
});

describe('a row as typed', () => {
  test('the value is computed live and a pristine empty row is not a change', () => {
    // 45 of 50 schools: 90 %.
    expect(rowState(row('NPA-07'), draft('45', '50'), 'vi')).toMatchObject({
      check: { value: 90, errors: [], warnings: [] },
      changed: true,
      blocked: false,
    });
    expect(rowState(row('NPA-07'), draft(''), 'vi')).toMatchObject({ changed: false, blocked: false });
  });

  test('an impossible number blocks the row with the shared rule', () => {
    const state = rowState(row('NPA-07'), draft('51', '50'), 'vi');
    expect(state.check.errors).toEqual([{ code: 'NUMERATOR_ABOVE_DENOMINATOR', field: 'numerator' }]);
    expect(state.blocked).toBe(true);
  });

  test('an unreadable number blocks the row and is not taken for a missing one', () => {
    const state = rowState(row('NPA-07'), draft('4x', '50'), 'vi');
    expect(state.unreadable).toEqual(['numerator']);
    expect(state.blocked).toBe(true);
  });

  test('a warning needs a comment', () => {
    // 10 of 50 = 20 % against 80 % last period.
    const r = row('NPA-07', { lastPeriod: { period: '2024', value: 80 } });
    const bare = rowState(r, draft('10', '50'), 'vi');
    expect(bare.check.warnings).toEqual([{ code: 'CHANGED_FROM_LAST_PERIOD', field: 'value' }]);
    expect(bare).toMatchObject({ needsComment: true, blocked: true });
    expect(rowState(r, draft('10', '50', 'Ba trường sáp nhập'), 'vi')).toMatchObject({
      needsComment: false,
      blocked: false,
    });
  });

  test('the saved numbers typed again are not a change', () => {
    const r = row('NPA-07', { entry: saved({ numerator: 45, denominator: 50, value: 90 }) });
    expect(rowState(r, draftOf(r, 'vi'), 'vi').changed).toBe(false);
    expect(rowState(r, draft('45', '50', 'Đã kiểm tra'), 'vi').changed).toBe(true);
  });
});

describe('the batch of "Save all"', () => {
  test('sends the changed editable rows, with the comment acknowledging their warnings', () => {
    const rows = [
      row('NPA-07', { lastPeriod: { period: '2024', value: 80 } }),
      row('NPA-19'),
      row('NPA-17b', { entry: saved({ numerator: 12, value: 12 }) }),
      row('NPA-18a', { editable: false }),
    ];
    const drafts = {
      'NPA-07': draft('10', '50', '  Ba trường sáp nhập '),
      'NPA-19': draft('2', '20'),
      'NPA-17b': draft('12'),
      'NPA-18a': draft('5', '10'),
    };
    expect(buildBatch(rows, drafts, 'vi')).toEqual({
      entries: [
        {
          indicatorCode: 'NPA-07',
          numerator: 10,
          denominator: 50,
          value: null,
          comment: 'Ba trường sáp nhập',
          acknowledgeWarnings: true,
        },
        {
          indicatorCode: 'NPA-19',
          numerator: 2,
          denominator: 20,
          value: null,
          comment: null,
          acknowledgeWarnings: false,
        },
      ],
      blocked: [],
    });
  });

  test('names the rows that cannot be saved', () => {
    const rows = [
      row('NPA-07', { lastPeriod: { period: '2024', value: 80 } }),
      row('NPA-19'),
      row('NPA-20a'),
    ];
    const drafts = {
      'NPA-07': draft('10', '50'),
      'NPA-19': draft('21', '20'),
      'NPA-20a': draft('3', '4'),
    };
    expect(buildBatch(rows, drafts, 'vi').blocked).toEqual(['NPA-07', 'NPA-19']);
  });
});

test('a refused save’s violations are grouped by indicator; anything else is ignored', () => {
  const details = {
    violations: [
      { indicatorCode: 'NPA-07', code: 'NEGATIVE', field: 'numerator', message: 'Số liệu không được âm.' },
      {
        indicatorCode: 'NPA-07',
        code: 'MISSING_VALUE',
        field: 'denominator',
        message: 'Cần nhập đủ số liệu.',
      },
      { indicatorCode: 'NPA-19', code: 'NO_SUCH_RULE', field: 'value', message: 'x' },
    ],
  };
  const grouped = violationsByIndicator(details);
  expect([...grouped.keys()]).toEqual(['NPA-07']);
  expect(grouped.get('NPA-07')!.map((v) => v.code)).toEqual(['NEGATIVE', 'MISSING_VALUE']);
  expect(violationsByIndicator(undefined).size).toBe(0);
});

test('values read in the language’s notation', () => {
  expect(formatEnteredValue(1234.5, 'percent', 'vi')).toBe('1.234,5');
  expect(formatEnteredValue(10.714285, 'per_1000_live_births', 'vi')).toBe('10,71');
  expect(formatEnteredValue(1234.5, 'percent', 'en')).toBe('1,234.5');
  expect(formatEnteredValue(1234, 'count', 'vi')).toBe('1.234');
});

test('periods are a year or one of its halves', () => {
  expect(periodCode(2025, 'year')).toBe('2025');
  expect(periodCode(2025, 'H2')).toBe('2025H2');
  expect(splitPeriod('2025H1')).toEqual({ year: 2025, kind: 'H1' });
  expect(splitPeriod('2024')).toEqual({ year: 2024, kind: 'year' });
  expect(defaultPeriod('2025-11-30')).toBe('2025');
});
