import {
  caseDeadlineDue,
  endOfDayInVietnam,
  type CaseDueKind,
  type CaseDueState,
  type CaseStep,
  type PlainDate,
} from '@treem/shared';
import { nationalDeadlineRules, type DeadlineRules } from './caseSettings.ts';

/**
 * The deadline a case's current step runs against (docs/child-protection.md, "Deadlines"):
 * - received: the initial assessment, within 12 hours of the report, so that an urgent case can still be acted on
 *   in time (Decree 56, Arts. 26(3), 31(1): intervention within 12 hours of receiving the information);
 * - emergency: the intervention itself, the same 12 hours;
 * - assessing, planning: the plan's draft, 5 working days from the report (Art. 28);
 * - awaiting_approval: the leader's decision, 7 working days from the plan's submission (the procedure's time);
 * - implementing: the review date set by the plan or the last review;
 * - closure_proposed, closed: none.
 */
export interface Deadline {
  dueAt: Date | null;
  dueKind: CaseDueKind | null;
  /** The plan's draft deadline, kept across the steps before the plan. */
  planDueAt: Date | null;
}

export interface DeadlineInput {
  step: CaseStep;
  receivedAt: Date;
  now: Date;
  /** The plan deadline already set (kept while the case moves from assessment to planning). */
  planDueAt?: Date | null;
  /** For implementing: the next review date. */
  reviewOn?: PlainDate | null;
  /** A re-plan or a reopening starts a new draft period from now. */
  restartPlanPeriod?: boolean;
  /** The province's deadlines and working days (`deadlineRulesFor`); the national ones when left out. */
  rules?: DeadlineRules;
}

export function stepDeadline(input: DeadlineInput): Deadline {
  const { calendar, catalogue: rules } = input.rules ?? nationalDeadlineRules();
  const start = input.restartPlanPeriod ? input.now : input.receivedAt;
  const planDueAt =
    input.restartPlanPeriod || !input.planDueAt
      ? caseDeadlineDue(rules.plan_draft, start, calendar)
      : input.planDueAt;
  const urgentDue = caseDeadlineDue(rules.urgent_intervention, start, calendar);
  switch (input.step) {
    case 'received':
      return { dueAt: urgentDue, dueKind: 'initial_assessment', planDueAt };
    case 'emergency':
      return { dueAt: urgentDue, dueKind: 'urgent_intervention', planDueAt };
    case 'assessing':
    case 'planning':
      return { dueAt: planDueAt, dueKind: 'plan_draft', planDueAt };
    case 'awaiting_approval':
      return {
        dueAt: caseDeadlineDue(rules.plan_approval, input.now, calendar),
        dueKind: 'plan_approval',
        planDueAt,
      };
    case 'implementing':
      return {
        dueAt: input.reviewOn ? endOfDayInVietnam(input.reviewOn) : null,
        dueKind: input.reviewOn ? 'review' : null,
        planDueAt,
      };
    case 'closure_proposed':
    case 'closed':
      return { dueAt: null, dueKind: null, planDueAt };
  }
}

/** How long before its deadline a step shows as due soon: 3 hours for the 12-hour clocks, 2 days otherwise. */
export function dueSoonWindowMs(kind: CaseDueKind): number {
  return kind === 'urgent_intervention' || kind === 'initial_assessment' ? 3 * 3_600_000 : 2 * 86_400_000;
}

export function dueStateAt(now: Date, dueAt: Date, kind: CaseDueKind): CaseDueState {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if (dueAt.getTime() - now.getTime() <= dueSoonWindowMs(kind)) return 'due_soon';
  return 'on_time';
}
