import { describe, expect, test } from 'vitest';
import { createWorkingCalendar } from './workingCalendar.ts';

const national = createWorkingCalendar();
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

// Each break as the government announced it to civil servants, weekends included; the days around it are worked.
describe.each([
  ['Tết 2017', '2017-01-26', '2017-02-01'],
  ['Tết 2018', '2018-02-14', '2018-02-20'],
  ['Tết 2019', '2019-02-02', '2019-02-10'],
  ['Tết 2020', '2020-01-23', '2020-01-29'],
  ['Tết 2021', '2021-02-10', '2021-02-16'],
  ['Tết 2022', '2022-01-29', '2022-02-06'],
  ['Tết 2023', '2023-01-20', '2023-01-26'],
  ['Tết 2024', '2024-02-08', '2024-02-14'],
  ['Tết 2025', '2025-01-25', '2025-02-02'],
  ['Tết 2026', '2026-02-14', '2026-02-22'],
  ['Tết Dương lịch 2017, on a Sunday', '2016-12-31', '2017-01-02'],
  ['Tết Dương lịch 2019, with a swap', '2018-12-29', '2019-01-01'],
  ['Tết Dương lịch 2023, on a Sunday', '2022-12-31', '2023-01-02'],
  ['Tết Dương lịch 2026, with a swap', '2026-01-01', '2026-01-04'],
  ['30/4–1/5 2017, on Sunday and Monday', '2017-04-29', '2017-05-02'],
  ['30/4–1/5 2019, with a swap', '2019-04-27', '2019-05-01'],
  ['30/4–1/5 2022, on a weekend', '2022-04-30', '2022-05-03'],
  ['Giỗ Tổ, 30/4 and 1/5 2023, from Saturday to Monday', '2023-04-29', '2023-05-03'],
  ['30/4–1/5 2024, with a swap', '2024-04-27', '2024-05-01'],
  ['30/4–1/5 2025, with a swap', '2025-04-30', '2025-05-04'],
  ['30/4–1/5 2026', '2026-04-30', '2026-05-03'],
  ['Giỗ Tổ 2026, on a Sunday', '2026-04-25', '2026-04-27'],
  ['Quốc khánh 2017, on a Saturday', '2017-09-02', '2017-09-04'],
  ['Quốc khánh 2021', '2021-09-02', '2021-09-05'],
  ['Quốc khánh 2022', '2022-09-01', '2022-09-04'],
  ['Quốc khánh 2023, on a Saturday', '2023-09-01', '2023-09-04'],
  ['Quốc khánh 2024', '2024-08-31', '2024-09-03'],
  ['Quốc khánh 2025', '2025-08-30', '2025-09-02'],
  ['Quốc khánh 2026, with a swap', '2026-08-29', '2026-09-02'],
])('%s', (_, first, last) => {
  test(`is off from ${first} to ${last}`, () => {
    for (let day = first; day <= last; day = nextDay(day))
      expect(national.isWorkingDay(day), day).toBe(false);
  });

  test('is worked the day before and the day after', () => {
    expect(national.isWorkingDay(previousDay(first))).toBe(true);
    expect(national.isWorkingDay(nextDay(last))).toBe(true);
  });
});

test.each(['2019-01-05', '2019-05-04', '2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22'])(
  'works Saturday %s, given in exchange for a bridge day',
  (date) => {
    expect(national.isWorkingDay(date)).toBe(true);
  },
);

test('rests on an ordinary weekend and works an ordinary weekday', () => {
  expect(national.isWorkingDay('2025-03-08')).toBe(false);
  expect(national.isWorkingDay('2025-03-09')).toBe(false);
  expect(national.isWorkingDay('2025-03-10')).toBe(true);
});

test.each([
  ['a Friday, 1 day: the next Monday', '2025-03-07', 1, '2025-03-10'],
  ['a Friday, 5 days: the next Friday', '2025-03-07', 5, '2025-03-14'],
  ['a Saturday, 1 day: the Monday', '2025-03-08', 1, '2025-03-10'],
  ['nothing to add: the day itself, even on a weekend', '2025-03-08', 0, '2025-03-08'],
  ['the eve of Tết 2024, 1 day: after the break', '2024-02-07', 1, '2024-02-15'],
  ['the eve of Tết 2024, 5 days', '2024-02-07', 5, '2024-02-21'],
  ['the last Friday of 2018, 4 days: the Saturday worked for the swap', '2018-12-28', 4, '2019-01-05'],
  ['the last Friday of 2018, 5 days', '2018-12-28', 5, '2019-01-07'],
  ['the Friday before a worked Saturday, 1 day', '2025-04-25', 1, '2025-04-26'],
  ['the Friday before a worked Saturday, 4 days: across 30/4–1/5', '2025-04-25', 4, '2025-05-05'],
  ['31 December 2025, 7 days: across the New Year swap', '2025-12-31', 7, '2026-01-12'],
  ['a decision before Tết 2026, 15 days', '2026-02-09', 15, '2026-03-09'],
  ['the Friday before Quốc khánh 2026, 5 days', '2026-08-28', 5, '2026-09-09'],
  ['the day before Tết 2030 (derived), 1 day', '2030-01-30', 1, '2030-02-07'],
])('adds working days from %s', (_, date, n, expected) => {
  expect(national.addWorkingDays(date, n)).toBe(expected);
});

test('counts the working days after one date up to and including another', () => {
  expect(national.workingDaysBetween('2025-03-07', '2025-03-14')).toBe(5);
  expect(national.workingDaysBetween('2025-03-14', '2025-03-07')).toBe(-5);
  expect(national.workingDaysBetween('2025-03-08', '2025-03-09')).toBe(0);
  expect(national.workingDaysBetween('2025-03-09', '2025-03-08')).toBe(0);
  expect(national.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
  expect(national.workingDaysBetween('2024-02-07', '2024-02-14')).toBe(0);
});

test('counts 250 working days in 2025 and in 2026', () => {
  // 2025: 261 weekdays, 12 of them off (1/1, five days of Tết, Giỗ Tổ, 30/4, 1/5, the 2/5 bridge, 1/9, 2/9),
  // plus Saturday 26/4. 2026: 261 weekdays, 13 off (1/1, the 2/1 bridge, five days of Tết, the 27/4 compensatory
  // day, 30/4, 1/5, the 31/8 bridge, 1/9, 2/9), plus Saturdays 10/1 and 22/8.
  expect(national.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
  expect(national.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
});

test('names the national day off', () => {
  expect(national.holidayOn('2026-02-17')?.name).toBe('Tết Nguyên đán (mùng 1)');
  expect(national.holidayOn('2026-01-10')?.kind).toBe('working_weekend');
  expect(national.holidayOn('2026-03-10')).toBeUndefined();
});

test('says which years the national data covers', () => {
  expect(national.coveredYears).toEqual({ first: 2017, last: 2030 });
  expect(createWorkingCalendar({ holidays: [] }).coveredYears).toBeUndefined();
});

describe('a province', () => {
  test('adds its own day off', () => {
    const province = createWorkingCalendar({ extraDaysOff: ['2025-03-10'] });
    expect(province.isWorkingDay('2025-03-10')).toBe(false);
    expect(province.addWorkingDays('2025-03-07', 1)).toBe('2025-03-11');
  });

  test('works a Saturday of its own swap', () => {
    const province = createWorkingCalendar({ extraWorkingDays: ['2025-03-15'] });
    expect(province.isWorkingDay('2025-03-15')).toBe(true);
    expect(province.addWorkingDays('2025-03-14', 1)).toBe('2025-03-15');
  });

  test('wins over the national data for its own days', () => {
    const province = createWorkingCalendar({
      extraWorkingDays: ['2025-05-02'],
      extraDaysOff: ['2025-04-26'],
    });
    expect(province.isWorkingDay('2025-05-02')).toBe(true);
    expect(province.isWorkingDay('2025-04-26')).toBe(false);
  });

  test('cannot make one day both off and worked', () => {
    expect(() =>
      createWorkingCalendar({ extraDaysOff: ['2025-03-10'], extraWorkingDays: ['2025-03-10'] }),
    ).toThrow(RangeError);
  });

  test('leaves the national calendar alone', () => {
    createWorkingCalendar({ extraDaysOff: ['2025-03-10'] });
    expect(national.isWorkingDay('2025-03-10')).toBe(true);
  });
});

test('refuses dates that are not YYYY-MM-DD calendar dates', () => {
  expect(() => national.isWorkingDay('2025-02-29')).toThrow(RangeError);
  expect(() => national.addWorkingDays('7/3/2025', 1)).toThrow(RangeError);
  expect(() => national.workingDaysBetween('2025-03-07', '2025-3-14')).toThrow(RangeError);
  expect(() => createWorkingCalendar({ extraDaysOff: ['2025-13-01'] })).toThrow(RangeError);
});

test('refuses a negative or fractional number of days', () => {
  expect(() => national.addWorkingDays('2025-03-07', -1)).toThrow(RangeError);
  expect(() => national.addWorkingDays('2025-03-07', 1.5)).toThrow(RangeError);
});

test('refuses national data that lists a date twice', () => {
  const entry = { date: '2025-03-10', name: 'x', kind: 'holiday', status: 'official' } as const;
  expect(() => createWorkingCalendar({ holidays: [entry, entry] })).toThrow(RangeError);
});
