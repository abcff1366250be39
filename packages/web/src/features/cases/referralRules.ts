import {
  assertNever,
  ReferralStatus,
  type CaseDueState,
  type Referral,
  type ReferralUrgency,
} from '@treem/shared';
import { parsePagingSearch, toPagingQuery, type PagingSearch } from './caseSearch.ts';

/*
 * What the screens may offer on a referral, from its status and who looks at it. The server decides (a move it
 * does not allow answers 409 REFERRAL_STATE_CONFLICT); these rules only keep the screens from offering a button
 * that can only fail: `sent` → `accepted` or `declined`; `accepted` → `completed`; `sent` or `accepted` →
 * `cancelled` (docs/child-protection.md, Referrals).
 */

/** What the worker may record for a provider without an account, by the referral's status. */
export type RecordedAnswerStatus = 'accepted' | 'declined' | 'completed';

export interface WorkerReferralActions {
  /** The letter (PDF, or DOCX to edit) goes to a provider without an account while it has something to act on. */
  letter: boolean;
  /** The answers the worker may record for the provider; empty when there is nothing to record. */
  answers: readonly RecordedAnswerStatus[];
  cancel: boolean;
}

const open = (status: ReferralStatus) => status === 'sent' || status === 'accepted';

export function recordableAnswers(status: ReferralStatus): readonly RecordedAnswerStatus[] {
  switch (status) {
    case 'sent':
      return ['accepted', 'declined', 'completed'];
    case 'accepted':
      return ['completed'];
    case 'declined':
    case 'completed':
    case 'cancelled':
      return [];
    default:
      return assertNever(status);
  }
}

/**
 * The case's worker acts on the referrals of the case; everyone else reads them. A provider with an account
 * answers for itself on treem, so the worker neither prints its letter nor records its answer.
 */
export function workerReferralActions(
  referral: Pick<Referral, 'status' | 'provider'>,
  isWorker: boolean,
): WorkerReferralActions {
  if (!isWorker) return { letter: false, answers: [], cancel: false };
  const withoutAccount = !referral.provider.hasAccount;
  return {
    letter: withoutAccount && open(referral.status),
    answers: withoutAccount ? recordableAnswers(referral.status) : [],
    cancel: open(referral.status),
  };
}

export type ProviderReferralAction = 'accept' | 'decline' | 'complete';

/** What a member of the provider may do on a referral sent to it. */
export function providerReferralActions(status: ReferralStatus): readonly ProviderReferralAction[] {
  switch (status) {
    case 'sent':
      return ['accept', 'decline'];
    case 'accepted':
      return ['complete'];
    case 'declined':
    case 'completed':
    case 'cancelled':
      return [];
    default:
      return assertNever(status);
  }
}

/**
 * The response clock of a referral still waiting for its answer: overdue once its response date has passed (the
 * server's answer, or the clock on screen that kept running since the page loaded); none once answered.
 */
export function referralDueState(
  referral: Pick<Referral, 'status' | 'responseDueAt' | 'awaitingOverdue'>,
  now: Date,
): CaseDueState | null {
  if (referral.status !== 'sent') return null;
  return referral.awaitingOverdue || Date.parse(referral.responseDueAt) < now.getTime()
    ? 'overdue'
    : 'on_time';
}

/** Tag colours: red is kept for what needs attention now (an emergency, an unanswered referral past its date). */
export const referralStatusColour: Record<ReferralStatus, string> = {
  sent: 'gold',
  accepted: 'blue',
  declined: 'volcano',
  completed: 'green',
  cancelled: 'default',
};

export const referralUrgencyColour: Record<ReferralUrgency, string> = {
  routine: 'default',
  urgent: 'orange',
  emergency: 'red',
};

// ---------------------------------------------------------------------------------------------------------------
// The referral lists' filters, kept in the URL like the case lists'
// ---------------------------------------------------------------------------------------------------------------

export interface ReferralsSearch extends PagingSearch {
  status?: ReferralStatus | undefined;
  /** Only referrals past their response date and still unanswered. */
  overdue?: true | undefined;
}

export function parseReferralsSearch(search: Record<string, unknown>): ReferralsSearch {
  const status = ReferralStatus.safeParse(search.status);
  return {
    ...parsePagingSearch(search),
    status: status.success ? status.data : undefined,
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
  };
}

export function toReferralListQuery(search: ReferralsSearch) {
  return {
    status: search.status,
    overdue: search.overdue ? ('true' as const) : undefined,
    ...toPagingQuery(search),
  };
}

export function hasReferralFilters(search: ReferralsSearch): boolean {
  return Boolean(search.status ?? search.overdue);
}
