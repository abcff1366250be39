import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { plainDateInZone, VIETNAM_TIME_ZONE } from '../plainDate.ts';
import { growthAgeInDays } from './age.ts';
import { classifyGrowth, isMalnourished } from './classify.ts';
import { growthCurve, growthReferenceValue } from './curves.ts';
import { growthTables } from './references.ts';
import { ageMonthsToDays, growthZScores } from './score.ts';
import type { GrowthInput, GrowthScores } from './types.ts';
import { lmsValueAt, lmsZScore, restrictedZScore, roundZ } from './zScore.ts';

const girl = (input: Partial<GrowthInput> & { ageDays: number | null }): GrowthScores =>
  growthZScores({ sex: 'female', ...input });

describe('age in days', () => {
  test('the day of birth is day 0 and a first birthday is day 365 (366 across a 29 February)', () => {
    expect(growthAgeInDays('2025-03-10', 'day', '2025-03-10')).toBe(0);
    expect(growthAgeInDays('2025-03-10', 'day', '2026-03-10')).toBe(365);
    expect(growthAgeInDays('2023-03-10', 'day', '2024-03-10')).toBe(366);
  });

  test('a child born on 29 February: 28 February of the next year is day 365, 1 March day 366', () => {
    expect(growthAgeInDays('2024-02-29', 'day', '2025-02-28')).toBe(365);
    expect(growthAgeInDays('2024-02-29', 'day', '2025-03-01')).toBe(366);
    expect(growthAgeInDays('2024-02-29', 'day', '2028-02-29')).toBe(1461);
  });

  test('a measurement before the birth has no age', () => {
    expect(growthAgeInDays('2025-03-10', 'day', '2025-03-09')).toBeNull();
  });

  test('a birth known to the month is taken as the 15th, or the 1st while the birth month is not half over', () => {
    // Stored as 2025-01-01 with precision month.
    expect(growthAgeInDays('2025-01-01', 'month', '2025-03-15')).toBe(59); // 15 Jan → 15 Mar
    expect(growthAgeInDays('2025-01-01', 'month', '2025-01-20')).toBe(5);
    expect(growthAgeInDays('2025-01-01', 'month', '2025-01-10')).toBe(9);
    expect(growthAgeInDays('2024-02-01', 'month', '2024-02-29')).toBe(14);
  });

  test('a birth known to the year gives no age, so only weight-for-length/height is scored', () => {
    expect(growthAgeInDays('2024-01-01', 'year', '2025-06-01')).toBeNull();
    const scores = girl({ ageDays: null, weightKg: 9, lengthHeightCm: 75, position: 'lying' });
    expect(scores.z.wfa).toBeNull();
    expect(scores.z.lhfa).toBeNull();
    expect(scores.z.wflh).not.toBeNull();
    expect(scores.weightForLengthHeightTable).toBe('wfl');
  });

  test('dates are Vietnamese calendar dates: 23:30 on 1 March in Hà Nội is 16:30 UTC, 00:30 on 2 March is 17:30 UTC', () => {
    const lateEvening = plainDateInZone(new Date('2026-03-01T16:30:00Z'), VIETNAM_TIME_ZONE);
    const afterMidnight = plainDateInZone(new Date('2026-03-01T17:30:00Z'), VIETNAM_TIME_ZONE);
    expect(lateEvening).toBe('2026-03-01');
    expect(afterMidnight).toBe('2026-03-02');
    expect(growthAgeInDays('2026-01-01', 'day', lateEvening)).toBe(59);
    expect(growthAgeInDays('2026-01-01', 'day', afterMidnight)).toBe(60);
  });

  test('months become days by rounding half up: 1 month = 30 days, 0.5 months = 15 days, 60.32 = 1836', () => {
    expect(ageMonthsToDays(1)).toBe(30); // 30.4375
    expect(ageMonthsToDays(0.5)).toBe(15); // 15.21875
    expect(ageMonthsToDays(2)).toBe(61); // 60.875
    expect(ageMonthsToDays(60.32)).toBe(1836);
  });
});

describe('length and height', () => {
  test('a height before 731 days is read as a length 0.7 cm longer', () => {
    const standing = girl({ ageDays: 500, lengthHeightCm: 78, position: 'standing', weightKg: 10 });
    const lying = girl({ ageDays: 500, lengthHeightCm: 78.7, position: 'lying', weightKg: 10 });
    expect(standing.adjustedLengthHeightCm).toBeCloseTo(78.7, 10);
    expect(standing.z).toEqual(lying.z);
  });

  test('a length from 731 days is read as a height 0.7 cm shorter; 730 days is still a length', () => {
    const lying = girl({ ageDays: 731, lengthHeightCm: 86, position: 'lying' });
    expect(lying.adjustedLengthHeightCm).toBeCloseTo(85.3, 10);
    expect(girl({ ageDays: 730, lengthHeightCm: 86, position: 'lying' }).adjustedLengthHeightCm).toBe(86);
  });

  test('without a recorded position nothing is added or taken away', () => {
    expect(girl({ ageDays: 900, lengthHeightCm: 86 }).adjustedLengthHeightCm).toBe(86);
  });

  test('a standing height before 9 months is treated as if no position were recorded', () => {
    const early = girl({ ageDays: 200, lengthHeightCm: 66, position: 'standing' });
    expect(early.adjustedLengthHeightCm).toBe(66);
    expect(
      girl({ ageDays: 300, lengthHeightCm: 66, position: 'standing' }).adjustedLengthHeightCm,
    ).toBeCloseTo(66.7);
  });

  test('without an age the position picks the table, and without a position the 87 cm rule', () => {
    expect(girl({ ageDays: null, weightKg: 12, lengthHeightCm: 86.9 }).weightForLengthHeightTable).toBe(
      'wfl',
    );
    expect(girl({ ageDays: null, weightKg: 12, lengthHeightCm: 87 }).weightForLengthHeightTable).toBe('wfh');
    expect(
      girl({ ageDays: null, weightKg: 12, lengthHeightCm: 80, position: 'standing' })
        .weightForLengthHeightTable,
    ).toBe('wfh');
  });

  test('weight-for-length is defined from 45 to 110 cm, weight-for-height from 65 to 120 cm', () => {
    expect(girl({ ageDays: 10, weightKg: 2, lengthHeightCm: 44.9, position: 'lying' }).z.wflh).toBeNull();
    expect(girl({ ageDays: 10, weightKg: 2, lengthHeightCm: 45, position: 'lying' }).z.wflh).not.toBeNull();
    expect(
      girl({ ageDays: 1000, weightKg: 25, lengthHeightCm: 120, position: 'standing' }).z.wflh,
    ).not.toBeNull();
    expect(
      girl({ ageDays: 1000, weightKg: 25, lengthHeightCm: 120.1, position: 'standing' }).z.wflh,
    ).toBeNull();
  });

  test('between two 0.1 cm rows L, M and S are interpolated: halfway is the mean of the neighbours’ medians', () => {
    const table = growthTables.weightForLength;
    const row = (cm10: number) => (1 * table.count + (cm10 - table.firstStep)) * 3; // female half
    const median = (table.lms[row(700) + 1]! + table.lms[row(701) + 1]!) / 2;
    expect(girl({ ageDays: 300, weightKg: median, lengthHeightCm: 70.05, position: 'lying' }).z.wflh).toBe(0);
  });
});

describe('oedema, flags and the restricted rule', () => {
  test('with oedema, weight-for-age, weight-for-length/height and BMI are not computed; length still is', () => {
    const scores = girl({
      ageDays: 400,
      weightKg: 8,
      lengthHeightCm: 72,
      position: 'lying',
      oedema: true,
      muacCm: 12,
    });
    expect(scores.z).toMatchObject({ wfa: null, wflh: null, bmifa: null });
    expect(scores.z.lhfa).not.toBeNull();
    expect(scores.z.acfa).not.toBeNull();
  });

  test('beyond ±3 SD the restricted z follows the distance between the 2 and 3 SD lines', () => {
    const [l, m, s] = [-0.3833, 8.5, 0.12];
    const sd3 = lmsValueAt(3, l, m, s);
    const sd2 = lmsValueAt(2, l, m, s);
    expect(restrictedZScore(sd3 + (sd3 - sd2), l, m, s)).toBeCloseTo(4, 12);
    expect(lmsZScore(sd3 + (sd3 - sd2), l, m, s)).not.toBeCloseTo(4, 1); // the plain LMS z bends with the skew
    const sdm3 = lmsValueAt(-3, l, m, s);
    const sdm2 = lmsValueAt(-2, l, m, s);
    expect(restrictedZScore(sdm3 - (sdm2 - sdm3), l, m, s)).toBeCloseTo(-4, 12);
    expect(restrictedZScore(m, l, m, s)).toBeCloseTo(0, 12);
  });

  test('length-for-age and head circumference use the plain LMS z (no restriction)', () => {
    const table = growthTables.lengthHeightForAge;
    const at = (1 * table.count + 100) * 3;
    const [l, m, s] = [table.lms[at]!, table.lms[at + 1]!, table.lms[at + 2]!];
    const y = m * 1.25; // far beyond +3
    expect(girl({ ageDays: 100, lengthHeightCm: y, position: 'lying' }).z.lhfa).toBe(
      roundZ(lmsZScore(y, l, m, s)),
    );
  });

  test('flags: weight-for-age below −6 or above 5, length-for-age beyond ±6, the others beyond ±5', () => {
    const heavy = girl({ ageDays: 365, weightKg: 30, lengthHeightCm: 74, position: 'lying' });
    expect(heavy.z.wfa!).toBeGreaterThan(5);
    expect(heavy.flags.wfa).toBe(true);
    expect(heavy.flags.lhfa).toBe(false);
    const light = girl({ ageDays: 365, weightKg: 6.5, lengthHeightCm: 74, position: 'lying' });
    expect(light.flags.wfa).toBe(false);
  });

  test('zero or negative measurements are not scored', () => {
    const scores = girl({ ageDays: 365, weightKg: 0, lengthHeightCm: -1, headCircumferenceCm: 0 });
    expect(Object.values(scores.z).every((z) => z === null)).toBe(true);
  });

  test('z rounds as R does: the nearer 2-decimal neighbour of the double, −0 is 0', () => {
    expect(roundZ(2.675)).toBe(2.67); // 2.67499999…
    expect(roundZ(0.125)).toBe(0.12); // an exact binary tie goes to even
    expect(roundZ(-1.005)).toBe(-1); // −1.00499999…
    expect(Object.is(roundZ(-0.001), 0)).toBe(true);
  });
});

describe('which reference', () => {
  test('1826 days (59.99 months) is the last day of WHO 2006; 1827 days is WHO 2007', () => {
    expect(girl({ ageDays: 1826, weightKg: 18, lengthHeightCm: 109 }).standard).toBe('WHO2006');
    const older = girl({
      ageDays: 1827,
      weightKg: 18,
      lengthHeightCm: 109,
      position: 'standing',
      muacCm: 16,
    });
    expect(older.standard).toBe('WHO2007');
    expect(older.z.wfa).not.toBeNull();
    expect(older.z.wflh).toBeNull(); // no weight-for-height in the 2007 reference
    expect(older.z.acfa).toBeNull();
  });

  test('WHO 2007 weight-for-age ends at 120 months; height and BMI at 228 months', () => {
    const at120 = girl({ ageDays: null, ageMonths: 120, weightKg: 32, lengthHeightCm: 138 });
    expect(at120.z.wfa).not.toBeNull();
    const after120 = girl({ ageDays: null, ageMonths: 120.5, weightKg: 32, lengthHeightCm: 138 });
    expect(after120.z.wfa).toBeNull();
    expect(after120.z.lhfa).not.toBeNull();
    const after228 = girl({ ageDays: null, ageMonths: 228.1, weightKg: 55, lengthHeightCm: 160 });
    expect(after228.standard).toBeNull();
    expect(after228.z.lhfa).toBeNull();
  });

  test('WHO 2007 interpolates between whole months: at 100.5 months the median is the mean of months 100 and 101', () => {
    const table = growthTables.heightForAge2007;
    const row = (month: number) => (0 * table.count + (month - table.firstStep)) * 3;
    const median = (table.lms[row(100) + 1]! + table.lms[row(101) + 1]!) / 2;
    const boy = growthZScores({ sex: 'male', ageDays: null, ageMonths: 100.5, lengthHeightCm: median });
    expect(boy.z.lhfa).toBe(0);
  });

  test('z grows with weight at any age and sex (monotone, and continuous across ±3 SD)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 1826 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        (sex, ageDays, weight, more) => {
          const a = growthZScores({ sex, ageDays, weightKg: weight }).z.wfa!;
          const b = growthZScores({ sex, ageDays, weightKg: weight + more }).z.wfa!;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

describe('classification', () => {
  const scored = (z: Partial<Record<'wfa' | 'lhfa' | 'wflh' | 'bmifa', number>>): GrowthScores => ({
    standard: 'WHO2006',
    z: { wfa: null, lhfa: null, wflh: null, bmifa: null, hcfa: null, acfa: null, ...z },
    flags: { wfa: false, lhfa: false, wflh: false, bmifa: false, hcfa: false, acfa: false },
    adjustedLengthHeightCm: null,
    bmi: null,
    weightForLengthHeightTable: null,
  });

  test.each([
    [-1.99, 'none'],
    [-2, 'none'],
    [-2.01, 'moderate'],
    [-3, 'moderate'],
    [-3.01, 'severe'],
  ] as const)('z %d is %s underweight, stunting and wasting under 5 (strict cut-offs)', (z, band) => {
    const c = classifyGrowth(scored({ wfa: z, lhfa: z, wflh: z }), 400, false);
    expect(c).toMatchObject({ underweight: band, stunting: band, wasting: band });
    expect(isMalnourished(c)).toBe(band !== 'none');
  });

  test.each([
    [2, 'none'],
    [2.01, 'overweight'],
    [3, 'overweight'],
    [3.01, 'obese'],
  ] as const)('under 5, weight-for-length/height %d is %s', (z, band) => {
    expect(classifyGrowth(scored({ wflh: z }), 400, false).overweight).toBe(band);
  });

  test('from 5 years BMI-for-age decides: > +1 overweight, > +2 obese, < −2 thinness', () => {
    const ageDays = 2500;
    expect(classifyGrowth(scored({ bmifa: 1.01 }), ageDays, false).overweight).toBe('overweight');
    expect(classifyGrowth(scored({ bmifa: 2.01 }), ageDays, false).overweight).toBe('obese');
    expect(classifyGrowth(scored({ bmifa: -2.5 }), ageDays, false)).toMatchObject({
      thinness: 'moderate',
      wasting: null,
    });
  });

  test('a flagged z is not classified; oedema is severe wasting', () => {
    const flagged = { ...scored({ wfa: -6.5 }), flags: { ...scored({}).flags, wfa: true } };
    expect(classifyGrowth(flagged, 400, false).underweight).toBeNull();
    const c = classifyGrowth(scored({ lhfa: 0 }), 400, true);
    expect(c.wasting).toBe('severe');
    expect(isMalnourished(c)).toBe(true);
  });
});

describe('chart curves', () => {
  test('the median line of weight-for-age is the table’s M; the lines are ordered −3 < −2 < 0 < +2 < +3', () => {
    const curve = growthCurve('wfa', 'male', 30);
    expect(curve[0]).toMatchObject({ x: 0 });
    expect(curve[0]!.values[2]).toBeCloseTo(3.3464, 10);
    for (const point of curve) {
      for (let i = 1; i < point.values.length; i++)
        expect(point.values[i]!).toBeGreaterThan(point.values[i - 1]!);
    }
    expect(growthCurve('wfl', 'female', 10)[0]!.x).toBe(45);
  });
});

describe('reference values', () => {
  test('the value at z on an age chart scores back to z', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 1826 }),
        fc.integer({ min: -290, max: 290 }),
        (sex, ageDays, hundredths) => {
          const z = hundredths / 100;
          const weight = growthReferenceValue('wfa', sex, ageDays, z)!;
          const length = growthReferenceValue('lhfa', sex, ageDays, z)!;
          const scores = growthZScores({ sex, ageDays, weightKg: weight, lengthHeightCm: length });
          expect(scores.z.wfa).toBeCloseTo(z, 6);
          expect(scores.z.lhfa).toBeCloseTo(z, 6);
        },
      ),
    );
    expect(growthReferenceValue('acfa', 'male', 90, 0)).toBeNull();
  });
});
