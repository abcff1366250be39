import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver, UseFormSetError, Path } from 'react-hook-form';
import type {
  ActivityStatus,
  IndicatorStatus,
  IndicatorUnit,
  PlanStatus,
  PlanTargetValue,
  TargetComparator,
} from '@treem/shared';
import type { z } from 'zod';
import { isApiError } from '../../api/ApiError.ts';
import { issueText } from '../../i18n/errorText.ts';
import { formatNumber, type Language } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import { Tag } from '../../ui/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formFieldOf } from './planForms.ts';

type PlanIssue = keyof Messages['plans']['issues'];

/** A field problem's text: the plan rules' own codes first (`year_outside_period`), then the app's. */
export function planIssueText(code: string, t: Messages): string {
  if (code in t.plans.issues) return t.plans.issues[code as PlanIssue];
  return issueText(code, t);
}

function translate(errors: FieldErrors, t: Messages): void {
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== 'object') continue;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message in t.plans.issues) {
      (value as { message: string }).message = t.plans.issues[message as PlanIssue];
    }
    translate(value as FieldErrors, t);
  }
}

/**
 * The zod resolver of a plan form, with the cross-field rules' codes (`period_end_before_start`) turned into the
 * catalogue's sentences.
 */
export function planResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  t: Messages,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  const resolve = zodResolver(schema) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    translate(result.errors, t);
    return result;
  };
}

/** Puts a refused save's field issues on the form's fields (`body.legalBasis.1` → `legalBasisText`). */
export function applyPlanErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: Messages,
  renamed: Record<string, string> = {},
): void {
  if (!isApiError(error)) return;
  for (const issue of error.issues ?? []) {
    // A cross-field rule of the API's schema says its code as its message.
    const code = issue.code === 'custom' ? issue.message : issue.code;
    setError(formFieldOf(issue.path, renamed) as Path<T>, {
      type: 'server',
      message: planIssueText(code, t),
    });
  }
}

const planStatusColours: Record<PlanStatus, string> = { draft: 'default', in_force: 'green', closed: 'blue' };
const activityStatusColours: Record<ActivityStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'error',
};
const indicatorStatusColours: Record<IndicatorStatus, string> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
  no_target: 'default',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <Tag color={planStatusColours[status]}>{t.plans.statuses[status]}</Tag>;
}

export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useI18n();
  return <Tag color={activityStatusColours[status]}>{t.plans.activityStatuses[status]}</Tag>;
}

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return <Tag color={indicatorStatusColours[status]}>{t.plans.indicatorStatuses[status]}</Tag>;
}

/** The short sign after a number ("%", "‰"); none for a count or a yes/no. */
function unitSign(unit: IndicatorUnit, t: Messages): string {
  return unit in t.plans.unitsShort ? t.plans.unitsShort[unit as keyof Messages['plans']['unitsShort']] : '';
}

const comparatorSymbols: Record<TargetComparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
};

/** A number in the language's notation, with the unit's short sign: "≥ 99,5%", "< 1,5‰", "2–3%/năm". */
export function formatTargetValue(
  value: PlanTargetValue,
  comparator: TargetComparator | null,
  unit: IndicatorUnit,
  t: Messages,
  language: Language,
): string {
  if (typeof value.value === 'boolean') return value.value ? t.common.yes : t.common.no;
  const sign = unitSign(unit, t);
  const number = formatNumber(value.value, language);
  const figure =
    value.valueMax !== undefined ? `${number}–${formatNumber(value.valueMax, language)}` : number;
  const which = value.comparator ?? comparator;
  return `${which && which !== '=' ? `${comparatorSymbols[which]} ` : ''}${figure}${sign}`;
}

/** A current value in the language's notation, one decimal at most. */
export function formatCurrent(
  value: number | null,
  unit: IndicatorUnit,
  t: Messages,
  language: Language,
): string {
  if (value === null) return '—';
  return `${formatNumber(Math.round(value * 10) / 10, language)}${unitSign(unit, t)}`;
}

/** A group of a target as people read it ("rural" → "Nông thôn"); a group the catalogue does not know, as written. */
export function groupName(group: string, t: Messages): string {
  return group in t.plans.groups ? t.plans.groups[group as keyof Messages['plans']['groups']] : group;
}

/** "2021–2030", or one year. */
export function periodText(start: number, end: number, t: Messages): string {
  return start === end
    ? String(start)
    : t.plans.period.replace('{start}', String(start)).replace('{end}', String(end));
}
