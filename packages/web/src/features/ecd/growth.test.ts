import { describe, expect, test } from 'vitest';
import { growthReferenceValue, type EcdChild, type GrowthMeasurement } from '@treem/shared';
import {
  ageLabel,
  classificationTags,
  defaultPosition,
  flaggedIndicators,
  hasMeasurement,
  previewMeasurement,
} from './growth.ts';
import { ageAxisEnd, childPoints, growthChartData, lengthTableFor } from './growthChart.ts';

const boy: EcdChild = {
  id: '00000000-0000-4000-8000-000000000001',
  fullName: 'Lò Văn Minh',
  sex: 'male',
  birthDate: '2024-01-10',
  birthDatePrecision: 'day',
};

describe('the measurement preview', () => {
  test('scores a typical child as normal, with no tag', () => {
    // 365 days old on 2025-01-09; the WHO median weight and length for a boy of that age.
    const weight = Math.round(growthReferenceValue('wfa', 'male', 365, 0)! * 10) / 10;
    const length = Math.round(growthReferenceValue('lhfa', 'male', 365, 0)! * 10) / 10;
    const preview = previewMeasurement(boy, {
      measuredOn: '2025-01-09',
      weightKg: weight,
      lengthHeightCm: length,
      position: 'lying',
    });
    expect(preview.ageDays).toBe(365);
    expect(Math.abs(preview.scores.z.wfa!)).toBeLessThan(0.1);
    expect(preview.malnourished).toBe(false);
    expect(classificationTags(preview.classification)).toEqual({ tags: [], assessed: true });
  });

  test('names severe underweight first and in red, moderate stunting in orange', () => {
    const weight = growthReferenceValue('wfa', 'male', 365, -3.5)!;
    const length = growthReferenceValue('lhfa', 'male', 365, -2.5)!;
    const preview = previewMeasurement(boy, {
      measuredOn: '2025-01-09',
      weightKg: weight,
      lengthHeightCm: length,
      position: 'lying',
    });
    expect(preview.malnourished).toBe(true);
    const { tags } = classificationTags(preview.classification);
    expect(tags[0]).toEqual({ condition: 'underweight', band: 'severe', tone: 'danger' });
    expect(tags).toContainEqual({ condition: 'stunting', band: 'moderate', tone: 'warning' });
  });

  test('ignores a value typed wrongly (NaN) instead of scoring it', () => {
    const preview = previewMeasurement(boy, { measuredOn: '2025-01-09', weightKg: Number.NaN });
    expect(preview.scores.z.wfa).toBeNull();
    expect(classificationTags(preview.classification).assessed).toBe(false);
    expect(hasMeasurement({ weightKg: Number.NaN, lengthHeightCm: null })).toBe(false);
    expect(hasMeasurement({ muacCm: 13.5 })).toBe(true);
  });

  test('flags an implausible weight', () => {
    const preview = previewMeasurement(boy, { measuredOn: '2025-01-09', weightKg: 45 });
    expect(flaggedIndicators(preview.scores.flags)).toContain('wfa');
  });

  test('has no age for a birth known to the year only', () => {
    const preview = previewMeasurement(
      { ...boy, birthDate: '2024-01-01', birthDatePrecision: 'year' },
      { measuredOn: '2025-01-09', weightKg: 9 },
    );
    expect(preview.ageDays).toBeNull();
  });
});

describe('the position a length is taken in', () => {
  test('is lying before 2 years (731 days) and standing from then', () => {
    expect(defaultPosition(0)).toBe('lying');
    expect(defaultPosition(730)).toBe('lying');
    expect(defaultPosition(731)).toBe('standing');
    expect(defaultPosition(null)).toBe('lying');
  });
});

describe('ages in a growth table', () => {
  test('reads days, then months, then years and months', () => {
    expect(ageLabel(12)).toEqual({ kind: 'days', days: 12 });
    expect(ageLabel(31)).toEqual({ kind: 'months', months: 1 });
    expect(ageLabel(730)).toEqual({ kind: 'months', months: 23 });
    expect(ageLabel(1000)).toEqual({ kind: 'yearsMonths', years: 2, months: 8 });
  });
});

let sequence = 0;
function measurement(overrides: Partial<GrowthMeasurement>): GrowthMeasurement {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    personId: boy.id,
    measuredOn: '2025-01-09',
    weightKg: 9.6,
    lengthHeightCm: 75.7,
    position: 'lying',
    headCircumferenceCm: null,
    muacCm: null,
    oedema: false,
    measuredBy: null,
    place: null,
    note: null,
    ageDays: 365,
    standard: 'WHO2006',
    adjustedLengthHeightCm: 75.7,
    bmi: 16.75,
    z: { wfa: 0, lhfa: 0, wflh: 0, bmifa: 0, hcfa: null, acfa: null },
    flags: { wfa: false, lhfa: false, wflh: false, bmifa: false, hcfa: false, acfa: false },
    classification: {
      underweight: 'none',
      stunting: 'none',
      wasting: 'none',
      overweight: 'none',
      thinness: null,
    },
    malnourished: false,
    createdAt: '2025-01-09T03:00:00Z',
    createdByName: null,
    ...overrides,
  };
}

describe('the growth chart', () => {
  const history = [
    measurement({ measuredOn: '2025-01-09', ageDays: 365, weightKg: 9.6 }),
    measurement({ measuredOn: '2024-07-10', ageDays: 182, weightKg: 7.9, lengthHeightCm: 67.6 }),
    // Length not taken: on the weight chart, not on the length chart.
    measurement({
      measuredOn: '2024-04-10',
      ageDays: 91,
      weightKg: 6.4,
      lengthHeightCm: null,
      adjustedLengthHeightCm: null,
      bmi: null,
    }),
  ];

  test('plots one point per measurement that has the value, oldest first, age in months', () => {
    const weight = childPoints('wfa', history);
    expect(weight.map((p) => p.measuredOn)).toEqual(['2024-04-10', '2024-07-10', '2025-01-09']);
    expect(weight[2]).toMatchObject({ x: 11.99, y: 9.6 });
    expect(childPoints('lhfa', history)).toHaveLength(2);
    expect(childPoints('hcfa', history)).toHaveLength(0);
  });

  test('plots the adjusted length, the value the z-score was read with', () => {
    const standing = measurement({ ageDays: 800, lengthHeightCm: 85, adjustedLengthHeightCm: 85.7 });
    expect(childPoints('lhfa', [standing])[0]?.y).toBe(85.7);
  });

  test('draws five WHO lines, ordered −3 SD to +3 SD at every age', () => {
    const data = growthChartData('wfa', 'male', history);
    expect(data.lines.map((line) => line.sd)).toEqual([-3, -2, 0, 2, 3]);
    expect(data.points).toHaveLength(3);
    expect(data.xMax).toBe(24);
    const [minus3, , median, , plus3] = data.lines;
    expect(median!.points[0]).toEqual([0, 3.35]);
    for (let i = 0; i < median!.points.length; i++) {
      expect(minus3!.points[i]![1]).toBeLessThan(median!.points[i]![1]);
      expect(plus3!.points[i]![1]).toBeGreaterThan(median!.points[i]![1]);
    }
    expect(Math.max(...median!.points.map((p) => p[0]))).toBeLessThanOrEqual(24);
  });

  test('continues an age chart with the WHO 2007 reference past 5 years', () => {
    const older = [measurement({ ageDays: 2400, weightKg: 21, bmi: 15.2, headCircumferenceCm: 50 })];
    const data = growthChartData('bmifa', 'female', older);
    expect(data.xMax).toBe(84);
    const xs = data.lines[2]!.points.map((p) => p[0]);
    expect(Math.max(...xs)).toBe(84);
    expect(xs.some((x) => x > 60 && x < 62)).toBe(true);
    expect(growthChartData('hcfa', 'female', older).xMax).toBe(60);
  });

  test('draws weight-for-length under 2 years and weight-for-height from 2, with the points that belong', () => {
    expect(lengthTableFor(history)).toBe('wfl');
    const data = growthChartData('wflh', 'male', history);
    expect(data).toMatchObject({ xAxis: 'cm', lengthTable: 'wfl', xMin: 45, xMax: 110 });
    expect(data.points).toHaveLength(2);
    const grown = [
      ...history,
      measurement({ measuredOn: '2026-03-01', ageDays: 780, adjustedLengthHeightCm: 88 }),
    ];
    const later = growthChartData('wflh', 'male', grown);
    expect(later.lengthTable).toBe('wfh');
    expect(later.points.map((p) => p.x)).toEqual([88]);
  });

  test('places a child without an age on weight-for-length or -height by the length, as WHO does', () => {
    const noAge = [
      measurement({ measuredOn: '2025-01-01', ageDays: null, adjustedLengthHeightCm: 80, weightKg: 10 }),
      measurement({ measuredOn: '2025-07-01', ageDays: null, adjustedLengthHeightCm: 90, weightKg: 12.5 }),
    ];
    expect(lengthTableFor(noAge)).toBe('wfh');
    expect(growthChartData('wflh', 'female', noAge).points.map((p) => p.x)).toEqual([90]);
    expect(growthChartData('wflh', 'female', noAge.slice(0, 1)).points.map((p) => p.x)).toEqual([80]);
    expect(childPoints('wfa', noAge)).toEqual([]);
  });

  test('ends the age axis a year past the oldest point, in whole years, within the chart’s limit', () => {
    expect(ageAxisEnd([], 60)).toBe(24);
    expect(ageAxisEnd([{ x: 24 }], 60)).toBe(36);
    expect(ageAxisEnd([{ x: 59 }], 60)).toBe(60);
    expect(ageAxisEnd([{ x: 100 }], 228)).toBe(108);
  });
});
