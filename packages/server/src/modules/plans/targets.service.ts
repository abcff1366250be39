// A plan's targets: each unit sets its own numbers per year (Hà Nội 80 %/95 %, Kon Tum 70 %/90 % for the same ECD
// target), links a target to the catalogue indicator that measures it, and removes a target it does not adopt.
import {
  AppError,
  newId,
  type PlanTarget,
  type PlanTargetCreate,
  type PlanTargetIndicatorInput,
  type PlanTargetInput,
} from '@treem/shared';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope } from '../access/scope.ts';
import { lockManagedPlan, lockPlanOf, toPlanTarget, type PlanRow, type TargetRow } from './plan.repo.ts';
import { auditPlan, ensureIndicator, ensureOpen, fail, targetIssues } from './planRules.ts';

type InputFields = z.output<typeof PlanTargetInput>;
type CreateFields = z.output<typeof PlanTargetCreate>;
type IndicatorFields = z.output<typeof PlanTargetIndicatorInput>;

function columnsOf(input: InputFields) {
  return {
    code: input.code,
    text: input.text,
    en: input.en,
    measure: input.measure,
    unit: input.unit,
    direction: input.direction,
    comparator: input.comparator,
    // Only the keys given: a value object reads back exactly as it was written.
    target_values: JSON.stringify(input.values),
    disaggregation: input.disaggregation,
    population: input.population,
    responsible_agency: input.responsibleAgency,
    note: input.note,
  };
}

function check(plan: PlanRow, input: InputFields): void {
  const issues = targetIssues(plan, input);
  if (issues.length > 0) fail(issues);
}

async function ensureCodeFree(trx: Transaction<DB>, plan: PlanRow, code: string, exceptId?: string) {
  let query = trx
    .selectFrom('plan_target')
    .select('id')
    .where('province_code', '=', plan.province_code)
    .where('plan_id', '=', plan.id)
    .where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst())
    fail([{ path: 'body.code', code: 'target_code_taken', message: 'the plan has a target with this code' }]);
}

/** A target of a plan the caller manages, with its plan locked and open; NOT_FOUND otherwise. */
async function lockTarget(trx: Transaction<DB>, ctx: Operator, id: string) {
  const target = await trx
    .selectFrom('plan_target as t')
    .selectAll('t')
    .where('t.id', '=', id)
    .where(withinScope('t.org_path', ctx.scope))
    .executeTakeFirst();
  if (!target) throw new AppError('NOT_FOUND', { entity: 'target' });
  const plan = await lockPlanOf(trx, target.province_code, target.plan_id);
  ensureOpen(plan);
  return { target, plan };
}

/** What the audit log keeps of a target: its fields, without the keys the event already names. */
const audited = (target: PlanTarget) => ({
  code: target.code,
  text: target.text,
  en: target.en,
  measure: target.measure,
  unit: target.unit,
  direction: target.direction,
  comparator: target.comparator,
  values: target.values,
  disaggregation: target.disaggregation,
  population: target.population,
  responsibleAgency: target.responsibleAgency,
  note: target.note,
  indicatorCode: target.indicatorCode,
});

async function touchPlan(trx: Transaction<DB>, plan: PlanRow) {
  await trx
    .updateTable('plan')
    .set({ updated_at: new Date() })
    .where('province_code', '=', plan.province_code)
    .where('id', '=', plan.id)
    .execute();
}

export async function addTarget(ctx: Operator, planId: string, input: CreateFields): Promise<PlanTarget> {
  return inTransaction(ctx.db, async (trx) => {
    const plan = await lockManagedPlan(trx, ctx.scope, planId);
    ensureOpen(plan);
    check(plan, input);
    ensureIndicator(input.indicatorCode, 'body.indicatorCode');
    await ensureCodeFree(trx, plan, input.code);
    const { next } = await trx
      .selectFrom('plan_target')
      .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('next'))
      .where('province_code', '=', plan.province_code)
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('plan_target')
      .values({
        province_code: plan.province_code,
        id: newId(),
        plan_id: plan.id,
        org_path: plan.org_path,
        sort_order: Number(next),
        ...columnsOf(input),
        indicator_code: input.indicatorCode ?? null,
        source_target_id: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchPlan(trx, plan);
    const target = toPlanTarget(row);
    await auditPlan(trx, ctx, plan, 'plan.target_saved', {
      entityType: 'plan_target',
      entityId: row.id,
      after: audited(target),
    });
    return target;
  });
}

async function saveTarget(
  trx: Transaction<DB>,
  ctx: Operator,
  plan: PlanRow,
  before: TargetRow,
  changes: Partial<ReturnType<typeof columnsOf>> & { indicator_code?: string | null },
): Promise<PlanTarget> {
  const row = await trx
    .updateTable('plan_target')
    .set({ ...changes, updated_at: new Date() })
    .where('province_code', '=', before.province_code)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await touchPlan(trx, plan);
  const target = toPlanTarget(row);
  await auditPlan(trx, ctx, plan, 'plan.target_saved', {
    entityType: 'plan_target',
    entityId: row.id,
    before: audited(toPlanTarget(before)),
    after: audited(target),
  });
  return target;
}

export async function updateTarget(ctx: Operator, id: string, input: InputFields): Promise<PlanTarget> {
  return inTransaction(ctx.db, async (trx) => {
    const { target, plan } = await lockTarget(trx, ctx, id);
    check(plan, input);
    await ensureCodeFree(trx, plan, input.code, target.id);
    return saveTarget(trx, ctx, plan, target, columnsOf(input));
  });
}

export async function linkTargetIndicator(
  ctx: Operator,
  id: string,
  input: IndicatorFields,
): Promise<PlanTarget> {
  return inTransaction(ctx.db, async (trx) => {
    const { target, plan } = await lockTarget(trx, ctx, id);
    ensureIndicator(input.indicatorCode, 'body.indicatorCode');
    return saveTarget(trx, ctx, plan, target, { indicator_code: input.indicatorCode });
  });
}

export async function removeTarget(ctx: Operator, id: string): Promise<{ ok: true }> {
  return inTransaction(ctx.db, async (trx) => {
    const { target, plan } = await lockTarget(trx, ctx, id);
    await trx
      .deleteFrom('plan_target')
      .where('province_code', '=', target.province_code)
      .where('id', '=', target.id)
      .execute();
    await touchPlan(trx, plan);
    await auditPlan(trx, ctx, plan, 'plan.target_deleted', {
      entityType: 'plan_target',
      entityId: target.id,
      before: audited(toPlanTarget(target)),
    });
    return { ok: true as const };
  });
}
