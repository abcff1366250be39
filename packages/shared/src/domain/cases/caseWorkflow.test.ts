import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { riskItems, type RiskRatings } from './caseCatalogue.ts';
import {
  applyCaseAction,
  availableCaseActions,
  CaseAction,
  caseActionFrom,
  caseSteps,
  type CaseActionType,
  type CaseActor,
  type CaseStep,
} from './caseWorkflow.ts';

const ratings: RiskRatings = {
  harm_severity: 'high',
  perpetrator_access: 'medium',
  care_environment: 'low',
  self_protection: 'medium',
};

const valid = {
  assessInitial: (urgent: boolean): CaseAction => ({
    type: 'assess_initial',
    verified: true,
    urgent,
    ratings,
    findings: 'Đã xác minh tại nhà',
  }),
  emergency: {
    type: 'record_emergency',
    measures: 'Tạm thời cách ly',
    separated: true,
    intervenedAt: '2026-12-05T10:00:00+07:00',
  } satisfies CaseAction,
  specific: {
    type: 'assess_specific',
    needs: 'Hỗ trợ tâm lý',
    meetingOn: '2026-12-06',
    meetingParticipants: 'Cán bộ, gia đình',
    conclusions: 'Cần kế hoạch',
  } satisfies CaseAction,
  plan: {
    type: 'submit_plan',
    goals: [{ text: 'Trẻ an toàn' }],
    actions: [{ description: 'Tư vấn', responsible: 'Trạm y tế', dueOn: '2026-12-20' }],
    reviewOn: '2027-01-15',
  } satisfies CaseAction,
  approve: {
    type: 'approve_plan',
    decisionNumber: '12/QĐ-UBND',
    decidedOn: '2026-12-10',
  } satisfies CaseAction,
  returnPlan: { type: 'return_plan', reason: 'Thiếu nguồn lực' } satisfies CaseAction,
  review: (conclusion: 'continue' | 'replan' | 'propose_close'): CaseAction => ({
    type: 'review',
    ratings,
    conclusion,
    findings: 'Trẻ ổn định',
    nextReviewOn: conclusion === 'continue' ? '2027-02-15' : null,
  }),
  close: { type: 'close', reason: 'goals_met' } satisfies CaseAction,
  keepOpen: { type: 'keep_open', reason: 'Chưa ổn định' } satisfies CaseAction,
  reopen: { type: 'reopen', reason: 'Tái diễn' } satisfies CaseAction,
};

function run(steps: [CaseAction, CaseActor][]): CaseStep {
  let step: CaseStep = 'received';
  for (const [action, actor] of steps) {
    const result = applyCaseAction(step, action, actor);
    if (!result.ok) throw new Error(`${action.type} refused at ${step}: ${result.error}`);
    step = result.step;
  }
  return step;
}

describe('the statutory path', () => {
  test('an urgent case passes through the emergency step before the specific assessment', () => {
    expect(run([[valid.assessInitial(true), 'worker']])).toBe('emergency');
    expect(
      run([
        [valid.assessInitial(true), 'worker'],
        [valid.emergency, 'worker'],
      ]),
    ).toBe('assessing');
  });

  test('a case runs from intake to closure with the leader approving and closing', () => {
    expect(
      run([
        [valid.assessInitial(false), 'worker'],
        [valid.specific, 'worker'],
        [valid.plan, 'worker'],
        [valid.approve, 'approver'],
        [valid.review('continue'), 'worker'],
        [valid.review('propose_close'), 'worker'],
        [valid.close, 'approver'],
      ]),
    ).toBe('closed');
  });

  test('a report found untrue closes at the initial assessment', () => {
    const result = applyCaseAction(
      'received',
      { type: 'assess_initial', verified: false, urgent: false, findings: 'Không có sự việc' },
      'worker',
    );
    expect(result).toEqual({ ok: true, step: 'closed' });
  });

  test('a returned plan goes back to drafting, a re-plan review too, and a reopened case starts again', () => {
    const approvalStep = run([
      [valid.assessInitial(false), 'worker'],
      [valid.specific, 'worker'],
      [valid.plan, 'worker'],
    ]);
    expect(applyCaseAction(approvalStep, valid.returnPlan, 'approver')).toEqual({
      ok: true,
      step: 'planning',
    });
    expect(applyCaseAction('implementing', valid.review('replan'), 'worker')).toEqual({
      ok: true,
      step: 'planning',
    });
    expect(applyCaseAction('closure_proposed', valid.keepOpen, 'approver')).toEqual({
      ok: true,
      step: 'implementing',
    });
    expect(applyCaseAction('closed', valid.reopen, 'worker')).toEqual({ ok: true, step: 'received' });
  });
});

describe('refusals', () => {
  test('an action out of its step is a conflict, and names the step the case is at', () => {
    expect(applyCaseAction('received', valid.approve, 'approver')).toEqual({
      ok: false,
      error: 'CASE_STEP_CONFLICT',
      step: 'received',
    });
    expect(applyCaseAction('planning', valid.specific, 'worker')).toMatchObject({
      error: 'CASE_STEP_CONFLICT',
    });
  });

  test('a verified report needs every risk item rated; an unverified one cannot be urgent', () => {
    expect(
      applyCaseAction(
        'received',
        { type: 'assess_initial', verified: true, urgent: false, findings: 'x' },
        'worker',
      ),
    ).toMatchObject({
      ok: false,
      error: 'VALIDATION_FAILED',
      issues: [{ path: 'ratings', code: 'ratings_required' }],
    });
    expect(
      applyCaseAction(
        'received',
        { type: 'assess_initial', verified: false, urgent: true, findings: 'x' },
        'worker',
      ),
    ).toMatchObject({ issues: [{ path: 'urgent', code: 'urgent_needs_verified' }] });
  });

  test('a plan needs a goal and an action; a review that continues needs its next date', () => {
    expect(applyCaseAction('planning', { ...valid.plan, goals: [], actions: [] }, 'worker')).toMatchObject({
      issues: [
        { path: 'goals', code: 'plan_needs_goal' },
        { path: 'actions', code: 'plan_needs_action' },
      ],
    });
    expect(
      applyCaseAction(
        'implementing',
        { ...valid.review('continue'), nextReviewOn: null } as CaseAction,
        'worker',
      ),
    ).toMatchObject({ issues: [{ path: 'nextReviewOn', code: 'next_review_required' }] });
  });

  test('"not verified" is not a reason to close a case that went through a plan', () => {
    expect(
      applyCaseAction('closure_proposed', { type: 'close', reason: 'not_verified' }, 'approver'),
    ).toMatchObject({ error: 'VALIDATION_FAILED' });
  });

  test('the actor is checked before the step, so a worker learns nothing from approving', () => {
    expect(applyCaseAction('received', valid.approve, 'worker')).toEqual({
      ok: false,
      error: 'CASE_ACTOR_NOT_ALLOWED',
    });
  });
});

describe('who may take each action', () => {
  // The policy stated a second time, by hand: the worker does the casework, the commune leader decides.
  const expected: Record<CaseActionType, CaseActor[]> = {
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
  const examples: Record<CaseActionType, [CaseStep, CaseAction]> = {
    assess_initial: ['received', valid.assessInitial(false)],
    record_emergency: ['emergency', valid.emergency],
    assess_specific: ['assessing', valid.specific],
    submit_plan: ['planning', valid.plan],
    approve_plan: ['awaiting_approval', valid.approve],
    return_plan: ['awaiting_approval', valid.returnPlan],
    review: ['implementing', valid.review('continue')],
    close: ['closure_proposed', valid.close],
    keep_open: ['closure_proposed', valid.keepOpen],
    reopen: ['closed', valid.reopen],
  };
  for (const [type, actors] of Object.entries(expected) as [CaseActionType, CaseActor[]][]) {
    for (const actor of ['worker', 'approver'] as const) {
      const allowed = actors.includes(actor);
      test(`${type}: the ${actor} ${allowed ? 'may' : 'may not'} take it`, () => {
        const [step, action] = examples[type];
        const result = applyCaseAction(step, action, actor);
        expect(result.ok).toBe(allowed);
        if (!allowed) expect(result).toEqual({ ok: false, error: 'CASE_ACTOR_NOT_ALLOWED' });
        expect(availableCaseActions(step, actor).includes(type)).toBe(allowed);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: random sequences of actions, complete or not, by either actor
// ---------------------------------------------------------------------------------------------------------------

const someRatings = fc.record(
  Object.fromEntries(riskItems.map((item) => [item, fc.constantFrom('high', 'medium', 'low')])) as Record<
    keyof RiskRatings,
    fc.Arbitrary<'high' | 'medium' | 'low'>
  >,
);
const words = fc.constantFrom('Nội dung', 'Ghi chú', 'Đã xác minh');
const date = fc.constantFrom('2026-12-01', '2027-01-15');

const actionArbitraries = [
  fc.record({
    type: fc.constant('assess_initial' as const),
    verified: fc.boolean(),
    urgent: fc.boolean(),
    ratings: fc.option(someRatings, { nil: null }),
    findings: words,
  }),
  fc.record({
    type: fc.constant('record_emergency' as const),
    measures: words,
    separated: fc.boolean(),
    intervenedAt: fc.constant('2026-12-05T10:00:00+07:00'),
  }),
  fc.record({
    type: fc.constant('assess_specific' as const),
    needs: words,
    meetingOn: date,
    meetingParticipants: words,
    conclusions: words,
  }),
  fc.record({
    type: fc.constant('submit_plan' as const),
    goals: fc.array(fc.record({ text: words }), { maxLength: 2 }),
    actions: fc.array(fc.record({ description: words, responsible: words, dueOn: date }), { maxLength: 2 }),
    reviewOn: date,
  }),
  fc.record({ type: fc.constant('approve_plan' as const), decisionNumber: words, decidedOn: date }),
  fc.record({ type: fc.constant('return_plan' as const), reason: words }),
  fc.record({
    type: fc.constant('review' as const),
    ratings: someRatings,
    conclusion: fc.constantFrom('continue', 'replan', 'propose_close'),
    findings: words,
    nextReviewOn: fc.option(date, { nil: null }),
  }),
  fc.record({
    type: fc.constant('close' as const),
    reason: fc.constantFrom('not_verified', 'goals_met', 'no_longer_at_risk', 'other'),
  }),
  fc.record({ type: fc.constant('keep_open' as const), reason: words }),
  fc.record({ type: fc.constant('reopen' as const), reason: words }),
] as const;
const anyAction: fc.Arbitrary<CaseAction> = fc.oneof(...actionArbitraries);
const anyActor = fc.constantFrom<CaseActor>('worker', 'approver');

/**
 * A walk through the machine: at each position one candidate action of every type, and whether to take one the
 * current step offers (so that walks reach the late steps) or any type at all (so that they try to skip ahead).
 */
const walk = fc.array(
  fc.record({
    menu: fc.tuple(...actionArbitraries),
    guided: fc.boolean(),
    pick: fc.nat(),
    actor: anyActor,
  }),
  { minLength: 40, maxLength: 120 },
);

function* actionsOf(
  sequence: { menu: readonly CaseAction[]; guided: boolean; pick: number; actor: CaseActor }[],
  currentStep: () => CaseStep,
): Generator<[CaseAction, CaseActor]> {
  for (const { menu, guided, pick, actor } of sequence) {
    const offered = guided ? menu.filter((action) => caseActionFrom[action.type] === currentStep()) : [];
    const choices = offered.length > 0 ? offered : menu;
    yield [choices[pick % choices.length]!, actor];
  }
}

describe('properties', () => {
  test('every generated action is a well-formed action of the contract', () => {
    fc.assert(
      fc.property(anyAction, (action) => {
        expect(CaseAction.safeParse(action).error).toBeUndefined();
      }),
    );
  });

  test('no sequence of actions reaches a step outside the machine, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(walk, (sequence) => {
        let step: CaseStep = 'received';
        for (const [action, actor] of actionsOf(sequence, () => step)) {
          const result = applyCaseAction(step, action, actor);
          if (result.ok) step = result.step;
          expect(caseSteps).toContain(step);
        }
      }),
    );
  });

  test('no sequence skips a required step: each plan in force was assessed, drafted and approved in order', () => {
    let walksThroughClosure = 0;
    fc.assert(
      fc.property(walk, (sequence) => {
        let step: CaseStep = 'received';
        // What has happened since the case was (re)opened, as the statute orders it.
        let verified = false;
        let urgent = false;
        let emergencyDone = false;
        let specificDone = false;
        let planSubmitted = false;
        let planApproved = false;
        let closureProposed = false;
        let reachedClosure = false;
        for (const [action, actor] of actionsOf(sequence, () => step)) {
          const before = step;
          const result = applyCaseAction(step, action, actor);
          if (!result.ok) continue;
          step = result.step;
          switch (action.type) {
            case 'assess_initial':
              verified = action.verified;
              urgent = action.urgent;
              // The ratings that justify acting on a report are never missing.
              if (action.verified) expect(action.ratings).toBeTruthy();
              break;
            case 'record_emergency':
              expect(verified && urgent).toBe(true);
              emergencyDone = true;
              break;
            case 'assess_specific':
              expect(verified && (!urgent || emergencyDone)).toBe(true);
              specificDone = true;
              break;
            case 'submit_plan':
              expect(specificDone).toBe(true);
              expect(action.goals.length > 0 && action.actions.length > 0).toBe(true);
              planSubmitted = true;
              planApproved = false;
              break;
            case 'approve_plan':
              expect(planSubmitted).toBe(true);
              planApproved = true;
              expect(actor).toBe('approver');
              break;
            case 'return_plan':
              planSubmitted = false;
              break;
            case 'review':
              expect(planApproved).toBe(true);
              if (action.conclusion === 'replan') planApproved = planSubmitted = false;
              closureProposed = action.conclusion === 'propose_close';
              break;
            case 'close':
              expect(closureProposed && planApproved).toBe(true);
              reachedClosure = true;
              expect(actor).toBe('approver');
              break;
            case 'keep_open':
              expect(closureProposed).toBe(true);
              closureProposed = false;
              break;
            case 'reopen':
              expect(before).toBe('closed');
              verified = urgent = emergencyDone = specificDone = false;
              planSubmitted = planApproved = closureProposed = false;
              break;
          }
          if (step === 'implementing') expect(planApproved && specificDone).toBe(true);
          if (step === 'closed' && action.type === 'assess_initial') expect(action.verified).toBe(false);
        }
        if (reachedClosure) walksThroughClosure += 1;
      }),
      { numRuns: 500 },
    );
    // The walks must reach the end of the process often enough for the checks above to mean something.
    expect(walksThroughClosure).toBeGreaterThan(50);
  });

  test('from any reachable step some sequence leads to closure: no case can be stuck', () => {
    const closing: Record<CaseStep, [CaseAction, CaseActor][]> = {
      received: [[valid.assessInitial(false), 'worker']],
      emergency: [[valid.emergency, 'worker']],
      assessing: [[valid.specific, 'worker']],
      planning: [[valid.plan, 'worker']],
      awaiting_approval: [[valid.approve, 'approver']],
      implementing: [[valid.review('propose_close'), 'worker']],
      closure_proposed: [[valid.close, 'approver']],
      closed: [],
    };
    for (const start of caseSteps) {
      let step = start;
      for (let guard = 0; step !== 'closed' && guard < 10; guard += 1) {
        const [action, actor] = closing[step][0]!;
        const result = applyCaseAction(step, action, actor);
        expect(result.ok).toBe(true);
        if (result.ok) step = result.step;
      }
      expect(step).toBe('closed');
    }
  });
});
