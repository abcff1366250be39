/**
 * Outlier warnings for entered numbers: the modified z-score of Iglewicz and Hoaglin (1993),
 * M = 0.6745 · (x − median) / MAD, with MAD the median absolute deviation of the unit's earlier values. A value
 * with |M| > 3.5 is flagged. Median and MAD, not mean ± SD: one wrong past entry would inflate the SD and hide the
 * next one.
 *
 * When more than half of the earlier values are equal the MAD is 0 and M is undefined. Then the mean absolute
 * deviation around the median stands in for it, scaled so that both estimate the same spread for normal data:
 * M = (x − median) / (1.253314 · MeanAD) (1.253314 = √(π/2); as used by IBM SPSS and in Iglewicz and Hoaglin's
 * discussion). Without it, a commune whose count was 10, 10, 10, 50 would be warned about 11. Only when every
 * earlier value is the same is any different value flagged.
 */
export const OUTLIER_THRESHOLD = 3.5;
/** Fewer earlier values than this say nothing about what is usual. */
export const OUTLIER_MIN_HISTORY = 4;
/** 0.6745 is the 75th percentile of the standard normal: MAD / 0.6745 estimates σ. */
export const MAD_FACTOR = 0.6745;
/** √(π/2): 1.253314 · MeanAD estimates σ for normal data. */
export const MEAN_AD_FACTOR = 1.253314;

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

/** The mean of the absolute deviations from the median (not from the mean). */
export function meanAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return values.reduce((sum, value) => sum + Math.abs(value - centre), 0) / values.length;
}

export interface OutlierCheck {
  outlier: boolean;
  /** The modified z-score; null when the history is too short or constant. */
  score: number | null;
  median: number | null;
  mad: number | null;
}

export function outlierCheck(value: number, history: readonly number[]): OutlierCheck {
  if (history.length < OUTLIER_MIN_HISTORY) return { outlier: false, score: null, median: null, mad: null };
  const centre = median(history);
  const mad = medianAbsoluteDeviation(history);
  if (mad === 0) {
    const meanAd = meanAbsoluteDeviation(history);
    // Every earlier value the same: any different value is unusual.
    if (meanAd === 0) return { outlier: value !== centre, score: null, median: centre, mad };
    const score = (value - centre) / (MEAN_AD_FACTOR * meanAd);
    return { outlier: Math.abs(score) > OUTLIER_THRESHOLD, score, median: centre, mad };
  }
  const score = (MAD_FACTOR * (value - centre)) / mad;
  return { outlier: Math.abs(score) > OUTLIER_THRESHOLD, score, median: centre, mad };
}
