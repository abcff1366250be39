import { describe, expect, test } from 'vitest';
import { meanAbsoluteDeviation, median, medianAbsoluteDeviation, outlierCheck } from './outliers.ts';

describe('median and deviations', () => {
  test('the median is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  test('the MAD is the median of the distances to the median', () => {
    // median 3; distances 2, 1, 0, 1, 97 → sorted 0, 1, 1, 2, 97 → 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    // median 11.5; distances 1.5, 0.5, 0.5, 1.5 → 1
    expect(medianAbsoluteDeviation([10, 11, 12, 13])).toBe(1);
    // median 10; distances 0, 0, 0, 40 → 0
    expect(medianAbsoluteDeviation([10, 10, 10, 50])).toBe(0);
  });

  test('the mean absolute deviation is taken around the median', () => {
    // median 10; distances 0, 0, 0, 40 → 40 / 4
    expect(meanAbsoluteDeviation([10, 10, 10, 50])).toBe(10);
  });
});

describe('outliers by the modified z-score', () => {
  test('a value far from the usual is flagged, one near it is not', () => {
    // median 3, MAD 1: M = 0.6745 × (10 − 3) / 1 = 4.7215 > 3.5
    const far = outlierCheck(10, [1, 2, 3, 4, 100]);
    expect(far.outlier).toBe(true);
    expect(far.median).toBe(3);
    expect(far.mad).toBe(1);
    expect(far.score).toBeCloseTo(4.7215, 4);
    // M = 0.6745 × 2 = 1.349
    const near = outlierCheck(5, [1, 2, 3, 4, 100]);
    expect(near.outlier).toBe(false);
    expect(near.score).toBeCloseTo(1.349, 4);
  });

  test('one wrong past entry does not hide the next, as it would under mean ± 3 SD', () => {
    const history = [10, 11, 12, 13, 100];
    // Mean 29.2 and SD (sample) √(6270.8 / 4) = 39.59: 60 is within one SD of the mean.
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (history.length - 1));
    expect(Math.abs(60 - mean) / sd).toBeLessThan(1);
    // Median 12, MAD 1 (distances 2, 1, 0, 1, 88): M = 0.6745 × 48 = 32.376.
    const check = outlierCheck(60, history);
    expect(check.outlier).toBe(true);
    expect(check.score).toBeCloseTo(32.376, 3);
  });

  test('the threshold is 3.5 on either side', () => {
    // median 11.5, MAD 1: M = 0.6745 × (x − 11.5)
    expect(outlierCheck(16.6, [10, 11, 12, 13]).outlier).toBe(false); // 3.44
    expect(outlierCheck(16.8, [10, 11, 12, 13]).outlier).toBe(true); // 3.57
    expect(outlierCheck(6.2, [10, 11, 12, 13]).outlier).toBe(true); // −3.57
  });

  test('fewer than four earlier values say nothing', () => {
    expect(outlierCheck(1000, [1, 2, 3])).toEqual({ outlier: false, score: null, median: null, mad: null });
  });

  test('with a MAD of 0 the mean absolute deviation stands in', () => {
    // median 10, MeanAD 10: M = (x − 10) / 12.53314
    const usual = outlierCheck(11, [10, 10, 10, 50]);
    expect(usual.outlier).toBe(false);
    expect(usual.score).toBeCloseTo(0.0798, 4);
    expect(outlierCheck(50, [10, 10, 10, 50]).outlier).toBe(false); // 3.19
    const unusual = outlierCheck(60, [10, 10, 10, 50]);
    expect(unusual.outlier).toBe(true);
    expect(unusual.score).toBeCloseTo(3.9894, 4);
  });

  test('when every earlier value is the same, any other value is flagged', () => {
    expect(outlierCheck(7, [7, 7, 7, 7]).outlier).toBe(false);
    expect(outlierCheck(8, [7, 7, 7, 7])).toEqual({ outlier: true, score: null, median: 7, mad: 0 });
  });
});
