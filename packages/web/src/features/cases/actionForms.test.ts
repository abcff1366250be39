import { CaseAction, caseActionTypes, type CaseEventDto } from '@treem/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { vi } from '../../i18n/vi.ts';
import { zodIssueMessage } from '../../i18n/zodErrors.ts';
import {
  actionFormFields,
  checkAction,
  defaultActionValues,
  lastSubmittedPlan,
  nestErrors,
  serverActionIssues,
  vietnamClock,
  vietnamInstant,
  type ActionValues,
  type FormContext,
} from './actionForms.ts';

// As the app does (I18nProvider): zod speaks the catalogue's language.
beforeAll(() => z.config({ customError: (issue) => zodIssueMessage(issue, vi) }));

const context: FormContext = { today: '2026-03-02', now: new Date('2026-03-02T01:15:00Z') };
/** The message shown on each field: the first issue of a field wins, as on the form. */
const issuesOf = (result: ReturnType<typeof checkAction>) =>
  Object.fromEntries(result.issues.toReversed().map((issue) => [issue.path, issue.message]));

const ratings = {
  harm_severity: 'high',
  perpetrator_access: 'medium',
  care_environment: 'medium',
  self_protection: 'low',
} as const;

describe('the next-step forms', () => {
  test('hold exactly the fields of each action’s schema (the emergency’s instant as a date and a time)', () => {
    for (const type of caseActionTypes) {
      const schema = CaseAction.options.find((option) => option.shape.type.value === type)!;
      const schemaFields = Object.keys(schema.shape)
        .filter((key) => key !== 'type')
        .flatMap((key) => (key === 'intervenedAt' ? ['intervenedOn', 'intervenedTime'] : [key]))
        .sort();
      expect(actionFormFields(type).sort(), type).toEqual(schemaFields);
      expect(Object.keys(defaultActionValues(type, context)).sort(), type).toEqual(schemaFields);
    }
  });

  test('send a report found untrue without ratings and not urgent, whatever was chosen before', () => {
    const values: ActionValues['assess_initial'] = {
      verified: false,
      urgent: true,
      ratings: { harm_severity: 'high' },
      findings: 'Đã xác minh: không có sự việc',
    };
    expect(checkAction('assess_initial', values, vi).action).toEqual({
      type: 'assess_initial',
      verified: false,
      urgent: false,
      ratings: null,
      findings: 'Đã xác minh: không có sự việc',
    });
  });

  test('ask for every risk item of a verified report, item by item, in Vietnamese', () => {
    const result = checkAction(
      'assess_initial',
      { verified: true, urgent: true, ratings: { harm_severity: 'high' }, findings: '' },
      vi,
    );
    expect(result.action).toBeUndefined();
    expect(issuesOf(result)).toEqual({
      'ratings.perpetrator_access': vi.validation.requiredChoice,
      'ratings.care_environment': vi.validation.requiredChoice,
      'ratings.self_protection': vi.validation.requiredChoice,
      findings: vi.validation.required,
    });
    expect(
      checkAction('assess_initial', { verified: true, urgent: true, ratings, findings: 'Đúng sự việc' }, vi)
        .action,
    ).toMatchObject({ urgent: true, ratings });
  });

  test('record the emergency at the time the official wrote, in Viet Nam time', () => {
    const result = checkAction(
      'record_emergency',
      {
        measures: 'Đưa cháu sang nhà bà ngoại',
        separated: true,
        intervenedOn: '2026-03-02',
        intervenedTime: '7:05',
      },
      vi,
    );
    expect(result.action).toMatchObject({ intervenedAt: '2026-03-02T07:05:00+07:00' });
    expect(vietnamInstant('2026-03-02', '24:00')).toBeUndefined();
    expect(
      issuesOf(
        checkAction(
          'record_emergency',
          { measures: 'x', separated: null, intervenedOn: undefined, intervenedTime: '7h' },
          vi,
        ),
      ),
    ).toMatchObject({
      intervenedOn: vi.validation.required,
      intervenedTime: vi.cases.issues.invalid_time,
      separated: vi.validation.required,
    });
  });

  test('start the emergency form at the current date and time in Viet Nam, not in the browser’s zone', () => {
    expect(vietnamClock(new Date('2026-01-01T20:30:00Z'))).toEqual({ date: '2026-01-02', time: '03:30' });
    expect(defaultActionValues('record_emergency', context)).toMatchObject({
      intervenedOn: '2026-03-02',
      intervenedTime: '08:15',
    });
  });

  test('refuse a plan without goals or actions, and an action without its deadline, where they are', () => {
    const empty = checkAction('submit_plan', { goals: [], actions: [], reviewOn: '2027-03-01' }, vi);
    expect(issuesOf(empty)).toEqual({
      goals: vi.cases.issues.plan_needs_goal,
      actions: vi.cases.issues.plan_needs_action,
    });
    const undated = checkAction(
      'submit_plan',
      {
        goals: [{ text: 'Cháu được an toàn' }],
        actions: [
          { description: 'Khám sức khỏe', responsible: 'Trạm y tế xã', dueOn: undefined, serviceCode: null },
        ],
        reviewOn: '2027-03-01',
      },
      vi,
    );
    expect(issuesOf(undated)).toEqual({ 'actions.0.dueOn': vi.validation.required });
  });

  test('send a plan action’s service only when one was chosen', () => {
    const result = checkAction(
      'submit_plan',
      {
        goals: [{ text: 'Cháu được an toàn' }],
        actions: [
          {
            description: 'Khám sức khỏe',
            responsible: 'Trạm y tế xã',
            dueOn: '2027-01-10',
            serviceCode: 'medical_care',
          },
          {
            description: 'Tư vấn tâm lý',
            responsible: 'Trung tâm CTXH',
            dueOn: '2027-02-01',
            serviceCode: '',
          },
        ],
        reviewOn: '2027-03-01',
      },
      vi,
    );
    expect(result.action).toMatchObject({
      actions: [{ serviceCode: 'medical_care' }, { serviceCode: null }],
    });
  });

  test('need the next review date only when the plan continues', () => {
    const base = { ratings, findings: 'Cháu ổn định', nextReviewOn: null };
    expect(issuesOf(checkAction('review', { ...base, conclusion: 'continue' }, vi))).toEqual({
      nextReviewOn: vi.cases.issues.next_review_required,
    });
    expect(
      checkAction('review', { ...base, conclusion: 'propose_close', nextReviewOn: '2027-06-01' }, vi).action,
    ).toMatchObject({ conclusion: 'propose_close', nextReviewOn: null });
  });

  test('refuse to close a case as "not verified" after the initial assessment, and drop an empty note', () => {
    expect(issuesOf(checkAction('close', { reason: 'not_verified', note: null }, vi))).toEqual({
      reason: vi.cases.issues.not_verified_is_initial,
    });
    expect(checkAction('close', { reason: 'no_longer_at_risk', note: '  ' }, vi).action).toEqual({
      type: 'close',
      reason: 'no_longer_at_risk',
      note: null,
    });
  });
});

describe('errors on the form', () => {
  test('are nested by path for react-hook-form, the first of a field winning', () => {
    expect(
      nestErrors([
        { path: 'actions.0.dueOn', message: 'a' },
        { path: 'actions.0.dueOn', message: 'b' },
        { path: 'goals', message: 'c' },
        { path: 'goals.0.text', message: 'd' },
      ]),
    ).toEqual({
      actions: { '0': { dueOn: { type: 'validation', message: 'a' } } },
      goals: { type: 'validation', message: 'c' },
    });
  });

  test('from the server land on the action’s fields in Vietnamese; the rest is listed apart', () => {
    expect(
      serverActionIssues(
        [
          { path: 'body.action.ratings', code: 'ratings_required', message: 'x' },
          { path: 'body.action.intervenedAt', code: 'invalid_format', message: 'x' },
          { path: 'body.version', code: 'too_small', message: 'x' },
        ],
        vi,
      ),
    ).toEqual({
      placed: [
        { path: 'ratings', message: vi.cases.issues.ratings_required },
        { path: 'intervenedTime', message: vi.validation.invalidFormat },
      ],
      other: [vi.validation.required],
    });
  });
});

describe('a re-plan', () => {
  const event = (kind: string, data: Record<string, unknown>): CaseEventDto => ({
    id: '0190a8f2-7c1e-7d3a-9b2c-1234567890ab',
    at: '2026-03-02T01:00:00.000Z',
    actorName: 'Lê Thị Hằng',
    kind,
    fromStep: null,
    toStep: null,
    data,
  });

  test('starts from the plan last submitted on the case', () => {
    const plan = {
      goals: [{ text: 'Cháu được an toàn' }],
      actions: [{ description: 'Khám sức khỏe', responsible: 'Trạm y tế xã', dueOn: '2027-01-10' }],
      reviewOn: '2027-03-01',
    };
    const previous = lastSubmittedPlan([
      event('action:submit_plan', { ...plan, goals: [{ text: 'Kế hoạch cũ' }] }),
      event('action:submit_plan', plan),
      event('action:return_plan', { reason: 'Thiếu hoạt động tư vấn' }),
    ]);
    expect(previous).toEqual({ ...plan, actions: [{ ...plan.actions[0], serviceCode: null }] });
    expect(defaultActionValues('submit_plan', { ...context, previousPlan: previous })).toEqual(previous);
  });

  test('starts empty when there is no plan, or the reader may not see its fields', () => {
    expect(lastSubmittedPlan([event('action:submit_plan', {})])).toBeUndefined();
    expect(defaultActionValues('submit_plan', context)).toEqual({
      goals: [{ text: '' }],
      actions: [{ description: '', responsible: '', dueOn: undefined, serviceCode: null }],
      reviewOn: undefined,
    });
  });
});
