import { rowOffset, type LmsTable, type SexIndex } from './lmsTable.ts';
import {
  DAYS_PER_MONTH,
  growthTables,
  HEIGHT_FROM_DAYS,
  LENGTH_BELOW_CM,
  WEIGHT_FOR_HEIGHT_CM,
  WEIGHT_FOR_LENGTH_CM,
  WHO2007_FROM_MONTHS,
  WHO2007_HEIGHT_BMI_TO_MONTHS,
  WHO2007_WEIGHT_TO_MONTHS,
} from './references.ts';
import type { GrowthIndicator, GrowthInput, GrowthScores, GrowthStandard } from './types.ts';
import { lmsZScore, restrictedZScore, roundZ } from './zScore.ts';

/**
 * Last age in days the WHO 2006 tables are read at. WHO anthro accepts days up to 1856 (the old igrowup tables) but
 * also requires age < 60 months, which on whole days ends at 1826 — the last row of the current tables.
 */
const LAST_WHO2006_DAY = 1826;

/** Arm circumference-for-age starts at 3 months (day 91). */
const ARM_CIRCUMFERENCE_FROM_DAY = 91;

/** A standing height before 9 months is implausible: WHO anthro then ignores the position (`c9mo_flag`). */
const STANDING_IMPLAUSIBLE_BELOW_MONTHS = 9;

/** The ±0.7 cm between recumbent length and standing height (WHO Child Growth Standards, methods chapter). */
const LENGTH_HEIGHT_DIFFERENCE_CM = 0.7;

/** Implausible-value limits per index: flagged when z < low or z > high (WHO anthro / anthroplus). */
const flagLimits: Readonly<Record<GrowthIndicator, readonly [low: number, high: number]>> = {
  wfa: [-6, 5],
  lhfa: [-6, 6],
  wflh: [-5, 5],
  bmifa: [-5, 5],
  hcfa: [-5, 5],
  acfa: [-5, 5],
};

/**
 * R's `round_up` as WHO anthro applies it to ages: halves go up (ages are never negative). Months are turned into
 * days with it: days = round_up(months × 30.4375).
 */
export function roundHalfUp(x: number): number {
  const down = Math.floor(x);
  return x - down >= 0.5 ? down + 1 : down;
}

/** Whole days of age from an age in (fractional) months, as WHO anthro converts it. */
export function ageMonthsToDays(ageMonths: number): number {
  return roundHalfUp(ageMonths * DAYS_PER_MONTH);
}

/**
 * z-scores of one measurement, rounded to 2 decimals, with the implausible-value flags — the rules of WHO anthro
 * (0 to < 60 months, WHO Child Growth Standards 2006) and WHO anthroplus (60 to 228 months, WHO Reference 2007).
 * See docs/growth.md for each rule and its source.
 */
export function growthZScores(input: GrowthInput): GrowthScores {
  const sex: SexIndex = input.sex === 'male' ? 0 : 1;
  const ageMonths = input.ageMonths ?? (input.ageDays === null ? null : input.ageDays / DAYS_PER_MONTH);
  const ageDays = input.ageMonths != null ? ageMonthsToDays(input.ageMonths) : input.ageDays;
  const weight = positive(input.weightKg);
  const measured = positive(input.lengthHeightCm);
  const oedema = input.oedema === true;
  if (ageMonths !== null && (ageMonths < 0 || (ageDays !== null && ageDays < 0)))
    return unscored(null, null, null);

  if (ageMonths !== null && ageMonths >= WHO2007_FROM_MONTHS) {
    return who2007Scores(sex, ageMonths, weight, measured, oedema);
  }

  // WHO 2006. A standing height before 9 months is ignored as a position (treated as not recorded).
  let position = input.position ?? null;
  if (position === 'standing' && ageMonths !== null && ageMonths < STANDING_IMPLAUSIBLE_BELOW_MONTHS)
    position = null;
  const lenhei = measured === null ? null : adjustedLengthHeight(measured, ageDays, position);
  const bmi = weight === null || lenhei === null ? null : weight / (lenhei / 100) ** 2;
  const byAge = ageDays !== null && ageDays <= LAST_WHO2006_DAY;
  const day = ageDays ?? -1;
  const t = growthTables;

  const z: Record<GrowthIndicator, number | null> = {
    wfa: byAge && weight !== null && !oedema ? byDay(t.weightForAge, sex, day, weight, true) : null,
    lhfa: byAge && lenhei !== null ? byDay(t.lengthHeightForAge, sex, day, lenhei, false) : null,
    wflh: null,
    bmifa: byAge && bmi !== null && !oedema ? byDay(t.bmiForAge, sex, day, bmi, true) : null,
    hcfa: byAge ? measureByDay(t.headCircumferenceForAge, sex, day, input.headCircumferenceCm, false) : null,
    acfa:
      byAge && day >= ARM_CIRCUMFERENCE_FROM_DAY
        ? measureByDay(t.armCircumferenceForAge, sex, day, input.muacCm, true)
        : null,
  };

  // Weight-for-length below 731 days, weight-for-height from 731; without an age, the position decides, and
  // without a position the 87 cm rule.
  let wflhTable: 'wfl' | 'wfh' | null = null;
  if (lenhei !== null) {
    if (ageDays !== null) wflhTable = ageDays < HEIGHT_FROM_DAYS ? 'wfl' : 'wfh';
    else if (position !== null) wflhTable = position === 'lying' ? 'wfl' : 'wfh';
    else wflhTable = lenhei < LENGTH_BELOW_CM ? 'wfl' : 'wfh';
  }
  const ageAllowsWflh = ageDays === null || ageDays <= LAST_WHO2006_DAY;
  if (wflhTable !== null && lenhei !== null && weight !== null && !oedema && ageAllowsWflh) {
    const range = wflhTable === 'wfl' ? WEIGHT_FOR_LENGTH_CM : WEIGHT_FOR_HEIGHT_CM;
    if (lenhei >= range.from && lenhei <= range.to) {
      const table = wflhTable === 'wfl' ? t.weightForLength : t.weightForHeight;
      z.wflh = byLength(table, sex, lenhei, weight);
    }
  }

  const scored = Object.values(z).some((value) => value !== null);
  return finish(
    scored || ageMonths !== null ? 'WHO2006' : null,
    z,
    lenhei,
    bmi,
    z.wflh === null ? null : wflhTable,
  );
}

/** WHO Reference 2007: height taken as given (no ±0.7 cm), L, M, S interpolated between whole months. */
function who2007Scores(
  sex: SexIndex,
  ageMonths: number,
  weight: number | null,
  height: number | null,
  oedema: boolean,
): GrowthScores {
  const t = growthTables;
  const bmi = weight === null || height === null ? null : weight / (height / 100) ** 2;
  const upToHeightBmi = ageMonths <= WHO2007_HEIGHT_BMI_TO_MONTHS;
  const upToWeight = ageMonths <= WHO2007_WEIGHT_TO_MONTHS;
  const z: Record<GrowthIndicator, number | null> = {
    wfa:
      upToWeight && weight !== null && !oedema
        ? byMonth(t.weightForAge2007, sex, ageMonths, weight, true)
        : null,
    lhfa:
      upToHeightBmi && height !== null ? byMonth(t.heightForAge2007, sex, ageMonths, height, false) : null,
    wflh: null,
    bmifa:
      upToHeightBmi && bmi !== null && !oedema ? byMonth(t.bmiForAge2007, sex, ageMonths, bmi, true) : null,
    hcfa: null,
    acfa: null,
  };
  return finish(upToHeightBmi ? 'WHO2007' : null, z, height, bmi, null);
}

function finish(
  standard: GrowthStandard | null,
  raw: Record<GrowthIndicator, number | null>,
  lenhei: number | null,
  bmi: number | null,
  wflhTable: 'wfl' | 'wfh' | null,
): GrowthScores {
  const z = {} as Record<GrowthIndicator, number | null>;
  const flags = {} as Record<GrowthIndicator, boolean>;
  for (const indicator of Object.keys(raw) as GrowthIndicator[]) {
    const value = raw[indicator];
    const rounded = value === null || !Number.isFinite(value) ? null : roundZ(value);
    z[indicator] = rounded;
    // WHO flags the rounded z (anthro rounds first, then compares).
    const [low, high] = flagLimits[indicator];
    flags[indicator] = rounded !== null && (rounded < low || rounded > high);
  }
  return {
    standard,
    z: z,
    flags: flags,
    adjustedLengthHeightCm: lenhei,
    bmi,
    weightForLengthHeightTable: wflhTable,
  };
}

function unscored(lenhei: number | null, bmi: number | null, standard: GrowthStandard | null): GrowthScores {
  return finish(
    standard,
    { wfa: null, lhfa: null, wflh: null, bmifa: null, hcfa: null, acfa: null },
    lenhei,
    bmi,
    null,
  );
}

/**
 * The length/height the tables are read with: recumbent length below 731 days, standing height from 731. A height
 * taken before 731 days gets +0.7 cm, a length taken from 731 days −0.7 cm. Without an age or a position, as measured.
 */
export function adjustedLengthHeight(
  measuredCm: number,
  ageDays: number | null,
  position: 'lying' | 'standing' | null,
): number {
  if (ageDays === null || position === null) return measuredCm;
  if (ageDays < HEIGHT_FROM_DAYS && position === 'standing') return measuredCm + LENGTH_HEIGHT_DIFFERENCE_CM;
  if (ageDays >= HEIGHT_FROM_DAYS && position === 'lying') return measuredCm - LENGTH_HEIGHT_DIFFERENCE_CM;
  return measuredCm;
}

function positive(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) || value <= 0 ? null : value;
}

function measureByDay(
  table: LmsTable,
  sex: SexIndex,
  day: number,
  value: number | null | undefined,
  restricted: boolean,
): number | null {
  const y = positive(value);
  return y === null ? null : byDay(table, sex, day, y, restricted);
}

function byDay(table: LmsTable, sex: SexIndex, day: number, y: number, restricted: boolean): number | null {
  const at = rowOffset(table, sex, day - table.firstStep);
  if (at < 0) return null;
  const lms = table.lms;
  return restricted
    ? restrictedZScore(y, lms[at]!, lms[at + 1]!, lms[at + 2]!)
    : lmsZScore(y, lms[at]!, lms[at + 1]!, lms[at + 2]!);
}

/**
 * Weight-for-length/height on the 0.1 cm grid: L, M and S are interpolated linearly between trunc(x·10)/10 and the
 * next 0.1 cm, in the same operations as WHO anthro so the doubles agree.
 */
function byLength(table: LmsTable, sex: SexIndex, lenhei: number, weight: number): number | null {
  const low = Math.trunc(lenhei * 10) / 10;
  const diff = (lenhei - low) / 0.1;
  const at = rowOffset(table, sex, Math.round(low * 10) - table.firstStep);
  if (at < 0) return null;
  const lms = table.lms;
  let l = lms[at]!;
  let m = lms[at + 1]!;
  let s = lms[at + 2]!;
  if (diff > 0) {
    const up = rowOffset(table, sex, Math.round(low * 10) + 1 - table.firstStep);
    if (up < 0) return null;
    l = l + diff * (lms[up]! - l);
    m = m + diff * (lms[up + 1]! - m);
    s = s + diff * (lms[up + 2]! - s);
  }
  return restrictedZScore(weight, l, m, s);
}

/** WHO 2007: L, M and S interpolated between trunc(age) and trunc(age) + 1 months, as anthroplus does. */
function byMonth(
  table: LmsTable,
  sex: SexIndex,
  ageMonths: number,
  y: number,
  restricted: boolean,
): number | null {
  const low = Math.trunc(ageMonths);
  const diff = ageMonths - low;
  const at = rowOffset(table, sex, low - table.firstStep);
  if (at < 0) return null;
  const lms = table.lms;
  let l = lms[at]!;
  let m = lms[at + 1]!;
  let s = lms[at + 2]!;
  if (diff > 0) {
    const up = rowOffset(table, sex, low + 1 - table.firstStep);
    if (up < 0) return null;
    m = m + diff * (lms[up + 1]! - m);
    l = l + diff * (lms[up]! - l);
    s = s + diff * (lms[up + 2]! - s);
  }
  return restricted ? restrictedZScore(y, l, m, s) : lmsZScore(y, l, m, s);
}
