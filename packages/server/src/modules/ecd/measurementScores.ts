import {
  classifyGrowth,
  growthAgeInDays,
  growthZScores,
  isMalnourished,
  type BirthPrecision,
  type GrowthMeasurement,
  type GrowthSex,
  type MeasuredPosition,
  type PlainDate,
} from '@treem/shared';
import type { Selectable } from 'kysely';
import type { GrowthMeasurementTable } from '../../db/schema.ts';

/** What a measurement's z-scores are computed from, besides the measurement: the child's sex and birth date. */
export interface ScoredChild {
  sex: GrowthSex;
  birthDate: PlainDate;
  birthDatePrecision: BirthPrecision;
}

export interface MeasurementValues {
  measuredOn: PlainDate;
  weightKg: number | null;
  lengthHeightCm: number | null;
  position: MeasuredPosition | null;
  headCircumferenceCm: number | null;
  muacCm: number | null;
  oedema: boolean;
}

export type MeasurementRow = Selectable<GrowthMeasurementTable>;

/** The stored score columns of one measurement: every column a rescoring rewrites. */
export function measurementScoreColumns(child: ScoredChild, m: MeasurementValues) {
  const ageDays = growthAgeInDays(child.birthDate, child.birthDatePrecision, m.measuredOn);
  const scores = growthZScores({
    sex: child.sex,
    ageDays,
    weightKg: m.weightKg,
    lengthHeightCm: m.lengthHeightCm,
    position: m.position,
    oedema: m.oedema,
    headCircumferenceCm: m.headCircumferenceCm,
    muacCm: m.muacCm,
  });
  const classification = classifyGrowth(scores, ageDays, m.oedema);
  return {
    scored_sex: child.sex,
    scored_birth_date: child.birthDate,
    scored_birth_precision: child.birthDatePrecision,
    age_days: ageDays,
    standard: scores.standard,
    adjusted_length_height_cm: scores.adjustedLengthHeightCm,
    bmi: scores.bmi === null ? null : Math.round(scores.bmi * 100) / 100,
    z_wfa: scores.z.wfa,
    z_lhfa: scores.z.lhfa,
    z_wflh: scores.z.wflh,
    z_bmifa: scores.z.bmifa,
    z_hcfa: scores.z.hcfa,
    z_acfa: scores.z.acfa,
    f_wfa: scores.flags.wfa,
    f_lhfa: scores.flags.lhfa,
    f_wflh: scores.flags.wflh,
    f_bmifa: scores.flags.bmifa,
    f_hcfa: scores.flags.hcfa,
    f_acfa: scores.flags.acfa,
    underweight: classification.underweight,
    stunting: classification.stunting,
    wasting: classification.wasting,
    overweight: classification.overweight,
    thinness: classification.thinness,
    malnourished: isMalnourished(classification),
  };
}

export type MeasurementScoreColumns = ReturnType<typeof measurementScoreColumns>;

/** The measured values of a stored row, as the scorer takes them. */
export function measurementValuesOf(row: MeasurementRow): MeasurementValues {
  return {
    measuredOn: row.measured_on,
    weightKg: row.weight_kg,
    lengthHeightCm: row.length_height_cm,
    position: row.position,
    headCircumferenceCm: row.head_circumference_cm,
    muacCm: row.muac_cm,
    oedema: row.oedema,
  };
}

export function toGrowthMeasurement(row: MeasurementRow, createdByName: string | null): GrowthMeasurement {
  return {
    id: row.id,
    personId: row.person_id,
    measuredOn: row.measured_on,
    weightKg: row.weight_kg,
    lengthHeightCm: row.length_height_cm,
    position: row.position,
    headCircumferenceCm: row.head_circumference_cm,
    muacCm: row.muac_cm,
    oedema: row.oedema,
    measuredBy: row.measured_by,
    place: row.place,
    note: row.note,
    ageDays: row.age_days,
    standard: row.standard,
    adjustedLengthHeightCm: row.adjusted_length_height_cm,
    bmi: row.bmi,
    z: {
      wfa: row.z_wfa,
      lhfa: row.z_lhfa,
      wflh: row.z_wflh,
      bmifa: row.z_bmifa,
      hcfa: row.z_hcfa,
      acfa: row.z_acfa,
    },
    flags: {
      wfa: row.f_wfa,
      lhfa: row.f_lhfa,
      wflh: row.f_wflh,
      bmifa: row.f_bmifa,
      hcfa: row.f_hcfa,
      acfa: row.f_acfa,
    },
    classification: {
      underweight: row.underweight,
      stunting: row.stunting,
      wasting: row.wasting,
      overweight: row.overweight,
      thinness: row.thinness,
    },
    malnourished: row.malnourished,
    createdAt: row.created_at.toISOString(),
    createdByName,
  };
}
