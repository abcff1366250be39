import {
  classifyGrowth,
  DAYS_PER_MONTH,
  growthAgeInDays,
  growthZScores,
  HEIGHT_FROM_DAYS,
  isMalnourished,
  type EcdChild,
  type GrowthClassification,
  type GrowthIndicator,
  type GrowthScores,
  type MeasuredPosition,
  type PlainDate,
} from '@treem/shared';

/*
 * The growth arithmetic the screens show before anything is saved: the same shared functions the server stores
 * the z-scores with, so what the form says while typing is what the record will say.
 */

/** What a form or a weighing-day row holds; null or undefined = not measured. NaN (bad typing) counts as absent. */
export interface MeasurementDraft {
  measuredOn: PlainDate;
  weightKg?: number | null | undefined;
  lengthHeightCm?: number | null | undefined;
  position?: MeasuredPosition | null | undefined;
  headCircumferenceCm?: number | null | undefined;
  muacCm?: number | null | undefined;
  oedema?: boolean | undefined;
}

export interface MeasurementPreview {
  /** Null when the birth is known to the year only, or the date is before the birth. */
  ageDays: number | null;
  scores: GrowthScores;
  classification: GrowthClassification;
  malnourished: boolean;
}

function measured(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** True when at least one of the four measurements holds a usable number. */
export function hasMeasurement(draft: Omit<MeasurementDraft, 'measuredOn'>): boolean {
  return [draft.weightKg, draft.lengthHeightCm, draft.headCircumferenceCm, draft.muacCm].some(
    (value) => measured(value) !== null,
  );
}

/** WHO measures length lying down before 2 years (731 days) and height standing from then on. */
export function defaultPosition(ageDays: number | null): MeasuredPosition {
  return ageDays !== null && ageDays >= HEIGHT_FROM_DAYS ? 'standing' : 'lying';
}

export function childAgeInDays(child: EcdChild, on: PlainDate): number | null {
  return growthAgeInDays(child.birthDate, child.birthDatePrecision, on);
}

/** z-scores and classification of a draft, computed in the browser exactly as the server will store them. */
export function previewMeasurement(child: EcdChild, draft: MeasurementDraft): MeasurementPreview {
  const ageDays = childAgeInDays(child, draft.measuredOn);
  const oedema = draft.oedema === true;
  const scores = growthZScores({
    sex: child.sex,
    ageDays,
    weightKg: measured(draft.weightKg),
    lengthHeightCm: measured(draft.lengthHeightCm),
    position: draft.position ?? null,
    oedema,
    headCircumferenceCm: measured(draft.headCircumferenceCm),
    muacCm: measured(draft.muacCm),
  });
  const classification = classifyGrowth(scores, ageDays, oedema);
  return { ageDays, scores, classification, malnourished: isMalnourished(classification) };
}

export type ClassificationCondition = keyof GrowthClassification;
export type ClassificationBand = 'severe' | 'moderate' | 'overweight' | 'obese';

export interface ClassificationTag {
  condition: ClassificationCondition;
  band: ClassificationBand;
  /** How the tag is coloured: red for severe and obese, orange for moderate, gold for overweight. */
  tone: 'danger' | 'warning' | 'caution';
}

const conditions: readonly ClassificationCondition[] = [
  'underweight',
  'stunting',
  'wasting',
  'thinness',
  'overweight',
];

/** The conditions a classification names, most urgent first. An empty list with `assessed` true means normal. */
export function classificationTags(classification: GrowthClassification): {
  tags: ClassificationTag[];
  /** At least one condition could be judged (the others may be undefined, e.g. no length measured). */
  assessed: boolean;
} {
  const tags: ClassificationTag[] = [];
  for (const condition of conditions) {
    const band = classification[condition];
    if (band === null || band === 'none') continue;
    const tone =
      band === 'severe' || band === 'obese' ? 'danger' : band === 'moderate' ? 'warning' : 'caution';
    tags.push({ condition, band, tone });
  }
  const rank = { danger: 0, warning: 1, caution: 2 } as const;
  tags.sort((a, b) => rank[a.tone] - rank[b.tone]);
  return { tags, assessed: conditions.some((condition) => classification[condition] !== null) };
}

/** The indices whose z-score is flagged implausible (a typing or measuring error more likely than a child). */
export function flaggedIndicators(flags: Readonly<Record<GrowthIndicator, boolean>>): GrowthIndicator[] {
  return (Object.keys(flags) as GrowthIndicator[]).filter((indicator) => flags[indicator]);
}

export type AgeLabel =
  | { kind: 'days'; days: number }
  | { kind: 'months'; months: number }
  | { kind: 'yearsMonths'; years: number; months: number };

/**
 * An age for a growth table: days in the first month, completed months up to 2 years, then years and months —
 * months as WHO counts them (30.4375 days), the unit of the chart's x axis.
 */
export function ageLabel(ageDays: number): AgeLabel {
  const months = Math.floor(ageDays / DAYS_PER_MONTH);
  if (months < 1) return { kind: 'days', days: ageDays };
  if (months < 24) return { kind: 'months', months };
  return { kind: 'yearsMonths', years: Math.floor(months / 12), months: months % 12 };
}
