import { rowOffset, type LmsTable } from './lmsTable.ts';
import { growthTables } from './references.ts';
import type { GrowthSex } from './types.ts';
import { lmsValueAt } from './zScore.ts';

/** The charts a child profile draws: the index, its x axis, and the table behind it. */
export const growthCharts = {
  wfa: { x: 'age_days', table: growthTables.weightForAge },
  lhfa: { x: 'age_days', table: growthTables.lengthHeightForAge },
  wfl: { x: 'length_cm', table: growthTables.weightForLength },
  wfh: { x: 'height_cm', table: growthTables.weightForHeight },
  bmifa: { x: 'age_days', table: growthTables.bmiForAge },
  hcfa: { x: 'age_days', table: growthTables.headCircumferenceForAge },
  // The WHO 2007 reference from 5 years, by month: weight to 10 years, height and BMI to 19.
  wfa2007: { x: 'age_months', table: growthTables.weightForAge2007 },
  hfa2007: { x: 'age_months', table: growthTables.heightForAge2007 },
  bmifa2007: { x: 'age_months', table: growthTables.bmiForAge2007 },
} as const;
export type GrowthChartKind = keyof typeof growthCharts;

/** The SD lines drawn on a chart: −3, −2, median, +2, +3. */
export const chartSdLines = [-3, -2, 0, 2, 3] as const;

export interface GrowthCurvePoint {
  /** Age in days (WHO 2006 age charts), age in months (WHO 2007), or length/height in cm: the chart's `x`. */
  readonly x: number;
  /** The measurement at −3, −2, 0, +2, +3 SD, in the order of `chartSdLines`. */
  readonly values: readonly number[];
}

/**
 * The WHO reference lines of a chart for one sex, every `everyRows` rows of its table (e.g. 7 = weekly points of an
 * age chart, 5 = every 0.5 cm). Values are M·(1 + L·S·sd)^(1/L), the curve WHO prints.
 */
export function growthCurve(kind: GrowthChartKind, sex: GrowthSex, everyRows = 7): GrowthCurvePoint[] {
  const table: LmsTable = growthCharts[kind].table;
  const half = sex === 'male' ? 0 : 1;
  const points: GrowthCurvePoint[] = [];
  for (let row = 0; row < table.count; row += everyRows) {
    const at = rowOffset(table, half, row);
    const [l, m, s] = [table.lms[at]!, table.lms[at + 1]!, table.lms[at + 2]!];
    points.push({
      x: (table.firstStep + row) / table.stepsPerUnit,
      values: chartSdLines.map((sd) => lmsValueAt(sd, l, m, s)),
    });
  }
  return points;
}

/**
 * The measurement a child of this sex and age would have at `sd` standard deviations of an age-based WHO 2006 index
 * (weight, length/height, head or arm circumference), or `null` outside the table. Used to generate plausible demo
 * children and to label a chart's SD lines.
 */
export function growthReferenceValue(
  kind: 'wfa' | 'lhfa' | 'hcfa' | 'acfa',
  sex: GrowthSex,
  ageDays: number,
  sd: number,
): number | null {
  const table = {
    wfa: growthTables.weightForAge,
    lhfa: growthTables.lengthHeightForAge,
    hcfa: growthTables.headCircumferenceForAge,
    acfa: growthTables.armCircumferenceForAge,
  }[kind];
  const at = rowOffset(table, sex === 'male' ? 0 : 1, Math.round(ageDays) - table.firstStep);
  if (at < 0) return null;
  return lmsValueAt(sd, table.lms[at]!, table.lms[at + 1]!, table.lms[at + 2]!);
}
