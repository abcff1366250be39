import {
  WeighingDayRow,
  type EcdChild,
  type FieldIssue,
  type MeasuredPosition,
  type PlainDate,
} from '@treem/shared';
import type { z } from 'zod';
import { parseDecimal } from '../../i18n/format.ts';
import { childAgeInDays, defaultPosition, hasMeasurement } from './growth.ts';

/*
 * The weighing-day grid: one row of typed text per child. Rows left empty are skipped; every other row must be a
 * valid measurement before anything is sent, and the server saves all of them or none.
 */

export type WeighingField = 'weightKg' | 'lengthHeightCm' | 'muacCm';
export const weighingFields: readonly WeighingField[] = ['weightKg', 'lengthHeightCm', 'muacCm'];

export interface WeighingRowText {
  weightKg: string;
  lengthHeightCm: string;
  muacCm: string;
  /** null = not chosen: lying under 2 years, standing from 2 (at the weighing date). */
  position: MeasuredPosition | null;
  oedema: boolean;
}

export const emptyWeighingRow: WeighingRowText = {
  weightKg: '',
  lengthHeightCm: '',
  muacCm: '',
  position: null,
  oedema: false,
};

export type WeighingRowInput = z.input<typeof WeighingDayRow>;

/** Nothing typed and oedema not ticked: the child was not weighed and the row is left out. */
export function isRowEmpty(text: WeighingRowText): boolean {
  return weighingFields.every((field) => text[field].trim() === '') && !text.oedema;
}

export function rowPosition(child: EcdChild, date: PlainDate, text: WeighingRowText): MeasuredPosition {
  return text.position ?? defaultPosition(childAgeInDays(child, date));
}

/** The row as the contract takes it; a number typed wrongly is NaN, which the schema refuses. */
export function rowInput(child: EcdChild, date: PlainDate, text: WeighingRowText): WeighingRowInput {
  const lengthHeightCm = parseDecimal(text.lengthHeightCm);
  return {
    personId: child.id,
    weightKg: parseDecimal(text.weightKg),
    lengthHeightCm,
    // A position without a length says nothing; the server stores none.
    position: lengthHeightCm === null ? null : rowPosition(child, date, text),
    muacCm: parseDecimal(text.muacCm),
    oedema: text.oedema,
  };
}

/** Why a row cannot be saved, by field: `invalid` (not a number), `tooSmall`/`tooBig` (outside the range), `nothing`. */
export type RowProblem = 'invalid' | 'tooSmall' | 'tooBig' | 'nothing';
export type RowProblems = Partial<Record<WeighingField, RowProblem>>;

/** The problems of a filled row, read from the contract's own schema (one source for the ranges). */
export function rowProblems(input: WeighingRowInput): RowProblems {
  const problems: RowProblems = {};
  const parsed = WeighingDayRow.safeParse(input);
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'weightKg' && field !== 'lengthHeightCm' && field !== 'muacCm') continue;
    if (problems[field]) continue;
    const value = input[field];
    if (issue.code === 'custom' && !hasMeasurement(input)) problems[field] = 'nothing';
    else if (typeof value === 'number' && Number.isNaN(value)) problems[field] = 'invalid';
    else if (issue.code === 'too_small') problems[field] = 'tooSmall';
    else if (issue.code === 'too_big') problems[field] = 'tooBig';
    else problems[field] = 'invalid';
  }
  return problems;
}

export interface WeighingDayPlan {
  /** The rows to send, in grid order; `personIds[i]` is the child of `rows[i]` (server issues name the index). */
  rows: WeighingRowInput[];
  personIds: string[];
  /** Children whose row cannot be sent as typed. */
  invalid: Map<string, RowProblems>;
}

/** The rows a save would send, and the rows that stop it. */
export function planWeighingDay(
  children: readonly EcdChild[],
  date: PlainDate,
  texts: ReadonlyMap<string, WeighingRowText>,
): WeighingDayPlan {
  const rows: WeighingRowInput[] = [];
  const personIds: string[] = [];
  const invalid = new Map<string, RowProblems>();
  for (const child of children) {
    const text = texts.get(child.id);
    if (!text || isRowEmpty(text)) continue;
    const input = rowInput(child, date, text);
    const problems = rowProblems(input);
    if (Object.keys(problems).length > 0) invalid.set(child.id, problems);
    rows.push(input);
    personIds.push(child.id);
  }
  return { rows, personIds, invalid };
}

/**
 * The server's field issues (`body.rows.3.weightKg`) put back on the child of row 3 of the request, with the field
 * when it is one of the grid's (otherwise under `row`).
 */
export function serverIssuesByChild(
  issues: readonly FieldIssue[],
  personIds: readonly string[],
): Map<string, { field: WeighingField | 'row'; code: string }[]> {
  const byChild = new Map<string, { field: WeighingField | 'row'; code: string }[]>();
  for (const issue of issues) {
    const match = /^body\.rows\.(\d+)(?:\.(\w+))?/.exec(issue.path);
    if (!match) continue;
    const personId = personIds[Number(match[1])];
    if (!personId) continue;
    const name = match[2];
    const field = weighingFields.find((f) => f === name) ?? 'row';
    const list = byChild.get(personId) ?? [];
    list.push({ field, code: issue.code });
    byChild.set(personId, list);
  }
  return byChild;
}
