// Budget lines of an activity: money by source (state budget by level, ODA/UNICEF, social mobilisation) and year,
// planned and spent, in đồng.
import { AppError, newId, type BudgetLine, type BudgetLineInput } from '@treem/shared';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope } from '../access/scope.ts';
import { lockActivity } from './activities.service.ts';
import { lockPlanOf, toBudgetLine, type BudgetLineRow, type PlanRow } from './plan.repo.ts';
import { auditPlan, ensureOpen, failOn, yearIssue } from './planRules.ts';

type LineFields = z.output<typeof BudgetLineInput>;

const audited = (line: BudgetLine) => ({
  activityId: line.activityId,
  source: line.source,
  year: line.year,
  plannedVnd: line.plannedVnd,
  spentVnd: line.spentVnd,
  note: line.note,
});

function columnsOf(plan: PlanRow, input: LineFields) {
  failOn([yearIssue(plan, input.year, 'body.year')]);
  return {
    source: input.source,
    year: input.year,
    planned_vnd: input.plannedVnd,
    spent_vnd: input.spentVnd,
    note: input.note,
  };
}

export async function addBudgetLine(
  ctx: Operator,
  activityId: string,
  input: LineFields,
): Promise<BudgetLine> {
  return inTransaction(ctx.db, async (trx) => {
    const { activity, plan } = await lockActivity(trx, ctx, activityId);
    const row = await trx
      .insertInto('budget_line')
      .values({
        province_code: plan.province_code,
        id: newId(),
        activity_id: activity.id,
        plan_id: plan.id,
        org_path: plan.org_path,
        ...columnsOf(plan, input),
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const line = toBudgetLine(row);
    await auditPlan(trx, ctx, plan, 'plan.budget_saved', {
      entityType: 'budget_line',
      entityId: line.id,
      after: audited(line),
    });
    return line;
  });
}

/** A budget line of a plan the caller manages, with its plan locked and open; NOT_FOUND otherwise. */
async function lockLine(
  trx: Transaction<DB>,
  ctx: Operator,
  id: string,
): Promise<{ line: BudgetLineRow; plan: PlanRow }> {
  const line = await trx
    .selectFrom('budget_line as b')
    .selectAll('b')
    .where('b.id', '=', id)
    .where(withinScope('b.org_path', ctx.scope))
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', { entity: 'budgetLine' });
  const plan = await lockPlanOf(trx, line.province_code, line.plan_id);
  ensureOpen(plan);
  return { line, plan };
}

export async function updateBudgetLine(ctx: Operator, id: string, input: LineFields): Promise<BudgetLine> {
  return inTransaction(ctx.db, async (trx) => {
    const { line: before, plan } = await lockLine(trx, ctx, id);
    const row = await trx
      .updateTable('budget_line')
      .set({ ...columnsOf(plan, input), updated_at: new Date() })
      .where('province_code', '=', before.province_code)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const line = toBudgetLine(row);
    await auditPlan(trx, ctx, plan, 'plan.budget_saved', {
      entityType: 'budget_line',
      entityId: line.id,
      before: audited(toBudgetLine(before)),
      after: audited(line),
    });
    return line;
  });
}

export async function removeBudgetLine(ctx: Operator, id: string): Promise<{ ok: true }> {
  return inTransaction(ctx.db, async (trx) => {
    const { line, plan } = await lockLine(trx, ctx, id);
    await trx
      .deleteFrom('budget_line')
      .where('province_code', '=', line.province_code)
      .where('id', '=', line.id)
      .execute();
    await auditPlan(trx, ctx, plan, 'plan.budget_deleted', {
      entityType: 'budget_line',
      entityId: line.id,
      before: audited(toBudgetLine(line)),
    });
    return { ok: true as const };
  });
}
