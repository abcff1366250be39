import { sectors, type OrgLevel, type Role, type Sector } from '../../permissions.ts';
import { findIndicator } from './catalogue.ts';
import { outlierCheck } from './outliers.ts';
import { unitFactor, type AggregateEntry, type IndicatorDefinition } from './types.ts';

/**
 * The validation rules of aggregate entry (docs/aggregate-entry.md, "Rules"). Errors block the entry; warnings
 * are shown and need a comment to be saved. Each rule has a stable code and its Vietnamese and English messages,
 * so the API and the form say the same thing.
 */
export const entryErrorCodes = [
  'NEGATIVE',
  'NOT_WHOLE_NUMBER',
  'NUMERATOR_ABOVE_DENOMINATOR',
  'DENOMINATOR_ZERO',
  'MISSING_VALUE',
  'OUT_OF_RANGE',
  'TOO_LARGE',
  'NOT_ONE_OR_ZERO',
] as const;
export type EntryErrorCode = (typeof entryErrorCodes)[number];

export const entryWarningCodes = ['CHANGED_FROM_LAST_PERIOD', 'OUTLIER'] as const;
export type EntryWarningCode = (typeof entryWarningCodes)[number];

export const entryMessages: Record<EntryErrorCode | EntryWarningCode, { vi: string; en: string }> = {
  NEGATIVE: { vi: 'Số liệu không được âm.', en: 'The number cannot be negative.' },
  NOT_WHOLE_NUMBER: { vi: 'Số đếm phải là số nguyên.', en: 'A count must be a whole number.' },
  NUMERATOR_ABOVE_DENOMINATOR: {
    vi: 'Tử số không được lớn hơn mẫu số.',
    en: 'The numerator cannot exceed the denominator.',
  },
  DENOMINATOR_ZERO: {
    vi: 'Mẫu số bằng 0 thì tử số cũng phải bằng 0.',
    en: 'With a denominator of 0 the numerator must be 0.',
  },
  MISSING_VALUE: { vi: 'Cần nhập đủ số liệu.', en: 'Every number is required.' },
  OUT_OF_RANGE: { vi: 'Giá trị nằm ngoài khoảng cho phép.', en: 'The value is outside the allowed range.' },
  TOO_LARGE: {
    vi: 'Số liệu lớn bất thường (quá 10 triệu), vui lòng kiểm tra lại.',
    en: 'The number is implausibly large (over 10 million).',
  },
  NOT_ONE_OR_ZERO: {
    vi: 'Chỉ nhập 1 (có) hoặc 0 (không) cho mỗi xã.',
    en: 'Enter 1 (yes) or 0 (no) for each commune.',
  },
  CHANGED_FROM_LAST_PERIOD: {
    vi: 'Giá trị thay đổi hơn 50% so với kỳ trước. Vui lòng kiểm tra và ghi chú lý do.',
    en: 'The value changed by more than 50 % from the last period. Check it and comment.',
  },
  OUTLIER: {
    vi: 'Giá trị khác thường so với các kỳ trước (trung vị/MAD). Vui lòng kiểm tra và ghi chú lý do.',
    en: 'The value is unusual against earlier periods (median/MAD). Check it and comment.',
  },
};

export const MAX_ENTERED_NUMBER = 10_000_000;
export const CHANGE_WARNING_RATIO = 0.5;

export interface EnteredNumbers {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export type EntryField = 'numerator' | 'denominator' | 'value';

export interface EntryIssue<C> {
  code: C;
  field: EntryField;
}

/** The numbers a kind of entry takes: a numerator and a denominator, a count (kept as the numerator), or a value. */
export function entryFields(entry: AggregateEntry): readonly EntryField[] {
  switch (entry.fields) {
    case 'ratio':
      return ['numerator', 'denominator'];
    case 'count':
      return ['numerator'];
    case 'value':
      return ['value'];
  }
}

/** Only the numbers the kind takes; the others are null whatever was sent. */
export function usedNumbers(entry: AggregateEntry, numbers: EnteredNumbers): EnteredNumbers {
  const fields = entryFields(entry);
  return {
    numerator: fields.includes('numerator') ? numbers.numerator : null,
    denominator: fields.includes('denominator') ? numbers.denominator : null,
    value: fields.includes('value') ? numbers.value : null,
  };
}

/** The indicator's value from entered numbers (null when it cannot be computed). */
export function enteredValue(
  indicator: IndicatorDefinition,
  entry: AggregateEntry,
  numbers: EnteredNumbers,
): number | null {
  if (entry.fields === 'value') return numbers.value;
  if (entry.fields === 'count') return numbers.numerator;
  if (numbers.numerator === null || numbers.denominator === null || numbers.denominator === 0) return null;
  return (numbers.numerator / numbers.denominator) * unitFactor[indicator.unit];
}

/** Blocking errors: impossible numbers. */
export function entryErrors(
  entry: AggregateEntry,
  numbers: EnteredNumbers,
  oneOrZero = false,
): EntryIssue<EntryErrorCode>[] {
  const errors: EntryIssue<EntryErrorCode>[] = [];
  for (const field of entryFields(entry)) {
    const number = numbers[field];
    if (number === null || !Number.isFinite(number)) {
      errors.push({ code: 'MISSING_VALUE', field });
      continue;
    }
    if (field === 'value') {
      if (
        (entry.min !== undefined && number < entry.min) ||
        (entry.max !== undefined && number > entry.max)
      ) {
        errors.push({ code: 'OUT_OF_RANGE', field });
      }
      continue;
    }
    if (number < 0) errors.push({ code: 'NEGATIVE', field });
    else if (!Number.isInteger(number)) errors.push({ code: 'NOT_WHOLE_NUMBER', field });
    else if (number > MAX_ENTERED_NUMBER) errors.push({ code: 'TOO_LARGE', field });
  }
  if (errors.length === 0 && entry.fields === 'ratio') {
    const { numerator, denominator } = numbers as { numerator: number; denominator: number };
    if (oneOrZero && denominator !== 1) errors.push({ code: 'NOT_ONE_OR_ZERO', field: 'denominator' });
    else if (oneOrZero && numerator !== 0 && numerator !== 1)
      errors.push({ code: 'NOT_ONE_OR_ZERO', field: 'numerator' });
    else if (denominator === 0 && numerator > 0)
      errors.push({ code: 'DENOMINATOR_ZERO', field: 'denominator' });
    else if (numerator > denominator)
      errors.push({ code: 'NUMERATOR_ABOVE_DENOMINATOR', field: 'numerator' });
  }
  return errors;
}

/** Warnings: possible but unusual numbers, against the unit's own history of the indicator's value. */
export function entryWarnings(
  value: number | null,
  lastPeriodValue: number | null,
  history: readonly number[],
): EntryIssue<EntryWarningCode>[] {
  if (value === null) return [];
  const warnings: EntryIssue<EntryWarningCode>[] = [];
  if (lastPeriodValue !== null && lastPeriodValue !== 0) {
    if (Math.abs(value - lastPeriodValue) / Math.abs(lastPeriodValue) > CHANGE_WARNING_RATIO) {
      warnings.push({ code: 'CHANGED_FROM_LAST_PERIOD', field: 'value' });
    }
  }
  if (outlierCheck(value, history).outlier) warnings.push({ code: 'OUTLIER', field: 'value' });
  return warnings;
}

/** Indicators entered as "1 = yes, 0 = no" per commune (a share of communes). */
export const oneOrZeroIndicators: readonly string[] = ['NPA-01', 'NPA-21'];

export function entryFor(code: string): { indicator: IndicatorDefinition; entry: AggregateEntry } | null {
  const indicator = findIndicator(code);
  if (!indicator) return null;
  if (indicator.kind === 'aggregate') return { indicator, entry: indicator.entry };
  if (indicator.kind === 'derived' && indicator.entry) return { indicator, entry: indicator.entry };
  return null;
}

/** What a check of one entry finds: the indicator's value from the numbers, the errors and the warnings. */
export interface EntryCheck {
  value: number | null;
  errors: EntryIssue<EntryErrorCode>[];
  warnings: EntryIssue<EntryWarningCode>[];
}

/**
 * Every rule for one entry of an entered indicator, as the server and the form apply them. Warnings are looked for
 * only when there is no error: an impossible number needs fixing, not a comment.
 * `history` is the unit's values of the indicator in earlier periods of the same type (the last one included).
 */
export function checkEntry(
  code: string,
  numbers: EnteredNumbers,
  lastPeriodValue: number | null,
  history: readonly number[],
): EntryCheck {
  const found = entryFor(code);
  if (!found) throw new Error(`not an entered indicator: ${code}`);
  const used = usedNumbers(found.entry, numbers);
  const errors = entryErrors(found.entry, used, oneOrZeroIndicators.includes(code));
  if (errors.length > 0) return { value: null, errors, warnings: [] };
  const value = enteredValue(found.indicator, found.entry, used);
  return { value, errors, warnings: entryWarnings(value, lastPeriodValue, history) };
}

/** Warnings may be saved only once acknowledged with a comment saying why the number is right. */
export function warningsResolved(
  warnings: readonly EntryIssue<EntryWarningCode>[],
  acknowledged: boolean,
  comment: string | null | undefined,
): boolean {
  return warnings.length === 0 || (acknowledged && (comment ?? '').trim() !== '');
}

/**
 * The sectors whose indicators a role enters (docs/aggregate-entry.md, "Who enters what"): the health station for
 * health, the school for education, the commune's culture-social office (the commune worker) for social
 * protection and culture, a province officer for their own department, the province administrator for all.
 */
export function entrySectorsOf(role: Role, sector: Sector | null): readonly Sector[] {
  switch (role) {
    case 'province_admin':
      return sectors;
    case 'province_officer':
      return sector ? [sector] : [];
    case 'commune_worker':
      return ['social_protection', 'culture'];
    case 'health_worker':
      return ['health'];
    case 'school_staff':
      return ['education'];
    case 'system_admin':
    case 'commune_leader':
    case 'village_collaborator':
    case 'viewer':
      return [];
  }
}

/** An indicator is entered by each commune or by the province once; never by a village, district or the country. */
export function entryLevelFits(entry: AggregateEntry, level: OrgLevel): boolean {
  return entry.level === level;
}
