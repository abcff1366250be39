/**
 * Outlier warnings for entered numbers: the modified z-score of Iglewicz and Hoaglin (1993),
 * M = 0.6745 · (x − median) / MAD, with MAD the median absolute deviation of the unit's earlier values. A value
 * with |M| > 3.5 is flagged. Median and MAD, not mean ± SD: one wrong past entry would inflate the SD and hide the
 * next one.
 */
export const OUTLIER_THRESHOLD = 3.5;
/** Fewer earlier values than this say nothing about what is usual. */
export const OUTLIER_MIN_HISTORY = 4;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

export interface OutlierCheck {
  outlier: boolean;
  /** Null when the history is too short or constant and the value equals it. */
  score: number | null;
  median: number | null;
  mad: number | null;
}

export function outlierCheck(value: number, history: readonly number[]): OutlierCheck {
  if (history.length < OUTLIER_MIN_HISTORY) return { outlier: false, score: null, median: null, mad: null };
  const centre = median(history);
  const mad = medianAbsoluteDeviation(history);
  if (mad === 0) {
    // Every earlier value (or most) the same: any different value is unusual.
    return { outlier: value !== centre, score: null, median: centre, mad };
  }
  const score = (0.6745 * (value - centre)) / mad;
  return { outlier: Math.abs(score) > OUTLIER_THRESHOLD, score, median: centre, mad };
}
