import {
  AggregateViolation,
  checkEntry,
  entryFields,
  entryFor,
  warningsResolved,
  type AggregateBatchItem,
  type AggregateFormRow,
  type EnteredNumbers,
  type EntryCheck,
  type EntryField,
  type IndicatorUnit,
  type PeriodCode,
  type PlainDate,
} from '@treem/shared';
import { numberLocale, type Language } from '../../i18n/format.ts';

/*
 * The logic of the entry form, apart from React: reading what a person typed, applying the shared entry rules to a
 * row as it is typed, and building the batch that "Save all" sends.
 */

/** What the inputs of one row hold, as typed. */
export interface Draft {
  numerator: string;
  denominator: string;
  value: string;
  comment: string;
}

const plain = /^-?\d+(\.\d+)?$/;

/**
 * A number as a person types it. Vietnamese: "1.234" is one thousand two hundred and thirty-four, "12,5" is twelve
 * and a half (and "12.5", typed on an English keyboard, too); English: "1,234" and "12.5". Spaces are ignored.
 * Empty → null; anything else that is not a number → NaN.
 */
export function parseEnteredNumber(text: string, language: Language): number | null {
  const trimmed = text.replace(/\s+/g, '');
  if (trimmed === '') return null;
  const [group, decimal] = language === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const normal = grouped.test(trimmed)
    ? trimmed.replaceAll(group, '').replace(decimal, '.')
    : trimmed.replace(decimal, '.');
  return plain.test(normal) ? Number(normal) : NaN;
}

/** A stored number as an input shows it: no grouping, the language's decimal mark. */
export function numberInputText(value: number | null, language: Language): string {
  if (value === null) return '';
  const text = String(value);
  return language === 'vi' ? text.replace('.', ',') : text;
}

export function draftOf(row: AggregateFormRow, language: Language): Draft {
  const entry = row.entry;
  return {
    numerator: numberInputText(entry?.numerator ?? null, language),
    denominator: numberInputText(entry?.denominator ?? null, language),
    value: numberInputText(entry?.value ?? null, language),
    comment: entry?.comment ?? '',
  };
}

export interface RowState {
  numbers: EnteredNumbers;
  /** Inputs whose text is not a number. */
  unreadable: EntryField[];
  /** The shared rules' verdict on the readable numbers. */
  check: EntryCheck;
  /** The numbers or the comment differ from what is saved. */
  changed: boolean;
  /** A warning shows and the comment is still empty. */
  needsComment: boolean;
  /** Changed, and cannot be saved as it is. */
  blocked: boolean;
}

/** The row as typed, against the shared entry rules (the same the server applies). */
export function rowState(row: AggregateFormRow, draft: Draft, language: Language): RowState {
  const entry = entryFor(row.indicatorCode)!.entry;
  const fields = entryFields(entry);
  const numbers: EnteredNumbers = { numerator: null, denominator: null, value: null };
  const unreadable: EntryField[] = [];
  for (const field of fields) {
    const parsed = parseEnteredNumber(draft[field], language);
    if (parsed !== null && Number.isNaN(parsed)) unreadable.push(field);
    else numbers[field] = parsed;
  }
  const history = row.history.map((h) => h.value).filter((v): v is number => v !== null);
  const check = checkEntry(row.indicatorCode, numbers, row.lastPeriod.value, history);
  const saved = row.entry;
  const comment = draft.comment.trim();
  const changed =
    unreadable.length > 0 ||
    fields.some((field) => numbers[field] !== (saved ? saved[field] : null)) ||
    comment !== (saved?.comment ?? '');
  const needsComment = !warningsResolved(check.warnings, true, comment);
  return {
    numbers,
    unreadable,
    check,
    changed,
    needsComment,
    blocked: changed && (unreadable.length > 0 || check.errors.length > 0 || needsComment),
  };
}

/**
 * What "Save all" sends: each editable row that changed. A warning is acknowledged by the comment written for it.
 * Rows that cannot be saved as they are come back in `blocked`, and then nothing is sent.
 */
export function buildBatch(
  rows: readonly AggregateFormRow[],
  drafts: Readonly<Record<string, Draft>>,
  language: Language,
): { entries: AggregateBatchItem[]; blocked: string[] } {
  const entries: AggregateBatchItem[] = [];
  const blocked: string[] = [];
  for (const row of rows) {
    const draft = drafts[row.indicatorCode];
    if (!row.editable || !draft) continue;
    const state = rowState(row, draft, language);
    if (!state.changed) continue;
    if (state.blocked) {
      blocked.push(row.indicatorCode);
      continue;
    }
    entries.push({
      indicatorCode: row.indicatorCode,
      ...state.numbers,
      comment: draft.comment.trim() || null,
      acknowledgeWarnings: state.check.warnings.length > 0,
    });
  }
  return { entries, blocked };
}

/** The violations of a refused save (the details of a 422), by indicator. */
export function violationsByIndicator(details: unknown): Map<string, AggregateViolation[]> {
  const result = new Map<string, AggregateViolation[]>();
  const list = (details as { violations?: unknown } | undefined)?.violations;
  if (!Array.isArray(list)) return result;
  for (const item of list) {
    const parsed = AggregateViolation.safeParse(item);
    if (!parsed.success) continue;
    result.set(parsed.data.indicatorCode, [...(result.get(parsed.data.indicatorCode) ?? []), parsed.data]);
  }
  return result;
}

/** An indicator's value as the form shows it: grouped, at most two decimals (a count none). */
export function formatEnteredValue(value: number, unit: IndicatorUnit, language: Language): string {
  return new Intl.NumberFormat(numberLocale(language), {
    maximumFractionDigits: unit === 'count' ? 0 : 2,
  }).format(value);
}

export const periodKinds = ['year', 'H1', 'H2'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export function periodCode(year: number, kind: PeriodKind): PeriodCode {
  return kind === 'year' ? String(year) : `${year}${kind}`;
}

export function splitPeriod(code: PeriodCode): { year: number; kind: PeriodKind } {
  const year = Number(code.slice(0, 4));
  const half = code.slice(4);
  return { year, kind: half === 'H1' || half === 'H2' ? half : 'year' };
}

/** The year being reported: the current one (the year's report is made in its last weeks). */
export function defaultPeriod(today: PlainDate): PeriodCode {
  return today.slice(0, 4);
}
