// Scoped reads of plans and everything hanging on them. Who sees a plan (docs/plans.md, "Scope"): its unit lies
// inside the caller's scope or above it, so a commune sees its own plans and the province's plan it is held to, and
// nothing of another commune. Who changes it: a manager whose scope contains the plan's unit.
import {
  AppError,
  budgetSources,
  emptyPlanReporting,
  hasPermission,
  type ActivityDocument,
  type ActivityKind,
  type ActivityNote,
  type ActivityStatus,
  type BudgetAmounts,
  type BudgetLine,
  type BudgetSource,
  type BudgetTotals,
  type CampaignEvent,
  type OrgLevel,
  type PlanActivity,
  type PlanActivityDetail,
  type PlanAgency,
  type PlanBudget,
  type PlanDetail,
  type PlanListQuery,
  type PlanReporting,
  type PlanSummary,
  type PlanTarget,
  type PlanTargetValue,
  type PlanUnit,
  type TargetComparator,
  type TargetDirection,
  type IndicatorUnit,
  type Training,
  type TrainingDetail,
  type TrainingKind,
  type TrainingParticipant,
  type ParticipantRole,
} from '@treem/shared';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  BudgetLineTable,
  PlanActivityTable,
  PlanTable,
  PlanTargetTable,
  TrainingCourseTable,
} from '../../db/schemaPlans.ts';
import type { Executor } from '../../db/transaction.ts';
import { meetsScope, pathWithinScope, withinScope, type Scope } from '../access/scope.ts';

export type PlanRow = Selectable<PlanTable>;
export type TargetRow = Selectable<PlanTargetTable>;
export type ActivityRow = Selectable<PlanActivityTable>;
export type CourseRow = Selectable<TrainingCourseTable>;
export type BudgetLineRow = Selectable<BudgetLineTable>;
type ListFilter = z.output<typeof PlanListQuery>;

/** The caller may change what belongs to a plan of this unit: they manage plans and the unit is in their scope. */
export function planEditable(scope: Scope, orgPath: string): boolean {
  return hasPermission(scope.role, 'plan.manage') && pathWithinScope(orgPath, scope);
}

const notFound = (entity: string) => new AppError('NOT_FOUND', { entity });

// ---------------------------------------------------------------------------------------------------------------
// Units

type UnitRow = { id: string; name: string; full_name: string; level: OrgLevel; path: string };

const toPlanUnit = (row: UnitRow): PlanUnit => ({
  id: row.id,
  name: row.name,
  fullName: row.full_name,
  level: row.level,
  path: row.path,
});

export async function unitsById(db: Executor, ids: readonly string[]): Promise<Map<string, PlanUnit>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'full_name', 'level', 'path'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, toPlanUnit(row)]));
}

/** A unit the caller sees, itself or as the unit above their scope (a list's "plans of this unit"). */
export async function visibleUnitPath(db: Executor, scope: Scope, unitId: string): Promise<string> {
  const unit = await db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(meetsScope('path', scope))
    .executeTakeFirst();
  if (!unit) throw notFound('orgUnit');
  return unit.path;
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

export async function findPlanRow(db: Executor, scope: Scope, id: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plan as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(meetsScope('p.org_path', scope))
    .executeTakeFirst();
}

export async function getPlanRow(db: Executor, scope: Scope, id: string): Promise<PlanRow> {
  const row = await findPlanRow(db, scope, id);
  // 404, not 403: a commune must not learn what another commune plans.
  if (!row) throw notFound('plan');
  return row;
}

/** A plan whose unit is inside the caller's scope, locked for a change; NOT_FOUND otherwise. */
export async function lockManagedPlan(db: Executor, scope: Scope, id: string): Promise<PlanRow> {
  const row = await db
    .selectFrom('plan as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(withinScope('p.org_path', scope))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('plan');
  return row;
}

/** The plan a managed row hangs on, locked (so a change and a status change are serialised). */
export async function lockPlanOf(db: Executor, provinceCode: string, planId: string): Promise<PlanRow> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** `(province_code, column) in ((…), …)` for the rows' keys. */
function keyIn(provinceColumn: string, idColumn: string, keys: readonly { province: string; id: string }[]) {
  return sql<boolean>`(${sql.ref(provinceColumn)}, ${sql.ref(idColumn)}) in (${sql.join(
    keys.map((key) => sql`(${key.province}, ${key.id}::uuid)`),
  )})`;
}

async function countsByPlan(
  db: Executor,
  table: 'plan_target' | 'plan_activity',
  rows: readonly PlanRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const found = await db
    .selectFrom(table)
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      keyIn(
        'province_code',
        'plan_id',
        rows.map((r) => ({ province: r.province_code, id: r.id })),
      ),
    )
    .groupBy('plan_id')
    .execute();
  return new Map(found.map((row) => [row.plan_id, Number(row.n)]));
}

async function sourcesOf(db: Executor, rows: readonly PlanRow[]) {
  const keys = rows
    .filter((r) => r.derived_from_plan_id)
    .map((r) => ({ province: r.province_code, id: r.derived_from_plan_id! }));
  if (keys.length === 0) return new Map<string, { id: string; title: string; unitName: string }>();
  const found = await db
    .selectFrom('plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .select(['p.id', 'p.title', 'o.full_name'])
    .where(keyIn('p.province_code', 'p.id', keys))
    .execute();
  return new Map(found.map((row) => [row.id, { id: row.id, title: row.title, unitName: row.full_name }]));
}

export async function toPlanSummaries(
  db: Executor,
  scope: Scope,
  rows: readonly PlanRow[],
): Promise<PlanSummary[]> {
  const units = await unitsById(
    db,
    rows.map((r) => r.org_unit_id),
  );
  const targets = await countsByPlan(db, 'plan_target', rows);
  const activities = await countsByPlan(db, 'plan_activity', rows);
  const sources = await sourcesOf(db, rows);
  return rows.map((row) => ({
    id: row.id,
    provinceCode: row.province_code,
    unit: units.get(row.org_unit_id)!,
    title: row.title,
    documentNumber: row.document_number,
    issuedDate: row.issued_date,
    issuedBy: row.issued_by,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    templateCode: row.template_code,
    derivedFrom: row.derived_from_plan_id ? (sources.get(row.derived_from_plan_id) ?? null) : null,
    targetCount: targets.get(row.id) ?? 0,
    activityCount: activities.get(row.id) ?? 0,
    editable: planEditable(scope, row.org_path),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  }));
}

export function toPlanTarget(row: TargetRow): PlanTarget {
  return {
    id: row.id,
    planId: row.plan_id,
    code: row.code,
    text: row.text,
    en: row.en,
    measure: row.measure,
    unit: row.unit as IndicatorUnit,
    direction: row.direction as TargetDirection,
    comparator: row.comparator as TargetComparator | null,
    values: row.target_values as PlanTargetValue[],
    disaggregation: row.disaggregation,
    population: row.population,
    responsibleAgency: row.responsible_agency,
    note: row.note,
    indicatorCode: row.indicator_code,
  };
}

export async function targetsOfPlan(db: Executor, plan: PlanRow): Promise<PlanTarget[]> {
  const rows = await db
    .selectFrom('plan_target')
    .selectAll()
    .where('province_code', '=', plan.province_code)
    .where('plan_id', '=', plan.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(toPlanTarget);
}

const zero = (): BudgetAmounts => ({ planned: 0, spent: 0 });

/** Budget rows (by some key) summed, planned and spent. */
export function budgetTotals(
  rows: readonly { source: string; planned: unknown; spent: unknown }[],
): BudgetTotals {
  const bySource = new Map<string, BudgetAmounts>(budgetSources.map((source) => [source, zero()]));
  const total = zero();
  for (const row of rows) {
    const amounts = bySource.get(row.source)!;
    amounts.planned += Number(row.planned);
    amounts.spent += Number(row.spent);
    total.planned += Number(row.planned);
    total.spent += Number(row.spent);
  }
  return {
    bySource: budgetSources.map((source) => ({ source, ...bySource.get(source)! })),
    total,
  };
}

async function planBudgetTotals(db: Executor, plan: PlanRow): Promise<BudgetTotals> {
  const rows = await db
    .selectFrom('budget_line')
    .select([
      'source',
      sql<string>`sum(planned_vnd)::bigint`.as('planned'),
      sql<string>`sum(spent_vnd)::bigint`.as('spent'),
    ])
    .where('province_code', '=', plan.province_code)
    .where('plan_id', '=', plan.id)
    .groupBy('source')
    .execute();
  return budgetTotals(rows);
}

/** Per activity of the plan: how many notes, documents, events and (visible) courses, and its budget. */
async function activityFigures(db: Executor, scope: Scope, provinceCode: string, activityIds: string[]) {
  const counts = new Map<string, PlanActivity['counts']>();
  const budgets = new Map<string, BudgetAmounts>();
  for (const id of activityIds) {
    counts.set(id, { notes: 0, documents: 0, events: 0, trainings: 0 });
    budgets.set(id, zero());
  }
  if (activityIds.length === 0) return { counts, budgets };
  const count = async (
    table: 'plan_activity_note' | 'plan_activity_document' | 'campaign_event' | 'training_course',
    key: keyof PlanActivity['counts'],
  ) => {
    let query = db
      .selectFrom(table)
      .select(['activity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('province_code', '=', provinceCode)
      .where('activity_id', 'in', activityIds)
      .groupBy('activity_id');
    if (table === 'training_course') query = query.where(meetsScope('unit_path', scope));
    for (const row of await query.execute()) counts.get(row.activity_id)![key] = Number(row.n);
  };
  await count('plan_activity_note', 'notes');
  await count('plan_activity_document', 'documents');
  await count('campaign_event', 'events');
  await count('training_course', 'trainings');
  const money = await db
    .selectFrom('budget_line')
    .select([
      'activity_id',
      sql<string>`sum(planned_vnd)::bigint`.as('planned'),
      sql<string>`sum(spent_vnd)::bigint`.as('spent'),
    ])
    .where('province_code', '=', provinceCode)
    .where('activity_id', 'in', activityIds)
    .groupBy('activity_id')
    .execute();
  for (const row of money)
    budgets.set(row.activity_id, { planned: Number(row.planned), spent: Number(row.spent) });
  return { counts, budgets };
}

function activityFields(row: ActivityRow) {
  return {
    id: row.id,
    planId: row.plan_id,
    code: row.code ?? '',
    section: row.section,
    parentTitle: row.parent_title,
    title: row.title,
    en: row.en,
    kind: row.kind as ActivityKind,
    lead: row.lead,
    partners: row.partners,
    purpose: row.purpose,
    details: row.details,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as ActivityStatus,
  };
}

export async function toPlanActivities(
  db: Executor,
  scope: Scope,
  rows: readonly ActivityRow[],
): Promise<PlanActivity[]> {
  const provinceCode = rows[0]?.province_code ?? '';
  const { counts, budgets } = await activityFigures(
    db,
    scope,
    provinceCode,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...activityFields(row),
    counts: counts.get(row.id)!,
    budget: budgets.get(row.id)!,
  }));
}

export async function activitiesOfPlan(db: Executor, scope: Scope, plan: PlanRow): Promise<PlanActivity[]> {
  const rows = await db
    .selectFrom('plan_activity')
    .selectAll()
    .where('province_code', '=', plan.province_code)
    .where('plan_id', '=', plan.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return toPlanActivities(db, scope, rows);
}

export async function planDetail(db: Executor, scope: Scope, row: PlanRow): Promise<PlanDetail> {
  const [summary] = await toPlanSummaries(db, scope, [row]);
  return {
    ...summary!,
    legalBasis: row.legal_basis,
    generalGoal: row.general_goal,
    agencies: row.agencies as PlanAgency[],
    fundingSources: row.funding_sources,
    // A row written without reporting (the column's default `{}`) reads as a plan that sets none.
    reporting: { ...emptyPlanReporting, ...(row.reporting as Partial<PlanReporting>) },
    targets: await targetsOfPlan(db, row),
    activities: await activitiesOfPlan(db, scope, row),
    budget: await planBudgetTotals(db, row),
  };
}

export async function getPlanDetail(db: Executor, scope: Scope, id: string): Promise<PlanDetail> {
  return planDetail(db, scope, await getPlanRow(db, scope, id));
}

/**
 * The plans on a unit's line that the caller sees: the unit's own, those of the units under it, and those of the
 * units above it (the plans it is held to). Nearest the top first, then the newest period.
 */
export async function listPlans(db: Executor, scope: Scope, filter: ListFilter) {
  const path = await visibleUnitPath(db, scope, filter.unitId);
  let query = db
    .selectFrom('plan as p')
    .where(sql<boolean>`(p.org_path <@ ${path}::ltree or p.org_path @> ${path}::ltree)`)
    .where(meetsScope('p.org_path', scope));
  if (filter.status) query = query.where('p.status', '=', filter.status);
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .selectAll('p')
    .orderBy(sql`nlevel(p.org_path)`)
    .orderBy('p.org_path')
    .orderBy('p.period_start', 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: await toPlanSummaries(db, scope, rows),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Budget

export function toBudgetLine(row: BudgetLineRow): BudgetLine {
  return {
    id: row.id,
    activityId: row.activity_id,
    source: row.source as BudgetSource,
    year: row.year,
    plannedVnd: Number(row.planned_vnd),
    spentVnd: Number(row.spent_vnd),
    note: row.note,
  };
}

export async function planBudget(db: Executor, scope: Scope, id: string): Promise<PlanBudget> {
  const plan = await getPlanRow(db, scope, id);
  const rows = await db
    .selectFrom('budget_line as b')
    .innerJoin('plan_activity as a', (join) =>
      join.onRef('a.province_code', '=', 'b.province_code').onRef('a.id', '=', 'b.activity_id'),
    )
    .selectAll('b')
    .select(['a.code as activity_code', 'a.title as activity_title'])
    .where('b.province_code', '=', plan.province_code)
    .where('b.plan_id', '=', plan.id)
    .orderBy('a.sort_order')
    .orderBy('a.id')
    .orderBy('b.year')
    .orderBy(sql`array_position(${[...budgetSources]}::text[], b.source)`)
    .orderBy('b.id')
    .execute();
  const lines = rows.map((row) => ({
    ...toBudgetLine(row),
    activityCode: row.activity_code,
    activityTitle: row.activity_title,
  }));
  const years = new Map<number, BudgetAmounts>();
  for (const line of lines) {
    const amounts = years.get(line.year) ?? zero();
    amounts.planned += line.plannedVnd;
    amounts.spent += line.spentVnd;
    years.set(line.year, amounts);
  }
  return {
    planId: plan.id,
    totals: budgetTotals(
      lines.map((line) => ({ source: line.source, planned: line.plannedVnd, spent: line.spentVnd })),
    ),
    byYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, amounts]) => ({ year, ...amounts })),
    lines,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Activities

export async function findActivityRow(
  db: Executor,
  scope: Scope,
  id: string,
  access: 'read' | 'manage',
): Promise<ActivityRow | undefined> {
  return db
    .selectFrom('plan_activity as a')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(access === 'read' ? meetsScope('a.org_path', scope) : withinScope('a.org_path', scope))
    .executeTakeFirst();
}

const iso = (value: Date) => value.toISOString();

export async function activityDetail(
  db: Executor,
  scope: Scope,
  row: ActivityRow,
): Promise<PlanActivityDetail> {
  const plan = await db
    .selectFrom('plan')
    .selectAll()
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.plan_id)
    .executeTakeFirstOrThrow();
  const [activity] = await toPlanActivities(db, scope, [row]);
  const key = { province_code: row.province_code, activity_id: row.id };
  const notes = await db
    .selectFrom('plan_activity_note')
    .selectAll()
    .where('province_code', '=', key.province_code)
    .where('activity_id', '=', key.activity_id)
    .orderBy('noted_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const documents = await db
    .selectFrom('plan_activity_document')
    .selectAll()
    .where('province_code', '=', key.province_code)
    .where('activity_id', '=', key.activity_id)
    .orderBy('issued_on')
    .orderBy('created_at')
    .execute();
  const events = await db
    .selectFrom('campaign_event')
    .selectAll()
    .where('province_code', '=', key.province_code)
    .where('activity_id', '=', key.activity_id)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
  const courses = await db
    .selectFrom('training_course')
    .selectAll()
    .where('province_code', '=', key.province_code)
    .where('activity_id', '=', key.activity_id)
    .where(meetsScope('unit_path', scope))
    .orderBy('start_date')
    .orderBy('created_at')
    .execute();
  const budgetLines = await db
    .selectFrom('budget_line')
    .selectAll()
    .where('province_code', '=', key.province_code)
    .where('activity_id', '=', key.activity_id)
    .orderBy('year')
    .orderBy(sql`array_position(${[...budgetSources]}::text[], source)`)
    .orderBy('created_at')
    .execute();
  const planUnit = (await unitsById(db, [plan.org_unit_id])).get(plan.org_unit_id)!;
  return {
    ...activity!,
    planTitle: plan.title,
    planStatus: plan.status,
    planPeriodStart: plan.period_start,
    planPeriodEnd: plan.period_end,
    planUnit,
    editable: planEditable(scope, plan.org_path),
    notes: notes.map((note): ActivityNote => ({
      id: note.id,
      notedOn: note.noted_on,
      text: note.text,
      authorName: note.author_name,
      createdAt: iso(note.created_at),
    })),
    documents: documents.map((document): ActivityDocument => ({
      id: document.id,
      title: document.title,
      number: document.number,
      issuedOn: document.issued_on,
      reference: document.reference,
      createdAt: iso(document.created_at),
    })),
    events: events.map((event): CampaignEvent => ({
      id: event.id,
      heldOn: event.held_on,
      place: event.place,
      audience: event.audience,
      reach: event.reach,
      note: event.note,
    })),
    trainings: await toTrainings(db, courses),
    budgetLines: budgetLines.map(toBudgetLine),
  };
}

export async function getActivityDetail(db: Executor, scope: Scope, id: string): Promise<PlanActivityDetail> {
  const row = await findActivityRow(db, scope, id, 'read');
  if (!row) throw notFound('activity');
  return activityDetail(db, scope, row);
}

// ---------------------------------------------------------------------------------------------------------------
// Training courses

export async function toTrainings(db: Executor, rows: readonly CourseRow[]): Promise<Training[]> {
  if (rows.length === 0) return [];
  const units = await unitsById(
    db,
    rows.map((r) => r.unit_id),
  );
  const counts = await db
    .selectFrom('training_participant')
    .select([
      'course_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where attended)`.as('attended'),
    ])
    .where(
      keyIn(
        'province_code',
        'course_id',
        rows.map((r) => ({ province: r.province_code, id: r.id })),
      ),
    )
    .groupBy('course_id')
    .execute();
  const byCourse = new Map(counts.map((row) => [row.course_id, row]));
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    planId: row.plan_id,
    kind: row.kind as TrainingKind,
    topic: row.topic,
    trainer: row.trainer,
    startDate: row.start_date,
    endDate: row.end_date,
    place: row.place,
    unit: units.get(row.unit_id)!,
    participantCount: Number(byCourse.get(row.id)?.n ?? 0),
    attendedCount: Number(byCourse.get(row.id)?.attended ?? 0),
  }));
}

export async function findCourseRow(
  db: Executor,
  scope: Scope,
  id: string,
  access: 'read' | 'manage',
): Promise<CourseRow | undefined> {
  return db
    .selectFrom('training_course as c')
    .selectAll('c')
    .where('c.id', '=', id)
    .where(access === 'read' ? meetsScope('c.unit_path', scope) : withinScope('c.org_path', scope))
    .executeTakeFirst();
}

export async function trainingDetail(db: Executor, scope: Scope, row: CourseRow): Promise<TrainingDetail> {
  const [training] = await toTrainings(db, [row]);
  const participants = await db
    .selectFrom('training_participant')
    .selectAll()
    .where('province_code', '=', row.province_code)
    .where('course_id', '=', row.id)
    .orderBy('sort_order')
    .execute();
  return {
    ...training!,
    editable: planEditable(scope, row.org_path),
    participants: participants.map((p): TrainingParticipant => ({
      id: p.id,
      fullName: p.full_name,
      role: p.role as ParticipantRole,
      sex: p.sex as 'male' | 'female',
      unitName: p.unit_name,
      attended: p.attended,
    })),
  };
}

export async function getTrainingDetail(db: Executor, scope: Scope, id: string): Promise<TrainingDetail> {
  const row = await findCourseRow(db, scope, id, 'read');
  // A course run in another commune of a province plan is not shown: its sign-in sheet names that commune's people.
  if (!row) throw notFound('training');
  return trainingDetail(db, scope, row);
}
