import { referralStatuses, type Referral } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  parseReferralsSearch,
  providerReferralActions,
  recordableAnswers,
  referralDueState,
  toReferralListQuery,
  workerReferralActions,
} from './referralRules.ts';

const withAccount = { id: 'p', name: 'Trạm Y tế xã Hòa Lạc', hasAccount: true, phone: null };
const withoutAccount = {
  id: 'q',
  name: 'Trung tâm Trợ giúp pháp lý nhà nước thành phố Hà Nội',
  hasAccount: false,
  phone: null,
};
const now = new Date('2026-12-02T03:00:00Z');

describe('what the case’s worker may do on a referral', () => {
  test('prints the letter and records the answer of a provider without an account while it waits', () => {
    expect(workerReferralActions({ status: 'sent', provider: withoutAccount }, true)).toEqual({
      letter: true,
      answers: ['accepted', 'declined', 'completed'],
      cancel: true,
    });
    // Once accepted, only the outcome is left to record.
    expect(workerReferralActions({ status: 'accepted', provider: withoutAccount }, true)).toEqual({
      letter: true,
      answers: ['completed'],
      cancel: true,
    });
  });

  test('neither prints nor records for a provider with an account: it answers on treem itself', () => {
    expect(workerReferralActions({ status: 'sent', provider: withAccount }, true)).toEqual({
      letter: false,
      answers: [],
      cancel: true,
    });
  });

  test('does nothing more once the referral is declined, completed or cancelled', () => {
    for (const status of ['declined', 'completed', 'cancelled'] as const)
      expect(workerReferralActions({ status, provider: withoutAccount }, true)).toEqual({
        letter: false,
        answers: [],
        cancel: false,
      });
  });

  test('gives nothing to a reader who is not the case’s worker (the leader, a supervisor, a share)', () => {
    for (const status of referralStatuses)
      expect(workerReferralActions({ status, provider: withoutAccount }, false)).toEqual({
        letter: false,
        answers: [],
        cancel: false,
      });
  });

  test('records only the moves the server allows: sent → accepted or declined, sent or accepted → completed', () => {
    expect(recordableAnswers('sent')).toEqual(['accepted', 'declined', 'completed']);
    expect(recordableAnswers('accepted')).toEqual(['completed']);
    expect(recordableAnswers('completed')).toEqual([]);
  });
});

test('a provider’s member accepts or declines a new referral, and completes an accepted one', () => {
  expect(providerReferralActions('sent')).toEqual(['accept', 'decline']);
  expect(providerReferralActions('accepted')).toEqual(['complete']);
  for (const status of ['declined', 'completed', 'cancelled'] as const)
    expect(providerReferralActions(status)).toEqual([]);
});

describe('the answer clock of a referral', () => {
  const referral = (over: Partial<Referral>) =>
    ({ status: 'sent', responseDueAt: '2026-12-03T16:59:59.999Z', awaitingOverdue: false, ...over }) as Pick<
      Referral,
      'status' | 'responseDueAt' | 'awaitingOverdue'
    >;

  test('runs while the referral waits, and is overdue when the server says so', () => {
    expect(referralDueState(referral({}), now)).toBe('on_time');
    expect(referralDueState(referral({ awaitingOverdue: true }), now)).toBe('overdue');
  });

  test('turns overdue once its date passes while the page is open', () => {
    expect(referralDueState(referral({ responseDueAt: '2026-12-02T02:59:00Z' }), now)).toBe('overdue');
  });

  test('stops once the provider has answered', () => {
    expect(referralDueState(referral({ status: 'accepted', awaitingOverdue: false }), now)).toBeNull();
  });
});

describe('the referral lists’ filters in the URL', () => {
  test('keep a known status and the overdue switch, and drop anything else', () => {
    expect(parseReferralsSearch({ status: 'sent', overdue: 'true', page: '2' })).toEqual({
      status: 'sent',
      overdue: true,
      page: 2,
      size: undefined,
    });
    expect(parseReferralsSearch({ status: 'lost', overdue: 'yes' })).toEqual({
      status: undefined,
      overdue: undefined,
      page: undefined,
      size: undefined,
    });
  });

  test('become the list query the server takes', () => {
    expect(toReferralListQuery({ overdue: true })).toEqual({
      status: undefined,
      overdue: 'true',
      page: 1,
      pageSize: 20,
    });
  });
});
