// What every write to a plan shares: the reach check on the unit, the refusal to change a closed plan, the rules a
// target's values follow, and the audit entry.
import {
  AppError,
  findIndicator,
  type AuditAction,
  type FieldIssue,
  type PlanTargetInput,
} from '@treem/shared';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';
import type { PlanRow } from './plan.repo.ts';

export function fail(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', undefined, issues);
}

export interface PlanUnitRef {
  id: string;
  path: string;
  level: 'province' | 'commune';
  provinceCode: string;
}

/**
 * The unit a plan is made for: a province or commune of the current tree, open, inside the caller's scope
 * (NOT_FOUND outside it, as for any unit the caller cannot see).
 */
export async function resolvePlanUnit(
  trx: Transaction<DB>,
  scope: Scope,
  unitId: string,
  field: string,
): Promise<PlanUnitRef> {
  const unit = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'level', 'valid_to'])
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  if (unit.level !== 'province' && unit.level !== 'commune')
    fail([{ path: field, code: 'plan_unit_level', message: 'a plan belongs to a province or a commune' }]);
  if (unit.valid_to !== null)
    fail([{ path: field, code: 'unit_closed', message: 'the unit has been closed' }]);
  return { id: unit.id, path: unit.path, level: unit.level, provinceCode: provinceCodeOfPath(unit.path) };
}

/** A closed plan is the record of what was done: nothing in it changes until it is reopened. */
export function ensureOpen(plan: PlanRow): void {
  if (plan.status === 'closed')
    throw new AppError('PLAN_STATE_CONFLICT', { planId: plan.id, status: plan.status });
}

export function ensureIndicator(code: string | null | undefined, field: string): void {
  if (code && !findIndicator(code))
    fail([{ path: field, code: 'unknown_indicator', message: 'no such indicator in the catalogue' }]);
}

/** A year of the plan: dated entries (target years, budget years, events, courses) fall inside its period. */
export function yearIssue(plan: PlanRow, year: number, path: string): FieldIssue | null {
  return year < plan.period_start || year > plan.period_end
    ? { path, code: 'year_outside_period', message: 'the year is outside the plan’s period' }
    : null;
}

export function dateIssue(plan: PlanRow, date: string | null, path: string): FieldIssue | null {
  if (!date) return null;
  const issue = yearIssue(plan, Number(date.slice(0, 4)), path);
  return issue && { ...issue, code: 'date_outside_period', message: 'the date is outside the plan’s period' };
}

export function failOn(issues: readonly (FieldIssue | null)[]): void {
  const found = issues.filter((issue): issue is FieldIssue => issue !== null);
  if (found.length > 0) fail(found);
}

/**
 * The rules a target's values follow when a unit edits them (the templates keep them: targets.rules.test.ts):
 * each year inside the plan's period, once per group; a group named in the disaggregation; a range's end after its
 * start; yes/no values exactly for a yes/no target; a percentage at most 100; a comparator whenever there is a value.
 */
export function targetIssues(plan: PlanRow, input: z.output<typeof PlanTargetInput>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.values.length > 0 && input.comparator === null)
    issues.push({ path: 'body.comparator', code: 'comparator_required', message: 'say how values compare' });
  const seen = new Set<string>();
  input.values.forEach((value, index) => {
    const at = (field: string) => `body.values.${index}.${field}`;
    const year = yearIssue(plan, value.year, at('year'));
    if (year) issues.push(year);
    const key = `${value.year}|${value.group ?? ''}`;
    if (seen.has(key))
      issues.push({ path: at('year'), code: 'duplicate_year', message: 'the year is given twice' });
    seen.add(key);
    if (value.group !== undefined && !input.disaggregation.includes(value.group))
      issues.push({
        path: at('group'),
        code: 'unknown_group',
        message: 'the group is not one of the target’s disaggregation',
      });
    if (value.toYear !== undefined) {
      if (value.toYear <= value.year || value.toYear > plan.period_end)
        issues.push({
          path: at('toYear'),
          code: 'to_year_invalid',
          message: 'a range ends after its first year and inside the period',
        });
    }
    if ((typeof value.value === 'boolean') !== (input.unit === 'boolean'))
      issues.push({
        path: at('value'),
        code: 'value_type_unit',
        message: 'a yes/no target takes yes or no; any other target a number',
      });
    if (typeof value.value === 'number') {
      if (input.unit === 'percent' && value.value > 100)
        issues.push({ path: at('value'), code: 'percent_over_100', message: 'a percentage is at most 100' });
      if (value.valueMax !== undefined && value.valueMax < value.value)
        issues.push({
          path: at('valueMax'),
          code: 'value_max_below_value',
          message: 'the upper value is below the lower one',
        });
    }
  });
  return issues;
}

export async function auditPlan(
  trx: Transaction<DB>,
  ctx: Operator,
  plan: Pick<PlanRow, 'id' | 'org_path'>,
  action: AuditAction,
  change: {
    entityType?: string;
    entityId?: string;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
  },
): Promise<void> {
  const { entityType = 'plan', entityId = plan.id, ...rest } = change;
  await writeAudit(trx, ctx.actor, { action, entityType, entityId, orgPath: plan.org_path, ...rest });
}
