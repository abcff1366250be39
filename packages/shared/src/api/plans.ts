import { z } from 'zod';
import { IndicatorUnit } from '../domain/indicators/types.ts';
import { OrgLevel } from '../permissions.ts';
import { endpoint, Ok, Page, PageSize, paginated, PlainDateString, Uuid } from './endpoint.ts';

// Plans (kế hoạch), their targets, activities, trainings and budget (docs/plans.md). A plan belongs to a province or
// a commune and a period of years; it is made from scratch, from one of the seed plans shipped as templates
// (data/plans/*.json), or derived from the plan of the unit above. Cross-field rules report a stable code as their
// message (`period_end_before_start`), which the web translates.

const tag = 'Plans';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const Year = z.number().int().min(2000).max(2100);

export const planStatuses = ['draft', 'in_force', 'closed'] as const;
export const PlanStatus = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** The levels a plan is made at: a province (or centrally-run city) and a commune. */
export const PlanLevel = z.enum(['province', 'commune']);
export type PlanLevel = z.infer<typeof PlanLevel>;

/** How an observed figure is compared with a target's value (data/plans/README.md, "target"). */
export const TargetComparator = z.enum(['>=', '>', '<=', '<', '=']);
export type TargetComparator = z.infer<typeof TargetComparator>;

/** increase: a floor to reach; decrease: a ceiling; maintain: keep a level reached; reach: attain a state. */
export const TargetDirection = z.enum(['increase', 'decrease', 'maintain', 'reach']);
export type TargetDirection = z.infer<typeof TargetDirection>;

/** The main kind of an activity, as the seed plans classify their items. */
export const activityKinds = [
  'communication',
  'capacity_building',
  'policy_review',
  'parenting_education',
  'service_delivery',
  'referral_network',
  'monitoring_evaluation',
  'resource_mobilization',
  'coordination',
  'pilot_model',
  'legal_justice',
  'other',
] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const activityStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ActivityStatus = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** A training course, or a parenting session (sinh hoạt nhóm cha mẹ, buổi nói chuyện nuôi dạy con). */
export const TrainingKind = z.enum(['training', 'parenting_session']);
export type TrainingKind = z.infer<typeof TrainingKind>;

/** Who a participant is: the roles the "% of staff and caregivers trained" targets count. */
export const participantRoles = [
  'health_staff',
  'education_staff',
  'social_staff',
  'collaborator',
  'parent',
  'caregiver',
  'other',
] as const;
export const ParticipantRole = z.enum(participantRoles);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** Where an activity's money comes from: the state budget by level, ODA (UNICEF), social mobilisation. */
export const budgetSources = [
  'state_central',
  'state_province',
  'state_commune',
  'oda_unicef',
  'social_mobilisation',
  'other',
] as const;
export const BudgetSource = z.enum(budgetSources);
export type BudgetSource = z.infer<typeof BudgetSource>;

/** Amounts in đồng, whole and non-negative; below 10^15 so they stay exact in JavaScript. */
const Vnd = z.number().int().min(0).max(999_999_999_999_999);

/**
 * One value of a target: the figure for a year (`2025: 80`), optionally for one group (`rural`), with its own
 * comparator, or a yearly range over several years (`2025–2030: 2–3 % a year`). `implied`: the plan's text gives no
 * year and the value is repeated at each checkpoint year. A `boolean` target's value is `true`.
 */
export const PlanTargetValue = z.strictObject({
  year: Year,
  value: z.union([z.number().finite().min(0).max(1_000_000_000), z.boolean()]),
  comparator: TargetComparator.optional(),
  group: z.string().trim().min(1).max(40).optional(),
  implied: z.boolean().optional(),
  toYear: Year.optional(),
  valueMax: z.number().finite().min(0).max(1_000_000_000).optional(),
});
export type PlanTargetValue = z.infer<typeof PlanTargetValue>;

/** The fields of a target the plan's unit sets and edits. */
export const PlanTargetInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/),
  text: text(2000),
  en: optionalText(1000),
  measure: optionalText(500),
  unit: IndicatorUnit,
  direction: TargetDirection,
  comparator: TargetComparator.nullable(),
  values: z.array(PlanTargetValue).max(40),
  disaggregation: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  population: optionalText(200),
  responsibleAgency: optionalText(300),
  note: optionalText(2000),
});
export type PlanTargetInput = z.input<typeof PlanTargetInput>;

export const PlanTargetCreate = PlanTargetInput.extend({
  /** A code of the indicator catalogue that measures the target. */
  indicatorCode: z.string().trim().min(2).max(40).nullish(),
});
export type PlanTargetCreate = z.input<typeof PlanTargetCreate>;

export const PlanTargetIndicatorInput = z.strictObject({
  /** A code of the indicator catalogue; null unlinks the target. */
  indicatorCode: z.string().trim().min(2).max(40).nullable(),
});
export type PlanTargetIndicatorInput = z.input<typeof PlanTargetIndicatorInput>;

const TargetFields = {
  code: z.string(),
  text: z.string(),
  en: z.string().nullable(),
  measure: z.string().nullable(),
  unit: IndicatorUnit,
  direction: TargetDirection,
  comparator: TargetComparator.nullable(),
  values: z.array(PlanTargetValue),
  disaggregation: z.array(z.string()),
  population: z.string().nullable(),
  responsibleAgency: z.string().nullable(),
  note: z.string().nullable(),
  indicatorCode: z.string().nullable(),
};

export const PlanTarget = z.object({ id: Uuid, planId: Uuid, ...TargetFields });
export type PlanTarget = z.infer<typeof PlanTarget>;

/** A unit a plan or a course belongs to. */
export const PlanUnit = z.object({
  id: Uuid,
  name: z.string(),
  fullName: z.string(),
  level: OrgLevel,
  path: z.string(),
});
export type PlanUnit = z.infer<typeof PlanUnit>;

/** An agency and its duties under the plan ("Tổ chức thực hiện"), as the template states them. */
export const PlanAgency = z.object({
  name: z.string(),
  en: z.string().nullable(),
  sector: z.string(),
  standingAgency: z.boolean(),
  requested: z.boolean(),
  members: z.array(z.string()),
  duties: z.array(z.string()),
  /** Codes of the targets the agency guides or implements. */
  targets: z.array(z.string()),
});
export type PlanAgency = z.infer<typeof PlanAgency>;

export const PlanReporting = z.object({
  periodicity: z.array(z.string()),
  text: z.array(z.string()),
  deadlines: z.array(
    z.object({
      report: z.string(),
      /** `--MM-DD` every year, or null when the plan names no date. */
      due: z.string().nullable(),
      to: z.string().nullable(),
      forwardedTo: z.array(z.string()),
    }),
  ),
  milestones: z.array(
    z.object({
      event: z.string(),
      year: z.number().int().nullable(),
      due: z.string().nullable(),
      when: z.string().nullable(),
      text: z.string(),
    }),
  ),
  recipients: z.array(z.string()),
});
export type PlanReporting = z.infer<typeof PlanReporting>;

export const emptyPlanReporting: PlanReporting = {
  periodicity: [],
  text: [],
  deadlines: [],
  milestones: [],
  recipients: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Templates

const TemplateActivityFields = {
  code: z.string(),
  section: z.string().nullable(),
  parentTitle: z.string().nullable(),
  title: z.string(),
  en: z.string().nullable(),
  kind: ActivityKind,
  lead: z.string().nullable(),
  partners: z.array(z.string()),
  purpose: z.string().nullable(),
  details: z.array(z.string()),
};

export const PlanTemplateSummary = z.object({
  code: z.string(),
  title: z.string(),
  en: z.string(),
  documentNumber: z.string().nullable(),
  issuedBy: z.string(),
  issuedDate: PlainDateString.nullable(),
  level: PlanLevel,
  area: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  nationalProgramme: z.string().nullable(),
  targetCount: z.number().int(),
  activityCount: z.number().int(),
  agencyCount: z.number().int(),
});
export type PlanTemplateSummary = z.infer<typeof PlanTemplateSummary>;

export const PlanTemplateTarget = z.object(TargetFields);
export type PlanTemplateTarget = z.infer<typeof PlanTemplateTarget>;

export const PlanTemplateActivity = z.object(TemplateActivityFields);
export type PlanTemplateActivity = z.infer<typeof PlanTemplateActivity>;

export const PlanTemplate = PlanTemplateSummary.extend({
  titleAsPrinted: z.string().nullable(),
  legalBasis: z.array(z.string()),
  generalGoal: z.string(),
  checkpointYears: z.array(z.number().int()),
  targets: z.array(PlanTemplateTarget),
  activities: z.array(PlanTemplateActivity),
  agencies: z.array(PlanAgency),
  fundingSources: z.array(z.string()),
  reporting: PlanReporting,
  notes: z.array(z.string()),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;

const TemplateParams = z.strictObject({ code: z.string().regex(/^[a-z0-9-]{1,80}$/) });

// ---------------------------------------------------------------------------------------------------------------
// Plans

const planFields = {
  title: text(1000),
  documentNumber: optionalText(60),
  issuedDate: PlainDateString.nullish().transform((value) => value ?? null),
  issuedBy: optionalText(300),
  legalBasis: z.array(text(1000)).max(60).default([]),
  generalGoal: optionalText(10_000),
  periodStart: Year,
  periodEnd: Year,
};

const periodInOrder = (value: { periodStart: number; periodEnd: number }, context: z.RefinementCtx) => {
  if (value.periodEnd < value.periodStart)
    context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'period_end_before_start' });
  else if (value.periodEnd - value.periodStart > 30)
    context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'period_too_long' });
};

export const PlanCreate = z
  .strictObject({
    /** The province or commune the plan belongs to. */
    unitId: Uuid,
    ...planFields,
    fundingSources: z.array(text(3000)).max(30).default([]),
  })
  .superRefine(periodInOrder);
export type PlanCreate = z.input<typeof PlanCreate>;

export const PlanFromTemplate = z.strictObject({
  unitId: Uuid,
  templateCode: z.string().regex(/^[a-z0-9-]{1,80}$/),
  /** Left out: the template's. A unit that takes another's plan as its model writes its own title and number. */
  title: text(1000).optional(),
  documentNumber: optionalText(60).optional(),
  issuedDate: PlainDateString.nullish(),
  issuedBy: optionalText(300).optional(),
});
export type PlanFromTemplate = z.input<typeof PlanFromTemplate>;

export const PlanUpdate = z
  .strictObject({
    ...planFields,
    fundingSources: z.array(text(3000)).max(30).default([]),
    /** The version the edit started from: a plan changed meanwhile answers PLAN_STATE_CONFLICT. */
    version: z.number().int().min(1),
  })
  .superRefine(periodInOrder);
export type PlanUpdate = z.input<typeof PlanUpdate>;

export const PlanStatusChange = z.strictObject({
  status: PlanStatus,
  version: z.number().int().min(1),
});
export type PlanStatusChange = z.input<typeof PlanStatusChange>;

export const PlanDerive = z.strictObject({
  /** A unit under the source plan's unit (a commune of the province). */
  unitId: Uuid,
  /** Left out: the source plan's title. */
  title: text(1000).optional(),
});
export type PlanDerive = z.input<typeof PlanDerive>;

export const PlanListQuery = z.strictObject({
  /** Plans at this unit, under it and above it (the plans it is held to). */
  unitId: Uuid,
  status: PlanStatus.optional(),
  page: Page,
  pageSize: PageSize,
});
export type PlanListQuery = z.input<typeof PlanListQuery>;

export const BudgetAmounts = z.object({ planned: z.number().int(), spent: z.number().int() });
export type BudgetAmounts = z.infer<typeof BudgetAmounts>;

export const BudgetTotals = z.object({
  /** Every source, in the order of `budgetSources`, zeros included. */
  bySource: z.array(BudgetAmounts.extend({ source: BudgetSource })),
  total: BudgetAmounts,
});
export type BudgetTotals = z.infer<typeof BudgetTotals>;

export const PlanSummary = z.object({
  id: Uuid,
  provinceCode: z.string(),
  unit: PlanUnit,
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuedDate: PlainDateString.nullable(),
  issuedBy: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatus,
  templateCode: z.string().nullable(),
  derivedFrom: z.object({ id: Uuid, title: z.string(), unitName: z.string() }).nullable(),
  targetCount: z.number().int(),
  activityCount: z.number().int(),
  /** The caller manages plans and the plan's unit is inside their scope. */
  editable: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const ActivityCounts = z.object({
  notes: z.number().int(),
  documents: z.number().int(),
  events: z.number().int(),
  trainings: z.number().int(),
});
export type ActivityCounts = z.infer<typeof ActivityCounts>;

export const PlanActivity = z.object({
  id: Uuid,
  planId: Uuid,
  ...TemplateActivityFields,
  startDate: PlainDateString.nullable(),
  endDate: PlainDateString.nullable(),
  status: ActivityStatus,
  counts: ActivityCounts,
  budget: BudgetAmounts,
});
export type PlanActivity = z.infer<typeof PlanActivity>;

export const PlanDetail = PlanSummary.extend({
  legalBasis: z.array(z.string()),
  generalGoal: z.string().nullable(),
  agencies: z.array(PlanAgency),
  fundingSources: z.array(z.string()),
  reporting: PlanReporting,
  targets: z.array(PlanTarget),
  activities: z.array(PlanActivity),
  budget: BudgetTotals,
});
export type PlanDetail = z.infer<typeof PlanDetail>;

// ---------------------------------------------------------------------------------------------------------------
// Activities

const dateOrNull = PlainDateString.nullish().transform((value) => value ?? null);

const datesInOrder = (
  value: { startDate: string | null; endDate: string | null },
  context: z.RefinementCtx,
) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate)
    context.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
};

export const PlanActivityInput = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/)
      .nullish()
      .transform((value) => value ?? null),
    kind: ActivityKind,
    title: text(1000),
    lead: optionalText(300),
    partners: z.array(text(300)).max(40).default([]),
    details: z.array(text(5000)).max(60).default([]),
    purpose: optionalText(3000),
    startDate: dateOrNull,
    endDate: dateOrNull,
    status: ActivityStatus.default('planned'),
  })
  .superRefine(datesInOrder);
export type PlanActivityInput = z.input<typeof PlanActivityInput>;

export const ActivityStatusChange = z.strictObject({ status: ActivityStatus });
export type ActivityStatusChange = z.input<typeof ActivityStatusChange>;

export const ActivityNoteInput = z.strictObject({
  notedOn: PlainDateString,
  text: text(5000),
});
export type ActivityNoteInput = z.input<typeof ActivityNoteInput>;

export const ActivityNote = z.object({
  id: Uuid,
  notedOn: PlainDateString,
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityNote = z.infer<typeof ActivityNote>;

export const ActivityDocumentInput = z.strictObject({
  title: text(500),
  number: optionalText(60),
  issuedOn: dateOrNull,
  /** Where the document is kept: a web address, a file number, a cabinet. */
  reference: optionalText(1000),
});
export type ActivityDocumentInput = z.input<typeof ActivityDocumentInput>;

export const ActivityDocument = z.object({
  id: Uuid,
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: PlainDateString.nullable(),
  reference: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityDocument = z.infer<typeof ActivityDocument>;

/** One event of a communication campaign. */
export const CampaignEventInput = z.strictObject({
  heldOn: PlainDateString,
  place: text(300),
  audience: text(300),
  /** People reached. */
  reach: z.number().int().min(0).max(100_000_000),
  note: optionalText(2000),
});
export type CampaignEventInput = z.input<typeof CampaignEventInput>;

export const CampaignEvent = z.object({
  id: Uuid,
  heldOn: PlainDateString,
  place: z.string(),
  audience: z.string(),
  reach: z.number().int(),
  note: z.string().nullable(),
});
export type CampaignEvent = z.infer<typeof CampaignEvent>;

// ---------------------------------------------------------------------------------------------------------------
// Training courses

export const TrainingInput = z
  .strictObject({
    kind: TrainingKind,
    topic: text(500),
    trainer: optionalText(300),
    startDate: PlainDateString,
    endDate: PlainDateString,
    place: optionalText(300),
    /** The unit that ran the course: the plan's unit (left out) or a commune under it. */
    unitId: Uuid.nullish(),
  })
  .superRefine((value, context) => datesInOrder(value, context));
export type TrainingInput = z.input<typeof TrainingInput>;

export const ParticipantInput = z.strictObject({
  fullName: text(120),
  role: ParticipantRole,
  sex: z.enum(['male', 'female']),
  /** Where the person works or lives (đơn vị công tác / nơi ở), as written on the sign-in sheet. */
  unitName: optionalText(300),
  attended: z.boolean(),
});
export type ParticipantInput = z.input<typeof ParticipantInput>;

export const TrainingParticipantsInput = z.strictObject({
  participants: z.array(ParticipantInput).max(1000),
});
export type TrainingParticipantsInput = z.input<typeof TrainingParticipantsInput>;

export const TrainingParticipant = z.object({
  id: Uuid,
  fullName: z.string(),
  role: ParticipantRole,
  sex: z.enum(['male', 'female']),
  unitName: z.string().nullable(),
  attended: z.boolean(),
});
export type TrainingParticipant = z.infer<typeof TrainingParticipant>;

export const Training = z.object({
  id: Uuid,
  activityId: Uuid,
  planId: Uuid,
  kind: TrainingKind,
  topic: z.string(),
  trainer: z.string().nullable(),
  startDate: PlainDateString,
  endDate: PlainDateString,
  place: z.string().nullable(),
  unit: PlanUnit,
  participantCount: z.number().int(),
  attendedCount: z.number().int(),
});
export type Training = z.infer<typeof Training>;

export const TrainingDetail = Training.extend({
  participants: z.array(TrainingParticipant),
  editable: z.boolean(),
});
export type TrainingDetail = z.infer<typeof TrainingDetail>;

// ---------------------------------------------------------------------------------------------------------------
// Budget

export const BudgetLineInput = z.strictObject({
  source: BudgetSource,
  year: Year,
  plannedVnd: Vnd,
  spentVnd: Vnd,
  note: optionalText(1000),
});
export type BudgetLineInput = z.input<typeof BudgetLineInput>;

export const BudgetLine = z.object({
  id: Uuid,
  activityId: Uuid,
  source: BudgetSource,
  year: z.number().int(),
  plannedVnd: z.number().int(),
  spentVnd: z.number().int(),
  note: z.string().nullable(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const PlanBudget = z.object({
  planId: Uuid,
  totals: BudgetTotals,
  byYear: z.array(BudgetAmounts.extend({ year: z.number().int() })),
  lines: z.array(BudgetLine.extend({ activityCode: z.string().nullable(), activityTitle: z.string() })),
});
export type PlanBudget = z.infer<typeof PlanBudget>;

export const PlanActivityDetail = PlanActivity.extend({
  planTitle: z.string(),
  planStatus: PlanStatus,
  planPeriodStart: z.number().int(),
  planPeriodEnd: z.number().int(),
  planUnit: PlanUnit,
  editable: z.boolean(),
  notes: z.array(ActivityNote),
  documents: z.array(ActivityDocument),
  events: z.array(CampaignEvent),
  /** The courses the caller may see: those run by a unit that meets their scope. */
  trainings: z.array(Training),
  budgetLines: z.array(BudgetLine),
});
export type PlanActivityDetail = z.infer<typeof PlanActivityDetail>;

// ---------------------------------------------------------------------------------------------------------------

const IdParams = z.strictObject({ id: Uuid });

export const planEndpoints = {
  templates: endpoint({
    method: 'GET',
    path: '/api/plan-templates',
    permission: 'plan.read',
    summary: 'The seed plans that a plan can be made from',
    tag,
    response: z.object({ items: z.array(PlanTemplateSummary) }),
  }),
  template: endpoint({
    method: 'GET',
    path: '/api/plan-templates/:code',
    permission: 'plan.read',
    summary: 'One plan template in full: targets, activities, agencies, funding and reporting',
    tag,
    params: TemplateParams,
    response: PlanTemplate,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/plans',
    permission: 'plan.read',
    summary: 'The plans of a unit, of the units under it and of the units above it',
    tag,
    query: PlanListQuery,
    response: paginated(PlanSummary),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/plans',
    permission: 'plan.manage',
    summary: 'Make a plan from scratch for a province or commune',
    tag,
    body: PlanCreate,
    response: PlanDetail,
    successStatus: 201,
  }),
  createFromTemplate: endpoint({
    method: 'POST',
    path: '/api/plans/from-template',
    permission: 'plan.manage',
    summary:
      "Make a plan from a template: its targets (every year's value), activities, agencies and reporting",
    tag,
    body: PlanFromTemplate,
    response: PlanDetail,
    successStatus: 201,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/plans/:id',
    permission: 'plan.read',
    summary: 'One plan with its targets, activities and budget totals',
    tag,
    params: IdParams,
    response: PlanDetail,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/plans/:id',
    permission: 'plan.manage',
    summary: "Replace a plan's header fields (every field is sent, with the version the edit started from)",
    tag,
    params: IdParams,
    body: PlanUpdate,
    response: PlanDetail,
  }),
  setStatus: endpoint({
    method: 'POST',
    path: '/api/plans/:id/status',
    permission: 'plan.manage',
    summary: 'Put a plan in force, close it, reopen it or return it to draft',
    tag,
    params: IdParams,
    body: PlanStatusChange,
    response: PlanDetail,
  }),
  derive: endpoint({
    method: 'POST',
    path: '/api/plans/:id/derive',
    permission: 'plan.manage',
    summary: "Make a lower unit's plan from this plan: its targets and activities are copied",
    tag,
    params: IdParams,
    body: PlanDerive,
    response: PlanDetail,
    successStatus: 201,
  }),
  budget: endpoint({
    method: 'GET',
    path: '/api/plans/:id/budget',
    permission: 'plan.read',
    summary: "A plan's budget lines with totals by source and by year, planned and spent",
    tag,
    params: IdParams,
    response: PlanBudget,
  }),
  addTarget: endpoint({
    method: 'POST',
    path: '/api/plans/:id/targets',
    permission: 'plan.manage',
    summary: 'Add a target to a plan',
    tag,
    params: IdParams,
    body: PlanTargetCreate,
    response: PlanTarget,
    successStatus: 201,
  }),
  addActivity: endpoint({
    method: 'POST',
    path: '/api/plans/:id/activities',
    permission: 'plan.manage',
    summary: 'Add an activity to a plan',
    tag,
    params: IdParams,
    body: PlanActivityInput,
    response: PlanActivityDetail,
    successStatus: 201,
  }),
  updateTarget: endpoint({
    method: 'PUT',
    path: '/api/plan-targets/:id',
    permission: 'plan.manage',
    summary: "Replace a target's text and values (each unit sets its own numbers)",
    tag,
    params: IdParams,
    body: PlanTargetInput,
    response: PlanTarget,
  }),
  linkTargetIndicator: endpoint({
    method: 'PUT',
    path: '/api/plan-targets/:id/indicator',
    permission: 'plan.manage',
    summary: 'Link a target to the catalogue indicator that measures it, or unlink it',
    tag,
    params: IdParams,
    body: PlanTargetIndicatorInput,
    response: PlanTarget,
  }),
  removeTarget: endpoint({
    method: 'POST',
    path: '/api/plan-targets/:id/delete',
    permission: 'plan.manage',
    summary: 'Delete a target',
    tag,
    params: IdParams,
    response: Ok,
  }),
  activity: endpoint({
    method: 'GET',
    path: '/api/plan-activities/:id',
    permission: 'plan.read',
    summary: 'An activity with its notes, documents, campaign events, training courses and budget lines',
    tag,
    params: IdParams,
    response: PlanActivityDetail,
  }),
  updateActivity: endpoint({
    method: 'PUT',
    path: '/api/plan-activities/:id',
    permission: 'plan.manage',
    summary: "Replace an activity's fields",
    tag,
    params: IdParams,
    body: PlanActivityInput,
    response: PlanActivityDetail,
  }),
  setActivityStatus: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/status',
    permission: 'plan.manage',
    summary: "Move an activity to another status (the kanban's columns)",
    tag,
    params: IdParams,
    body: ActivityStatusChange,
    response: PlanActivityDetail,
  }),
  addNote: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/notes',
    permission: 'plan.manage',
    summary: 'Add a dated progress note to an activity',
    tag,
    params: IdParams,
    body: ActivityNoteInput,
    response: PlanActivityDetail,
    successStatus: 201,
  }),
  addDocument: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/documents',
    permission: 'plan.manage',
    summary: 'Record a document of an activity (its title, number, date and where it is kept; no file)',
    tag,
    params: IdParams,
    body: ActivityDocumentInput,
    response: PlanActivityDetail,
    successStatus: 201,
  }),
  removeDocument: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/documents/:documentId/delete',
    permission: 'plan.manage',
    summary: 'Remove a document entered by mistake from an activity',
    tag,
    params: z.strictObject({ id: Uuid, documentId: Uuid }),
    response: PlanActivityDetail,
  }),
  addEvent: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/events',
    permission: 'plan.manage',
    summary: 'Record an event of a communication campaign: date, place, audience, people reached',
    tag,
    params: IdParams,
    body: CampaignEventInput,
    response: PlanActivityDetail,
    successStatus: 201,
  }),
  removeEvent: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/events/:eventId/delete',
    permission: 'plan.manage',
    summary: 'Remove a campaign event entered by mistake',
    tag,
    params: z.strictObject({ id: Uuid, eventId: Uuid }),
    response: PlanActivityDetail,
  }),
  addTraining: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/trainings',
    permission: 'plan.manage',
    summary: 'Add a training course or parenting session to an activity',
    tag,
    params: IdParams,
    body: TrainingInput,
    response: TrainingDetail,
    successStatus: 201,
  }),
  addBudgetLine: endpoint({
    method: 'POST',
    path: '/api/plan-activities/:id/budget-lines',
    permission: 'plan.manage',
    summary: 'Add a budget line (source, year, planned and spent) to an activity',
    tag,
    params: IdParams,
    body: BudgetLineInput,
    response: BudgetLine,
    successStatus: 201,
  }),
  training: endpoint({
    method: 'GET',
    path: '/api/trainings/:id',
    permission: 'plan.read',
    summary: 'A training course with its participants and their attendance',
    tag,
    params: IdParams,
    response: TrainingDetail,
  }),
  updateTraining: endpoint({
    method: 'PUT',
    path: '/api/trainings/:id',
    permission: 'plan.manage',
    summary: "Replace a training course's topic, trainer, dates, place and unit",
    tag,
    params: IdParams,
    body: TrainingInput,
    response: TrainingDetail,
  }),
  setParticipants: endpoint({
    method: 'PUT',
    path: '/api/trainings/:id/participants',
    permission: 'plan.manage',
    summary: "Replace a course's list of participants with their attendance (the sign-in sheet)",
    tag,
    params: IdParams,
    body: TrainingParticipantsInput,
    response: TrainingDetail,
  }),
  removeTraining: endpoint({
    method: 'POST',
    path: '/api/trainings/:id/delete',
    permission: 'plan.manage',
    summary: 'Delete a training course entered by mistake, with its participants',
    tag,
    params: IdParams,
    response: Ok,
  }),
  updateBudgetLine: endpoint({
    method: 'PUT',
    path: '/api/budget-lines/:id',
    permission: 'plan.manage',
    summary: 'Replace a budget line',
    tag,
    params: IdParams,
    body: BudgetLineInput,
    response: BudgetLine,
  }),
  removeBudgetLine: endpoint({
    method: 'POST',
    path: '/api/budget-lines/:id/delete',
    permission: 'plan.manage',
    summary: 'Delete a budget line',
    tag,
    params: IdParams,
    response: Ok,
  }),
};
