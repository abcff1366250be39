// Scoped reads of aggregate entry: the unit an entry is for, and the entries of a unit. Every read starts from a
// unit found inside the caller's scope; the entries are then read by that unit's key.
import {
  AppError,
  entryWarningCodes,
  type AggregateCellEntry,
  type EntryWarningCode,
  type AggregatePerson,
  type AggregateUnit,
  type OrgLevel,
} from '@treem/shared';
import type { Selectable } from 'kysely';
import type { AggregateValueTable } from '../../db/schemaAggregate.ts';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';

export interface EntryUnit {
  id: string;
  name: string;
  fullName: string;
  level: OrgLevel;
  path: string;
  /** The province's code (the tables' shard key); null for the country. */
  provinceCode: string | null;
}

export type ValueRow = Selectable<AggregateValueTable> & { entered_by_name: string | null };

/** `vn.p01.c00004` → `01`; null for the country (`vn`). */
export function provinceCodeOf(path: string): string | null {
  const label = path.split('.')[1];
  return label && /^p\d{2}$/.test(label) ? label.slice(1) : null;
}

/**
 * A unit of the current tree (not a 2008 history unit) inside the caller's scope. 404, not 403, outside it: an
 * officer of another province must not learn which units exist there.
 */
export async function getEntryUnit(db: Executor, scope: Scope, unitId: string): Promise<EntryUnit> {
  const row = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'full_name', 'level', 'path'])
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  return {
    id: row.id,
    name: row.name,
    fullName: row.full_name,
    level: row.level,
    path: row.path,
    provinceCode: provinceCodeOf(row.path),
  };
}

export function toAggregateUnit(unit: EntryUnit): AggregateUnit {
  return { id: unit.id, name: unit.name, fullName: unit.fullName, level: unit.level, path: unit.path };
}

/** A `numeric` as a number (both drivers return its text). */
export function numberOf(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

export function personOf(id: string | null, fullName: string | null): AggregatePerson | null {
  return id && fullName !== null ? { id, fullName } : null;
}

/** The unit's entries of these indicators in these periods, with who entered them. */
export async function unitValues(
  db: Executor,
  unit: EntryUnit,
  periods: readonly string[],
  codes: readonly string[],
): Promise<ValueRow[]> {
  if (!unit.provinceCode || periods.length === 0 || codes.length === 0) return [];
  return db
    .selectFrom('aggregate_value as v')
    .leftJoin('app_user as u', 'u.id', 'v.entered_by')
    .selectAll('v')
    .select('u.full_name as entered_by_name')
    .where('v.province_code', '=', unit.provinceCode)
    .where('v.org_unit_id', '=', unit.id)
    .where('v.period', 'in', [...periods])
    .where('v.indicator_code', 'in', [...codes])
    .execute();
}

/** The unit's entries of the period, locked for a change in the caller's transaction. */
export async function lockUnitValues(
  db: Executor,
  unit: EntryUnit & { provinceCode: string },
  period: string,
  codes: readonly string[],
): Promise<Map<string, Selectable<AggregateValueTable>>> {
  const rows = await db
    .selectFrom('aggregate_value')
    .selectAll()
    .where('province_code', '=', unit.provinceCode)
    .where('org_unit_id', '=', unit.id)
    .where('period', '=', period)
    .where('indicator_code', 'in', [...codes])
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.indicator_code, row]));
}

export function toCellEntry(row: ValueRow): AggregateCellEntry {
  return {
    id: row.id,
    numerator: numberOf(row.numerator),
    denominator: numberOf(row.denominator),
    value: numberOf(row.value),
    comment: row.comment,
    warnings: row.warnings.filter((code): code is EntryWarningCode =>
      (entryWarningCodes as readonly string[]).includes(code),
    ),
    enteredBy: personOf(row.entered_by, row.entered_by_name),
    enteredAt: row.entered_at.toISOString(),
    version: row.version,
  };
}
