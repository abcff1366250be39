import type { CaseDetail } from '@treem/shared';

/**
 * Slot for "Chuyển gửi" (referrals of the child to services and providers), to be written next on the referral
 * API. The case page already renders it in place, after the plan; until then it shows nothing.
 */
export function CaseReferralsSection(_props: { detail: CaseDetail }) {
  return null;
}
