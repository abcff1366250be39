import { z } from 'zod';
import {
  CloseReason,
  ConcernType,
  IntakeChannel,
  IntakeSource,
  RiskLevel,
} from '../domain/cases/caseCatalogue.ts';
import { CaseDeadlineCode } from '../domain/calendar/caseDeadlines.ts';
import { CaseAction, CaseStep } from '../domain/cases/caseWorkflow.ts';
import { endpoint, Ok, Page, PageSize, paginated, PlainDateString, Uuid } from './endpoint.ts';
import { FileResult, SexCode } from './register.ts';

const tag = 'Child protection cases';
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const Instant = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------------------------------------------------------
// Intake (Mẫu 01)
// ---------------------------------------------------------------------------------------------------------------

/** A child not (yet) in the register: what the reporter knows, completed later by linking the record. */
export const ReportedChild = z.strictObject({
  name: requiredText(200),
  sex: SexCode.nullish(),
  birthYear: z.number().int().min(1990).max(2100).nullish(),
  address: optionalText(500),
});

export const Reporter = z
  .strictObject({
    anonymous: z.boolean().default(false),
    name: optionalText(200),
    phone: optionalText(30),
    relation: optionalText(200),
  })
  .refine((r) => !r.anonymous || (!r.name && !r.phone), {
    message: 'anonymous_reporter_named',
    path: ['name'],
  });

export const CaseIntake = z
  .strictObject({
    /** The register record, when the reporter can see the child. */
    personId: Uuid.nullish(),
    child: ReportedChild.nullish(),
    /** The commune responsible, for a child not in the register (default: the reporter's own commune). */
    communeId: Uuid.nullish(),
    receivedAt: Instant.nullish(),
    channel: IntakeChannel,
    source: IntakeSource,
    reporter: Reporter,
    concernTypes: z.array(ConcernType).min(1).max(13),
    description: requiredText(10_000),
    occurredOn: PlainDateString.nullish(),
    occurredPlace: optionalText(500),
  })
  .refine((i) => (i.personId ? !i.child : !!i.child), {
    message: 'person_or_child_required',
    path: ['personId'],
  });
export type CaseIntake = z.input<typeof CaseIntake>;

export const CaseIntakeResult = z.object({ id: Uuid, caseNumber: z.string() });

// ---------------------------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------------------------

export const caseDueStates = ['on_time', 'due_soon', 'overdue'] as const;
export const CaseDueState = z.enum(caseDueStates);
export type CaseDueState = z.infer<typeof CaseDueState>;

export const caseDueKinds = [
  'initial_assessment',
  'urgent_intervention',
  'plan_draft',
  'plan_approval',
  'review',
] as const;
export const CaseDueKind = z.enum(caseDueKinds);
export type CaseDueKind = z.infer<typeof CaseDueKind>;

export const CaseListItem = z.object({
  id: Uuid,
  caseNumber: z.string(),
  childName: z.string(),
  personId: Uuid.nullable(),
  communeId: Uuid,
  communeName: z.string(),
  step: CaseStep,
  urgent: z.boolean(),
  riskLevel: RiskLevel.nullable(),
  concernTypes: z.array(ConcernType),
  receivedAt: Instant,
  dueAt: Instant.nullable(),
  dueKind: CaseDueKind.nullable(),
  dueState: CaseDueState.nullable(),
  transferPending: z.boolean(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseListQuery = z.strictObject({
  step: CaseStep.optional(),
  riskLevel: RiskLevel.optional(),
  due: z.enum(['overdue', 'due_soon']).optional(),
  /** open (default), closed or all. */
  status: z.enum(['open', 'closed', 'all']).default('open'),
  q: z.string().trim().max(100).optional(),
  page: Page,
  pageSize: PageSize,
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

export const CaseInboxQuery = z.strictObject({ page: Page, pageSize: PageSize });
export const CaseList = paginated(CaseListItem);
export type CaseList = z.infer<typeof CaseList>;

// ---------------------------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------------------------

export const caseRelations = ['worker', 'approver', 'supervisor', 'shared', 'inbox'] as const;
export const CaseRelation = z.enum(caseRelations);
export type CaseRelation = z.infer<typeof CaseRelation>;

export const CaseEventDto = z.object({
  id: Uuid,
  at: Instant,
  actorName: z.string().nullable(),
  kind: z.string(),
  fromStep: CaseStep.nullable(),
  toStep: CaseStep.nullable(),
  /** The form's fields as recorded; absent for readers who may not see them. */
  data: z.record(z.string(), z.unknown()),
});
export type CaseEventDto = z.infer<typeof CaseEventDto>;

export const CaseNoteDto = z.object({
  id: Uuid,
  authorName: z.string(),
  writtenAt: Instant,
  extraConfidential: z.boolean(),
  /** null: the note is extra-confidential and the reader is not one of the case's workers. */
  body: z.string().nullable(),
});

export const CasePlanActionDto = z.object({
  id: Uuid,
  planNumber: z.number().int(),
  position: z.number().int(),
  description: z.string(),
  responsible: z.string(),
  dueOn: PlainDateString,
  serviceCode: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  doneOn: PlainDateString.nullable(),
  outcome: z.string().nullable(),
});

export const CaseMemberDto = z.object({
  userId: Uuid,
  fullName: z.string(),
  addedAt: Instant,
});

export const CaseShareDto = z.object({
  id: Uuid,
  userId: Uuid,
  fullName: z.string(),
  reason: z.string(),
  sharedByName: z.string(),
  sharedAt: Instant,
  expiresOn: PlainDateString.nullable(),
});

export const CaseDetail = z.object({
  id: Uuid,
  caseNumber: z.string(),
  relation: CaseRelation,
  /** What the reader may do next, per the workflow and their relation. */
  availableActions: z.array(z.string()),
  step: CaseStep,
  urgent: z.boolean(),
  riskLevel: RiskLevel.nullable(),
  concernTypes: z.array(ConcernType),
  extraConfidential: z.boolean(),
  child: z.object({
    personId: Uuid.nullable(),
    name: z.string(),
    sex: SexCode.nullable(),
    birthDate: PlainDateString.nullable(),
    birthYear: z.number().int().nullable(),
    address: z.string().nullable(),
  }),
  commune: z.object({ id: Uuid, name: z.string() }),
  intake: z.object({
    receivedAt: Instant,
    channel: IntakeChannel,
    source: IntakeSource,
    /** null for readers who may not know who reported (everyone but the workers and the approver). */
    reporter: z
      .object({
        anonymous: z.boolean(),
        name: z.string().nullable(),
        phone: z.string().nullable(),
        relation: z.string().nullable(),
      })
      .nullable(),
    description: z.string(),
    occurredOn: PlainDateString.nullable(),
    occurredPlace: z.string().nullable(),
  }),
  due: z.object({ at: Instant, kind: CaseDueKind, state: CaseDueState }).nullable(),
  planDueAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  closeReason: CloseReason.nullable(),
  transfer: z
    .object({ toCommuneId: Uuid, toCommuneName: z.string(), requestedAt: Instant, reason: z.string() })
    .nullable(),
  version: z.number().int(),
  members: z.array(CaseMemberDto),
  shares: z.array(CaseShareDto),
  planActions: z.array(CasePlanActionDto),
  notes: z.array(CaseNoteDto),
  events: z.array(CaseEventDto),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseActionRequest = z.strictObject({
  /** The version the form was filled from: a case changed since answers 409 CASE_STEP_CONFLICT. */
  version: z.number().int().min(1),
  action: CaseAction,
});
export type CaseActionRequest = z.input<typeof CaseActionRequest>;

export const CaseNoteInput = z.strictObject({
  body: requiredText(10_000),
  extraConfidential: z.boolean().default(false),
});

export const CaseShareInput = z.strictObject({
  userId: Uuid,
  reason: requiredText(1000),
  expiresOn: PlainDateString.nullish(),
});

export const CasePlanActionUpdate = z
  .strictObject({
    status: z.enum(['open', 'done', 'cancelled']),
    doneOn: PlainDateString.nullish(),
    outcome: optionalText(2000),
  })
  .refine((u) => u.status !== 'done' || !!u.doneOn, { message: 'done_on_required', path: ['doneOn'] });

export const CaseTransferRequest = z.strictObject({ communeId: Uuid, reason: requiredText(2000) });
export const CaseTransferDecision = z.strictObject({ reason: optionalText(2000) });

export const CaseLinkChild = z.strictObject({ personId: Uuid });

/** On the child's profile: what the reader may know of the child's protection cases. */
export const PersonCaseSummary = z.object({
  /** True when the child has an open case, whether or not the reader may see it. */
  hasOpenCase: z.boolean(),
  /** The cases the reader may open; empty for a health worker who only needs to know. */
  cases: z.array(
    z.object({
      id: Uuid,
      caseNumber: z.string(),
      step: CaseStep,
      receivedAt: Instant,
      closedAt: Instant.nullable(),
    }),
  ),
});

const IdParams = z.strictObject({ id: Uuid });

export const caseEndpoints = {
  report: endpoint({
    method: 'POST',
    path: '/api/cases',
    permission: 'case.intake',
    summary: 'Report a concern about a child (Mẫu 01); it reaches the commune worker’s inbox at once',
    tag,
    body: CaseIntake,
    response: CaseIntakeResult,
    successStatus: 201,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/cases',
    permission: 'case.read',
    summary: 'The cases the caller works on, approves, supervises or was shared, with filters',
    tag,
    query: CaseListQuery,
    response: CaseList,
  }),
  inbox: endpoint({
    method: 'GET',
    path: '/api/cases/inbox',
    permission: 'case.manage',
    summary: 'New reports in the caller’s communes that no worker has taken yet',
    tag,
    query: CaseInboxQuery,
    response: CaseList,
  }),
  approvals: endpoint({
    method: 'GET',
    path: '/api/cases/approvals',
    permission: 'case.approve',
    summary: 'Plans and closures waiting for the commune leader’s decision',
    tag,
    query: CaseInboxQuery,
    response: CaseList,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/cases/:id',
    permission: 'case.read',
    summary: 'One case with its timeline, plan, notes and shares (each read is audited)',
    tag,
    params: IdParams,
    response: CaseDetail,
  }),
  take: endpoint({
    method: 'POST',
    path: '/api/cases/:id/take',
    permission: 'case.manage',
    summary: 'Take a new report from the inbox as its worker',
    tag,
    params: IdParams,
    response: Ok,
  }),
  act: endpoint({
    method: 'POST',
    path: '/api/cases/:id/actions',
    permission: 'case.manage',
    summary: 'The worker takes the next step of the case (assessments, emergency, plan, review, reopening)',
    tag,
    params: IdParams,
    body: CaseActionRequest,
    response: CaseDetail,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/cases/:id/decisions',
    permission: 'case.approve',
    summary: 'The commune leader decides: approve or return the plan, close or keep open, reopen',
    tag,
    params: IdParams,
    body: CaseActionRequest,
    response: CaseDetail,
  }),
  addNote: endpoint({
    method: 'POST',
    path: '/api/cases/:id/notes',
    permission: 'case.manage',
    summary: 'Add a note, possibly extra-confidential',
    tag,
    params: IdParams,
    body: CaseNoteInput,
    response: Ok,
    successStatus: 201,
  }),
  share: endpoint({
    method: 'POST',
    path: '/api/cases/:id/shares',
    permission: 'case.manage',
    summary: 'Share the case with one user, read-only, with a reason',
    tag,
    params: IdParams,
    body: CaseShareInput,
    response: Ok,
    successStatus: 201,
  }),
  revokeShare: endpoint({
    method: 'POST',
    path: '/api/cases/:id/shares/:shareId/revoke',
    permission: 'case.manage',
    summary: 'End a share',
    tag,
    params: z.strictObject({ id: Uuid, shareId: Uuid }),
    response: Ok,
  }),
  updatePlanAction: endpoint({
    method: 'POST',
    path: '/api/cases/:id/plan-actions/:actionId',
    permission: 'case.manage',
    summary: 'Record progress on one action of the plan in force',
    tag,
    params: z.strictObject({ id: Uuid, actionId: Uuid }),
    body: CasePlanActionUpdate,
    response: Ok,
  }),
  linkChild: endpoint({
    method: 'POST',
    path: '/api/cases/:id/link-child',
    permission: 'case.manage',
    summary: 'Attach the register record of a child reported by name only',
    tag,
    params: IdParams,
    body: CaseLinkChild,
    response: Ok,
  }),
  requestTransfer: endpoint({
    method: 'POST',
    path: '/api/cases/:id/transfer',
    permission: 'case.manage',
    summary: 'Ask another commune to take over the case (the child moved)',
    tag,
    params: IdParams,
    body: CaseTransferRequest,
    response: Ok,
  }),
  acceptTransfer: endpoint({
    method: 'POST',
    path: '/api/cases/:id/transfer/accept',
    permission: 'case.manage',
    summary: 'Accept a case transferred to the caller’s commune; its history travels with it',
    tag,
    params: IdParams,
    body: CaseTransferDecision,
    response: Ok,
  }),
  declineTransfer: endpoint({
    method: 'POST',
    path: '/api/cases/:id/transfer/decline',
    permission: 'case.manage',
    summary: 'Decline a transfer; the case stays with the sending commune',
    tag,
    params: IdParams,
    body: z.strictObject({ reason: requiredText(2000) }),
    response: Ok,
  }),
  transfersIn: endpoint({
    method: 'GET',
    path: '/api/cases/transfers-in',
    permission: 'case.manage',
    summary: 'Cases other communes ask the caller’s commune to take over',
    tag,
    query: CaseInboxQuery,
    response: CaseList,
  }),
  form: endpoint({
    method: 'GET',
    path: '/api/cases/:id/forms/:form',
    permission: 'case.read',
    summary: 'One of the forms Mẫu 01–06 filled from the case, as PDF to print or DOCX to edit (audited)',
    tag,
    params: z.strictObject({
      id: Uuid,
      form: z.enum(['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06']),
    }),
    query: z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') }),
    response: FileResult,
    responseKind: 'file',
  }),
  transferTargets: endpoint({
    method: 'GET',
    path: '/api/cases/:id/transfer-targets',
    permission: 'case.manage',
    summary: 'Communes of the case’s province it may be transferred to, by name',
    tag,
    params: IdParams,
    query: z.strictObject({ search: z.string().trim().max(100).optional() }),
    response: z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), fullName: z.string() })) }),
  }),
  shareCandidates: endpoint({
    method: 'GET',
    path: '/api/cases/:id/share-candidates',
    permission: 'case.manage',
    summary: 'Users of the case’s province it may be shared with, by name',
    tag,
    params: IdParams,
    query: z.strictObject({ search: z.string().trim().max(100).optional() }),
    response: z.object({
      items: z.array(z.object({ id: Uuid, fullName: z.string(), role: z.string(), unitName: z.string() })),
    }),
  }),
  forPerson: endpoint({
    method: 'GET',
    path: '/api/cases/persons/:id',
    permission: 'case.knowOpen',
    summary: 'On a child’s profile: whether the child has an open case, and the cases the caller may open',
    tag,
    params: IdParams,
    response: PersonCaseSummary,
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// A province's case deadlines and calendar
// ---------------------------------------------------------------------------------------------------------------

export const CaseSettings = z.object({
  provinceCode: z.string(),
  /** The catalogue as it applies in the province: each deadline with its amount and the most it may be. */
  deadlines: z.array(
    z.object({
      code: CaseDeadlineCode,
      kind: z.enum(['hours', 'working_days']),
      amount: z.number().int(),
      nationalAmount: z.number().int(),
      maxAmount: z.number().int(),
      statutory: z.boolean(),
      legalBasis: z.string(),
      name: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
  extraDaysOff: z.array(PlainDateString),
  extraWorkingDays: z.array(PlainDateString),
  updatedAt: Instant.nullable(),
});
export type CaseSettings = z.infer<typeof CaseSettings>;

export const CaseSettingsInput = z
  .strictObject({
    /** Amounts that differ from the national catalogue; a statutory deadline may be shortened, never lengthened. */
    deadlineOverrides: z.partialRecord(CaseDeadlineCode, z.number().int()),
    extraDaysOff: z.array(PlainDateString).max(200),
    extraWorkingDays: z.array(PlainDateString).max(200),
  })
  .refine((s) => !s.extraDaysOff.some((d) => s.extraWorkingDays.includes(d)), {
    message: 'day_both_off_and_working',
    path: ['extraWorkingDays'],
  });
export type CaseSettingsInput = z.input<typeof CaseSettingsInput>;

const ProvinceParams = z.strictObject({ provinceCode: z.string().regex(/^\d{2}$/) });

export const caseSettingEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/case-settings/:provinceCode',
    permission: 'caseSettings.manage',
    summary: 'The province’s case deadlines and its own days off and worked days',
    tag,
    params: ProvinceParams,
    response: CaseSettings,
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/case-settings/:provinceCode',
    permission: 'caseSettings.manage',
    summary: 'Set the province’s case deadlines (shorter than the law’s, never longer) and its calendar',
    tag,
    params: ProvinceParams,
    body: CaseSettingsInput,
    response: CaseSettings,
  }),
};
