import { describe, expect, test } from 'vitest';
import type { PlainDate } from '../plainDate.ts';
import { immunizationScheduleTT10_2024 as schedule } from './schedule.ts';
import {
  fullyImmunizedUnder1,
  type ImmunizationDoseRecord,
  type ImmunizationDoseStatus,
  immunizationStatus,
  type InvalidDose,
  type ScheduledDoseStatus,
} from './status.ts';
import type { VaccineCode } from './vaccines.ts';

// Every expected value below is worked out by hand from the schedule's ages, not computed by the code under test.

function dose(vaccineCode: VaccineCode, givenOn: PlainDate, doseNumber?: number): ImmunizationDoseRecord {
  return doseNumber === undefined ? { vaccineCode, givenOn } : { vaccineCode, givenOn, doseNumber };
}

type DoseDates = Partial<
  Pick<
    ScheduledDoseStatus,
    'dueDate' | 'overdueFrom' | 'expiresOn' | 'earliestValidDate' | 'givenOn' | 'recordedDoseNumber'
  >
>;

interface Case {
  name: string;
  birthDate: PlainDate;
  doses: ImmunizationDoseRecord[];
  asOf: PlainDate;
  statuses: Record<string, ImmunizationDoseStatus>;
  dates?: Record<string, DoseDates>;
  /** Doses not listed here have no invalid dose. */
  invalid?: Record<string, InvalidDose[]>;
  extra?: ImmunizationDoseRecord[];
}

const born = '2025-01-15';
const onTimeInfant = [
  dose('hepb_birth', '2025-01-15'),
  dose('bcg', '2025-01-20'),
  dose('dpt_hepb_hib', '2025-03-15', 1),
  dose('opv', '2025-03-15', 1),
  dose('dpt_hepb_hib', '2025-04-15', 2),
  dose('opv', '2025-04-15', 2),
  dose('dpt_hepb_hib', '2025-05-15', 3),
  dose('opv', '2025-05-15', 3),
  dose('ipv', '2025-06-15', 1),
];
const infantSeriesGiven = {
  hepb_birth_1: 'given',
  bcg_1: 'given',
  dpt_hepb_hib_1: 'given',
  opv_1: 'given',
  dpt_hepb_hib_2: 'given',
  opv_2: 'given',
  dpt_hepb_hib_3: 'given',
  opv_3: 'given',
  ipv_1: 'given',
} as const;
const lateFiveInOne = [dose('dpt_hepb_hib', '2025-05-01'), dose('dpt_hepb_hib', '2025-06-20')];
const bornLeapDay = '2024-02-29';
const sixYearOld = '2019-03-10';
const jeDoses = [dose('je', '2025-06-12'), dose('je', '2025-06-18'), dose('je', '2025-06-26')];

const cases: Case[] = [
  {
    name: 'a newborn on the day of birth: only the birth doses are due',
    birthDate: born,
    doses: [],
    asOf: '2025-01-15',
    statuses: {
      hepb_birth_1: 'due',
      bcg_1: 'due',
      dpt_hepb_hib_1: 'not_yet_due',
      opv_1: 'not_yet_due',
      dpt_hepb_hib_2: 'not_yet_due',
      opv_2: 'not_yet_due',
      dpt_hepb_hib_3: 'not_yet_due',
      opv_3: 'not_yet_due',
      ipv_1: 'not_yet_due',
      ipv_2: 'not_yet_due',
      measles_1: 'not_yet_due',
      je_1: 'not_yet_due',
      je_2: 'not_yet_due',
      dpt_booster_1: 'not_yet_due',
      mr_1: 'not_yet_due',
      je_3: 'not_yet_due',
      td_1: 'not_yet_due',
    },
    dates: {
      hepb_birth_1: { dueDate: '2025-01-15', overdueFrom: '2025-01-17', expiresOn: '2025-01-22' },
      bcg_1: { dueDate: '2025-01-15', overdueFrom: '2025-02-16', expiresOn: '2026-01-15' },
      dpt_hepb_hib_1: { dueDate: '2025-03-15', overdueFrom: '2025-04-16', earliestValidDate: '2025-02-26' },
      dpt_hepb_hib_3: { dueDate: '2025-05-15', expiresOn: '2030-01-15' },
      je_2: { dueDate: '2026-01-29', earliestValidDate: '2026-01-22' },
      je_3: { dueDate: '2027-01-29' },
      td_1: { dueDate: '2032-01-15', overdueFrom: '2033-01-16', expiresOn: null, givenOn: null },
    },
  },
  {
    name: 'the hepatitis B birth dose is still on time the day after birth',
    birthDate: born,
    doses: [],
    asOf: '2025-01-16',
    statuses: { hepb_birth_1: 'due', bcg_1: 'due' },
  },
  {
    name: 'the hepatitis B birth dose is overdue two days after birth',
    birthDate: born,
    doses: [],
    asOf: '2025-01-17',
    statuses: { hepb_birth_1: 'overdue', bcg_1: 'due' },
  },
  {
    name: 'the hepatitis B birth dose expires on day 7',
    birthDate: born,
    doses: [],
    asOf: '2025-01-22',
    statuses: { hepb_birth_1: 'expired', bcg_1: 'due' },
  },
  {
    name: 'BCG is on time until the same day of the next month',
    birthDate: born,
    doses: [],
    asOf: '2025-02-15',
    statuses: { bcg_1: 'due', dpt_hepb_hib_1: 'not_yet_due' },
  },
  {
    name: 'BCG is overdue from the day after that',
    birthDate: born,
    doses: [],
    asOf: '2025-02-16',
    statuses: { bcg_1: 'overdue', hepb_birth_1: 'expired' },
  },
  {
    name: 'an infant vaccinated on time at 5 months',
    birthDate: born,
    doses: onTimeInfant,
    asOf: '2025-06-15',
    statuses: { ...infantSeriesGiven, ipv_2: 'not_yet_due', measles_1: 'not_yet_due' },
    dates: { ipv_2: { dueDate: '2025-10-15' }, opv_3: { givenOn: '2025-05-15', recordedDoseNumber: 3 } },
  },
  {
    name: 'measles and IPV 2 are due on their due date exactly',
    birthDate: born,
    doses: onTimeInfant,
    asOf: '2025-10-15',
    statuses: { ...infantSeriesGiven, ipv_2: 'due', measles_1: 'due' },
    dates: {
      measles_1: { dueDate: '2025-10-15', overdueFrom: '2025-11-16', earliestValidDate: '2025-10-15' },
    },
  },
  {
    name: 'measles and IPV 2 are overdue a month and a day after it',
    birthDate: born,
    doses: onTimeInfant,
    asOf: '2025-11-16',
    statuses: { ...infantSeriesGiven, ipv_2: 'overdue', measles_1: 'overdue', je_1: 'not_yet_due' },
  },
  {
    name: 'a late first 5-in-1 moves the next due dates; a series never started is overdue all along',
    birthDate: born,
    doses: lateFiveInOne,
    asOf: '2025-07-20',
    statuses: {
      hepb_birth_1: 'expired',
      bcg_1: 'overdue',
      dpt_hepb_hib_1: 'given_late',
      dpt_hepb_hib_2: 'given',
      dpt_hepb_hib_3: 'due',
      opv_1: 'overdue',
      opv_2: 'overdue',
      opv_3: 'overdue',
    },
    dates: {
      dpt_hepb_hib_1: { givenOn: '2025-05-01', recordedDoseNumber: null },
      dpt_hepb_hib_2: { dueDate: '2025-06-01', overdueFrom: '2025-07-02', givenOn: '2025-06-20' },
      dpt_hepb_hib_3: { dueDate: '2025-07-20', overdueFrom: '2025-08-21', earliestValidDate: '2025-07-20' },
      opv_2: { dueDate: '2025-04-15', overdueFrom: '2025-05-16' },
    },
  },
  {
    name: 'the moved dose is still due on the last day of its window',
    birthDate: born,
    doses: lateFiveInOne,
    asOf: '2025-08-20',
    statuses: { dpt_hepb_hib_3: 'due' },
  },
  {
    name: 'the moved dose is overdue the day after',
    birthDate: born,
    doses: lateFiveInOne,
    asOf: '2025-08-21',
    statuses: { dpt_hepb_hib_3: 'overdue' },
  },
  {
    name: 'OPV doses entered in reverse order fill the series in date order',
    birthDate: born,
    doses: [dose('opv', '2025-05-15', 3), dose('opv', '2025-04-15', 2), dose('opv', '2025-03-15', 1)],
    asOf: '2025-06-01',
    statuses: { opv_1: 'given', opv_2: 'given', opv_3: 'given' },
    dates: {
      opv_1: { givenOn: '2025-03-15', recordedDoseNumber: 1 },
      opv_2: { givenOn: '2025-04-15', recordedDoseNumber: 2 },
      opv_3: { givenOn: '2025-05-15', recordedDoseNumber: 3 },
    },
  },
  {
    name: 'an OPV "dose 3" given before the "dose 1" counts as the first dose',
    birthDate: born,
    doses: [dose('opv', '2025-03-15', 3), dose('opv', '2025-04-15', 1)],
    asOf: '2025-05-20',
    statuses: { opv_1: 'given', opv_2: 'given', opv_3: 'due' },
    dates: {
      opv_1: { givenOn: '2025-03-15', recordedDoseNumber: 3 },
      opv_2: { givenOn: '2025-04-15', recordedDoseNumber: 1 },
      opv_3: { dueDate: '2025-05-15', givenOn: null },
    },
  },
  {
    name: 'of two OPV doses on the same day, the second does not count',
    birthDate: born,
    doses: [dose('opv', '2025-03-15', 2), dose('opv', '2025-03-15', 1)],
    asOf: '2025-04-01',
    statuses: { opv_1: 'given', opv_2: 'not_yet_due' },
    dates: {
      opv_1: { recordedDoseNumber: 1 },
      opv_2: { dueDate: '2025-04-15', earliestValidDate: '2025-04-15' },
    },
    invalid: { opv_2: [{ givenOn: '2025-03-15', recordedDoseNumber: 2, reason: 'before_minimum_interval' }] },
  },
  {
    name: '5-in-1 doses recorded without a number are assigned in date order',
    birthDate: born,
    doses: [
      dose('dpt_hepb_hib', '2025-06-01'),
      dose('dpt_hepb_hib', '2025-03-20'),
      dose('dpt_hepb_hib', '2025-04-25'),
    ],
    asOf: '2025-07-01',
    statuses: { dpt_hepb_hib_1: 'given', dpt_hepb_hib_2: 'given', dpt_hepb_hib_3: 'given' },
    dates: {
      dpt_hepb_hib_1: { givenOn: '2025-03-20', recordedDoseNumber: null },
      dpt_hepb_hib_2: { dueDate: '2025-04-20', overdueFrom: '2025-05-21', givenOn: '2025-04-25' },
      dpt_hepb_hib_3: { dueDate: '2025-05-25', overdueFrom: '2025-06-26', givenOn: '2025-06-01' },
    },
  },
  {
    name: 'a 5-in-1 given at 5 weeks does not count, and dose 1 is still to come',
    birthDate: born,
    doses: [dose('dpt_hepb_hib', '2025-02-20', 1)],
    asOf: '2025-03-01',
    statuses: { dpt_hepb_hib_1: 'not_yet_due', dpt_hepb_hib_2: 'not_yet_due' },
    invalid: {
      dpt_hepb_hib_1: [{ givenOn: '2025-02-20', recordedDoseNumber: 1, reason: 'before_minimum_age' }],
    },
  },
  {
    name: 'the dose given after a too-early one is dose 1',
    birthDate: born,
    doses: [dose('dpt_hepb_hib', '2025-02-20', 1), dose('dpt_hepb_hib', '2025-03-15', 2)],
    asOf: '2025-03-20',
    statuses: { dpt_hepb_hib_1: 'given', dpt_hepb_hib_2: 'not_yet_due' },
    dates: {
      dpt_hepb_hib_1: { givenOn: '2025-03-15', recordedDoseNumber: 2 },
      dpt_hepb_hib_2: { dueDate: '2025-04-15' },
    },
    invalid: {
      dpt_hepb_hib_1: [{ givenOn: '2025-02-20', recordedDoseNumber: 1, reason: 'before_minimum_age' }],
    },
  },
  {
    name: 'an OPV given 17 days after the first does not count: dose 2 is overdue, dose 3 due',
    birthDate: born,
    doses: [dose('opv', '2025-03-15'), dose('opv', '2025-04-01')],
    asOf: '2025-05-20',
    statuses: { opv_1: 'given', opv_2: 'overdue', opv_3: 'due' },
    dates: {
      opv_2: { dueDate: '2025-04-15', overdueFrom: '2025-05-16', givenOn: null },
      opv_3: { dueDate: '2025-05-15' },
    },
    invalid: {
      opv_2: [{ givenOn: '2025-04-01', recordedDoseNumber: null, reason: 'before_minimum_interval' }],
    },
  },
  {
    name: 'a measles dose before 9 months does not count',
    birthDate: born,
    doses: [dose('measles', '2025-10-01', 1)],
    asOf: '2025-10-20',
    statuses: { measles_1: 'due' },
    invalid: { measles_1: [{ givenOn: '2025-10-01', recordedDoseNumber: 1, reason: 'before_minimum_age' }] },
  },
  {
    name: 'a child born on 29 February: the birth dose is on time on 1 March',
    birthDate: bornLeapDay,
    doses: [],
    asOf: '2024-03-01',
    statuses: { hepb_birth_1: 'due', bcg_1: 'due' },
    dates: {
      hepb_birth_1: { overdueFrom: '2024-03-02', expiresOn: '2024-03-07' },
      bcg_1: { overdueFrom: '2024-03-30', expiresOn: '2025-02-28' },
      dpt_hepb_hib_1: { dueDate: '2024-04-29' },
      measles_1: { dueDate: '2024-11-29' },
      je_1: { dueDate: '2025-02-28' },
    },
  },
  {
    name: 'a child born on 29 February, the day before 28 February of the next year',
    birthDate: bornLeapDay,
    doses: [],
    asOf: '2025-02-27',
    statuses: { bcg_1: 'overdue', dpt_hepb_hib_1: 'overdue', measles_1: 'overdue', je_1: 'not_yet_due' },
  },
  {
    name: 'a child born on 29 February turns 1 on 28 February: BCG expires, JE 1 is due',
    birthDate: bornLeapDay,
    doses: [],
    asOf: '2025-02-28',
    statuses: { bcg_1: 'expired', measles_1: 'overdue', je_1: 'due' },
  },
  {
    name: 'a child born on 31 January: a month of age ends on 28 February',
    birthDate: '2025-01-31',
    doses: [dose('dpt_hepb_hib', '2025-03-31')],
    asOf: '2025-04-30',
    statuses: {
      bcg_1: 'overdue',
      dpt_hepb_hib_1: 'given',
      opv_1: 'due',
      dpt_hepb_hib_2: 'due',
      dpt_hepb_hib_3: 'not_yet_due',
    },
    dates: {
      bcg_1: { overdueFrom: '2025-03-01' },
      opv_1: { dueDate: '2025-03-31', overdueFrom: '2025-05-01' },
      dpt_hepb_hib_2: { dueDate: '2025-04-30' },
      dpt_hepb_hib_3: { dueDate: '2025-05-31' },
    },
  },
  {
    name: 'a 6-year-old never vaccinated: infant doses expired, boosters and JE overdue, Td not yet due',
    birthDate: sixYearOld,
    doses: [],
    asOf: '2025-03-10',
    statuses: {
      hepb_birth_1: 'expired',
      bcg_1: 'expired',
      dpt_hepb_hib_1: 'expired',
      opv_1: 'expired',
      dpt_hepb_hib_2: 'expired',
      opv_2: 'expired',
      dpt_hepb_hib_3: 'expired',
      opv_3: 'expired',
      ipv_1: 'expired',
      ipv_2: 'expired',
      measles_1: 'expired',
      je_1: 'overdue',
      je_2: 'overdue',
      dpt_booster_1: 'overdue',
      mr_1: 'expired',
      je_3: 'overdue',
      td_1: 'not_yet_due',
    },
    dates: {
      mr_1: { expiresOn: '2024-03-10' },
      dpt_booster_1: { expiresOn: '2026-03-10' },
      je_2: { dueDate: '2020-03-24' },
      je_3: { dueDate: '2021-03-24' },
      td_1: { dueDate: '2026-03-10' },
    },
  },
  {
    name: 'a BCG given after its upper age still counts, as late',
    birthDate: sixYearOld,
    doses: [dose('bcg', '2020-05-01')],
    asOf: '2020-06-01',
    statuses: { bcg_1: 'given_late', hepb_birth_1: 'expired' },
    dates: { bcg_1: { expiresOn: '2020-03-10', givenOn: '2020-05-01' } },
  },
  {
    name: 'Td given at 7 years',
    birthDate: '2018-09-05',
    doses: [dose('td', '2025-09-10')],
    asOf: '2025-10-01',
    statuses: { td_1: 'given' },
    dates: { td_1: { dueDate: '2025-09-05', overdueFrom: '2026-09-06' } },
  },
  {
    name: 'Td is due until the 8th birthday',
    birthDate: '2018-09-05',
    doses: [],
    asOf: '2026-09-05',
    statuses: { td_1: 'due' },
  },
  {
    name: 'Td is overdue from the day after the 8th birthday',
    birthDate: '2018-09-05',
    doses: [],
    asOf: '2026-09-06',
    statuses: { td_1: 'overdue' },
  },
  {
    name: 'a JE dose 6 days after dose 1 does not count; dose 3 falls a year after the valid dose 2',
    birthDate: '2024-06-10',
    doses: jeDoses,
    asOf: '2026-06-25',
    statuses: { je_1: 'given', je_2: 'given', je_3: 'not_yet_due' },
    dates: {
      je_2: { dueDate: '2025-06-24', earliestValidDate: '2025-06-19', givenOn: '2025-06-26' },
      je_3: { dueDate: '2026-06-26' },
    },
    invalid: {
      je_2: [{ givenOn: '2025-06-18', recordedDoseNumber: null, reason: 'before_minimum_interval' }],
    },
  },
  {
    name: 'JE dose 3 is due a year after dose 2',
    birthDate: '2024-06-10',
    doses: jeDoses,
    asOf: '2026-06-26',
    statuses: { je_3: 'due' },
    invalid: {
      je_2: [{ givenOn: '2025-06-18', recordedDoseNumber: null, reason: 'before_minimum_interval' }],
    },
  },
  {
    name: 'a 4th OPV is an extra dose',
    birthDate: born,
    doses: [
      dose('opv', '2025-03-15'),
      dose('opv', '2025-04-15'),
      dose('opv', '2025-05-15'),
      dose('opv', '2025-06-15'),
    ],
    asOf: '2025-07-01',
    statuses: { opv_1: 'given', opv_2: 'given', opv_3: 'given' },
    extra: [dose('opv', '2025-06-15')],
  },
  {
    name: 'a dose recorded after the as-of date is not yet given',
    birthDate: born,
    doses: [dose('opv', '2025-03-20', 1)],
    asOf: '2025-03-18',
    statuses: { opv_1: 'due' },
  },
  {
    name: 'the DTP booster given at 18 months; MR overdue a month and a day after',
    birthDate: born,
    doses: [dose('dpt_booster', '2026-07-15')],
    asOf: '2026-08-16',
    statuses: { dpt_booster_1: 'given', mr_1: 'overdue', je_1: 'overdue' },
    dates: { mr_1: { dueDate: '2026-07-15', overdueFrom: '2026-08-16' } },
  },
  {
    name: 'a BCG dated before the birth does not count',
    birthDate: born,
    doses: [dose('bcg', '2025-01-10')],
    asOf: '2025-01-20',
    statuses: { bcg_1: 'due' },
    invalid: { bcg_1: [{ givenOn: '2025-01-10', recordedDoseNumber: null, reason: 'before_minimum_age' }] },
  },
];

describe('dose statuses, hand-checked', () => {
  test('the table covers at least 20 children and as-of dates', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)('$name', (c) => {
    const result = immunizationStatus(schedule, { birthDate: c.birthDate, dosesGiven: c.doses }, c.asOf);
    expect(result.doses.map((d) => d.dose.id)).toEqual(schedule.doses.map((d) => d.id));
    const byId = new Map(result.doses.map((d) => [d.dose.id, d]));
    const actualStatuses = Object.fromEntries(
      Object.keys(c.statuses).map((id) => [id, byId.get(id)?.status]),
    );
    expect(actualStatuses).toEqual(c.statuses);
    for (const [id, dates] of Object.entries(c.dates ?? {})) expect(byId.get(id), id).toMatchObject(dates);
    for (const d of result.doses) expect(d.invalidDoses, d.dose.id).toEqual(c.invalid?.[d.dose.id] ?? []);
    expect(result.extraDoses).toEqual(c.extra ?? []);
  });
});

describe('fully immunised under 1', () => {
  const eightVaccines = [
    dose('bcg', '2025-01-20'),
    dose('dpt_hepb_hib', '2025-03-15'),
    dose('opv', '2025-03-15'),
    dose('dpt_hepb_hib', '2025-04-15'),
    dose('opv', '2025-04-15'),
    dose('dpt_hepb_hib', '2025-05-15'),
    dose('opv', '2025-05-15'),
  ];
  const child = (extra: ImmunizationDoseRecord[], birthDate: PlainDate = born) => ({
    birthDate,
    dosesGiven: [...eightVaccines, ...extra],
  });

  test('is fully immunised by the date of the last of the 8 vaccines, without the birth dose or IPV', () => {
    const result = fullyImmunizedUnder1(schedule, child([dose('measles', '2025-10-20')]), '2026-02-01');
    expect(result).toEqual({ fully: true, by: '2025-10-20', missing: [], settled: true });
  });

  test('is not, when the measles dose is given on the first birthday', () => {
    const result = fullyImmunizedUnder1(schedule, child([dose('measles', '2026-01-15')]), '2026-02-01');
    expect(result.fully).toBe(false);
    expect(result.by).toBeNull();
    expect(result.settled).toBe(true);
    expect(result.missing.map((m) => [m.dose.id, m.status, m.givenOn])).toEqual([
      ['measles_1', 'given_late', '2026-01-15'],
    ]);
  });

  test('is still open for a child under 1 who is not yet due for measles', () => {
    const result = fullyImmunizedUnder1(schedule, child([]), '2025-06-01');
    expect(result.fully).toBe(false);
    expect(result.settled).toBe(false);
    expect(result.missing.map((m) => [m.dose.id, m.status])).toEqual([['measles_1', 'not_yet_due']]);
  });

  test('a child born on 29 February must be done by 27 February of the next year', () => {
    const leap = [
      dose('bcg', '2024-03-01'),
      ...(['2024-04-29', '2024-05-29', '2024-06-29'] as const).flatMap((d) => [
        dose('dpt_hepb_hib', d),
        dose('opv', d),
      ]),
    ];
    const onTime = { birthDate: bornLeapDay, dosesGiven: [...leap, dose('measles', '2025-02-27')] };
    const onBirthday = { birthDate: bornLeapDay, dosesGiven: [...leap, dose('measles', '2025-02-28')] };
    expect(fullyImmunizedUnder1(schedule, onTime, '2025-03-01')).toMatchObject({
      fully: true,
      by: '2025-02-27',
    });
    expect(fullyImmunizedUnder1(schedule, onBirthday, '2025-03-01')).toMatchObject({
      fully: false,
      by: null,
    });
  });

  test('an invalid dose does not count: the series is one dose short', () => {
    const tooSoon = {
      birthDate: born,
      dosesGiven: [
        ...eightVaccines.filter((d) => d.vaccineCode !== 'opv'),
        dose('opv', '2025-03-15'),
        dose('opv', '2025-04-01'),
        dose('opv', '2025-05-15'),
        dose('measles', '2025-10-20'),
      ],
    };
    const result = fullyImmunizedUnder1(schedule, tooSoon, '2026-02-01');
    expect(result.fully).toBe(false);
    expect(result.missing.map((m) => [m.dose.id, m.status])).toEqual([['opv_3', 'overdue']]);
  });
});
