import { describe, expect, test } from 'vitest';
import { scoreSurveyRow } from './survey.ts';
import { readTestCsv } from './testdata/readCsv.ts';

describe('survey mode', () => {
  test('the igrowup demo survey, read as survey rows, gives WHO’s z-scores and flags as 2-decimal text', () => {
    const pairs = [
      ['z_wfa', 'zwei', 'f_wfa', 'fwei'],
      ['z_lhfa', 'zlen', 'f_lhfa', 'flen'],
      ['z_wflh', 'zwfl', 'f_wflh', 'fwfl'],
      ['z_bmifa', 'zbmi', 'f_bmifa', 'fbmi'],
      ['z_hcfa', 'zhc', 'f_hcfa', 'fhc'],
      ['z_acfa', 'zac', 'f_acfa', 'fac'],
    ] as const;
    let compared = 0;
    for (const row of readTestCsv('igrowup-example-expected.csv')) {
      if (row.age_ge_60mo === '1') continue;
      const scored = scoreSurveyRow({ ...row, age_months: '' });
      expect(scored.error).toBe('');
      for (const [z, expectedZ, flag, expectedFlag] of pairs) {
        const want = row[expectedZ] === '' ? '' : Number(row[expectedZ]).toFixed(2);
        expect({ id: row.id, z, value: scored[z] }).toEqual({ id: row.id, z, value: want });
        expect({ id: row.id, flag, value: scored[flag] }).toEqual({
          id: row.id,
          flag,
          value: want === '' ? '' : row[expectedFlag],
        });
        if (want !== '') compared++;
      }
    }
    expect(compared).toBeGreaterThan(2400);
  });

  test('age from dob and date, from age_months, or none (weight-for-length/height only)', () => {
    const base = { sex: '2', weight_kg: '9', lenhei_cm: '75', measure: 'l', oedema: 'n' };
    const byDays = scoreSurveyRow({ ...base, age_days: '365' });
    expect(scoreSurveyRow({ ...base, dob: '2024-03-01', date: '2025-03-01' })).toEqual(byDays);
    expect(scoreSurveyRow({ ...base, age_months: '12' }).z_wfa).toBe(
      scoreSurveyRow({ ...base, age_days: '365' }).z_wfa,
    );
    const noAge = scoreSurveyRow(base);
    expect(noAge).toMatchObject({ z_wfa: '', z_lhfa: '', f_wfa: '', error: '' });
    expect(noAge.z_wflh).toMatch(/^-?\d+\.\d\d$/);
    expect(noAge.z_wflh).toBe(byDays.z_wflh);
  });

  test('a decimal comma is read as a decimal point', () => {
    const base = { sex: '1', age_days: '400', lenhei_cm: '75', measure: 'l' };
    expect(scoreSurveyRow({ ...base, weight_kg: '9,5' })).toEqual(
      scoreSurveyRow({ ...base, weight_kg: '9.5' }),
    );
  });

  test.each([
    [{ sex: '3', age_days: '10', weight_kg: '4' }, 'sex_invalid'],
    [{ sex: '', age_days: '10', weight_kg: '4' }, 'sex_invalid'],
    [{ sex: '1', age_days: '-2', weight_kg: '4' }, 'age_days_invalid'],
    [{ sex: '1', age_days: 'mười', weight_kg: '4' }, 'age_days_invalid'],
    [{ sex: '1', age_months: '1..2', weight_kg: '4' }, 'age_months_invalid'],
    [{ sex: '1', dob: '2024-02-30', date: '2025-01-01', weight_kg: '4' }, 'dob_invalid'],
    [{ sex: '1', dob: '2024-02-01', date: '01/02/2025', weight_kg: '4' }, 'date_invalid'],
    [{ sex: '1', dob: '2025-02-01', date: '2025-01-01', weight_kg: '4' }, 'date_before_birth'],
    [{ sex: '1', age_days: '10', weight_kg: '0' }, 'weight_kg_invalid'],
    [{ sex: '1', age_days: '10', weight_kg: 'abc' }, 'weight_kg_invalid'],
    [{ sex: '1', age_days: '10', lenhei_cm: '-50' }, 'lenhei_cm_invalid'],
    [{ sex: '1', age_days: '10', headc_cm: '3x' }, 'headc_cm_invalid'],
    [{ sex: '1', age_days: '100', muac_cm: ' ' + '1e400' }, 'muac_cm_invalid'],
    [{ sex: '1', age_days: '10', lenhei_cm: '50', measure: 'x' }, 'measure_invalid'],
    [{ sex: '1', age_days: '10', weight_kg: '4', oedema: 'maybe' }, 'oedema_invalid'],
  ])('%o → %s, every score empty', (row, code) => {
    const scored = scoreSurveyRow(row);
    expect(scored.error).toBe(code);
    expect(Object.entries(scored).filter(([column, value]) => column !== 'error' && value !== '')).toEqual(
      [],
    );
  });
});
