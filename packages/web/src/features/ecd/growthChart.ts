import {
  chartSdLines,
  DAYS_PER_MONTH,
  growthCurve,
  HEIGHT_FROM_DAYS,
  LENGTH_BELOW_CM,
  type GrowthChartKind,
  type GrowthMeasurement,
  type GrowthSex,
} from '@treem/shared';

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

/** The SD lines of a shared WHO chart, every `everyRows` rows, with its x converted by `toX` and kept by `keep`. */
function curveLines(
  kind: GrowthChartKind,
  sex: GrowthSex,
  everyRows: number,
  toX: (x: number) => number,
  keep: (x: number) => boolean,
): ReferenceLine[] {
  const curve = growthCurve(kind, sex, everyRows).filter((p) => keep(toX(p.x)));
  return chartSdLines.map((sd, index) => ({
    sd,
    points: curve.map((p): ChartPoint => [round2(toX(p.x)), round2(p.values[index]!)]),
  }));
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
    const lines = curveLines(
      lengthTable,
      sex,
      5,
      (x) => x,
      () => true,
    );
    const [xMin, xMax] = lengthTable === 'wfl' ? [45, 110] : [65, 120];
    return { kind, xAxis: 'cm', lengthTable, lines, points, xMin, xMax };
  }

  const points = childPoints(kind, measurements);
  const limit = kind === 'hcfa' ? 60 : kind === 'wfa' ? 120 : 228;
  const xMax = ageAxisEnd(points, limit);
  const inRange = (x: number) => x <= xMax + 1e-9;
  let lines = curveLines(kind, sex, 7, monthsFromDays, inRange);
  if (xMax > 60 && kind !== 'hcfa') {
    const later = ({ wfa: 'wfa2007', lhfa: 'hfa2007', bmifa: 'bmifa2007' } as const)[kind];
    lines = join(
      lines,
      curveLines(
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
