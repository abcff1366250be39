// Making and changing plans: from scratch, from a template, derived from the plan of the unit above; the header
// fields (with the version the edit started from) and the status. Each write checks the caller's reach, writes, and
// appends its audit event in the same transaction.
import {
  AppError,
  emptyPlanReporting,
  newId,
  type PlanCreate,
  type PlanDerive,
  type PlanDetail,
  type PlanFromTemplate,
  type PlanStatus,
  type PlanStatusChange,
  type PlanTemplate,
  type PlanUpdate,
} from '@treem/shared';
import type { Insertable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { PlanActivityTable, PlanTargetTable } from '../../db/schemaPlans.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { findPlanRow, lockManagedPlan, planDetail, type PlanRow } from './plan.repo.ts';
import { auditPlan, ensureOpen, fail, resolvePlanUnit, type PlanUnitRef } from './planRules.ts';
import { findPlanTemplate } from './templates.ts';

type CreateFields = z.output<typeof PlanCreate>;
type TemplateFields = z.output<typeof PlanFromTemplate>;
type UpdateFields = z.output<typeof PlanUpdate>;
type StatusFields = z.output<typeof PlanStatusChange>;
type DeriveFields = z.output<typeof PlanDerive>;

/** What the audit log keeps of a plan's header. */
function audited(row: PlanRow) {
  return {
    unitId: row.org_unit_id,
    title: row.title,
    documentNumber: row.document_number,
    issuedDate: row.issued_date,
    issuedBy: row.issued_by,
    legalBasis: row.legal_basis,
    generalGoal: row.general_goal,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    fundingSources: row.funding_sources,
    status: row.status,
    templateCode: row.template_code,
    derivedFromPlanId: row.derived_from_plan_id,
  };
}

async function insertPlan(
  trx: Transaction<DB>,
  ctx: Operator,
  unit: PlanUnitRef,
  fields: {
    title: string;
    documentNumber: string | null;
    issuedDate: string | null;
    issuedBy: string | null;
    legalBasis: string[];
    generalGoal: string | null;
    periodStart: number;
    periodEnd: number;
    fundingSources: string[];
    templateCode: string | null;
    derivedFromPlanId: string | null;
    agencies: unknown;
    reporting: unknown;
  },
): Promise<PlanRow> {
  return trx
    .insertInto('plan')
    .values({
      province_code: unit.provinceCode,
      id: newId(),
      org_unit_id: unit.id,
      org_path: unit.path,
      level: unit.level,
      title: fields.title,
      document_number: fields.documentNumber,
      issued_date: fields.issuedDate,
      issued_by: fields.issuedBy,
      legal_basis: fields.legalBasis,
      general_goal: fields.generalGoal,
      period_start: fields.periodStart,
      period_end: fields.periodEnd,
      funding_sources: fields.fundingSources,
      template_code: fields.templateCode,
      derived_from_plan_id: fields.derivedFromPlanId,
      agencies: JSON.stringify(fields.agencies),
      reporting: JSON.stringify(fields.reporting),
      created_by: ctx.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createPlan(ctx: Operator, input: CreateFields): Promise<PlanDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const unit = await resolvePlanUnit(trx, ctx.scope, input.unitId, 'body.unitId');
    const row = await insertPlan(trx, ctx, unit, {
      ...input,
      templateCode: null,
      derivedFromPlanId: null,
      agencies: [],
      reporting: emptyPlanReporting,
    });
    await auditPlan(trx, ctx, row, 'plan.created', { after: audited(row) });
    return planDetail(trx, ctx.scope, row);
  });
}

type TargetCopy = Omit<Insertable<PlanTargetTable>, 'province_code' | 'id' | 'plan_id' | 'org_path'>;
type ActivityCopy = Omit<Insertable<PlanActivityTable>, 'province_code' | 'id' | 'plan_id' | 'org_path'>;

async function insertContents(
  trx: Transaction<DB>,
  plan: PlanRow,
  targets: readonly TargetCopy[],
  activities: readonly ActivityCopy[],
): Promise<void> {
  const owner = { province_code: plan.province_code, plan_id: plan.id, org_path: plan.org_path };
  if (targets.length > 0)
    await trx
      .insertInto('plan_target')
      .values(targets.map((target) => ({ ...owner, id: newId(), ...target })))
      .execute();
  if (activities.length > 0)
    await trx
      .insertInto('plan_activity')
      .values(activities.map((activity) => ({ ...owner, id: newId(), ...activity })))
      .execute();
}

function templateTargets(template: PlanTemplate): TargetCopy[] {
  return template.targets.map((target, index) => ({
    sort_order: index + 1,
    code: target.code,
    text: target.text,
    en: target.en,
    measure: target.measure,
    unit: target.unit,
    direction: target.direction,
    comparator: target.comparator,
    // Every value object as the template writes it: year, value, and only the optional keys it has.
    target_values: JSON.stringify(target.values),
    disaggregation: target.disaggregation,
    population: target.population,
    responsible_agency: target.responsibleAgency,
    note: target.note,
    indicator_code: target.indicatorCode,
    source_target_id: null,
  }));
}

function templateActivities(template: PlanTemplate): ActivityCopy[] {
  return template.activities.map((activity, index) => ({
    sort_order: index + 1,
    code: activity.code,
    section: activity.section,
    parent_title: activity.parentTitle,
    title: activity.title,
    en: activity.en,
    kind: activity.kind,
    lead: activity.lead,
    partners: activity.partners,
    purpose: activity.purpose,
    details: activity.details,
    start_date: null,
    end_date: null,
    source_activity_id: null,
  }));
}

export async function createPlanFromTemplate(ctx: Operator, input: TemplateFields): Promise<PlanDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const template = findPlanTemplate(input.templateCode);
    if (!template)
      fail([{ path: 'body.templateCode', code: 'unknown_template', message: 'no such plan template' }]);
    const unit = await resolvePlanUnit(trx, ctx.scope, input.unitId, 'body.unitId');
    const row = await insertPlan(trx, ctx, unit, {
      title: input.title ?? template.title,
      documentNumber: input.documentNumber !== undefined ? input.documentNumber : template.documentNumber,
      issuedDate: input.issuedDate !== undefined ? input.issuedDate : template.issuedDate,
      issuedBy: input.issuedBy !== undefined ? input.issuedBy : template.issuedBy,
      legalBasis: template.legalBasis,
      generalGoal: template.generalGoal,
      periodStart: template.periodStart,
      periodEnd: template.periodEnd,
      fundingSources: template.fundingSources,
      templateCode: template.code,
      derivedFromPlanId: null,
      agencies: template.agencies,
      reporting: template.reporting,
    });
    await insertContents(trx, row, templateTargets(template), templateActivities(template));
    await auditPlan(trx, ctx, row, 'plan.created', {
      after: { ...audited(row), targets: template.targets.length, activities: template.activities.length },
    });
    return planDetail(trx, ctx.scope, row);
  });
}

function ensureVersion(row: PlanRow, version: number): void {
  // Someone saved the plan after this edit began: their change is not overwritten unseen.
  if (row.version !== version)
    throw new AppError('PLAN_STATE_CONFLICT', { planId: row.id, version: row.version });
}

export async function updatePlan(ctx: Operator, id: string, input: UpdateFields): Promise<PlanDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockManagedPlan(trx, ctx.scope, id);
    ensureOpen(before);
    ensureVersion(before, input.version);
    const row = await trx
      .updateTable('plan')
      .set({
        title: input.title,
        document_number: input.documentNumber,
        issued_date: input.issuedDate,
        issued_by: input.issuedBy,
        legal_basis: input.legalBasis,
        general_goal: input.generalGoal,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        funding_sources: input.fundingSources,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('province_code', '=', before.province_code)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPlan(trx, ctx, row, 'plan.updated', { before: audited(before), after: audited(row) });
    return planDetail(trx, ctx.scope, row);
  });
}

/**
 * A draft is put in force; a plan in force is closed at its end, or returned to draft to be corrected; a closed
 * plan may be reopened. Only plans in force set the targets indicators are held to (planTargets.ts).
 */
const allowedStatusChanges: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['in_force'],
  in_force: ['closed', 'draft'],
  closed: ['in_force'],
};

export async function setPlanStatus(ctx: Operator, id: string, input: StatusFields): Promise<PlanDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockManagedPlan(trx, ctx.scope, id);
    ensureVersion(before, input.version);
    if (!allowedStatusChanges[before.status].includes(input.status))
      throw new AppError('PLAN_STATE_CONFLICT', { planId: id, status: before.status, wanted: input.status });
    const row = await trx
      .updateTable('plan')
      .set({ status: input.status, version: before.version + 1, updated_at: new Date() })
      .where('province_code', '=', before.province_code)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPlan(trx, ctx, row, 'plan.status_changed', {
      before: { status: before.status },
      after: { status: row.status },
    });
    return planDetail(trx, ctx.scope, row);
  });
}

/**
 * A lower unit's plan made from a plan the caller sees (a commune's plan from its province's): the header, the
 * targets with every value and indicator link, and the activities are copied; notes, courses and budget are the
 * source's own and stay there. The new plan starts as a draft for the lower unit to adapt.
 */
export async function derivePlan(ctx: Operator, sourceId: string, input: DeriveFields): Promise<PlanDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const source = await findPlanRow(trx, ctx.scope, sourceId);
    if (!source) throw new AppError('NOT_FOUND', { entity: 'plan' });
    const unit = await resolvePlanUnit(trx, ctx.scope, input.unitId, 'body.unitId');
    if (!unit.path.startsWith(`${source.org_path}.`))
      throw new AppError('PLAN_UNIT_NOT_BELOW', { planId: source.id, unitId: unit.id });
    const row = await insertPlan(trx, ctx, unit, {
      title: input.title ?? source.title,
      documentNumber: null,
      issuedDate: null,
      issuedBy: null,
      legalBasis: source.legal_basis,
      generalGoal: source.general_goal,
      periodStart: source.period_start,
      periodEnd: source.period_end,
      fundingSources: source.funding_sources,
      templateCode: source.template_code,
      derivedFromPlanId: source.id,
      agencies: source.agencies,
      reporting: source.reporting,
    });
    const key = { province: source.province_code, plan: source.id };
    const targets = await trx
      .selectFrom('plan_target')
      .selectAll()
      .where('province_code', '=', key.province)
      .where('plan_id', '=', key.plan)
      .orderBy('sort_order')
      .execute();
    const activities = await trx
      .selectFrom('plan_activity')
      .selectAll()
      .where('province_code', '=', key.province)
      .where('plan_id', '=', key.plan)
      .orderBy('sort_order')
      .execute();
    await insertContents(
      trx,
      row,
      targets.map((target) => ({
        sort_order: target.sort_order,
        code: target.code,
        text: target.text,
        en: target.en,
        measure: target.measure,
        unit: target.unit,
        direction: target.direction,
        comparator: target.comparator,
        target_values: JSON.stringify(target.target_values),
        disaggregation: target.disaggregation,
        population: target.population,
        responsible_agency: target.responsible_agency,
        note: target.note,
        indicator_code: target.indicator_code,
        source_target_id: target.id,
      })),
      activities.map((activity) => ({
        sort_order: activity.sort_order,
        code: activity.code,
        section: activity.section,
        parent_title: activity.parent_title,
        title: activity.title,
        en: activity.en,
        kind: activity.kind,
        lead: activity.lead,
        partners: activity.partners,
        purpose: activity.purpose,
        details: activity.details,
        start_date: activity.start_date,
        end_date: activity.end_date,
        source_activity_id: activity.id,
      })),
    );
    await auditPlan(trx, ctx, row, 'plan.derived', {
      after: { ...audited(row), targets: targets.length, activities: activities.length },
    });
    return planDetail(trx, ctx.scope, row);
  });
}
