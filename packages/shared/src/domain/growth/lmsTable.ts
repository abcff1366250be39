/**
 * A WHO LMS table as `scripts/generate-who-tables.mjs` writes it (`tables/*.ts`): both sexes, one row per step of
 * the key (a day, a month or 0.1 cm), with no gaps, so a row is found by arithmetic on the key, never by search.
 */
export interface LmsTableSource {
  /** The key of row 0: age in days or months, or length/height in cm. */
  readonly first: number;
  /** Rows per unit of the key: 1 for days and months, 10 for the 0.1 cm grid. */
  readonly stepsPerUnit: number;
  readonly count: number;
  /** L, M, S of row 0, then of row 1, and so on. */
  readonly male: readonly number[];
  readonly female: readonly number[];
}

/** The same table in one typed array, male rows first, three numbers a row: what the hot path reads. */
export interface LmsTable {
  /** `first × stepsPerUnit`: the integer step of row 0 (0 days, 91 days, 60 months, 450 for 45.0 cm). */
  readonly firstStep: number;
  readonly stepsPerUnit: number;
  readonly count: number;
  readonly lms: Float64Array;
}

/** 0 for male, 1 for female: the half of `LmsTable.lms` a sex's rows are in. */
export type SexIndex = 0 | 1;

export function lmsTable(source: LmsTableSource): LmsTable {
  const width = source.count * 3;
  if (source.male.length !== width || source.female.length !== width) {
    throw new Error(
      `LMS table of ${source.count} rows has ${source.male.length} / ${source.female.length} numbers`,
    );
  }
  const lms = new Float64Array(width * 2);
  lms.set(source.male, 0);
  lms.set(source.female, width);
  return {
    firstStep: Math.round(source.first * source.stepsPerUnit),
    stepsPerUnit: source.stepsPerUnit,
    count: source.count,
    lms,
  };
}

/** Where a row's L sits in `lms` (M and S follow), or -1 when the table has no such row. */
export function rowOffset(table: LmsTable, sex: SexIndex, row: number): number {
  if (row < 0 || row >= table.count) return -1;
  return (sex * table.count + row) * 3;
}
