import {
  AppError,
  foldVietnamese,
  todayInVietnam,
  type OrgUnit,
  type OrgUnitChange,
  type OrgUnitDetail,
  type OrgUnitLink,
  type OrgUnitListQuery,
} from '@treem/shared';
import { sql, type Selectable } from 'kysely';
import type { OrgUnitTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { ltreeArrayLiteral, withinScope, type Scope } from '../access/scope.ts';
import { escapeLike } from '../users/user.repo.ts';

export type OrgUnitRow = Selectable<OrgUnitTable>;

/**
 * A unit is visible when it lies in the scope's subtrees, or when it is a 2008 unit that went (wholly or partly)
 * into a unit in scope — so a Hà Nội officer can resolve the old Hà Nội communes, and nobody else's.
 */
export function orgUnitVisible(scope: Pick<Scope, 'paths'>, alias = 'o') {
  const scopeArray = ltreeArrayLiteral(scope.paths);
  return sql<boolean>`(${withinScope(`${alias}.path`, scope)}
    or (${sql.ref(`${alias}.reach_paths`)} is not null
        and exists (select 1 from unnest(${scopeArray}::ltree[]) as s(root)
                    where ${sql.ref(`${alias}.reach_paths`)} <@ s.root)))`;
}

/** Children a browser should list: history under history; otherwise only units in force. */
const childCount = sql<number>`(select count(*) from org_unit c where c.parent_id = o.id
  and case when o.generation = 'y2008' then true else c.generation <> 'y2008' and c.valid_to is null end)`;

export function toOrgUnit(row: OrgUnitRow & { child_count?: number | string | null }): OrgUnit {
  const today = todayInVietnam();
  const status =
    row.generation === 'y2008'
      ? 'historical'
      : row.valid_to !== null && row.valid_to <= today
        ? 'closed'
        : 'active';
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    type: row.type,
    typeCode: row.type_code,
    level: row.level,
    generation: row.generation,
    status,
    parentId: row.parent_id,
    path: row.path,
    provinceCode: row.province_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: Number(row.child_count ?? 0),
  };
}

function selectUnits(db: Executor) {
  return db.selectFrom('org_unit as o').selectAll('o').select(childCount.as('child_count'));
}

export async function findOrgUnitRow(
  scope: Scope,
  db: Executor,
  id: string,
): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_unit as o')
    .selectAll('o')
    .where('o.id', '=', id)
    .where(orgUnitVisible(scope))
    .executeTakeFirst();
}

export async function getOrgUnitRow(scope: Scope, db: Executor, id: string): Promise<OrgUnitRow> {
  const row = await findOrgUnitRow(scope, db, id);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  return row;
}

export async function getOrgUnit(scope: Scope, db: Executor, id: string): Promise<OrgUnit> {
  const row = await selectUnits(db).where('o.id', '=', id).where(orgUnitVisible(scope)).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  return toOrgUnit(row);
}

export async function listScopeRoots(scope: Scope, db: Executor): Promise<OrgUnit[]> {
  if (scope.paths.length === 0) return [];
  const rows = await selectUnits(db).where('o.path', 'in', scope.paths).orderBy('o.path').execute();
  return rows.map(toOrgUnit);
}

export async function listOrgUnits(scope: Scope, db: Executor, filter: OrgUnitListQuery) {
  const folded = filter.search ? foldVietnamese(filter.search) : '';
  // A search of only punctuation matches nothing (rather than everything).
  if (filter.search && !folded) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
  if (!filter.parentId && !filter.search) {
    const roots = await listScopeRoots(scope, db);
    return { items: roots, total: roots.length, page: 1, pageSize: filter.pageSize };
  }
  // History units are the only ones reached through `reach_paths`; without them the plain subtree test applies,
  // which the (path, name) index can serve.
  let query = db
    .selectFrom('org_unit as o')
    .where(filter.includeHistory ? orgUnitVisible(scope) : withinScope('o.path', scope));
  if (filter.parentId) {
    await getOrgUnitRow(scope, db, filter.parentId);
    query = query.where('o.parent_id', '=', filter.parentId);
  }
  if (!filter.includeHistory) query = query.where('o.generation', '<>', 'y2008');
  // "Closed" means a unit that stopped before today while still in the current system; history has its own switch.
  if (!filter.includeClosed) {
    query = query.where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.generation', '=', 'y2008')]));
  }
  if (filter.level) query = query.where('o.level', '=', filter.level);
  if (folded) query = query.where('o.name_search', 'like', `%${escapeLike(folded)}%`);

  // One scan ranks the matches and counts them through a window. A search may match thousands of units, so it
  // carries only ids through the sort and reads the page's full rows afterwards; a parent's children are few, so
  // they are read whole in the same scan.
  let ordered = query.select(['o.id', sql<number>`count(*) over ()`.as('total_count')]);
  if (!folded) ordered = ordered.selectAll('o');
  if (folded) {
    // Whole-name and whole-word matches first, then current units before history, then the name.
    ordered = ordered
      .orderBy(sql`o.name_search = ${folded}`, 'desc')
      .orderBy(sql`(' ' || o.name_search || ' ') like ${`% ${escapeLike(folded)} %`}`, 'desc')
      .orderBy(sql`o.generation = 'y2008'`, 'asc');
  }
  const page = await ordered
    .orderBy(sql`array_position(array['country','province','district','commune','village'], o.level)`)
    .orderBy('o.name_search')
    .orderBy('o.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  let total = Number(page[0]?.total_count ?? 0);
  if (page.length === 0 && filter.page > 1) {
    const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    total = Number(counted?.n ?? 0);
  }
  const rows = folded
    ? await rowsInOrder(
        db,
        page.map((row) => row.id),
      )
    : (page as unknown as OrgUnitRow[]);
  const counts = await childCounts(db, rows);
  return {
    items: rows.map((row) => toOrgUnit({ ...row, child_count: counts.get(row.id) ?? 0 })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

async function rowsInOrder(db: Executor, ids: string[]): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  const fetched = await db.selectFrom('org_unit as o').selectAll('o').where('o.id', 'in', ids).execute();
  const byId = new Map(fetched.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is OrgUnitRow => row !== undefined);
}

/** The same rule as `childCount`, for a page of units in one grouped query. */
async function childCounts(db: Executor, parents: readonly OrgUnitRow[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (parents.length === 0) return result;
  const historic = new Set(parents.filter((p) => p.generation === 'y2008').map((p) => p.id));
  const rows = await db
    .selectFrom('org_unit as c')
    .select(['c.parent_id', 'c.generation', sql<boolean>`c.valid_to is null`.as('open')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'c.parent_id',
      'in',
      parents.map((p) => p.id),
    )
    .groupBy(['c.parent_id', 'c.generation', sql`c.valid_to is null`])
    .execute();
  for (const row of rows) {
    const parentId = row.parent_id!;
    const counted = historic.has(parentId) || (row.generation !== 'y2008' && row.open);
    if (counted) result.set(parentId, (result.get(parentId) ?? 0) + Number(row.n));
  }
  return result;
}

async function links(
  db: Executor,
  direction: 'successors' | 'predecessors',
  id: string,
): Promise<OrgUnitLink[]> {
  const [from, to] =
    direction === 'successors'
      ? (['predecessor_id', 'successor_id'] as const)
      : (['successor_id', 'predecessor_id'] as const);
  const rows = await db
    .selectFrom('org_unit_successor as l')
    .innerJoin('org_unit as o', 'o.id', `l.${to}`)
    .selectAll('o')
    .select(['l.merge_type', 'l.effective_date'])
    .select(childCount.as('child_count'))
    .where(`l.${from}`, '=', id)
    .orderBy('o.path')
    .execute();
  return rows.map((row) => ({
    unit: toOrgUnit(row),
    mergeType: row.merge_type,
    effectiveDate: row.effective_date,
  }));
}

export const successorsOf = (db: Executor, id: string) => links(db, 'successors', id);

export async function getOrgUnitDetail(scope: Scope, db: Executor, id: string): Promise<OrgUnitDetail> {
  const unit = await getOrgUnit(scope, db, id);
  const ancestors = await db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.full_name', 'o.level'])
    .where(sql<boolean>`o.path @> ${unit.path}::ltree`)
    .where('o.id', '<>', unit.id)
    .where(orgUnitVisible(scope))
    .orderBy(sql`nlevel(o.path)`)
    .execute();
  const changes = await db
    .selectFrom('org_unit_change')
    .select(['field', 'old_value', 'new_value', 'effective_date', 'reason'])
    .where('org_unit_id', '=', id)
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
  return {
    unit,
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, fullName: a.full_name, level: a.level })),
    // Successor and predecessor names are published administrative facts, shown even when outside the scope;
    // opening one still goes through the scope check.
    successors: await links(db, 'successors', id),
    predecessors: await links(db, 'predecessors', id),
    changes: changes.map((c): OrgUnitChange => ({
      field: c.field,
      oldValue: c.old_value,
      newValue: c.new_value,
      effectiveDate: c.effective_date,
      reason: c.reason,
    })),
  };
}

export async function lookupByCode(scope: Scope, db: Executor, code: string) {
  const rows = await selectUnits(db)
    .where('o.code', '=', code)
    .where('o.generation', '<>', 'village')
    .where(orgUnitVisible(scope))
    .orderBy(sql`o.generation = 'y2008'`, 'asc')
    .orderBy('o.path')
    .execute();
  return Promise.all(
    rows.map(async (row) => ({ unit: toOrgUnit(row), successors: await successorsOf(db, row.id) })),
  );
}
