import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addDaysToPlainDate } from '../immunization/age.ts';
import { createWorkingCalendar } from './workingCalendar.ts';

// December 2016 to March 2031: every year of the data, and a little on either side of it.
const date = fc.integer({ min: 0, max: 5233 }).map((days) => addDaysToPlainDate('2016-12-01', days));
const count = fc.integer({ min: 0, max: 80 });

// A province with a few days of its own; a day is never both off and worked.
const province = fc
  .record({ off: fc.uniqueArray(date, { maxLength: 10 }), worked: fc.uniqueArray(date, { maxLength: 10 }) })
  .map(({ off, worked }) =>
    createWorkingCalendar({ extraDaysOff: off, extraWorkingDays: worked.filter((d) => !off.includes(d)) }),
  );
const calendar = fc.oneof(fc.constant(createWorkingCalendar()), province);

test('adding working days always lands on a working day', () => {
  fc.assert(
    fc.property(calendar, date, fc.integer({ min: 1, max: 80 }), (cal, d, n) => {
      expect(cal.isWorkingDay(cal.addWorkingDays(d, n))).toBe(true);
    }),
  );
});

test('adding more working days lands strictly later', () => {
  fc.assert(
    fc.property(calendar, date, count, count, (cal, d, a, b) => {
      fc.pre(a !== b);
      const [fewer, more] = a < b ? [a, b] : [b, a];
      expect(cal.addWorkingDays(d, fewer) < cal.addWorkingDays(d, more)).toBe(true);
    }),
  );
});

test('counting the working days back gives the number added', () => {
  fc.assert(
    fc.property(calendar, date, count, (cal, d, n) => {
      expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
    }),
  );
});

test('no working day is skipped between a date and the n-th working day after it', () => {
  fc.assert(
    fc.property(calendar, date, fc.integer({ min: 1, max: 30 }), (cal, d, n) => {
      const end = cal.addWorkingDays(d, n);
      const worked = [];
      for (let day = addDaysToPlainDate(d, 1); day <= end; day = addDaysToPlainDate(day, 1)) {
        if (cal.isWorkingDay(day)) worked.push(day);
      }
      expect(worked).toHaveLength(n);
      expect(worked.at(-1)).toBe(end);
    }),
  );
});

test('counts add up across an intermediate date and change sign when reversed', () => {
  const near = fc.integer({ min: -400, max: 400 });
  fc.assert(
    fc.property(calendar, date, near, near, (cal, a, toB, toC) => {
      const [b, c] = [addDaysToPlainDate(a, toB), addDaysToPlainDate(a, toC)];
      expect(cal.workingDaysBetween(a, c)).toBe(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c));
      expect(cal.workingDaysBetween(b, a) + cal.workingDaysBetween(a, b)).toBe(0);
    }),
  );
});

test("a province's own days are off or worked as it says", () => {
  fc.assert(
    fc.property(fc.uniqueArray(date, { minLength: 2, maxLength: 10 }), (days) => {
      const [off, worked] = [days.filter((_, i) => i % 2 === 0), days.filter((_, i) => i % 2 === 1)];
      const cal = createWorkingCalendar({ extraDaysOff: off, extraWorkingDays: worked });
      for (const day of off) expect(cal.isWorkingDay(day)).toBe(false);
      for (const day of worked) expect(cal.isWorkingDay(day)).toBe(true);
    }),
  );
});
