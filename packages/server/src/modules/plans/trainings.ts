import type { Period } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * People trained in the period inside the subtree at `unitPath`: the participants marked present at the training
 * courses and parenting sessions that ended in the period, each person once per unit (by name and role), counted
 * per unit that ran the course (a commune, or the province). The numerator of ECD-TRAINED.
 */
export async function trainedCounts(
  _db: Kysely<DB>,
  _unitPath: string,
  _period: Period,
  _roles: readonly string[],
): Promise<{ unitPath: string; count: number }[]> {
  return [];
}
