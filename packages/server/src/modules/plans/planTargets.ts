import type { IndicatorTarget, PlanTargetValue, TargetComparator } from '@treem/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { COUNTRY_PATH } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';

/**
 * The targets the plans in force set for an indicator at a unit: the unit's own plans first, then those of the
 * units above it (a commune without its own plan is held to the province's targets). Every year's value of each
 * plan target that measures the indicator, nearest plan first. Read by the indicator pages and the plan page.
 *
 * Only plans in force count: a draft's numbers are not yet adopted (a province trying out the Hải Dương template
 * must not hold its communes to Hải Dương's figures), and a closed plan's period is over. Within one level, the plan
 * with the latest period comes first. A yes/no value reads as 100 (yes) or 0 (no), the indicator's scale for a
 * boolean; a yearly range (`2025–2030: 2–3 %`) gives each year of the range its lower bound, the least the plan
 * accepts.
 */
export async function targetsForIndicator(
  db: Kysely<DB>,
  unitPath: string,
  indicatorCode: string,
): Promise<IndicatorTarget[]> {
  let query = db
    .selectFrom('plan_target as t')
    .innerJoin('plan as p', (join) =>
      join.onRef('p.province_code', '=', 't.province_code').onRef('p.id', '=', 't.plan_id'),
    )
    .select(['p.id as plan_id', 'p.title', 't.comparator', 't.target_values'])
    .where('t.indicator_code', '=', indicatorCode)
    .where('p.status', '=', 'in_force')
    .where(sql<boolean>`p.org_path @> ${unitPath}::ltree`)
    .orderBy(sql`nlevel(p.org_path)`, 'desc')
    .orderBy('p.period_end', 'desc')
    .orderBy('p.period_start', 'desc')
    .orderBy('p.id')
    .orderBy('t.sort_order');
  if (unitPath !== COUNTRY_PATH) query = query.where('p.province_code', '=', provinceCodeOfPath(unitPath));
  const rows = await query.execute();
  const targets: IndicatorTarget[] = [];
  for (const row of rows) {
    const values = [...(row.target_values as PlanTargetValue[])].sort((a, b) => a.year - b.year);
    for (const value of values) {
      const comparator = (value.comparator ?? row.comparator) as TargetComparator | null;
      if (comparator === null) continue;
      const number = typeof value.value === 'boolean' ? (value.value ? 100 : 0) : value.value;
      for (let year = value.year; year <= (value.toYear ?? value.year); year += 1)
        targets.push({
          planId: row.plan_id,
          planTitle: row.title,
          year,
          value: number,
          comparator,
          group: value.group ?? null,
        });
    }
  }
  return targets;
}
