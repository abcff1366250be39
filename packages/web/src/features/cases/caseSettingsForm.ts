import {
  assertNever,
  isPlainDate,
  type CaseDeadlineCode,
  type CaseSettings,
  type CaseSettingsInput,
} from '@treem/shared';
import type { Messages } from '../../i18n/vi.ts';

/*
 * The province's case settings as a form: one amount per deadline of the national catalogue, and two lists of
 * dates. The rules are the server's (`applyDeadlineOverrides`, `CaseSettingsInput`): an amount is a whole number
 * from 1 up to the deadline's maximum — a statutory deadline may be shortened, never lengthened — and a day is
 * either a local day off or a worked day, not both. Checked here first so the administrator sees each problem
 * beside its field before anything is sent.
 */

export interface SettingsValues {
  /** null while the input is emptied. */
  amounts: Partial<Record<CaseDeadlineCode, number | null>>;
  extraDaysOff: string[];
  extraWorkingDays: string[];
}

export type SettingsIssueCode =
  | 'required'
  | 'not_a_whole_number'
  | 'below_minimum'
  | 'above_maximum'
  | 'invalid_date'
  | 'day_both_off_and_working';

export interface SettingsIssue {
  /** `amounts.plan_draft`, `extraWorkingDays`… — the form's field. */
  path: string;
  code: SettingsIssueCode;
}

export function settingsValues(settings: CaseSettings): SettingsValues {
  return {
    amounts: Object.fromEntries(settings.deadlines.map((deadline) => [deadline.code, deadline.amount])),
    extraDaysOff: [...settings.extraDaysOff],
    extraWorkingDays: [...settings.extraWorkingDays],
  };
}

export function settingsIssues(values: SettingsValues, settings: CaseSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  for (const deadline of settings.deadlines) {
    const amount = values.amounts[deadline.code];
    const path = `amounts.${deadline.code}`;
    if (amount === null || amount === undefined) issues.push({ path, code: 'required' });
    else if (!Number.isInteger(amount)) issues.push({ path, code: 'not_a_whole_number' });
    else if (amount < 1) issues.push({ path, code: 'below_minimum' });
    else if (amount > deadline.maxAmount) issues.push({ path, code: 'above_maximum' });
  }
  for (const field of ['extraDaysOff', 'extraWorkingDays'] as const) {
    if (values[field].some((day) => !isPlainDate(day))) issues.push({ path: field, code: 'invalid_date' });
  }
  if (values.extraWorkingDays.some((day) => values.extraDaysOff.includes(day)))
    issues.push({ path: 'extraWorkingDays', code: 'day_both_off_and_working' });
  return issues;
}

/**
 * The request: every amount as an override (the server keeps only those that differ from the law, so a later
 * change of the national catalogue still applies), and each list without repeats, in date order.
 */
export function settingsInput(values: SettingsValues): CaseSettingsInput {
  const overrides: Partial<Record<CaseDeadlineCode, number>> = {};
  for (const [code, amount] of Object.entries(values.amounts) as [CaseDeadlineCode, number | null][])
    if (typeof amount === 'number') overrides[code] = amount;
  return {
    deadlineOverrides: overrides,
    extraDaysOff: withDay(values.extraDaysOff),
    extraWorkingDays: withDay(values.extraWorkingDays),
  };
}

/** The list with `day` added (when given), without repeats, in date order. */
export function withDay(days: readonly string[], day?: string): string[] {
  return [...new Set(day ? [...days, day] : days)].sort();
}

/** Issues the server sent (`body.deadlineOverrides.plan_draft`, `body.extraWorkingDays`) on the form's fields. */
export function serverSettingsPath(path: string): string | undefined {
  const segments = path.split('.');
  if (segments[0] !== 'body') return undefined;
  if (segments[1] === 'deadlineOverrides' && segments[2]) return `amounts.${segments[2]}`;
  if (segments[1] === 'extraDaysOff' || segments[1] === 'extraWorkingDays') return segments[1];
  return undefined;
}

export function settingsIssueText(code: SettingsIssueCode, t: Messages): string {
  switch (code) {
    case 'required':
      return t.validation.required;
    case 'not_a_whole_number':
    case 'below_minimum':
    case 'above_maximum':
    case 'invalid_date':
    case 'day_both_off_and_working':
      return t.cases.issues[code];
    default:
      return assertNever(code);
  }
}

/** A field issue of the server in the catalogue's words: a rule's code, or the refinement's message. */
export function serverSettingsIssueText(issue: { code: string; message: string }, t: Messages): string {
  const issues = t.cases.issues;
  for (const key of [issue.code, issue.message])
    if (Object.hasOwn(issues, key)) return issues[key as keyof typeof issues];
  return t.validation.invalidValue;
}
