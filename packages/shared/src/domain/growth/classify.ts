import { DAYS_PER_MONTH, WHO2007_FROM_MONTHS } from './references.ts';
import type { GrowthClassification, GrowthIndicator, GrowthScores, Severity } from './types.ts';

/** Weight-for-age is read up to 10 years (WHO 2007 has no weight-for-age beyond). */
const UNDERWEIGHT_TO_MONTHS = 120;

/** A z-score that can be classified: defined and not flagged implausible. */
function usable(scores: GrowthScores, indicator: GrowthIndicator): number | null {
  return scores.flags[indicator] ? null : scores.z[indicator];
}

/** Below −3 severe, below −2 moderate: the bands are strict ("< −2 SD"), so a z of exactly −2.00 is normal. */
function deficit(z: number | null): Severity | 'none' | null {
  if (z === null) return null;
  if (z < -3) return 'severe';
  if (z < -2) return 'moderate';
  return 'none';
}

/**
 * Nutritional status from the z-scores, with the WHO cut-offs (WHO & UNICEF 2019, "Recommendations for data
 * collection, analysis and reporting on anthropometric indicators in children under 5 years old"; WHO 2007 for
 * 5–19 y). Every band is strict: below −2, above +2. Flagged z-scores are left out, as WHO's prevalence
 * estimates leave them out. Bilateral oedema counts as severe wasting (and severe underweight), since weight is not
 * scored then.
 */
export function classifyGrowth(
  scores: GrowthScores,
  ageDays: number | null,
  oedema: boolean,
): GrowthClassification {
  const ageMonths = ageDays === null ? null : ageDays / DAYS_PER_MONTH;
  const underFive = ageMonths === null || ageMonths < WHO2007_FROM_MONTHS;
  const wfa = usable(scores, 'wfa');
  const lhfa = usable(scores, 'lhfa');
  const wflh = usable(scores, 'wflh');
  const bmifa = usable(scores, 'bmifa');

  const underweightApplies = ageMonths !== null && ageMonths <= UNDERWEIGHT_TO_MONTHS;
  let overweight: GrowthClassification['overweight'] = null;
  if (underFive && wflh !== null) overweight = wflh > 3 ? 'obese' : wflh > 2 ? 'overweight' : 'none';
  if (!underFive && bmifa !== null) overweight = bmifa > 2 ? 'obese' : bmifa > 1 ? 'overweight' : 'none';

  return {
    underweight: underweightApplies ? (oedema ? 'severe' : deficit(wfa)) : null,
    stunting: ageMonths === null ? null : deficit(lhfa),
    wasting: underFive ? (oedema ? 'severe' : deficit(wflh)) : null,
    overweight: oedema ? null : overweight,
    thinness: underFive ? null : oedema ? 'severe' : deficit(bmifa),
  };
}

/** Moderate or severe underweight, stunting or wasting: who the action list of malnourished children shows. */
export function isMalnourished(classification: GrowthClassification): boolean {
  const bands = [classification.underweight, classification.stunting, classification.wasting];
  return bands.some((band) => band === 'severe' || band === 'moderate');
}
