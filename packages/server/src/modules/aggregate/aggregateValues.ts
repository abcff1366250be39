import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One unit's entered numbers for one indicator and period. */
export interface EnteredRow {
  code: string;
  unitId: string;
  /** The entering unit's ltree path (a commune's, or the province's). */
  unitPath: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * The entries of these indicators for the period made by units inside the subtree at `unitPath` (the unit itself
 * included). The indicator engine sums them into areas and totals.
 */
export async function enteredRows(
  _db: Kysely<DB>,
  _unitPath: string,
  _period: string,
  _codes: readonly string[],
): Promise<EnteredRow[]> {
  return [];
}
