import { z } from 'zod';
import { ReferralServiceCode } from '../domain/providers/referralServices.ts';
import { endpoint, Page, PageSize, paginated, PlainDateString, Uuid } from './endpoint.ts';
import { FileResult } from './register.ts';

const tag = 'Referrals and alternative care';
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const Instant = z.iso.datetime({ offset: true });
const IdParams = z.strictObject({ id: Uuid });

// ---------------------------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------------------------

export const referralUrgencies = ['routine', 'urgent', 'emergency'] as const;
export const ReferralUrgency = z.enum(referralUrgencies);
export type ReferralUrgency = z.infer<typeof ReferralUrgency>;

export const referralStatuses = ['sent', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export const ReferralStatus = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const referralStatusNames: Record<ReferralStatus, { vi: string; en: string }> = {
  sent: { vi: 'Đã gửi – chờ phản hồi', en: 'Sent – awaiting response' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  declined: { vi: 'Từ chối', en: 'Declined' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const referralUrgencyNames: Record<ReferralUrgency, { vi: string; en: string }> = {
  routine: { vi: 'Thông thường', en: 'Routine' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
  emergency: { vi: 'Hỏa tốc', en: 'Emergency' },
};

export const ReferralInput = z.strictObject({
  providerId: Uuid,
  /** A service of the referral catalogue the provider offers. */
  serviceCode: ReferralServiceCode,
  reason: requiredText(5000),
  urgency: ReferralUrgency,
  consentNoted: z.boolean(),
  consentNote: optionalText(1000),
});
export type ReferralInput = z.input<typeof ReferralInput>;

export const Referral = z.object({
  id: Uuid,
  /** null for an early-childhood referral, made from the child's profile. */
  caseId: Uuid.nullable(),
  caseNumber: z.string().nullable(),
  personId: Uuid.nullable(),
  childName: z.string(),
  provider: z.object({ id: Uuid, name: z.string(), hasAccount: z.boolean(), phone: z.string().nullable() }),
  serviceCode: z.string(),
  reason: z.string(),
  urgency: ReferralUrgency,
  consentNoted: z.boolean(),
  consentNote: z.string().nullable(),
  status: ReferralStatus,
  sentAt: Instant,
  sentByName: z.string(),
  responseDueAt: Instant,
  /** sent and past its response date. */
  awaitingOverdue: z.boolean(),
  respondedAt: Instant.nullable(),
  respondedByName: z.string().nullable(),
  responseNote: z.string().nullable(),
  completedAt: Instant.nullable(),
  outcome: z.string().nullable(),
  cancelledAt: Instant.nullable(),
  cancelReason: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralList = paginated(Referral);

export const ReferralResponse = z.strictObject({ note: optionalText(2000) });
export const ReferralDecline = z.strictObject({ note: requiredText(2000) });
export const ReferralCompletion = z.strictObject({ outcome: requiredText(5000) });
/**
 * For a provider without an account, the worker records what the provider answered (by phone, on the reply slip)
 * and later the outcome.
 */
export const ReferralRecordedAnswer = z
  .strictObject({
    status: z.enum(['accepted', 'declined', 'completed']),
    answeredOn: PlainDateString,
    note: optionalText(2000),
    outcome: optionalText(5000),
  })
  .refine((a) => a.status !== 'completed' || !!a.outcome, { message: 'outcome_required', path: ['outcome'] })
  .refine((a) => a.status !== 'declined' || !!a.note, { message: 'decline_reason_required', path: ['note'] });
export const ReferralCancel = z.strictObject({ reason: requiredText(2000) });

export const ReferralListQuery = z.strictObject({
  status: ReferralStatus.optional(),
  /** Only referrals past their response date and still unanswered. */
  overdue: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: PageSize,
});

export const ReferralLetterQuery = z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') });

// ---------------------------------------------------------------------------------------------------------------
// Alternative care
// ---------------------------------------------------------------------------------------------------------------

export const carePlacementKinds = ['relative', 'non_relative', 'institution'] as const;
export const CarePlacementKind = z.enum(carePlacementKinds);
export type CarePlacementKind = z.infer<typeof CarePlacementKind>;

export const carePlacementKindNames: Record<CarePlacementKind, { vi: string; en: string }> = {
  relative: { vi: 'Người thân thích', en: 'Relatives' },
  non_relative: { vi: 'Cá nhân, gia đình không phải người thân thích', en: 'A non-relative family' },
  institution: { vi: 'Cơ sở trợ giúp xã hội', en: 'An institution' },
};

export const carePlacementStatuses = ['proposed', 'decided', 'placed', 'terminated', 'rejected'] as const;
export const CarePlacementStatus = z.enum(carePlacementStatuses);
export type CarePlacementStatus = z.infer<typeof CarePlacementStatus>;

export const carePlacementStatusNames: Record<CarePlacementStatus, { vi: string; en: string }> = {
  proposed: { vi: 'Đề xuất – chờ quyết định', en: 'Proposed – awaiting decision' },
  decided: { vi: 'Đã quyết định – chờ giao nhận', en: 'Decided – awaiting hand-over' },
  placed: { vi: 'Đang chăm sóc thay thế', en: 'In alternative care' },
  terminated: { vi: 'Đã chấm dứt', en: 'Terminated' },
  rejected: { vi: 'Không chấp thuận', en: 'Not approved' },
};

export const careWellbeings = ['good', 'concern', 'at_risk'] as const;
export const CareWellbeing = z.enum(careWellbeings);

export const CarePlacementInput = z
  .strictObject({
    personId: Uuid,
    caseId: Uuid.nullish(),
    kind: CarePlacementKind,
    carerName: requiredText(200),
    carerRelation: optionalText(200),
    carerAddress: optionalText(500),
    carerPhone: optionalText(30),
    providerId: Uuid.nullish(),
    note: optionalText(2000),
  })
  .refine((p) => p.kind !== 'institution' || !!p.providerId, {
    message: 'institution_required',
    path: ['providerId'],
  });
export type CarePlacementInput = z.input<typeof CarePlacementInput>;

export const CareDecision = z.discriminatedUnion('approved', [
  z.strictObject({ approved: z.literal(true), decisionNumber: requiredText(60), decidedOn: PlainDateString }),
  z.strictObject({ approved: z.literal(false), reason: requiredText(2000) }),
]);
export const CareHandover = z.strictObject({ handedOverOn: PlainDateString });
export const CareVisitInput = z.strictObject({
  visitedOn: PlainDateString,
  wellbeing: CareWellbeing,
  findings: requiredText(5000),
  nextVisitOn: PlainDateString.nullish(),
});
export const CareTermination = z.strictObject({ terminatedOn: PlainDateString, reason: requiredText(2000) });

export const CarePlacement = z.object({
  id: Uuid,
  personId: Uuid,
  childName: z.string(),
  caseId: Uuid.nullable(),
  communeId: Uuid,
  kind: CarePlacementKind,
  carerName: z.string(),
  carerRelation: z.string().nullable(),
  carerAddress: z.string().nullable(),
  carerPhone: z.string().nullable(),
  provider: z.object({ id: Uuid, name: z.string() }).nullable(),
  status: CarePlacementStatus,
  proposedAt: Instant,
  proposalNote: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: PlainDateString.nullable(),
  handoverDueAt: Instant.nullable(),
  handoverOverdue: z.boolean(),
  handedOverOn: PlainDateString.nullable(),
  terminatedOn: PlainDateString.nullable(),
  terminationReason: z.string().nullable(),
  visits: z.array(
    z.object({
      id: Uuid,
      visitedOn: PlainDateString,
      visitedByName: z.string(),
      wellbeing: CareWellbeing,
      findings: z.string(),
      nextVisitOn: PlainDateString.nullable(),
    }),
  ),
});
export type CarePlacement = z.infer<typeof CarePlacement>;

export const referralEndpoints = {
  createForCase: endpoint({
    method: 'POST',
    path: '/api/cases/:id/referrals',
    permission: 'case.manage',
    summary: 'Refer the child of a case to a provider for a service',
    tag,
    params: IdParams,
    body: ReferralInput,
    response: Referral,
    successStatus: 201,
  }),
  createForPerson: endpoint({
    method: 'POST',
    path: '/api/ecd/persons/:id/referrals',
    permission: 'referral.send',
    summary: 'Refer a child for a service the child needs, outside a protection case (e.g. a health check)',
    tag,
    params: IdParams,
    body: ReferralInput,
    response: Referral,
    successStatus: 201,
  }),
  listForPerson: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/referrals',
    permission: 'ecd.read',
    summary: 'A child’s early-childhood referrals (a case’s referrals stay with the case)',
    tag,
    params: IdParams,
    response: z.object({ items: z.array(Referral) }),
  }),
  listForCase: endpoint({
    method: 'GET',
    path: '/api/cases/:id/referrals',
    permission: 'case.read',
    summary: 'The referrals of a case',
    tag,
    params: IdParams,
    response: z.object({ items: z.array(Referral) }),
  }),
  outgoing: endpoint({
    method: 'GET',
    path: '/api/referrals/outgoing',
    permission: 'referral.send',
    summary:
      'Referrals the caller follows up (from their cases, or sent for a young child), e.g. awaiting a response',
    tag,
    query: ReferralListQuery,
    response: ReferralList,
  }),
  incoming: endpoint({
    method: 'GET',
    path: '/api/referrals/incoming',
    permission: 'referral.respond',
    summary: 'Referrals sent to the providers the caller acts for',
    tag,
    query: ReferralListQuery,
    response: ReferralList,
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/referrals/:id/accept',
    permission: 'referral.respond',
    summary: 'The provider accepts a referral',
    tag,
    params: IdParams,
    body: ReferralResponse,
    response: Referral,
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/referrals/:id/decline',
    permission: 'referral.respond',
    summary: 'The provider declines a referral, with its reason',
    tag,
    params: IdParams,
    body: ReferralDecline,
    response: Referral,
  }),
  complete: endpoint({
    method: 'POST',
    path: '/api/referrals/:id/complete',
    permission: 'referral.respond',
    summary: 'The provider reports the service given and its outcome',
    tag,
    params: IdParams,
    body: ReferralCompletion,
    response: Referral,
  }),
  recordAnswer: endpoint({
    method: 'POST',
    path: '/api/referrals/:id/record-answer',
    permission: 'referral.send',
    summary:
      'Record the answer or outcome of a provider without an account (the case’s worker, or the sender)',
    tag,
    params: IdParams,
    body: ReferralRecordedAnswer,
    response: Referral,
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/referrals/:id/cancel',
    permission: 'referral.send',
    summary: 'Cancel a referral not yet completed',
    tag,
    params: IdParams,
    body: ReferralCancel,
    response: Referral,
  }),
  letter: endpoint({
    method: 'GET',
    path: '/api/referrals/:id/letter',
    permission: 'referral.send',
    summary: 'The referral letter (PDF, or DOCX to edit) with its reply slip',
    tag,
    params: IdParams,
    query: ReferralLetterQuery,
    response: FileResult,
    responseKind: 'file',
  }),

  proposeCare: endpoint({
    method: 'POST',
    path: '/api/care-placements',
    permission: 'case.manage',
    summary: 'Propose an alternative-care placement for a child (the commune leader decides)',
    tag,
    body: CarePlacementInput,
    response: CarePlacement,
    successStatus: 201,
  }),
  careForPerson: endpoint({
    method: 'GET',
    path: '/api/care-placements/persons/:id',
    permission: 'case.read',
    summary: 'A child’s alternative-care placements with their visits',
    tag,
    params: IdParams,
    response: z.object({ items: z.array(CarePlacement) }),
  }),
  decideCare: endpoint({
    method: 'POST',
    path: '/api/care-placements/:id/decision',
    permission: 'case.approve',
    summary: 'The commune leader’s decision on a proposed placement; hand-over is due within 15 working days',
    tag,
    params: IdParams,
    body: CareDecision,
    response: CarePlacement,
  }),
  handOver: endpoint({
    method: 'POST',
    path: '/api/care-placements/:id/handover',
    permission: 'case.manage',
    summary: 'Record the hand-over of the child to the carer',
    tag,
    params: IdParams,
    body: CareHandover,
    response: CarePlacement,
  }),
  recordVisit: endpoint({
    method: 'POST',
    path: '/api/care-placements/:id/visits',
    permission: 'case.manage',
    summary: 'Record a follow-up visit to the placement',
    tag,
    params: IdParams,
    body: CareVisitInput,
    response: CarePlacement,
    successStatus: 201,
  }),
  terminateCare: endpoint({
    method: 'POST',
    path: '/api/care-placements/:id/terminate',
    permission: 'case.manage',
    summary: 'End a placement, with its reason',
    tag,
    params: IdParams,
    body: CareTermination,
    response: CarePlacement,
  }),
};
