import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { PlainDate } from '../plainDate.ts';
import { addAgeToPlainDate, addDaysToPlainDate } from './age.ts';
import { immunizationScheduleTT10_2024 as schedule } from './schedule.ts';
import {
  fullyImmunizedUnder1,
  type ImmunizationChild,
  type ImmunizationDoseRecord,
  immunizationStatus,
} from './status.ts';
import { vaccineCodes } from './vaccines.ts';

const birthDate = fc.integer({ min: 0, max: 6 * 366 }).map((days) => addDaysToPlainDate('2019-01-01', days));

// Most doses fall in the first two years, where the schedule is dense; a few land before birth or years later.
const offset = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 730 }) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 3000 }) },
);

const record = (birth: PlainDate) =>
  fc.record({
    vaccineCode: fc.constantFrom(...vaccineCodes),
    doseNumber: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    givenOn: offset.map((days) => addDaysToPlainDate(birth, days)),
  });

const scenario = birthDate.chain((birth) =>
  fc.record({
    child: fc.record({
      birthDate: fc.constant(birth),
      dosesGiven: fc.array(record(birth), { maxLength: 25 }),
    }),
    extra: record(birth),
    asOf: offset.map((days) => addDaysToPlainDate(birth, Math.max(days, 0))),
    later: fc.integer({ min: 0, max: 1500 }),
  }),
);

const given = new Set(['given', 'given_late']);

function statusById(child: ImmunizationChild, asOf: PlainDate) {
  return new Map(immunizationStatus(schedule, child, asOf).doses.map((d) => [d.dose.id, d]));
}

test('a dose is never given without a record of its vaccine on or before the as-of date', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf }) => {
      for (const d of immunizationStatus(schedule, child, asOf).doses) {
        if (!given.has(d.status)) {
          expect(d.givenOn).toBeNull();
          continue;
        }
        expect(
          child.dosesGiven.some(
            (r) => r.vaccineCode === d.dose.vaccineCode && r.givenOn === d.givenOn && r.givenOn <= asOf,
          ),
        ).toBe(true);
      }
    }),
  );
});

test('every record up to the as-of date is used once: as a valid dose, an invalid one or an extra one', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf }) => {
      const result = immunizationStatus(schedule, child, asOf);
      for (const code of vaccineCodes) {
        const series = result.doses.filter((d) => d.dose.vaccineCode === code);
        const used =
          series.filter((d) => d.givenOn !== null).length +
          series.reduce((n, d) => n + d.invalidDoses.length, 0) +
          result.extraDoses.filter((r) => r.vaccineCode === code).length;
        expect(used).toBe(child.dosesGiven.filter((r) => r.vaccineCode === code && r.givenOn <= asOf).length);
      }
    }),
  );
});

test('a given dose respects the minimum age and the interval after the previous dose of its series', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf }) => {
      const byId = statusById(child, asOf);
      for (const d of byId.values()) {
        const previous = byId.get(`${d.dose.vaccineCode}_${d.dose.doseNumber - 1}`);
        if (previous && previous.givenOn === null) expect(d.givenOn).toBeNull();
        if (d.givenOn === null) continue;
        expect(d.givenOn >= addAgeToPlainDate(child.birthDate, d.dose.earliestAge)).toBe(true);
        if (previous?.givenOn && d.dose.minimumInterval) {
          expect(d.givenOn >= addAgeToPlainDate(previous.givenOn, d.dose.minimumInterval)).toBe(true);
        }
      }
    }),
  );
});

test('the status agrees with the dates', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf }) => {
      for (const d of immunizationStatus(schedule, child, asOf).doses) {
        expect(d.dueDate < d.overdueFrom).toBe(true);
        expect(d.dueDate >= d.earliestValidDate).toBe(true);
        switch (d.status) {
          case 'not_yet_due':
            expect(asOf < d.dueDate).toBe(true);
            break;
          case 'due':
            expect(d.dueDate <= asOf && asOf < d.overdueFrom).toBe(true);
            break;
          case 'overdue':
            expect(asOf >= d.overdueFrom).toBe(true);
            if (d.expiresOn) expect(asOf < d.expiresOn).toBe(true);
            break;
          case 'expired':
            expect(d.expiresOn !== null && asOf >= d.expiresOn).toBe(true);
            break;
          case 'given':
            expect(d.givenOn !== null && d.givenOn < d.overdueFrom).toBe(true);
            break;
          case 'given_late':
            expect(d.givenOn !== null && d.givenOn >= d.overdueFrom).toBe(true);
            break;
        }
      }
    }),
  );
});

test('adding a dose never turns a given dose into one not given, nor makes it later', () => {
  fc.assert(
    fc.property(scenario, ({ child, extra, asOf }) => {
      const before = statusById(child, asOf);
      const after = statusById({ ...child, dosesGiven: [...child.dosesGiven, extra] }, asOf);
      for (const [id, d] of before) {
        if (d.givenOn === null) continue;
        const now = after.get(id);
        expect(now?.givenOn ?? null).not.toBeNull();
        expect(now!.givenOn! <= d.givenOn).toBe(true);
      }
    }),
  );
});

test('a dose given by one date is still given, on the same day, at any later date', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf, later }) => {
      const before = statusById(child, asOf);
      const after = statusById(child, addDaysToPlainDate(asOf, later));
      for (const [id, d] of before) {
        if (d.givenOn !== null) expect(after.get(id)?.givenOn).toBe(d.givenOn);
      }
    }),
  );
});

test('the order in which doses are entered does not matter', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf }) => {
      const shuffled: ImmunizationDoseRecord[] = [...child.dosesGiven].reverse();
      expect(immunizationStatus(schedule, { ...child, dosesGiven: shuffled }, asOf)).toEqual(
        immunizationStatus(schedule, child, asOf),
      );
    }),
  );
});

test('once fully immunised, a child stays so, by the same date', () => {
  fc.assert(
    fc.property(scenario, ({ child, asOf, later }) => {
      const now = fullyImmunizedUnder1(schedule, child, asOf);
      if (!now.settled) return;
      const then = fullyImmunizedUnder1(schedule, child, addDaysToPlainDate(asOf, later));
      expect(then.fully).toBe(now.fully);
      expect(then.by).toBe(now.by);
    }),
  );
});
