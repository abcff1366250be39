/** The six anthropometric indices treem scores, named as WHO Anthro names their columns (z_wfa, z_lhfa…). */
export const growthIndicators = ['wfa', 'lhfa', 'wflh', 'bmifa', 'hcfa', 'acfa'] as const;
export type GrowthIndicator = (typeof growthIndicators)[number];

export type GrowthSex = 'male' | 'female';

/** How length/height was taken: lying (recumbent length, `l`) or standing (height, `h`). */
export type MeasuredPosition = 'lying' | 'standing';

/** Which reference a measurement was scored against: WHO Child Growth Standards 2006, or WHO Reference 2007. */
export type GrowthStandard = 'WHO2006' | 'WHO2007';

/** One measurement as the scorer needs it. Absent or `null` = not measured. */
export interface GrowthInput {
  readonly sex: GrowthSex;
  /** Age in whole days on the day of measurement (`growthAgeInDays`), or `null` when the age is not known. */
  readonly ageDays: number | null;
  /**
   * Age in (fractional) months, when it is known more finely than whole days — survey data given in months. It
   * then decides the reference and is used as is by WHO 2007; days = round-half-up(months × 30.4375) for WHO 2006.
   */
  readonly ageMonths?: number | null;
  readonly weightKg?: number | null;
  /** Length or height as measured, before the ±0.7 cm adjustment. */
  readonly lengthHeightCm?: number | null;
  /** `null` when not recorded: the position the tables expect for the age is assumed. */
  readonly position?: MeasuredPosition | null;
  /** Bilateral pitting oedema: weight-based indices are not computed when present. */
  readonly oedema?: boolean;
  readonly headCircumferenceCm?: number | null;
  readonly muacCm?: number | null;
}

/** Per index: z rounded to 2 decimals as WHO reports it (`null` = not defined), and the implausible-value flag. */
export type GrowthZ = Readonly<Record<GrowthIndicator, number | null>>;
export type GrowthFlags = Readonly<Record<GrowthIndicator, boolean>>;

export interface GrowthScores {
  /** `null` when no index could be scored because the age is outside every reference. */
  readonly standard: GrowthStandard | null;
  readonly z: GrowthZ;
  readonly flags: GrowthFlags;
  /** Length/height after the ±0.7 cm rule (what the tables were read with); `null` when none was measured. */
  readonly adjustedLengthHeightCm: number | null;
  /** kg/m² from the adjusted length/height; `null` when weight or length/height is missing. */
  readonly bmi: number | null;
  /** Which table scored `wflh`: weight-for-length (below 731 days) or weight-for-height. */
  readonly weightForLengthHeightTable: 'wfl' | 'wfh' | null;
}

/** WHO cut-offs: a severity band of one nutritional condition. */
export type Severity = 'severe' | 'moderate';

/**
 * What the z-scores say, with WHO cut-offs (see docs/growth.md, "Classification"). Each field is `null` when the
 * index behind it is undefined or flagged implausible, `'none'` when it was scored and the child is not in the band.
 */
export interface GrowthClassification {
  /** Weight-for-age < −3 severe, < −2 moderate (under 10 y). */
  readonly underweight: Severity | 'none' | null;
  /** Length/height-for-age < −3 severe, < −2 moderate. */
  readonly stunting: Severity | 'none' | null;
  /** Weight-for-length/height < −3 (or oedema) severe, < −2 moderate (under 5 y). */
  readonly wasting: Severity | 'none' | null;
  /**
   * Under 5 y: weight-for-length/height > +3 obese, > +2 overweight (> +1 "at risk" is not reported).
   * From 5 y: BMI-for-age > +2 obese, > +1 overweight (WHO 2007).
   */
  readonly overweight: 'obese' | 'overweight' | 'none' | null;
  /** From 5 y: BMI-for-age < −3 severe thinness, < −2 thinness. */
  readonly thinness: Severity | 'none' | null;
}
