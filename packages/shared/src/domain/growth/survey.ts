import { isPlainDate } from '../plainDate.ts';
import { growthAgeInDays } from './age.ts';
import { growthZScores } from './score.ts';
import { growthIndicators, type GrowthIndicator, type GrowthInput, type MeasuredPosition } from './types.ts';

/**
 * Survey mode: one CSV row of a nutrition survey in, its z-scores out, with the column names WHO Anthro's survey
 * module and igrowup use. See docs/growth.md, "Survey mode".
 */
export const surveyInputColumns = [
  'sex',
  'age_days',
  'age_months',
  'dob',
  'date',
  'weight_kg',
  'lenhei_cm',
  'measure',
  'oedema',
  'headc_cm',
  'muac_cm',
] as const;

export type SurveyScoreColumn = `z_${GrowthIndicator}` | `f_${GrowthIndicator}` | 'error';

export const surveyScoreColumns: readonly SurveyScoreColumn[] = [
  ...growthIndicators.map((indicator) => `z_${indicator}` as const),
  ...growthIndicators.map((indicator) => `f_${indicator}` as const),
  'error',
];

/** Why a row could not be scored: a stable code per column, so a spreadsheet can filter on it. */
export type SurveyRowError =
  | 'sex_invalid'
  | 'age_days_invalid'
  | 'age_months_invalid'
  | 'dob_invalid'
  | 'date_invalid'
  | 'date_before_birth'
  | 'weight_kg_invalid'
  | 'lenhei_cm_invalid'
  | 'headc_cm_invalid'
  | 'muac_cm_invalid'
  | 'measure_invalid'
  | 'oedema_invalid';

export type SurveyRow = Readonly<Partial<Record<string, string>>>;

/** The score columns of one row: z to 2 decimals, flags 0/1 (both empty where the z is not defined), and `error`. */
export type SurveyScores = Record<SurveyScoreColumn, string>;

class RowError extends Error {
  constructor(readonly code: SurveyRowError) {
    super(code);
  }
}

/** A decimal number, with a point or (as Vietnamese spreadsheets write it) a comma; empty = not measured. */
function measurement(row: SurveyRow, column: string, code: SurveyRowError): number | null {
  const text = (row[column] ?? '').trim();
  if (text === '' || text.toUpperCase() === 'NA') return null;
  const normal = text.includes('.') ? text : text.replace(',', '.');
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normal)) throw new RowError(code);
  const value = Number(normal);
  if (!Number.isFinite(value) || value <= 0) throw new RowError(code);
  return value;
}

function ageNumber(row: SurveyRow, column: 'age_days' | 'age_months'): number | null {
  const text = (row[column] ?? '').trim();
  if (text === '' || text.toUpperCase() === 'NA') return null;
  const normal = text.includes('.') ? text : text.replace(',', '.');
  const value = Number(normal);
  if (!/^\d+(\.\d+)?$/.test(normal) || !Number.isFinite(value)) throw new RowError(`${column}_invalid`);
  return value;
}

function readInput(row: SurveyRow): GrowthInput {
  const sexText = (row.sex ?? '').trim().toLowerCase();
  const sex =
    sexText === '1' || sexText === 'm' ? 'male' : sexText === '2' || sexText === 'f' ? 'female' : null;
  if (sex === null) throw new RowError('sex_invalid');

  let ageDays: number | null = null;
  let ageMonths: number | null = null;
  const days = ageNumber(row, 'age_days');
  const months = ageNumber(row, 'age_months');
  if (days !== null) ageDays = Math.floor(days);
  else if (months !== null) ageMonths = months;
  else {
    const dob = (row.dob ?? '').trim();
    const date = (row.date ?? '').trim();
    if (dob !== '' || date !== '') {
      if (!isPlainDate(dob)) throw new RowError('dob_invalid');
      if (!isPlainDate(date)) throw new RowError('date_invalid');
      ageDays = growthAgeInDays(dob, 'day', date);
      if (ageDays === null) throw new RowError('date_before_birth');
    }
  }

  const measure = (row.measure ?? '').trim().toLowerCase();
  if (measure !== '' && measure !== 'l' && measure !== 'h') throw new RowError('measure_invalid');
  const position: MeasuredPosition | null = measure === 'l' ? 'lying' : measure === 'h' ? 'standing' : null;
  const oedemaText = (row.oedema ?? '').trim().toLowerCase();
  if (!['', 'y', 'n', '1', '2'].includes(oedemaText)) throw new RowError('oedema_invalid');

  return {
    sex,
    ageDays,
    ageMonths,
    weightKg: measurement(row, 'weight_kg', 'weight_kg_invalid'),
    lengthHeightCm: measurement(row, 'lenhei_cm', 'lenhei_cm_invalid'),
    position,
    oedema: oedemaText === 'y' || oedemaText === '1',
    headCircumferenceCm: measurement(row, 'headc_cm', 'headc_cm_invalid'),
    muacCm: measurement(row, 'muac_cm', 'muac_cm_invalid'),
  };
}

/** Scores one survey row. Never throws: a row that cannot be read has every score empty and its `error` code. */
export function scoreSurveyRow(row: SurveyRow): SurveyScores {
  const out = {} as SurveyScores;
  for (const column of surveyScoreColumns) out[column] = '';
  let input: GrowthInput;
  try {
    input = readInput(row);
  } catch (error) {
    if (error instanceof RowError) {
      out.error = error.code;
      return out;
    }
    throw error;
  }
  const scores = growthZScores(input);
  for (const indicator of growthIndicators) {
    const z = scores.z[indicator];
    if (z === null) continue;
    out[`z_${indicator}`] = z.toFixed(2);
    out[`f_${indicator}`] = scores.flags[indicator] ? '1' : '0';
  }
  return out;
}
