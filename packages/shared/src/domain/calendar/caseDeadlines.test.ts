import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { plainDateInZone } from '../plainDate.ts';
import {
  applyDeadlineOverrides,
  caseDeadlineCatalogue,
  caseDeadlineDue,
  CaseDeadlineOverrides,
  deadlineOutcome,
  deadlineState,
  type DueSoonWindow,
  endOfDayInVietnam,
  hoursAfter,
  workingDaysAfter,
} from './caseDeadlines.ts';
import { createWorkingCalendar } from './workingCalendar.ts';

const calendar = createWorkingCalendar();
const at = (iso: string) => new Date(iso);
const iso = (instant: Date) => instant.toISOString();

describe('the end of a day in Vietnam', () => {
  test('is 23:59:59.999 there, 16:59:59.999 UTC', () => {
    expect(iso(endOfDayInVietnam('2025-03-14'))).toBe('2025-03-14T16:59:59.999Z');
    expect(iso(endOfDayInVietnam('2025-12-31'))).toBe('2025-12-31T16:59:59.999Z');
  });

  test('agrees with the time-zone database in every year of the holiday data', () => {
    for (let year = 2017; year <= 2030; year++) {
      for (const date of [`${year}-01-01`, `${year}-07-01`, `${year}-12-31`]) {
        const end = endOfDayInVietnam(date);
        expect(plainDateInZone(end, 'Asia/Ho_Chi_Minh')).toBe(date);
        expect(plainDateInZone(new Date(end.getTime() + 1), 'Asia/Ho_Chi_Minh')).not.toBe(date);
      }
    }
  });
});

describe('a period in hours', () => {
  test.each([
    ['runs across midnight', '2025-03-07T13:00:00Z', 12, '2025-03-08T01:00:00.000Z'],
    ['runs through the eve of Tết into mùng 1', '2026-02-16T11:00:00Z', 12, '2026-02-16T23:00:00.000Z'],
    ['runs through a Saturday and a Sunday', '2025-03-08T02:00:00Z', 36, '2025-03-09T14:00:00.000Z'],
    ['of zero hours ends at once', '2025-03-07T13:00:00Z', 0, '2025-03-07T13:00:00.000Z'],
  ])('%s', (_, from, hours, due) => {
    expect(iso(hoursAfter(at(from), hours))).toBe(due);
  });

  test('refuses a negative or endless number of hours and an invalid instant', () => {
    expect(() => hoursAfter(at('2025-03-07T13:00:00Z'), -1)).toThrow(RangeError);
    expect(() => hoursAfter(at('2025-03-07T13:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => hoursAfter(at('not a date'), 12)).toThrow(RangeError);
  });
});

// Event instants are UTC; the comment gives the same instant in Vietnam.
const workingDayCases = [
  ['Fri 07/03/2025 23:30: a Friday event, day 1 is Monday', '2025-03-07T16:30:00Z', 1, '2025-03-10'],
  ['Fri 07/03/2025 23:30, 5 days', '2025-03-07T16:30:00Z', 5, '2025-03-14'],
  ['Sat 08/03/2025 00:30 (Friday in UTC): a Saturday event', '2025-03-07T17:30:00Z', 1, '2025-03-10'],
  ['Thu 06/03/2025 23:30: day 1 is Friday', '2025-03-06T16:30:00Z', 1, '2025-03-07'],
  ['Fri 07/03/2025 00:30 (Thursday in UTC): day 1 is Monday', '2025-03-06T17:30:00Z', 1, '2025-03-10'],
  [
    'Fri 25/04/2025 23:30: day 1 is the Saturday worked for the swap',
    '2025-04-25T16:30:00Z',
    1,
    '2025-04-26',
  ],
  ['Fri 25/04/2025 23:30, 5 days across 30/4–1/5 and the bridge', '2025-04-25T16:30:00Z', 5, '2025-05-06'],
  ['Sat 26/04/2025 00:30 (Friday in UTC), 1 day', '2025-04-25T17:30:00Z', 1, '2025-04-28'],
  ['Sat 26/04/2025 00:30 (Friday in UTC), 3 days', '2025-04-25T17:30:00Z', 3, '2025-05-05'],
  ['Wed 07/02/2024 15:00, the eve of the Tết break, 5 days', '2024-02-07T08:00:00Z', 5, '2024-02-21'],
  ['Mon 16/02/2026 20:00, 29 Tết, a holiday, 5 days', '2026-02-16T13:00:00Z', 5, '2026-02-27'],
  ['Fri 29/04/2022 10:00, 30/4 and 1/5 on the weekend, 5 days', '2022-04-29T03:00:00Z', 5, '2022-05-10'],
  ['Fri 28/04/2023 10:00, Giỗ Tổ, 30/4, 1/5 from Saturday, 5 days', '2023-04-28T03:00:00Z', 5, '2023-05-10'],
  ['Fri 29/08/2025 10:00, Quốc khánh on Monday and Tuesday, 5 days', '2025-08-29T03:00:00Z', 5, '2025-09-09'],
  ['Fri 21/08/2026 10:00, day 1 is the Saturday worked for 31/8', '2026-08-21T03:00:00Z', 5, '2026-08-27'],
  ['Fri 28/08/2026 10:00, across Quốc khánh 2026, 5 days', '2026-08-28T03:00:00Z', 5, '2026-09-09'],
  ['Fri 28/12/2018 10:00, across the New Year swap, 5 days', '2018-12-28T03:00:00Z', 5, '2019-01-07'],
  ['Wed 31/12/2025 10:00, across the New Year swap, 7 days', '2025-12-31T03:00:00Z', 7, '2026-01-12'],
  ['Mon 09/02/2026 10:00, across Tết 2026, 15 days', '2026-02-09T03:00:00Z', 15, '2026-03-09'],
] as const;

describe('a period in working days', () => {
  test.each(workingDayCases)('%s', (_, from, n, lastDay) => {
    expect(iso(workingDaysAfter(at(from), n, calendar))).toBe(`${lastDay}T16:59:59.999Z`);
  });

  test('counts the province’s own days off', () => {
    const province = createWorkingCalendar({ extraDaysOff: ['2025-03-10'] });
    expect(iso(workingDaysAfter(at('2025-03-07T16:30:00Z'), 1, province))).toBe('2025-03-11T16:59:59.999Z');
  });

  test('ends at the end of a working day after the event’s day', () => {
    const instant = fc
      .integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2030, 10, 1) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), (from, n) => {
        const due = workingDaysAfter(from, n, calendar);
        const dueDay = plainDateInZone(due, 'Asia/Ho_Chi_Minh');
        expect(due.toISOString().slice(10)).toBe('T16:59:59.999Z');
        expect(calendar.isWorkingDay(dueDay)).toBe(true);
        expect(calendar.workingDaysBetween(plainDateInZone(from, 'Asia/Ho_Chi_Minh'), dueDay)).toBe(n);
      }),
    );
  });

  test('refuses fewer than one day or a fraction of one', () => {
    expect(() => workingDaysAfter(at('2025-03-07T03:00:00Z'), 0, calendar)).toThrow(RangeError);
    expect(() => workingDaysAfter(at('2025-03-07T03:00:00Z'), 2.5, calendar)).toThrow(RangeError);
  });
});

describe('whatever the server’s time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])(
    'gives the same deadlines in %s',
    (zone) => {
      process.env.TZ = zone;
      for (const [, from, n, lastDay] of workingDayCases) {
        expect(iso(workingDaysAfter(at(from), n, calendar))).toBe(`${lastDay}T16:59:59.999Z`);
      }
      expect(iso(hoursAfter(at('2025-03-07T13:00:00Z'), 12))).toBe('2025-03-08T01:00:00.000Z');
    },
  );
});

describe('the state of an open deadline', () => {
  const due = at('2025-03-14T16:59:59.999Z'); // end of Friday 14/03/2025

  test.each([
    ['a day and more before, with a 24-hour window', '2025-03-13T16:59:59.998Z', 'on_time'],
    ['within 24 hours', '2025-03-13T17:00:00.000Z', 'due_soon'],
    ['on the due instant itself', '2025-03-14T16:59:59.999Z', 'due_soon'],
    ['one millisecond after', '2025-03-14T17:00:00.000Z', 'overdue'],
  ])('is right %s', (_, now, state) => {
    expect(deadlineState(at(now), due, { hours: 24 })).toBe(state);
  });

  test.each([
    ['two working days before', '2025-03-12T03:00:00Z', 'on_time'],
    ['on the last working day before', '2025-03-13T03:00:00Z', 'due_soon'],
    ['on its day', '2025-03-14T03:00:00Z', 'due_soon'],
  ])('with a window of one working day, is right %s', (_, now, state) => {
    expect(deadlineState(at(now), due, { workingDays: 1 }, calendar)).toBe(state);
  });

  test('counts the window in working days across a weekend', () => {
    const dueMonday = at('2025-03-10T16:59:59.999Z');
    expect(deadlineState(at('2025-03-07T03:00:00Z'), dueMonday, { workingDays: 1 }, calendar)).toBe(
      'due_soon',
    );
    expect(deadlineState(at('2025-03-07T03:00:00Z'), dueMonday, { workingDays: 0 }, calendar)).toBe(
      'on_time',
    );
  });

  test('is due soon when either window says so', () => {
    expect(deadlineState(at('2025-03-12T03:00:00Z'), due, { hours: 1, workingDays: 2 }, calendar)).toBe(
      'due_soon',
    );
    expect(deadlineState(at('2025-03-12T03:00:00Z'), due, { hours: 72, workingDays: 0 }, calendar)).toBe(
      'due_soon',
    );
    expect(deadlineState(at('2025-03-12T03:00:00Z'), due, { hours: 1, workingDays: 1 }, calendar)).toBe(
      'on_time',
    );
  });

  test('is on time with no window at all, until it is overdue', () => {
    expect(deadlineState(at('2025-03-14T16:59:59.999Z'), due, {})).toBe('on_time');
    expect(deadlineState(at('2025-03-14T17:00:00Z'), due, {})).toBe('overdue');
  });

  test('needs a calendar to count a window in working days', () => {
    const window: DueSoonWindow = { workingDays: 1 };
    expect(() => deadlineState(at('2025-03-12T03:00:00Z'), due, window)).toThrow(TypeError);
  });
});

test('a deadline met on its instant is met; a millisecond later is late', () => {
  const due = at('2025-03-14T16:59:59.999Z');
  expect(deadlineOutcome(due, at('2025-03-14T16:59:59.999Z'))).toBe('met');
  expect(deadlineOutcome(due, at('2025-03-10T02:00:00Z'))).toBe('met');
  expect(deadlineOutcome(due, at('2025-03-14T17:00:00Z'))).toBe('late');
});

describe('the catalogue', () => {
  test('holds the deadlines of Decree 56 and the referral service level', () => {
    const summary = Object.values(caseDeadlineCatalogue).map(
      (r) => `${r.code}: ${r.amount} ${r.kind} from ${r.from}${r.statutory ? '' : ' (not statutory)'}`,
    );
    expect(summary).toEqual([
      'urgent_intervention: 12 hours from intake',
      'plan_draft: 5 working_days from intake',
      'plan_approval: 7 working_days from plan_submission',
      'care_handover: 15 working_days from care_decision',
      'referral_response: 2 working_days from referral_sent (not statutory)',
    ]);
  });

  test('gives the deadlines of an intake on Friday 07/03/2025 at 23:30', () => {
    const intake = at('2025-03-07T16:30:00Z');
    const submitted = at('2025-03-14T09:00:00Z'); // Friday 14/03 16:00
    const decided = at('2025-03-25T09:00:00Z'); // Tuesday 25/03 16:00
    const due = (code: keyof typeof caseDeadlineCatalogue, from: Date) =>
      iso(caseDeadlineDue(caseDeadlineCatalogue[code], from, calendar));
    expect(due('urgent_intervention', intake)).toBe('2025-03-08T04:30:00.000Z'); // Saturday 11:30
    expect(due('plan_draft', intake)).toBe('2025-03-14T16:59:59.999Z');
    expect(due('referral_response', submitted)).toBe('2025-03-18T16:59:59.999Z');
    expect(due('plan_approval', submitted)).toBe('2025-03-25T16:59:59.999Z');
    expect(due('care_handover', decided)).toBe('2025-04-16T16:59:59.999Z'); // Giỗ Tổ, Monday 07/04, not counted
  });

  test('gives the deadlines of an intake on Friday 25/04/2025 at 23:30, before the 30/4 break', () => {
    const intake = at('2025-04-25T16:30:00Z');
    const submitted = at('2025-05-06T09:00:00Z');
    const decided = at('2025-05-15T09:00:00Z');
    const due = (code: keyof typeof caseDeadlineCatalogue, from: Date) =>
      iso(caseDeadlineDue(caseDeadlineCatalogue[code], from, calendar));
    expect(due('urgent_intervention', intake)).toBe('2025-04-26T04:30:00.000Z');
    expect(due('plan_draft', intake)).toBe('2025-05-06T16:59:59.999Z');
    expect(due('referral_response', intake)).toBe('2025-04-28T16:59:59.999Z');
    expect(due('plan_approval', submitted)).toBe('2025-05-15T16:59:59.999Z');
    expect(due('care_handover', decided)).toBe('2025-06-05T16:59:59.999Z');
  });
});

describe('a province’s overrides', () => {
  test('replace the amounts they name and leave the rest', () => {
    const result = applyDeadlineOverrides(caseDeadlineCatalogue, { plan_draft: 3, referral_response: 5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalogue.plan_draft.amount).toBe(3);
    expect(result.catalogue.referral_response.amount).toBe(5);
    expect(result.catalogue.urgent_intervention.amount).toBe(12);
    expect(caseDeadlineCatalogue.plan_draft.amount).toBe(5);
  });

  test('may shorten a statutory deadline but not lengthen it', () => {
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, { urgent_intervention: 6 }).ok).toBe(true);
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, { plan_approval: 7 }).ok).toBe(true);
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, { plan_approval: 8 })).toEqual({
      ok: false,
      issues: [{ path: 'plan_approval', code: 'above_maximum' }],
    });
  });

  test('may lengthen the referral service level up to 20 working days', () => {
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, { referral_response: 20 }).ok).toBe(true);
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, { referral_response: 21 }).ok).toBe(false);
  });

  test('report every amount that is not a whole number from 1 up', () => {
    const overrides = { urgent_intervention: 0, plan_draft: 2.5, care_handover: Number.NaN, unknown: 3 };
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, overrides as CaseDeadlineOverrides)).toEqual({
      ok: false,
      issues: [
        { path: 'urgent_intervention', code: 'below_minimum' },
        { path: 'plan_draft', code: 'not_a_whole_number' },
        { path: 'care_handover', code: 'not_a_whole_number' },
        { path: 'unknown', code: 'unknown_deadline' },
      ],
    });
  });

  test('report a value that is not a number, as settings read back from storage may hold', () => {
    const overrides = JSON.parse('{"plan_draft":"3"}') as CaseDeadlineOverrides;
    expect(applyDeadlineOverrides(caseDeadlineCatalogue, overrides)).toEqual({
      ok: false,
      issues: [{ path: 'plan_draft', code: 'not_a_whole_number' }],
    });
  });

  test('have a schema that refuses codes it does not know', () => {
    expect(CaseDeadlineOverrides.safeParse({ plan_draft: 3 }).success).toBe(true);
    expect(CaseDeadlineOverrides.safeParse({ plan_review: 3 }).success).toBe(false);
  });
});
