import { describe, expect, test } from 'vitest';
import { isPlainDate } from '../plainDate.ts';
import { vietnamHolidays, vietnamHolidayYears, type VietnamHoliday } from './vietnamHolidays.ts';

// Written by hand from the notices (2017–2026) and the Vietnamese lunar calendar (2027–2030).
const lunarNewYear: Record<number, string> = {
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};
const hungKings: Record<number, string> = {
  2017: '2017-04-06',
  2018: '2018-04-25',
  2019: '2019-04-14',
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
};
const years = Array.from({ length: 14 }, (_, i) => 2017 + i);

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function yearOf(year: number) {
  const found = vietnamHolidayYears.find((y) => y.year === year);
  if (!found) throw new Error(`no data for ${year}`);
  return found;
}
const holidaysIn = (year: number) => yearOf(year).entries.filter((e) => e.kind === 'holiday');
const named = (entries: readonly VietnamHoliday[], prefix: string) =>
  entries.filter((e) => e.name.startsWith(prefix));

test('covers every year from 2017 to 2030, once each, in order', () => {
  expect(vietnamHolidayYears.map((y) => y.year)).toEqual(years);
});

test('every date is a valid calendar date and appears only once', () => {
  for (const entry of vietnamHolidays) expect(isPlainDate(entry.date), entry.date).toBe(true);
  const dates = vietnamHolidays.map((e) => e.date);
  expect(new Set(dates).size).toBe(dates.length);
});

test('entries are in date order and belong to their year or, for a swap, its eve', () => {
  const dates = vietnamHolidays.map((e) => e.date);
  expect(dates).toEqual([...dates].sort());
  for (const { year, entries } of vietnamHolidayYears) {
    for (const { date } of entries) {
      expect(date >= `${year - 1}-12-01` && date <= `${year}-12-31`, date).toBe(true);
    }
  }
});

describe.each(years)('%i', (year) => {
  const holidays = holidaysIn(year);

  test('has Tết Dương lịch on 1 January', () => {
    expect(named(holidays, 'Tết Dương lịch').map((e) => e.date)).toEqual([`${year}-01-01`]);
  });

  test('has five consecutive days of Tết Nguyên đán around the lunar new year', () => {
    const tet = named(holidays, 'Tết Nguyên đán').map((e) => e.date);
    expect(tet).toHaveLength(5);
    for (let i = 1; i < tet.length; i++) expect(tet[i]).toBe(nextDay(tet[i - 1]!));
    expect(tet).toContain(lunarNewYear[year]);
    expect(holidays.find((e) => e.date === lunarNewYear[year])?.name).toBe('Tết Nguyên đán (mùng 1)');
  });

  test('has Giỗ Tổ Hùng Vương on the 10th day of the 3rd lunar month', () => {
    expect(named(holidays, 'Giỗ Tổ Hùng Vương').map((e) => e.date)).toEqual([hungKings[year]]);
  });

  test('has 30 April and 1 May', () => {
    expect(named(holidays, 'Ngày Chiến thắng').map((e) => e.date)).toEqual([`${year}-04-30`]);
    expect(named(holidays, 'Ngày Quốc tế Lao động').map((e) => e.date)).toEqual([`${year}-05-01`]);
  });

  test('has 2 September, with the day before or after from 2021', () => {
    const nationalDay = named(holidays, 'Quốc khánh').map((e) => e.date);
    if (year < 2021) {
      expect(nationalDay).toEqual([`${year}-09-02`]);
    } else {
      expect(nationalDay).toHaveLength(2);
      expect(nationalDay).toContain(`${year}-09-02`);
      expect([`${year}-09-01`, `${year}-09-03`]).toContain(nationalDay.find((d) => d !== `${year}-09-02`));
    }
  });

  test('has eleven statutory days from 2021, ten before', () => {
    expect(holidays).toHaveLength(year < 2021 ? 10 : 11);
    expect(yearOf(year).labourCode).toBe(year < 2021 ? 2012 : 2019);
  });

  test('moves each holiday that falls on a weekend to the next free weekday', () => {
    // Replays the Labour Code's rule over the data: a weekend holiday moves to the next weekday that is neither
    // off already nor taken by an earlier move.
    const entries = yearOf(year).entries;
    const off = new Set(
      entries.filter((e) => e.kind === 'holiday' || e.kind === 'bridge').map((e) => e.date),
    );
    const expected: string[] = [];
    for (const holiday of holidays.filter((e) => isWeekend(e.date))) {
      let day = nextDay(holiday.date);
      while (isWeekend(day) || off.has(day) || expected.includes(day)) day = nextDay(day);
      expected.push(day);
    }
    expect(entries.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toEqual(expected);
  });

  test('lists both halves of every swap: a weekday off and a weekend day worked', () => {
    const entries = yearOf(year).entries;
    const bridges = entries.filter((e) => e.kind === 'bridge');
    const workedWeekends = entries.filter((e) => e.kind === 'working_weekend');
    expect(bridges).toHaveLength(workedWeekends.length);
    for (const bridge of bridges) expect(isWeekend(bridge.date), bridge.date).toBe(false);
    for (const worked of workedWeekends) expect(isWeekend(worked.date), worked.date).toBe(true);
  });

  test('marks as derived what no notice has fixed yet', () => {
    const fixedByTheCode = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
    for (const entry of yearOf(year).entries) {
      const official = year <= 2026 || (entry.kind === 'holiday' && fixedByTheCode.includes(entry.date));
      expect(entry.status, entry.date).toBe(official ? 'official' : 'derived');
    }
  });
});

test('counts Tết 2030 by the Vietnamese calendar (2 February), not the Chinese one (3 February)', () => {
  expect(vietnamHolidays.find((e) => e.date === '2030-02-02')?.name).toBe('Tết Nguyên đán (mùng 1)');
  expect(vietnamHolidays.find((e) => e.date === '2030-02-03')?.name).toBe('Tết Nguyên đán (mùng 2)');
});

test('records the swaps the government made, both halves', () => {
  const swaps = vietnamHolidays
    .filter((e) => e.kind === 'bridge' || e.kind === 'working_weekend')
    .map((e) => `${e.date} ${e.kind}`);
  expect(swaps).toEqual([
    '2018-12-31 bridge',
    '2019-01-05 working_weekend',
    '2019-04-29 bridge',
    '2019-05-04 working_weekend',
    '2024-04-29 bridge',
    '2024-05-04 working_weekend',
    '2025-04-26 working_weekend',
    '2025-05-02 bridge',
    '2026-01-02 bridge',
    '2026-01-10 working_weekend',
    '2026-08-22 working_weekend',
    '2026-08-31 bridge',
  ]);
});
