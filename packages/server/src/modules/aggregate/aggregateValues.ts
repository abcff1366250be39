import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { numberOf, provinceCodeOf } from './aggregate.repo.ts';

/** One unit's entered numbers for one indicator and period. */
export interface EnteredRow {
  code: string;
  unitId: string;
  /** The entering unit's ltree path (a commune's, or the province's). */
  unitPath: string;
  /** As entered: a ratio's numerator and denominator, a count in `numerator`; null where the kind takes none. */
  numerator: number | null;
  denominator: number | null;
  /** The indicator's value from those numbers (a count is its number; null for 0 / 0), or the entered value. */
  value: number | null;
}

/**
 * The entries of these indicators for the period made by units inside the subtree at `unitPath` (the unit itself
 * included). The indicator engine sums them into areas and totals. Not scoped: the engine passes a path it has
 * already checked against the caller's scope.
 */
export async function enteredRows(
  db: Kysely<DB>,
  unitPath: string,
  period: string,
  codes: readonly string[],
): Promise<EnteredRow[]> {
  if (codes.length === 0) return [];
  const provinceCode = provinceCodeOf(unitPath);
  let query = db
    .selectFrom('aggregate_value')
    .select(['indicator_code', 'org_unit_id', 'org_path', 'numerator', 'denominator', 'value'])
    .where('period', '=', period)
    .where('indicator_code', 'in', [...codes])
    .where(sql<boolean>`org_path <@ ${unitPath}::ltree`);
  // The shard key, when the subtree lies in one province (always, but for the whole country).
  if (provinceCode) query = query.where('province_code', '=', provinceCode);
  const rows = await query.orderBy('org_path').orderBy('indicator_code').execute();
  return rows.map((row) => ({
    code: row.indicator_code,
    unitId: row.org_unit_id,
    unitPath: row.org_path,
    numerator: numberOf(row.numerator),
    denominator: numberOf(row.denominator),
    value: numberOf(row.value),
  }));
}
