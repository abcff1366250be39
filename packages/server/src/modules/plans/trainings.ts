import type { Period } from '@treem/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { COUNTRY_PATH } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';

/**
 * People trained in the period inside the subtree at `unitPath`: the participants marked present at the training
 * courses and parenting sessions that ended in the period, each person once per unit (by name and role), counted
 * per unit that ran the course (a commune, or the province). The numerator of ECD-TRAINED.
 *
 * A person is their folded name (no diacritics, lower case: "Lò Thị Mai" = "lo thi mai") and role within the unit
 * that ran the course; the sign-in sheets hold nothing more certain. Two namesakes of one role in one commune count
 * once, and one person at courses of two communes counts in each: both are rare, and the second is right for a
 * per-commune figure. Courses of plans of any status count: attendance is a fact, whatever became of the plan.
 */
export async function trainedCounts(
  db: Kysely<DB>,
  unitPath: string,
  period: Period,
  roles: readonly string[],
): Promise<{ unitPath: string; count: number }[]> {
  if (roles.length === 0) return [];
  let query = db
    .selectFrom('training_course as c')
    .innerJoin('training_participant as p', (join) =>
      join.onRef('p.province_code', '=', 'c.province_code').onRef('p.course_id', '=', 'c.id'),
    )
    .select([
      sql<string>`c.unit_path::text`.as('unit_path'),
      sql<number>`count(distinct p.role || ' ' || p.name_folded)`.as('n'),
    ])
    .where(sql<boolean>`c.unit_path <@ ${unitPath}::ltree`)
    .where('c.end_date', '>=', period.start)
    .where('c.end_date', '<=', period.end)
    .where('p.attended', '=', true)
    .where('p.role', 'in', [...roles])
    .groupBy('c.unit_path')
    .orderBy('c.unit_path');
  // The distribution key, so a sharded database asks one province.
  if (unitPath !== COUNTRY_PATH) query = query.where('c.province_code', '=', provinceCodeOfPath(unitPath));
  const rows = await query.execute();
  return rows.map((row) => ({ unitPath: row.unit_path, count: Number(row.n) }));
}
