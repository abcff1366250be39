import {
  CaseAction,
  caseActionIssues,
  PlanActionInput,
  PlanGoal,
  VIETNAM_TIME_ZONE,
  type CaseActionType,
  type CaseEventDto,
  type CloseReason,
  type FieldIssue,
  type PlainDate,
  type ReviewConclusion,
  type RiskItem,
  type RiskLevel,
} from '@treem/shared';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { issueText } from '../../i18n/errorText.ts';
import type { Messages } from '../../i18n/vi.ts';

/*
 * The "next step" forms of a case. Each action's form holds exactly the fields of its `CaseAction` schema (a date
 * and a time in place of the emergency's instant); the form is checked by the shared schema and the shared rules
 * across fields (`caseActionIssues`), so the screen refuses what the server would refuse, in the same words.
 */

type Ratings = Partial<Record<RiskItem, RiskLevel>>;

export interface PlanGoalValues {
  text: string;
}

export interface PlanActionValues {
  description: string;
  responsible: string;
  dueOn: string | undefined;
  serviceCode: string | null;
}

export interface ActionValues {
  assess_initial: { verified: boolean | null; urgent: boolean | null; ratings: Ratings; findings: string };
  record_emergency: {
    measures: string;
    separated: boolean | null;
    intervenedOn: string | undefined;
    /** HH:mm, Viet Nam time. */
    intervenedTime: string;
  };
  assess_specific: {
    needs: string;
    meetingOn: string | undefined;
    meetingParticipants: string;
    conclusions: string;
  };
  submit_plan: { goals: PlanGoalValues[]; actions: PlanActionValues[]; reviewOn: string | undefined };
  approve_plan: { decisionNumber: string; decidedOn: string | undefined };
  return_plan: { reason: string };
  review: {
    ratings: Ratings;
    conclusion: ReviewConclusion | undefined;
    findings: string;
    nextReviewOn: string | null | undefined;
  };
  close: { reason: CloseReason | undefined; note: string | null };
  keep_open: { reason: string };
  reopen: { reason: string };
}

/** The plan last submitted on the case, to start a re-plan (or a returned plan) from it. */
export interface SubmittedPlan {
  goals: PlanGoalValues[];
  actions: PlanActionValues[];
  reviewOn: string | undefined;
}

export interface FormContext {
  today: PlainDate;
  now: Date;
  previousPlan?: SubmittedPlan | undefined;
}

const emptyAction = (): PlanActionValues => ({
  description: '',
  responsible: '',
  dueOn: undefined,
  serviceCode: null,
});

/** The date and the HH:mm time of an instant in Viet Nam, whatever the browser's zone. */
export function vietnamClock(instant: Date): { date: PlainDate; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

const timePattern = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `2026-03-01` + `7:05` → `2026-03-01T07:05:00+07:00`: the time is Viet Nam's, as the official wrote it. */
export function vietnamInstant(date: string, time: string): string | undefined {
  const match = timePattern.exec(time.trim());
  if (!match) return undefined;
  return `${date}T${match[1]!.padStart(2, '0')}:${match[2]}:00+07:00`;
}

export function defaultActionValues<T extends CaseActionType>(
  type: T,
  context: FormContext,
): ActionValues[T] {
  const values: { [K in CaseActionType]: () => ActionValues[K] } = {
    assess_initial: () => ({ verified: null, urgent: null, ratings: {}, findings: '' }),
    record_emergency: () => {
      const clock = vietnamClock(context.now);
      return { measures: '', separated: null, intervenedOn: clock.date, intervenedTime: clock.time };
    },
    assess_specific: () => ({
      needs: '',
      meetingOn: context.today,
      meetingParticipants: '',
      conclusions: '',
    }),
    submit_plan: () =>
      context.previousPlan
        ? structuredClone(context.previousPlan)
        : { goals: [{ text: '' }], actions: [emptyAction()], reviewOn: undefined },
    approve_plan: () => ({ decisionNumber: '', decidedOn: context.today }),
    return_plan: () => ({ reason: '' }),
    review: () => ({ ratings: {}, conclusion: undefined, findings: '', nextReviewOn: null }),
    close: () => ({ reason: undefined, note: null }),
    keep_open: () => ({ reason: '' }),
    reopen: () => ({ reason: '' }),
  };
  return values[type]();
}

/** The action the form's values stand for, before it is checked. */
export function actionCandidate<T extends CaseActionType>(type: T, values: ActionValues[T]): unknown {
  const v = values as ActionValues[CaseActionType] & Record<string, unknown>;
  switch (type) {
    case 'assess_initial': {
      const a = v as ActionValues['assess_initial'];
      // A report found untrue has nothing to rate and nothing urgent.
      return {
        type,
        verified: a.verified,
        urgent: a.verified ? a.urgent : false,
        ratings: a.verified ? a.ratings : null,
        findings: a.findings,
      };
    }
    case 'record_emergency': {
      const a = v as ActionValues['record_emergency'];
      return {
        type,
        measures: a.measures,
        separated: a.separated,
        intervenedAt: a.intervenedOn ? vietnamInstant(a.intervenedOn, a.intervenedTime) : undefined,
      };
    }
    case 'submit_plan': {
      const a = v as ActionValues['submit_plan'];
      return {
        type,
        goals: a.goals,
        actions: a.actions.map((action) => ({ ...action, serviceCode: action.serviceCode || null })),
        reviewOn: a.reviewOn,
      };
    }
    case 'review': {
      const a = v as ActionValues['review'];
      return {
        type,
        ratings: a.ratings,
        conclusion: a.conclusion,
        findings: a.findings,
        nextReviewOn: a.conclusion === 'continue' ? (a.nextReviewOn ?? null) : null,
      };
    }
    case 'close': {
      const a = v as ActionValues['close'];
      return { type, reason: a.reason, note: a.note?.trim() ? a.note : null };
    }
    case 'assess_specific':
    case 'approve_plan':
    case 'return_plan':
    case 'keep_open':
    case 'reopen':
      return { type, ...v };
  }
  return { type, ...v };
}

/** Where an issue on the action (`intervenedAt`, `actions.0.dueOn`) shows on the form. */
export function formPath(path: string): string {
  return path === 'intervenedAt' ? 'intervenedTime' : path;
}

/** A rule code of the shared schemas (`ratings_required`, `invalid_date`) in the catalogue's words. */
export function caseIssueText(code: string, t: Messages): string {
  const issues = t.cases.issues;
  return Object.hasOwn(issues, code) ? issues[code as keyof typeof issues] : issueText(code, t);
}

/** A zod message: a rule code is put in words; anything else is already the catalogue's text (./zodErrors.ts). */
export function ruleMessage(message: string, t: Messages): string {
  const issues = t.cases.issues;
  return Object.hasOwn(issues, message) ? issues[message as keyof typeof issues] : message;
}

export interface FormIssue {
  path: string;
  message: string;
}

/** Issues by dotted path → react-hook-form's nested errors. The first issue of a field wins. */
export function nestErrors<T extends FieldValues>(issues: readonly FormIssue[]): FieldErrors<T> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const segments = issue.path.split('.').filter(Boolean);
    if (segments.length === 0) continue;
    let node = errors;
    let blocked = false;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined) node[segment] = {};
      else if (typeof next !== 'object' || next === null || 'message' in next) {
        blocked = true;
        break;
      }
      node = node[segment] as Record<string, unknown>;
    }
    const last = segments.at(-1)!;
    if (!blocked && node[last] === undefined) node[last] = { type: 'validation', message: issue.message };
  }
  return errors as FieldErrors<T>;
}

/** What the form checks beyond the action's schema: the pieces the screen splits (the emergency's date and time). */
function formIssues<T extends CaseActionType>(type: T, values: ActionValues[T], t: Messages): FormIssue[] {
  if (type !== 'record_emergency') return [];
  const v = values as ActionValues['record_emergency'];
  const issues: FormIssue[] = [];
  if (!v.intervenedOn) issues.push({ path: 'intervenedOn', message: t.validation.required });
  if (!timePattern.test(v.intervenedTime.trim()))
    issues.push({
      path: 'intervenedTime',
      message: v.intervenedTime.trim() ? t.cases.issues.invalid_time : t.validation.required,
    });
  return issues;
}

/** Every issue of the form's values, on the form's paths; none means the action may be sent. */
export function checkAction<T extends CaseActionType>(
  type: T,
  values: ActionValues[T],
  t: Messages,
): { action: CaseAction; issues: [] } | { action: undefined; issues: FormIssue[] } {
  const issues = formIssues(type, values, t);
  const parsed = CaseAction.safeParse(actionCandidate(type, values));
  if (parsed.success) {
    for (const issue of caseActionIssues(parsed.data))
      issues.push({ path: issue.path, message: caseIssueText(issue.code, t) });
  } else {
    for (const issue of parsed.error.issues)
      issues.push({ path: formPath(issue.path.join('.')), message: ruleMessage(issue.message, t) });
  }
  if (parsed.success && issues.length === 0) return { action: parsed.data, issues: [] };
  return { action: undefined, issues };
}

/**
 * Checks the form with the action's schema and rules. The form keeps its own values (the submit handler turns
 * them into the action with `checkAction`), so its fields stay typed by what they hold.
 */
export function caseActionResolver<T extends CaseActionType>(
  type: T,
  t: Messages,
): Resolver<ActionValues[T]> {
  return async (values) => {
    const checked = checkAction(type, values, t);
    if (checked.action) return { values, errors: {} };
    return { values: {}, errors: nestErrors<ActionValues[T]>(checked.issues) };
  };
}

/**
 * The server's field issues on an action (`body.action.ratings`, `body.action.actions.0.dueOn`) on the form's
 * paths; issues about anything else (`body.version`) are returned apart, for the form to list.
 */
export function serverActionIssues(
  issues: readonly FieldIssue[],
  t: Messages,
): { placed: FormIssue[]; other: string[] } {
  const placed: FormIssue[] = [];
  const other: string[] = [];
  for (const issue of issues) {
    const message = caseIssueText(issue.code, t);
    if (issue.path.startsWith('body.action.'))
      placed.push({ path: formPath(issue.path.slice('body.action.'.length)), message });
    else other.push(message);
  }
  return { placed, other };
}

const SubmittedPlanData = z.object({
  goals: z.array(PlanGoal),
  actions: z.array(PlanActionInput),
  reviewOn: z.string().optional(),
});

/** The plan of the case's last `submit_plan`, read from its timeline; undefined when there is none to start from. */
export function lastSubmittedPlan(events: readonly CaseEventDto[]): SubmittedPlan | undefined {
  const event = events.findLast((e) => e.kind === 'action:submit_plan');
  const parsed = SubmittedPlanData.safeParse(event?.data);
  if (!parsed.success) return undefined;
  return {
    goals: parsed.data.goals.map((goal) => ({ text: goal.text })),
    actions: parsed.data.actions.map((action) => ({
      description: action.description,
      responsible: action.responsible,
      dueOn: action.dueOn,
      serviceCode: action.serviceCode ?? null,
    })),
    reviewOn: parsed.data.reviewOn,
  };
}

/** The top-level fields of each action's form, for placing server issues. */
export function actionFormFields(type: CaseActionType): string[] {
  const fields: Record<CaseActionType, string[]> = {
    assess_initial: ['verified', 'urgent', 'ratings', 'findings'],
    record_emergency: ['measures', 'separated', 'intervenedOn', 'intervenedTime'],
    assess_specific: ['needs', 'meetingOn', 'meetingParticipants', 'conclusions'],
    submit_plan: ['goals', 'actions', 'reviewOn'],
    approve_plan: ['decisionNumber', 'decidedOn'],
    return_plan: ['reason'],
    review: ['ratings', 'conclusion', 'findings', 'nextReviewOn'],
    close: ['reason', 'note'],
    keep_open: ['reason'],
    reopen: ['reason'],
  };
  return fields[type];
}
