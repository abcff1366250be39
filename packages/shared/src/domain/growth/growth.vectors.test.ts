import { describe, expect, test } from 'vitest';
import { growthZScores } from './score.ts';
import { readTestCsv } from './testdata/readCsv.ts';
import type { GrowthIndicator, GrowthInput } from './types.ts';

const num = (text: string | undefined): number | null =>
  text === undefined || text === '' ? null : Number(text);
const sexOf = (code: string) => (code === '1' ? 'male' : 'female');
const positionOf = (code: string) => (code === 'l' ? 'lying' : code === 'h' ? 'standing' : null);

/** test-vectors.csv: long format, one row per index; WHO's expected z (blank = WHO returns NA) and flag. */
describe('WHO test vectors (test-vectors.csv)', () => {
  const indicatorOf: Record<string, GrowthIndicator> = {
    wfa: 'wfa',
    lhfa: 'lhfa',
    wfl: 'wflh',
    wfh: 'wflh',
    bmifa: 'bmifa',
    hcfa: 'hcfa',
    acfa: 'acfa',
    hfa_2007: 'lhfa',
    wfa_2007: 'wfa',
    bmifa_2007: 'bmifa',
  };
  const rows = readTestCsv('test-vectors.csv');
  test('the file is all there', () => expect(rows).toHaveLength(101));

  test.each(rows.map((row) => [row.case_id!, row] as const))('%s', (_id, row) => {
    const input: GrowthInput = {
      sex: sexOf(row.sex!),
      ageDays: num(row.age_days),
      ageMonths: num(row.age_months),
      weightKg: num(row.weight_kg),
      lengthHeightCm: num(row.lenhei_cm),
      position: positionOf(row.measure!),
      oedema: row.oedema === 'y',
      headCircumferenceCm: num(row.headc_cm),
      muacCm: num(row.muac_cm),
    };
    // BMI-only WHO 2007 vectors give the BMI, not weight and height: score a height of 100 cm and weight = BMI.
    if (row.bmi !== '' && input.weightKg === null) {
      Object.assign(input, { weightKg: Number(row.bmi), lengthHeightCm: 100 });
    }
    const scores = growthZScores(input);
    const indicator = indicatorOf[row.indicator!]!;
    expect(scores.standard === 'WHO2007' ? 'WHO2007' : 'WHO2006').toBe(row.standard);
    expect(scores.z[indicator]).toBe(num(row.expected_z));
    if (row.expected_flag !== '') expect(scores.flags[indicator]).toBe(row.expected_flag === '1');
    if (row.clenhei_cm !== '') expect(scores.adjustedLengthHeightCm).toBeCloseTo(Number(row.clenhei_cm), 9);
    if (row.indicator === 'wfl' || row.indicator === 'wfh') {
      if (row.expected_z !== '') expect(scores.weightForLengthHeightTable).toBe(row.indicator);
    }
  });
});

/** The igrowup demo survey (0–5 y) with WHO's z-scores and flags: every row, every index. */
describe('WHO igrowup demo survey (igrowup-example-expected.csv)', () => {
  const rows = readTestCsv('igrowup-example-expected.csv');
  const columns: [GrowthIndicator, string, string][] = [
    ['wfa', 'zwei', 'fwei'],
    ['lhfa', 'zlen', 'flen'],
    ['wflh', 'zwfl', 'fwfl'],
    ['bmifa', 'zbmi', 'fbmi'],
    ['hcfa', 'zhc', 'fhc'],
    ['acfa', 'zac', 'fac'],
  ];
  test('the file is all there', () => expect(rows).toHaveLength(498));

  test.each(rows.map((row) => [row.id!, row] as const))('child %s', (_id, row) => {
    const scores = growthZScores({
      sex: sexOf(row.sex!),
      ageDays: num(row.age_days),
      weightKg: num(row.weight_kg),
      lengthHeightCm: num(row.lenhei_cm),
      position: positionOf(row.measure!),
      oedema: row.oedema === 'y',
      headCircumferenceCm: num(row.headc_cm),
      muacCm: num(row.muac_cm),
    });
    if (row.age_ge_60mo === '1') {
      // WHO's old igrowup tables went to 1856 days; treem scores 60 months and over with the WHO 2007 reference.
      expect(scores.standard).toBe('WHO2007');
      expect(scores.z.wflh).toBeNull();
      return;
    }
    for (const [indicator, zColumn, flagColumn] of columns) {
      expect({ indicator, z: scores.z[indicator] }).toEqual({ indicator, z: num(row[zColumn]) });
      if (row[flagColumn] !== '')
        expect({ indicator, flag: scores.flags[indicator] }).toEqual({
          indicator,
          flag: row[flagColumn] === '1',
        });
    }
    if (row.clenhei_cm !== '') expect(scores.adjustedLengthHeightCm).toBeCloseTo(Number(row.clenhei_cm), 6);
  });
});
