import { AppError } from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';

/** The current province's 2-digit code from an org path (`vn.p01.c00004.v…` → `01`): the register's shard key. */
export function provinceCodeOfPath(path: string): string {
  const label = path.split('.')[1];
  if (!label || !/^p\d{2}$/.test(label)) throw new Error(`No province in path: ${path}`);
  return label.slice(1);
}

export interface VillageRef {
  id: string;
  name: string;
  fullName: string;
  path: string;
  provinceCode: string;
  communeId: string;
  communeName: string;
  communePath: string;
}

/** An open village the caller may see (a village in scope); NOT_FOUND otherwise. */
export async function resolveVillage(db: Executor, scope: Scope, villageId: string): Promise<VillageRef> {
  const row = await db
    .selectFrom('org_unit as v')
    .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
    .select([
      'v.id',
      'v.name',
      'v.full_name',
      'v.path',
      'v.valid_to',
      'c.id as commune_id',
      'c.full_name as commune_name',
      'c.path as commune_path',
    ])
    .where('v.id', '=', villageId)
    .where('v.generation', '=', 'village')
    .where(withinScope('v.path', scope))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  return {
    id: row.id,
    name: row.name,
    fullName: row.full_name,
    path: row.path,
    provinceCode: provinceCodeOfPath(row.path),
    communeId: row.commune_id,
    communeName: row.commune_name,
    communePath: row.commune_path,
  };
}

/** The path of any org unit in scope (a filter's `orgUnitId`); NOT_FOUND outside scope. */
export async function resolveScopeUnitPath(db: Executor, scope: Scope, orgUnitId: string): Promise<string> {
  const row = await db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', orgUnitId)
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row.path;
}

/** `column <@ path` for a path the application built (ltree labels are never user text). */
export function underPath(column: string, path: string) {
  return sql<boolean>`${sql.ref(column)} <@ ${path}::ltree`;
}
