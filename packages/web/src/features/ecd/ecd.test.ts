import { describe, expect, test } from 'vitest';
import type { EcdChild } from '@treem/shared';
import {
  doseImportExampleCsv,
  doseName,
  doseNames,
  doseOfId,
  schoolYearChoices,
  schoolYearOf,
  serviceOptions,
} from './catalogue.ts';
import {
  parseActionListsSearch,
  parseWeighingDaySearch,
  profileTabForKind,
  toActionListQuery,
} from './ecdSearch.ts';
import { checklistState, milestoneOf } from './screening.ts';
import {
  emptyWeighingRow,
  isRowEmpty,
  planWeighingDay,
  rowInput,
  rowProblems,
  serverIssuesByChild,
  type WeighingRowText,
} from './weighingDay.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const child = (n: number, birthDate: string): EcdChild => ({
  id: id(n),
  fullName: `Trẻ ${n}`,
  sex: n % 2 ? 'male' : 'female',
  birthDate,
  birthDatePrecision: 'day',
});
const row = (text: Partial<WeighingRowText>): WeighingRowText => ({ ...emptyWeighingRow, ...text });

describe('the weighing-day grid', () => {
  const baby = child(1, '2025-06-01');
  const toddler = child(2, '2023-01-15');
  const day = '2026-03-10';

  test('reads decimal commas and chooses lying under 2 years, standing from 2', () => {
    expect(rowInput(baby, day, row({ weightKg: '8,4', lengthHeightCm: '70,5' }))).toEqual({
      personId: baby.id,
      weightKg: 8.4,
      lengthHeightCm: 70.5,
      position: 'lying',
      muacCm: null,
      oedema: false,
    });
    expect(rowInput(toddler, day, row({ lengthHeightCm: '88.2' })).position).toBe('standing');
    // The position chosen in the row wins; without a length none is sent.
    expect(rowInput(toddler, day, row({ lengthHeightCm: '88', position: 'lying' })).position).toBe('lying');
    expect(rowInput(toddler, day, row({ weightKg: '12', position: 'lying' })).position).toBeNull();
  });

  test('skips empty rows and sends the others in grid order with their child', () => {
    const texts = new Map([
      [baby.id, row({ weightKg: '8,4' })],
      [toddler.id, row({})],
      [id(3), row({ muacCm: '14' })],
    ]);
    const third = child(3, '2022-05-05');
    const plan = planWeighingDay([baby, toddler, third], day, texts);
    expect(plan.personIds).toEqual([baby.id, third.id]);
    expect(plan.rows.map((r) => r.personId)).toEqual(plan.personIds);
    expect(plan.invalid.size).toBe(0);
    expect(isRowEmpty(row({ oedema: true }))).toBe(false);
  });

  test('stops the save on a row typed wrongly, out of range, or with oedema alone', () => {
    expect(rowProblems(rowInput(baby, day, row({ weightKg: '8,4,1' })))).toEqual({ weightKg: 'invalid' });
    expect(rowProblems(rowInput(baby, day, row({ weightKg: '0,2' })))).toEqual({ weightKg: 'tooSmall' });
    expect(rowProblems(rowInput(baby, day, row({ lengthHeightCm: '700' })))).toEqual({
      lengthHeightCm: 'tooBig',
    });
    expect(rowProblems(rowInput(baby, day, row({ oedema: true })))).toEqual({ weightKg: 'nothing' });
    const plan = planWeighingDay([baby], day, new Map([[baby.id, row({ weightKg: 'abc' })]]));
    expect(plan.invalid.get(baby.id)).toEqual({ weightKg: 'invalid' });
  });

  test('puts a server issue on the child of the row it names', () => {
    const issues = [
      { path: 'body.rows.1.weightKg', code: 'too_big', message: '' },
      { path: 'body.rows.0', code: 'custom', message: '' },
      { path: 'body.rows.7.muacCm', code: 'too_big', message: '' },
      { path: 'body.measuredOn', code: 'invalid_format', message: '' },
    ];
    const byChild = serverIssuesByChild(issues, [baby.id, toddler.id]);
    expect(byChild.get(toddler.id)).toEqual([{ field: 'weightKg', code: 'too_big' }]);
    expect(byChild.get(baby.id)).toEqual([{ field: 'row', code: 'custom' }]);
    expect(byChild.size).toBe(2);
  });
});

describe('the action lists’ URL', () => {
  test('keeps valid choices and drops defaults and nonsense', () => {
    expect(
      parseActionListsSearch({
        unit: id(9).toUpperCase(),
        kind: 'malnourished_under5',
        months: '6',
        page: '2',
      }),
    ).toEqual({ unit: id(9), kind: 'malnourished_under5', months: 6, page: 2, size: undefined });
    expect(
      parseActionListsSearch({ unit: 'x', kind: 'overdue_doses', months: '3', page: '1', size: '20' }),
    ).toEqual({ unit: undefined, kind: undefined, months: undefined, page: undefined, size: undefined });
    expect(parseActionListsSearch({ kind: 'everyone', months: '99', size: '7' })).toMatchObject({
      kind: undefined,
      months: undefined,
      size: undefined,
    });
  });

  test('asks the server for the defaults the URL leaves out', () => {
    expect(toActionListQuery({}, id(1))).toEqual({ unitId: id(1), months: 3, page: 1, pageSize: 20 });
    expect(toActionListQuery({ months: 6, page: 3, size: 50 }, id(1))).toEqual({
      unitId: id(1),
      months: 6,
      page: 3,
      pageSize: 50,
    });
  });

  test('opens the profile on the tab where the child’s problem is dealt with', () => {
    expect(profileTabForKind('overdue_doses')).toBe('immunization');
    expect(profileTabForKind('malnourished_under5')).toBe('growth');
    expect(profileTabForKind('not_in_preschool_5y')).toBe('enrolment');
    expect(profileTabForKind('screening_follow_up')).toBe('development');
  });

  test('reads the weighing day’s village and date', () => {
    expect(parseWeighingDaySearch({ village: id(4), date: '2026-02-30' })).toEqual({
      village: id(4),
      date: undefined,
    });
    expect(parseWeighingDaySearch({ date: '2026-02-28' }).date).toBe('2026-02-28');
  });
});

describe('names from the shared catalogues', () => {
  test('names scheduled doses in both languages and keeps an unknown id visible', () => {
    expect(doseName('bcg_1', 'vi')).toBe('BCG (phòng lao)');
    expect(doseName('bcg_1', 'en')).toBe('BCG (tuberculosis)');
    expect(doseNames(['opv_2', 'made_up_9'], 'en')).toEqual(['Oral polio (OPV) dose 2', 'made_up_9']);
    expect(doseOfId('dpt_hepb_hib_3')).toEqual({ vaccineCode: 'dpt_hepb_hib', doseNumber: 3 });
    expect(doseOfId('nothing')).toBeUndefined();
  });

  test('offers only the services of the chosen domain', () => {
    const care = serviceOptions('vi', 'care').map((o) => o.value);
    expect(care).toContain('parenting_session');
    expect(care).not.toContain('health_check');
    expect(serviceOptions('en').length).toBeGreaterThan(care.length);
  });

  test('puts a date in the school year that opens on 1 September', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearChoices('2026-03-10', 2)).toEqual(['2026-2027', '2025-2026', '2024-2025', '2023-2024']);
  });

  test('gives an example dose CSV with the contract’s columns, readable by Excel as UTF-8', () => {
    const csv = doseImportExampleCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe('personal_id,person_id,vaccine,dose,given_on,place,lot');
    expect(rows).toHaveLength(2);
    for (const line of rows) expect(line.split(',')).toHaveLength(7);
  });
});

describe('the built-in milestone checklist', () => {
  test('checks a child of 7 months against the 6-month band and suggests follow-up until every answer is yes', () => {
    const empty = checklistState('2025-08-10', '2026-03-12', {});
    expect(empty.ageMonths).toBe(7);
    expect(empty.band).toBe(6);
    expect(empty.suggested).toBe('needs_follow_up');
    expect(empty.notMet).toHaveLength(empty.milestones.length);
    expect(empty.domains.length).toBeGreaterThanOrEqual(4);

    const allYes = Object.fromEntries(empty.milestones.map((m) => [m.code, 'yes' as const]));
    const done = checklistState('2025-08-10', '2026-03-12', allYes);
    expect(done.suggested).toBe('on_track');
    expect(done.notMet).toEqual([]);

    const [first] = empty.milestones;
    const oneNotYet = checklistState('2025-08-10', '2026-03-12', { ...allYes, [first!.code]: 'not_yet' });
    expect(oneNotYet).toMatchObject({ suggested: 'needs_follow_up', notMet: [first!.code] });
    expect(milestoneOf(first!.code)?.vi).toBe(first!.vi);
  });

  test('ignores answers of another band when the date moves, and has no band under 2 months', () => {
    const six = checklistState('2025-08-10', '2026-03-12', {});
    const answers = Object.fromEntries(six.milestones.map((m) => [m.code, 'yes' as const]));
    const nine = checklistState('2025-08-10', '2026-05-12', answers);
    expect(nine.band).toBe(9);
    expect(nine.answered).toBe(0);
    expect(checklistState('2026-02-01', '2026-03-12', {})).toMatchObject({ band: null, suggested: null });
  });
});
