import { describe, expect, test } from 'vitest';
import { historyValueText, readHistorySummary } from './historyEntry.ts';

describe('reading a history entry', () => {
  test('lists only the fields a change touched, with the reason and the merged record', () => {
    const summary = readHistorySummary({
      before: { fullName: 'Nguyen Thi Hang', sex: 'female', birthDate: '2019-03-17' },
      after: {
        fullName: 'Nguyễn Thị Hằng',
        sex: 'female',
        birthDate: '2019-03-17',
        personalId: '001319012345',
      },
      reason: 'Sửa theo giấy khai sinh',
      fromMergedRecord: '0190a8f2-7c1e-7d3a-9b2c-1234567890ab',
    });
    expect(summary.changes).toEqual([
      { field: 'fullName', before: 'Nguyen Thi Hang', after: 'Nguyễn Thị Hằng' },
      { field: 'personalId', before: undefined, after: '001319012345' },
    ]);
    expect(summary.reason).toBe('Sửa theo giấy khai sinh');
    expect(summary.fromMergedRecord).toBe('0190a8f2-7c1e-7d3a-9b2c-1234567890ab');
    expect(summary.other).toEqual([]);
  });

  test('keeps what it does not know, and copes with an empty or odd summary', () => {
    expect(readHistorySummary({})).toEqual({
      changes: [],
      reason: undefined,
      fromMergedRecord: undefined,
      other: [],
    });
    const odd = readHistorySummary({ before: 'text', after: [1, 2], count: 3 });
    expect(odd.changes).toEqual([]);
    expect(odd.other).toEqual([['count', 3]]);
  });

  test('writes values the way officials read them', () => {
    const words = { yes: 'Có', no: 'Không', empty: '—' };
    expect(historyValueText('2019-03-17', words)).toBe('17/03/2019');
    expect(historyValueText(true, words)).toBe('Có');
    expect(historyValueText(false, words)).toBe('Không');
    expect(historyValueText(null, words)).toBe('—');
    expect(historyValueText('', words)).toBe('—');
    expect(historyValueText('female', words, { male: 'Nam', female: 'Nữ' })).toBe('Nữ');
    expect(historyValueText('Thôn Hòa Bình', words, { male: 'Nam' })).toBe('Thôn Hòa Bình');
    expect(historyValueText(2024, words)).toBe('2024');
    expect(historyValueText({ a: 1 }, words)).toBe('{"a":1}');
  });
});
