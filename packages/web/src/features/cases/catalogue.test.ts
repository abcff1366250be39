import {
  caseDueKinds,
  caseDueStates,
  caseRelations,
  CasePlanActionDto,
  referralServiceCodes,
  reviewConclusions,
} from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { actionName, isCaseActionType, serviceName } from './catalogue.ts';

/** The event kinds the server writes besides `action:<type>` (modules/cases/*.service.ts). */
const eventKinds = [
  'reported',
  'taken',
  'note_added',
  'shared',
  'share_revoked',
  'plan_action_updated',
  'child_linked',
  'transfer_requested',
  'transfer_accepted',
  'transfer_declined',
  // modules/referrals: a referral's steps (`referral_<status>`) and a placement's.
  'referral_sent',
  'referral_accepted',
  'referral_declined',
  'referral_completed',
  'referral_cancelled',
  'care_proposed',
  'care_decided',
  'care_rejected',
  'care_handed_over',
  'care_visited',
  'care_terminated',
] as const;

describe('the case catalogue', () => {
  test('names every deadline, relation, review conclusion, plan status and event in both languages', () => {
    for (const t of [vi, en]) {
      for (const kind of caseDueKinds) expect(t.cases.due.kinds[kind]?.trim(), kind).toBeTruthy();
      for (const state of caseDueStates) expect(t.cases.due.states[state]?.trim(), state).toBeTruthy();
      for (const relation of caseRelations) expect(t.cases.detail.relations[relation]?.trim()).toBeTruthy();
      for (const conclusion of reviewConclusions)
        expect(t.cases.conclusions[conclusion]?.trim()).toBeTruthy();
      for (const status of CasePlanActionDto.shape.status.options)
        expect(t.cases.plan.statuses[status]?.trim(), status).toBeTruthy();
      for (const kind of eventKinds) expect(t.cases.timeline.kinds[kind]?.trim(), kind).toBeTruthy();
    }
  });

  test('takes the names of actions and services from the shared catalogue', () => {
    expect(actionName('review', 'vi')).toBe('Rà soát, đánh giá (Mẫu 06)');
    expect(actionName('review', 'en')).toBe('Review (form 06)');
    expect(isCaseActionType('review')).toBe(true);
    expect(isCaseActionType('referral_sent')).toBe(false);
    for (const code of referralServiceCodes) expect(serviceName(code, 'vi')).not.toBe(code);
  });
});
