import {
  chartSdLines,
  DAYS_PER_MONTH,
  growthCurve,
  HEIGHT_FROM_DAYS,
  type GrowthMeasurement,
  type GrowthSex,
} from '@treem/shared';
// The shared chart helper draws the WHO 2006 tables it names; BMI-for-age and the WHO 2007 reference (from 5 years)
// are drawn here from the same tables and the same LMS formula.
import { rowOffset, type LmsTable } from '@treem/shared/domain/growth/lmsTable';
import { growthTables, LENGTH_BELOW_CM } from '@treem/shared/domain/growth/references';
import { lmsValueAt } from '@treem/shared/domain/growth/zScore';

/** The charts a child profile offers. `wflh` is weight-for-length below 2 years, weight-for-height from 2. */
export const growthChartKinds = ['wfa', 'lhfa', 'wflh', 'bmifa', 'hcfa'] as const;
export type GrowthChartChoice = (typeof growthChartKinds)[number];

export type ChartPoint = readonly [x: number, y: number];

export interface ChildChartPoint {
  x: number;
  y: number;
  measuredOn: string;
  measurementId: string;
}

export interface ReferenceLine {
  /** −3, −2, 0, +2, +3. */
  sd: number;
  points: ChartPoint[];
}

export interface GrowthChartData {
  kind: GrowthChartChoice;
  /** What x is: age in months, or length/height in cm. */
  xAxis: 'months' | 'cm';
  /** For `wflh`: the table drawn (and the measurements plotted on it). */
  lengthTable: 'wfl' | 'wfh' | null;
  lines: ReferenceLine[];
  /** The child's points, oldest first. */
  points: ChildChartPoint[];
  xMin: number;
  xMax: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The SD lines of an LMS table with its key converted to the chart's x by `toX`, every `everyRows` rows. */
function tableLines(
  table: LmsTable,
  sex: GrowthSex,
  everyRows: number,
  toX: (key: number) => number,
  keep: (x: number) => boolean,
): ReferenceLine[] {
  const half = sex === 'male' ? 0 : 1;
  const lines: ReferenceLine[] = chartSdLines.map((sd) => ({ sd, points: [] }));
  for (let row = 0; row < table.count; row += everyRows) {
    const x = toX((table.firstStep + row) / table.stepsPerUnit);
    if (!keep(x)) continue;
    const at = rowOffset(table, half, row);
    const [l, m, s] = [table.lms[at]!, table.lms[at + 1]!, table.lms[at + 2]!];
    chartSdLines.forEach((sd, index) =>
      lines[index]!.points.push([round2(x), round2(lmsValueAt(sd, l, m, s))]),
    );
  }
  return lines;
}

function join(first: ReferenceLine[], second: ReferenceLine[]): ReferenceLine[] {
  return first.map((line, index) => ({
    sd: line.sd,
    points: [...line.points, ...(second[index]?.points ?? [])],
  }));
}

const monthsFromDays = (days: number) => days / DAYS_PER_MONTH;

/** Months of age the x axis runs to: a year past the oldest point, at least 2 years, whole years. */
export function ageAxisEnd(points: readonly { x: number }[], limit: number): number {
  const oldest = points.reduce((max, point) => Math.max(max, point.x), 0);
  return Math.min(limit, Math.max(24, Math.ceil((oldest + 1) / 12) * 12));
}

/**
 * The child's points on a chart: one per measurement that has the value and the age (or length) the chart needs.
 * Length/height is the adjusted value (±0.7 cm for the position), the one the z-score was read with, so a point
 * lies where its z-score says.
 */
export function childPoints(
  kind: GrowthChartChoice,
  measurements: readonly GrowthMeasurement[],
  lengthTable: 'wfl' | 'wfh' | null = null,
): ChildChartPoint[] {
  const points: ChildChartPoint[] = [];
  for (const m of measurements) {
    const age = m.ageDays === null ? null : monthsFromDays(m.ageDays);
    let point: [number, number] | null = null;
    switch (kind) {
      case 'wfa':
        if (age !== null && m.weightKg !== null) point = [age, m.weightKg];
        break;
      case 'lhfa':
        if (age !== null && m.adjustedLengthHeightCm !== null) point = [age, m.adjustedLengthHeightCm];
        break;
      case 'wflh': {
        const table = wflhTableOf(m);
        if (
          m.weightKg !== null &&
          m.adjustedLengthHeightCm !== null &&
          (!lengthTable || table === lengthTable)
        )
          point = [m.adjustedLengthHeightCm, m.weightKg];
        break;
      }
      case 'bmifa':
        if (age !== null && m.bmi !== null) point = [age, m.bmi];
        break;
      case 'hcfa':
        if (age !== null && m.headCircumferenceCm !== null) point = [age, m.headCircumferenceCm];
        break;
    }
    if (point) {
      points.push({
        x: round2(point[0]),
        y: round2(point[1]),
        measuredOn: m.measuredOn,
        measurementId: m.id,
      });
    }
  }
  return points.sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
}

/**
 * The table a measurement's weight-for-length/height was scored with: length under 2 years, height from 2; without
 * an age (a birth known to the year only), by the length itself, below 87 cm or not, as WHO does.
 */
function wflhTableOf(m: GrowthMeasurement): 'wfl' | 'wfh' | null {
  if (m.ageDays !== null) return m.ageDays < HEIGHT_FROM_DAYS ? 'wfl' : 'wfh';
  if (m.adjustedLengthHeightCm === null) return null;
  return m.adjustedLengthHeightCm < LENGTH_BELOW_CM ? 'wfl' : 'wfh';
}

/** The table of the child's latest measurement: weight-for-length while small, weight-for-height after. */
export function lengthTableFor(measurements: readonly GrowthMeasurement[]): 'wfl' | 'wfh' {
  const latest = measurements
    .filter((m) => wflhTableOf(m) !== null)
    .reduce<GrowthMeasurement | null>(
      (last, m) => (!last || m.measuredOn > last.measuredOn ? m : last),
      null,
    );
  return (latest && wflhTableOf(latest)) ?? 'wfl';
}

/**
 * Everything a growth chart draws: the WHO reference lines (−3, −2, median, +2, +3 SD) for the child's sex, and the
 * child's points. Age charts use the WHO 2006 standards to 60 months and the WHO 2007 reference after (weight to 10
 * years, height and BMI on), so a child of 7 keeps one continuous chart.
 */
export function growthChartData(
  kind: GrowthChartChoice,
  sex: GrowthSex,
  measurements: readonly GrowthMeasurement[],
): GrowthChartData {
  if (kind === 'wflh') {
    const lengthTable = lengthTableFor(measurements);
    const points = childPoints(kind, measurements, lengthTable);
    const curve = growthCurve(lengthTable, sex, 5);
    const lines = chartSdLines.map((sd, index) => ({
      sd,
      points: curve.map((p): ChartPoint => [round2(p.x), round2(p.values[index]!)]),
    }));
    const [xMin, xMax] = lengthTable === 'wfl' ? [45, 110] : [65, 120];
    return { kind, xAxis: 'cm', lengthTable, lines, points, xMin, xMax };
  }

  const points = childPoints(kind, measurements);
  const limit = kind === 'hcfa' ? 60 : kind === 'wfa' ? 120 : 228;
  const xMax = ageAxisEnd(points, limit);
  const inRange = (x: number) => x <= xMax + 1e-9;
  let lines: ReferenceLine[];
  if (kind === 'bmifa') {
    lines = tableLines(growthTables.bmiForAge, sex, 7, monthsFromDays, inRange);
  } else {
    const curve = growthCurve(kind, sex, 7).filter((p) => inRange(monthsFromDays(p.x)));
    lines = chartSdLines.map((sd, index) => ({
      sd,
      points: curve.map((p): ChartPoint => [round2(monthsFromDays(p.x)), round2(p.values[index]!)]),
    }));
  }
  if (xMax > 60 && kind !== 'hcfa') {
    const later = {
      wfa: growthTables.weightForAge2007,
      lhfa: growthTables.heightForAge2007,
      bmifa: growthTables.bmiForAge2007,
    }[kind];
    lines = join(
      lines,
      tableLines(
        later,
        sex,
        1,
        (months) => months,
        (x) => x > 60 && inRange(x),
      ),
    );
  }
  return { kind, xAxis: 'months', lengthTable: null, lines, points, xMin: 0, xMax };
}
