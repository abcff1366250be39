import { expect, test } from 'vitest';
import { addAgeToPlainDate, addDaysToPlainDate } from './age.ts';
import {
  type ImmunizationSchedule,
  immunizationScheduleFor,
  immunizationScheduleTT10_2024,
  immunizationSchedules,
} from './schedule.ts';
import { epiDiseases, type EpiDisease, findVaccine, vaccineCodes, vaccines } from './vaccines.ts';

const schedule = immunizationScheduleTT10_2024;
const doses = schedule.doses;

test('dose ids are unique and are the vaccine code followed by the dose number', () => {
  expect(new Set(doses.map((d) => d.id)).size).toBe(doses.length);
  for (const d of doses) expect(d.id).toBe(`${d.vaccineCode}_${d.doseNumber}`);
});

test('the doses of a vaccine are numbered 1..n in schedule order, and only dose 1 has no minimum interval', () => {
  for (const code of vaccineCodes) {
    const series = doses.filter((d) => d.vaccineCode === code);
    expect(series.length, code).toBeGreaterThan(0);
    expect(series.map((d) => d.doseNumber)).toEqual(series.map((_, i) => i + 1));
    for (const d of series) expect(d.minimumInterval === null, d.id).toBe(d.doseNumber === 1);
  }
});

test('the schedule is in the order of the due ages', () => {
  const birth = '2025-01-15';
  const due = doses.map((d) => addAgeToPlainDate(birth, d.dueAge));
  expect(due).toEqual([...due].sort());
});

test('for any birth date a dose can be valid by its due date, and expires only after it is overdue', () => {
  for (const birth of ['2025-01-15', '2025-01-31', '2024-02-29', '2023-12-31']) {
    for (const d of doses) {
      const due = addAgeToPlainDate(birth, d.dueAge);
      expect(addAgeToPlainDate(birth, d.earliestAge) <= due, d.id).toBe(true);
      const overdueFrom = addDaysToPlainDate(addAgeToPlainDate(due, d.onTimeWindow), 1);
      if (d.expiresAt) expect(addAgeToPlainDate(birth, d.expiresAt) > overdueFrom, d.id).toBe(true);
    }
  }
});

test('the doses counted for "fully immunised under 1" are due before 1 year and cover exactly the 8 diseases', () => {
  const counted = doses.filter((d) => d.countsForFullyImmunizedUnder1);
  expect(counted.map((d) => d.id)).toEqual([
    'bcg_1',
    'dpt_hepb_hib_1',
    'opv_1',
    'dpt_hepb_hib_2',
    'opv_2',
    'dpt_hepb_hib_3',
    'opv_3',
    'measles_1',
  ]);
  for (const d of counted) expect(addAgeToPlainDate('2025-01-15', d.dueAge) < '2026-01-15').toBe(true);
  expect(new Set(counted.flatMap((d) => d.diseases))).toEqual(
    new Set(['tuberculosis', 'hepatitis_b', 'diphtheria', 'pertussis', 'tetanus', 'polio', 'hib', 'measles']),
  );
});

test('every entry cites the DOMAIN.md tag that matches its verification', () => {
  const tag = { verified: '[V]', probable: '[P]', unverified: '[U]' } as const;
  for (const d of doses) expect(d.note, d.id).toContain(`DOMAIN.md §5 ${tag[d.verification]}`);
  const byVerification = (v: string) => doses.filter((d) => d.verification === v).map((d) => d.id);
  expect(byVerification('probable')).toEqual([
    'opv_1',
    'opv_2',
    'opv_3',
    'measles_1',
    'je_1',
    'je_2',
    'mr_1',
    'je_3',
  ]);
  expect(byVerification('unverified')).toEqual(['ipv_2']);
});

test('a dose lists only diseases its vaccine covers', () => {
  for (const d of doses) {
    const vaccine = findVaccine(d.vaccineCode);
    expect(vaccine, d.id).toBeDefined();
    expect(d.diseases).toEqual(vaccine?.diseases);
  }
});

test('labels are NFC, Vietnamese ones with their diacritics, English ones plain', () => {
  const labelled = [...doses, ...vaccines, ...epiDiseases, schedule.title];
  for (const item of labelled) {
    expect(item.vi.normalize('NFC')).toBe(item.vi);
    expect(item.en).not.toMatch(/[^\x20-\x7e–’]/);
  }
  expect(findVaccine('dpt_hepb_hib')?.vi).toBe(
    'Vắc xin phối hợp bạch hầu – ho gà – uốn ván – viêm gan B – Hib (5 trong 1)',
  );
});

test('rubella and rotavirus are the unverified diseases, and no dose protects against rotavirus', () => {
  const list: readonly EpiDisease[] = epiDiseases;
  expect(list.filter((d) => d.verification !== 'verified').map((d) => d.code)).toEqual([
    'rubella',
    'rotavirus',
  ]);
  expect(doses.some((d) => d.diseases.includes('rotavirus'))).toBe(false);
});

test('a child gets the latest schedule in force on the day of birth, or the oldest one if born before all', () => {
  expect(immunizationScheduleFor('2024-08-01').code).toBe('TT10_2024');
  expect(immunizationScheduleFor('2019-03-10').code).toBe('TT10_2024');
  const older: ImmunizationSchedule = { ...schedule, validFrom: '2018-01-01', doses: [] };
  const versions = [schedule, older];
  expect(immunizationScheduleFor('2024-07-31', versions)).toBe(older);
  expect(immunizationScheduleFor('2024-08-01', versions)).toBe(schedule);
  expect(immunizationScheduleFor('2017-12-31', versions)).toBe(older);
  expect(immunizationSchedules).toEqual([schedule]);
});
