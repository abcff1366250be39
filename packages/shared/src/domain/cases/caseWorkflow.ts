import { z } from 'zod';
import { assertNever } from '../assertNever.ts';
import { isPlainDate } from '../plainDate.ts';
import { CloseReason, ReviewConclusion, RiskLevel, riskItems, type RiskItem } from './caseCatalogue.ts';

/**
 * The statutory process of Decree 56/2017/NĐ-CP, Arts. 25–30, as a state machine. A step names what the case
 * waits for:
 *
 *   received ──assess_initial──▶ emergency (urgent) ──record_emergency──▶ assessing
 *      │                     └──▶ assessing (verified, not urgent)
 *      └──assess_initial (not verified)──▶ closed
 *   assessing ──assess_specific──▶ planning ──submit_plan──▶ awaiting_approval
 *   awaiting_approval ──approve_plan──▶ implementing      ──return_plan──▶ planning
 *   implementing ──review──▶ implementing (continue) | planning (re-plan) | closure_proposed
 *   closure_proposed ──close──▶ closed                    ──keep_open──▶ implementing
 *   closed ──reopen──▶ received
 *
 * The machine is pure: the server stores the step, checks the actor's relation to the case, and calls
 * `applyCaseAction` inside the transaction that writes the event.
 */
export const caseSteps = [
  'received',
  'emergency',
  'assessing',
  'planning',
  'awaiting_approval',
  'implementing',
  'closure_proposed',
  'closed',
] as const;
export const CaseStep = z.enum(caseSteps);
export type CaseStep = z.infer<typeof CaseStep>;

export const caseStepNames: Record<CaseStep, { vi: string; en: string }> = {
  received: { vi: 'Tiếp nhận – chờ đánh giá ban đầu', en: 'Received – awaiting initial assessment' },
  emergency: { vi: 'Can thiệp khẩn cấp', en: 'Emergency intervention' },
  assessing: { vi: 'Đánh giá nguy cơ cụ thể', en: 'Specific assessment' },
  planning: { vi: 'Xây dựng kế hoạch', en: 'Drafting the plan' },
  awaiting_approval: { vi: 'Chờ phê duyệt kế hoạch', en: 'Plan awaiting approval' },
  implementing: { vi: 'Thực hiện kế hoạch', en: 'Implementing the plan' },
  closure_proposed: { vi: 'Đề xuất đóng hồ sơ', en: 'Closure proposed' },
  closed: { vi: 'Đã đóng hồ sơ', en: 'Closed' },
};

/** Who acts on a case: its assigned worker, or the commune leader who approves (Decree 56, Art. 28). */
export const caseActors = ['worker', 'approver'] as const;
export type CaseActor = (typeof caseActors)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const PlainDateText = z.string().refine(isPlainDate, 'invalid_date');
export const RiskRatingsInput = z.strictObject(
  Object.fromEntries(riskItems.map((item) => [item, RiskLevel])) as Record<RiskItem, typeof RiskLevel>,
);

export const PlanGoal = z.strictObject({ text: text(1000) });
export const PlanActionInput = z.strictObject({
  description: text(1000),
  responsible: text(200),
  dueOn: PlainDateText,
  /** A service of the referral catalogue the action delivers, if any. */
  serviceCode: z.string().trim().max(60).nullish(),
});
export type PlanActionInput = z.infer<typeof PlanActionInput>;

/** Every action with the fields its form requires; `caseActionIssues` adds the rules across fields. */
export const CaseAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('assess_initial'),
    verified: z.boolean(),
    urgent: z.boolean(),
    ratings: RiskRatingsInput.nullish(),
    findings: text(5000),
  }),
  z.strictObject({
    type: z.literal('record_emergency'),
    measures: text(5000),
    separated: z.boolean(),
    /** When the intervention took place (it must be within 12 hours of the report). */
    intervenedAt: z.string().datetime({ offset: true }),
  }),
  z.strictObject({
    type: z.literal('assess_specific'),
    needs: text(5000),
    meetingOn: PlainDateText,
    meetingParticipants: text(2000),
    conclusions: text(5000),
  }),
  z.strictObject({
    type: z.literal('submit_plan'),
    goals: z.array(PlanGoal).max(20),
    actions: z.array(PlanActionInput).max(50),
    reviewOn: PlainDateText,
  }),
  z.strictObject({
    type: z.literal('approve_plan'),
    decisionNumber: text(60),
    decidedOn: PlainDateText,
  }),
  z.strictObject({ type: z.literal('return_plan'), reason: text(2000) }),
  z.strictObject({
    type: z.literal('review'),
    ratings: RiskRatingsInput,
    conclusion: ReviewConclusion,
    findings: text(5000),
    nextReviewOn: PlainDateText.nullish(),
  }),
  z.strictObject({
    type: z.literal('close'),
    reason: CloseReason,
    note: z.string().trim().max(2000).nullish(),
  }),
  z.strictObject({ type: z.literal('keep_open'), reason: text(2000) }),
  z.strictObject({ type: z.literal('reopen'), reason: text(2000) }),
]);
export type CaseAction = z.infer<typeof CaseAction>;
export type CaseActionType = CaseAction['type'];
export const caseActionTypes = CaseAction.options.map((option) => option.shape.type.value);

export const caseActionNames: Record<CaseActionType, { vi: string; en: string }> = {
  assess_initial: { vi: 'Đánh giá ban đầu (Mẫu 02)', en: 'Initial assessment (form 02)' },
  record_emergency: { vi: 'Ghi nhận can thiệp khẩn cấp', en: 'Record the emergency intervention' },
  assess_specific: { vi: 'Đánh giá nguy cơ cụ thể (Mẫu 03)', en: 'Specific assessment (form 03)' },
  submit_plan: { vi: 'Trình kế hoạch (Mẫu 04)', en: 'Submit the plan (form 04)' },
  approve_plan: { vi: 'Phê duyệt kế hoạch (Mẫu 05)', en: 'Approve the plan (form 05)' },
  return_plan: { vi: 'Trả lại kế hoạch', en: 'Return the plan' },
  review: { vi: 'Rà soát, đánh giá (Mẫu 06)', en: 'Review (form 06)' },
  close: { vi: 'Đóng hồ sơ', en: 'Close the case' },
  keep_open: { vi: 'Tiếp tục thực hiện kế hoạch', en: 'Keep the case open' },
  reopen: { vi: 'Mở lại hồ sơ', en: 'Reopen the case' },
};

/** Which actor may take each action. The leader decides plans and closures; the worker does the casework. */
export const caseActionActors: Record<CaseActionType, readonly CaseActor[]> = {
  assess_initial: ['worker'],
  record_emergency: ['worker'],
  assess_specific: ['worker'],
  submit_plan: ['worker'],
  approve_plan: ['approver'],
  return_plan: ['approver'],
  review: ['worker'],
  close: ['approver'],
  keep_open: ['approver'],
  reopen: ['worker', 'approver'],
};

/** The step each action may be taken from. */
export const caseActionFrom: Record<CaseActionType, CaseStep> = {
  assess_initial: 'received',
  record_emergency: 'emergency',
  assess_specific: 'assessing',
  submit_plan: 'planning',
  approve_plan: 'awaiting_approval',
  return_plan: 'awaiting_approval',
  review: 'implementing',
  close: 'closure_proposed',
  keep_open: 'closure_proposed',
  reopen: 'closed',
};

export interface CaseActionIssue {
  path: string;
  code: string;
  message: string;
}

/** The rules across an action's fields, beyond the shape `CaseAction` checks. Empty: the action is complete. */
export function caseActionIssues(action: CaseAction): CaseActionIssue[] {
  const issues: CaseActionIssue[] = [];
  switch (action.type) {
    case 'assess_initial':
      // A report that is not verified has nothing to rate, and nothing urgent to do.
      if (action.verified && !action.ratings)
        issues.push({
          path: 'ratings',
          code: 'ratings_required',
          message: 'a verified report needs every risk item rated',
        });
      if (!action.verified && action.urgent)
        issues.push({
          path: 'urgent',
          code: 'urgent_needs_verified',
          message: 'an unverified report cannot be urgent',
        });
      break;
    case 'submit_plan':
      if (action.goals.length === 0)
        issues.push({ path: 'goals', code: 'plan_needs_goal', message: 'a plan needs at least one goal' });
      if (action.actions.length === 0)
        issues.push({
          path: 'actions',
          code: 'plan_needs_action',
          message: 'a plan needs at least one action',
        });
      break;
    case 'review':
      if (action.conclusion === 'continue' && !action.nextReviewOn)
        issues.push({
          path: 'nextReviewOn',
          code: 'next_review_required',
          message: 'a review that continues the plan needs the next review date',
        });
      break;
    case 'close':
      // A case closed without a plan is only a report found untrue; everything else goes through the review.
      if (action.reason === 'not_verified')
        issues.push({
          path: 'reason',
          code: 'not_verified_is_initial',
          message: 'only the initial assessment closes a report as not verified',
        });
      break;
    case 'record_emergency':
    case 'assess_specific':
    case 'approve_plan':
    case 'return_plan':
    case 'keep_open':
    case 'reopen':
      break;
    default:
      assertNever(action);
  }
  return issues;
}

export type CaseTransition =
  | { ok: true; step: CaseStep }
  | { ok: false; error: 'CASE_STEP_CONFLICT'; step: CaseStep }
  | { ok: false; error: 'CASE_ACTOR_NOT_ALLOWED' }
  | { ok: false; error: 'VALIDATION_FAILED'; issues: CaseActionIssue[] };

/**
 * The step after `action`, or why it cannot be taken. Checks in this order: the actor, the step, the fields, so a
 * caller that may not act learns nothing about the case's fields.
 */
export function applyCaseAction(step: CaseStep, action: CaseAction, actor: CaseActor): CaseTransition {
  if (!caseActionActors[action.type].includes(actor)) return { ok: false, error: 'CASE_ACTOR_NOT_ALLOWED' };
  if (caseActionFrom[action.type] !== step) return { ok: false, error: 'CASE_STEP_CONFLICT', step };
  const issues = caseActionIssues(action);
  if (issues.length > 0) return { ok: false, error: 'VALIDATION_FAILED', issues };
  return { ok: true, step: nextStep(action) };
}

function nextStep(action: CaseAction): CaseStep {
  switch (action.type) {
    case 'assess_initial':
      if (!action.verified) return 'closed';
      return action.urgent ? 'emergency' : 'assessing';
    case 'record_emergency':
      return 'assessing';
    case 'assess_specific':
      return 'planning';
    case 'submit_plan':
      return 'awaiting_approval';
    case 'approve_plan':
      return 'implementing';
    case 'return_plan':
      return 'planning';
    case 'review':
      switch (action.conclusion) {
        case 'continue':
          return 'implementing';
        case 'replan':
          return 'planning';
        case 'propose_close':
          return 'closure_proposed';
        default:
          return assertNever(action.conclusion);
      }
    case 'close':
      return 'closed';
    case 'keep_open':
      return 'implementing';
    case 'reopen':
      return 'received';
    default:
      return assertNever(action);
  }
}

/** The actions `actor` may take at `step`, for the case page's "next step" form. */
export function availableCaseActions(step: CaseStep, actor: CaseActor): CaseActionType[] {
  return caseActionTypes.filter(
    (type) => caseActionFrom[type] === step && caseActionActors[type].includes(actor),
  );
}

/** Open cases are every step but closed. */
export function isCaseOpen(step: CaseStep): boolean {
  return step !== 'closed';
}
