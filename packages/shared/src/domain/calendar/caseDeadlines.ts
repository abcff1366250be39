import { z } from 'zod';
import { assertNever } from '../assertNever.ts';
import { isPlainDate, plainDateInZone, VIETNAM_TIME_ZONE, type PlainDate } from '../plainDate.ts';
import type { WorkingCalendar } from './workingCalendar.ts';

const HOUR_MS = 3_600_000;
// Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975; a test checks this against the time-zone
// database for every year the holiday data covers.
const VIETNAM_UTC_OFFSET_MS = 7 * HOUR_MS;

/** The last instant of a calendar day in Vietnam: 23:59:59.999 there, which is 16:59:59.999 UTC. */
export function endOfDayInVietnam(date: PlainDate): Date {
  if (!isPlainDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1) - VIETNAM_UTC_OFFSET_MS - 1);
}

/**
 * A period counted in hours runs from the event's exact instant (Bộ luật Dân sự 2015, Điều 147 khoản 1), nights,
 * weekends and holidays included: an emergency does not wait for Monday. Vietnam has no daylight saving, so
 * 12 hours on the clock are 12 elapsed hours.
 */
export function hoursAfter(from: Date, hours: number): Date {
  checkedInstant(from, 'from');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
  return new Date(from.getTime() + hours * HOUR_MS);
}

/**
 * The due instant of a period of `n` working days that starts with an event at `from`.
 *
 * - The event's day is its calendar day in Vietnam, whatever the server's time zone: an intake at 23:30 on a
 *   Friday in Hà Nội is a Friday event, although UTC still says Friday 16:30; one at 00:30 on Saturday is a
 *   Saturday event, although UTC says Friday 17:30.
 * - The event's day never counts; day 1 is the first working day after it (Bộ luật Dân sự 2015, Điều 147
 *   khoản 3: when a period starts with an event, counting starts on the day after the event).
 * - Only working days count (Monday–Friday, less holidays, compensatory and bridge days, plus the Saturdays worked
 *   for a swap, plus the province's own days): the calendar decides.
 * - The period ends at the end of the n-th working day, 23:59:59.999 in Vietnam (Điều 148 khoản 1 and 6: a period
 *   counted in days ends when its last day ends, at 24:00). The n-th working day is never a day off, so the rule
 *   that moves an end falling on a day off (Điều 148 khoản 5) never applies.
 */
export function workingDaysAfter(from: Date, n: number, calendar: WorkingCalendar): Date {
  checkedInstant(from, 'from');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  const eventDay = plainDateInZone(from, VIETNAM_TIME_ZONE);
  return endOfDayInVietnam(calendar.addWorkingDays(eventDay, n));
}

export const deadlineStates = ['on_time', 'due_soon', 'overdue'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

/**
 * When a deadline counts as due soon: at most `hours` before it, or on one of the last `workingDays` working days
 * before its day (0 = on its day only). Either condition is enough.
 */
export interface DueSoonWindow {
  readonly hours?: number;
  readonly workingDays?: number;
}

/** Where an open deadline stands at `now`. It is overdue only strictly after `due`: on the instant itself it is not. */
export function deadlineState(now: Date, due: Date, soon: { readonly hours?: number }): DeadlineState;
export function deadlineState(
  now: Date,
  due: Date,
  soon: DueSoonWindow,
  calendar: WorkingCalendar,
): DeadlineState;
export function deadlineState(
  now: Date,
  due: Date,
  soon: DueSoonWindow,
  calendar?: WorkingCalendar,
): DeadlineState {
  checkedInstant(now, 'now');
  checkedInstant(due, 'due');
  if (now.getTime() > due.getTime()) return 'overdue';
  if (soon.hours !== undefined) {
    if (!Number.isFinite(soon.hours) || soon.hours < 0) throw new RangeError('soon.hours must be ≥ 0');
    if (due.getTime() - now.getTime() <= soon.hours * HOUR_MS) return 'due_soon';
  }
  if (soon.workingDays !== undefined) {
    if (!Number.isInteger(soon.workingDays) || soon.workingDays < 0) {
      throw new RangeError('soon.workingDays must be a whole number ≥ 0');
    }
    if (!calendar) throw new TypeError('soon.workingDays needs a working calendar');
    const left = calendar.workingDaysBetween(
      plainDateInZone(now, VIETNAM_TIME_ZONE),
      plainDateInZone(due, VIETNAM_TIME_ZONE),
    );
    if (left <= soon.workingDays) return 'due_soon';
  }
  return 'on_time';
}

export const deadlineOutcomes = ['met', 'late'] as const;
export type DeadlineOutcome = (typeof deadlineOutcomes)[number];

/** A deadline met at `completedAt`: on the due instant itself is still in time. */
export function deadlineOutcome(due: Date, completedAt: Date): DeadlineOutcome {
  checkedInstant(due, 'due');
  checkedInstant(completedAt, 'completedAt');
  return completedAt.getTime() <= due.getTime() ? 'met' : 'late';
}

export const caseDeadlineCodes = [
  'urgent_intervention',
  'plan_draft',
  'plan_approval',
  'care_handover',
  'referral_response',
] as const;
export const CaseDeadlineCode = z.enum(caseDeadlineCodes);
export type CaseDeadlineCode = z.infer<typeof CaseDeadlineCode>;

export type CaseDeadlineKind = 'hours' | 'working_days';

/** The event a deadline counts from; the server stores the instant of each. */
export type CaseDeadlineAnchor = 'intake' | 'plan_submission' | 'care_decision' | 'referral_sent';

export interface CaseDeadlineRule {
  readonly code: CaseDeadlineCode;
  readonly kind: CaseDeadlineKind;
  readonly amount: number;
  readonly from: CaseDeadlineAnchor;
  /** Set by law. A province may shorten a statutory deadline, never lengthen it. */
  readonly statutory: boolean;
  /** The largest amount a province may set: the law's own number for a statutory deadline. */
  readonly maxAmount: number;
  readonly legalBasis: string;
  readonly name: { readonly vi: string; readonly en: string };
}

export type CaseDeadlineCatalogue = Readonly<Record<CaseDeadlineCode, CaseDeadlineRule>>;

/** The case-management deadlines of Decree 56/2017/NĐ-CP, with their legal basis (docs/case-deadlines.md). */
export const caseDeadlineCatalogue: CaseDeadlineCatalogue = {
  urgent_intervention: {
    code: 'urgent_intervention',
    kind: 'hours',
    amount: 12,
    from: 'intake',
    statutory: true,
    maxAmount: 12,
    legalBasis: 'Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3, Điều 31',
    name: {
      vi: 'Can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em',
      en: 'Urgent intervention or temporary separation',
    },
  },
  // Art. 28(1) gives 5 working days "except emergencies" without naming the event they run from. We count from
  // intake, not from the end of the specific assessment: it is the earliest reading, so the child is never
  // waiting on our interpretation, and the commune procedures describe the assessment as part of those 5 days.
  plan_draft: {
    code: 'plan_draft',
    kind: 'working_days',
    amount: 5,
    from: 'intake',
    statutory: true,
    maxAmount: 5,
    legalBasis: 'Nghị định 56/2017/NĐ-CP, Điều 28 khoản 1',
    name: { vi: 'Xây dựng kế hoạch hỗ trợ, can thiệp', en: 'Draft the support and intervention plan' },
  },
  plan_approval: {
    code: 'plan_approval',
    kind: 'working_days',
    amount: 7,
    from: 'plan_submission',
    statutory: true,
    maxAmount: 7,
    legalBasis:
      'Nghị định 56/2017/NĐ-CP, Điều 28; thủ tục hành chính "Phê duyệt kế hoạch hỗ trợ, can thiệp" (07 ngày làm việc)',
    name: { vi: 'Phê duyệt kế hoạch hỗ trợ, can thiệp', en: 'Approve the support and intervention plan' },
  },
  care_handover: {
    code: 'care_handover',
    kind: 'working_days',
    amount: 15,
    from: 'care_decision',
    statutory: true,
    maxAmount: 15,
    legalBasis:
      'Luật Trẻ em 2016; Nghị định 56/2017/NĐ-CP; thủ tục cấp xã về chăm sóc thay thế (giao, nhận trẻ em trong 15 ngày làm việc kể từ ngày ban hành quyết định)',
    name: {
      vi: 'Giao, nhận trẻ em cho người nhận chăm sóc thay thế',
      en: 'Hand the child over to the alternative carer',
    },
  },
  referral_response: {
    code: 'referral_response',
    kind: 'working_days',
    amount: 2,
    from: 'referral_sent',
    statutory: false,
    maxAmount: 20,
    legalBasis: 'Không có thời hạn luật định: mức phục vụ do tỉnh đặt',
    name: { vi: 'Phản hồi chuyển gửi', en: 'Respond to a referral' },
  },
};

/** The instant a deadline falls due, given the instant of the event it counts from. */
export function caseDeadlineDue(rule: CaseDeadlineRule, from: Date, calendar: WorkingCalendar): Date {
  switch (rule.kind) {
    case 'hours':
      return hoursAfter(from, rule.amount);
    case 'working_days':
      return workingDaysAfter(from, rule.amount, calendar);
    default:
      return assertNever(rule.kind);
  }
}

/** A province's amounts, by deadline code: `{ plan_draft: 3 }`. */
export const CaseDeadlineOverrides = z.partialRecord(CaseDeadlineCode, z.number());
export type CaseDeadlineOverrides = z.infer<typeof CaseDeadlineOverrides>;

export interface DeadlineOverrideIssue {
  /** The deadline code the issue is about. */
  readonly path: string;
  readonly code: 'unknown_deadline' | 'not_a_whole_number' | 'below_minimum' | 'above_maximum';
}

export type DeadlineOverrideResult =
  | { readonly ok: true; readonly catalogue: CaseDeadlineCatalogue }
  | { readonly ok: false; readonly issues: readonly DeadlineOverrideIssue[] };

/**
 * The catalogue with a province's amounts. Every amount must be a whole number from 1 to the rule's `maxAmount`;
 * settings read back from storage are checked again here, since nothing typed them on the way in.
 */
export function applyDeadlineOverrides(
  catalogue: CaseDeadlineCatalogue,
  overrides: CaseDeadlineOverrides,
): DeadlineOverrideResult {
  const issues: DeadlineOverrideIssue[] = [];
  const result: Record<CaseDeadlineCode, CaseDeadlineRule> = { ...catalogue };
  for (const [path, amount] of Object.entries(overrides) as [string, unknown][]) {
    const parsed = CaseDeadlineCode.safeParse(path);
    if (!parsed.success) {
      issues.push({ path, code: 'unknown_deadline' });
      continue;
    }
    if (amount === undefined) continue;
    const rule = catalogue[parsed.data];
    if (typeof amount !== 'number' || !Number.isInteger(amount)) {
      issues.push({ path, code: 'not_a_whole_number' });
    } else if (amount < 1) {
      issues.push({ path, code: 'below_minimum' });
    } else if (amount > rule.maxAmount) {
      issues.push({ path, code: 'above_maximum' });
    } else {
      result[parsed.data] = { ...rule, amount };
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, catalogue: result };
}

function checkedInstant(instant: Date, name: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} is not a valid instant`);
  }
}
