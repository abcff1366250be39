import {
  addYears,
  AppError,
  CHILD_AGE_LIMIT,
  foldVietnamese,
  newId,
  todayInVietnam,
  type HouseholdDetail,
  type HouseholdInput,
  type HouseholdListQuery,
  type HouseholdMove,
  type HouseholdSummary,
  type HouseholdUpdate,
} from '@treem/shared';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { Executor } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { COUNTRY_PATH, withinScope, type Scope } from '../access/scope.ts';
import { escapeLike } from '../users/user.repo.ts';
import { getPersonListItems } from './person.repo.ts';
import {
  provinceCodeOfPath,
  resolveScopeUnitPath,
  resolveVillage,
  type VillageRef,
} from './registerScope.ts';

function householdQuery(db: Executor, scope: Scope) {
  const today = todayInVietnam();
  const childSince = addYears(today, -CHILD_AGE_LIMIT);
  return db
    .selectFrom('household as h')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
    .leftJoin('person as hp', (join) =>
      join.onRef('hp.province_code', '=', 'h.province_code').onRef('hp.id', '=', 'h.head_person_id'),
    )
    .where(withinScope('h.org_path', scope))
    .selectAll('h')
    .select([
      sql<string>`v.name`.as('village_name'),
      sql<string>`c.full_name`.as('commune_name'),
      sql<string | null>`hp.full_name`.as('head_name'),
      sql<number>`(select count(*)::int from person m where m.province_code = h.province_code
        and m.household_id = h.id and m.status = 'active')`.as('member_count'),
      sql<number>`(select count(*)::int from person m where m.province_code = h.province_code
        and m.household_id = h.id and m.status = 'active' and m.birth_date > ${childSince})`.as(
        'child_count',
      ),
    ]);
}

type HouseholdRow = Awaited<ReturnType<ReturnType<typeof householdQuery>['execute']>>[number];

function toSummary(row: HouseholdRow): HouseholdSummary {
  return {
    id: row.id,
    bookNumber: row.book_number,
    address: row.address,
    villageId: row.village_id,
    villageName: row.village_name,
    communeName: row.commune_name,
    headPersonId: row.head_person_id,
    headName: row.head_name,
    povertyStatus: row.poverty_status,
    povertyYear: row.poverty_year,
    phone: row.phone,
    status: row.status,
    memberCount: Number(row.member_count),
    childCount: Number(row.child_count),
  };
}

export async function listHouseholds(db: Executor, scope: Scope, query: HouseholdListQuery) {
  let base = householdQuery(db, scope);
  if (query.orgUnitId) {
    const path = await resolveScopeUnitPath(db, scope, query.orgUnitId);
    base = base.where(sql<boolean>`h.org_path <@ ${path}::ltree`);
  }
  if (query.povertyStatus) base = base.where('h.poverty_status', '=', query.povertyStatus);
  if (!query.includeInactive) base = base.where('h.status', '=', 'active');
  if (query.search) {
    const folded = escapeLike(foldVietnamese(query.search));
    const raw = escapeLike(query.search.trim());
    base = base.where((eb) =>
      eb.or([
        // The head's name by the person search's rule: from the beginning of a word (`nameMatches`).
        sql<boolean>`(' ' || hp.name_search) like ${`% ${folded}%`}`,
        eb('h.book_number', '=', query.search!.trim()),
        eb('h.address', 'ilike', `%${raw}%`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .orderBy('v.name')
      .orderBy(sql`lpad(coalesce(h.book_number, ''), 10, '0')`)
      .orderBy('h.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

/** The household row if in scope; NOT_FOUND otherwise. */
export async function getHouseholdRow(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('household as h')
    .selectAll('h')
    .where('h.id', '=', id)
    .where(withinScope('h.org_path', scope));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getHouseholdDetail(db: Executor, scope: Scope, id: string): Promise<HouseholdDetail> {
  const row = await householdQuery(db, scope).where('h.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const memberIds = await db
    .selectFrom('person')
    .select('id')
    .where('province_code', '=', row.province_code)
    .where('household_id', '=', id)
    .where('status', '<>', 'merged')
    .orderBy(sql`case when relationship_to_head = 'head' then 0 else 1 end`)
    .orderBy('birth_date')
    .execute();
  const members = await getPersonListItems(
    db,
    scope,
    memberIds.map((m) => m.id),
  );
  const moves = await db
    .selectFrom('person_move as m')
    .leftJoin('org_unit as fv', 'fv.id', 'm.from_village_id')
    .leftJoin('org_unit as tv', 'tv.id', 'm.to_village_id')
    .select(['m.move_date', 'm.reason', 'fv.full_name as from_name', 'tv.full_name as to_name'])
    .distinct()
    .where('m.province_code', '=', row.province_code)
    .where('m.from_household_id', '=', id)
    .where('m.to_household_id', '=', id)
    .orderBy('m.move_date')
    .execute();
  return {
    ...toSummary(row),
    notes: row.notes,
    members,
    moves: moves.map((m) => ({
      moveDate: m.move_date,
      fromVillageName: m.from_name,
      toVillageName: m.to_name,
      reason: m.reason,
    })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function createHousehold(ctx: Operator, input: HouseholdInput): Promise<HouseholdDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const village = await resolveVillage(trx, ctx.scope, input.villageId);
    const id = newId();
    const values = {
      province_code: village.provinceCode,
      id,
      village_id: village.id,
      org_path: village.path,
      book_number: input.bookNumber ?? null,
      address: input.address,
      poverty_status: input.povertyStatus ?? 'none',
      poverty_year: input.povertyYear ?? null,
      phone: input.phone ?? null,
      notes: input.notes ?? null,
      created_by: ctx.userId,
    };
    await trx.insertInto('household').values(values).execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.household_created',
      entityType: 'household',
      entityId: id,
      orgPath: village.path,
      after: values,
    });
    return getHouseholdDetail(trx, ctx.scope, id);
  });
}

export async function updateHousehold(
  ctx: Operator,
  id: string,
  input: HouseholdUpdate,
): Promise<HouseholdDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getHouseholdRow(trx, ctx.scope, id, { forUpdate: true });
    if (before.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE');
    if (input.headPersonId) {
      const head = await trx
        .selectFrom('person')
        .select('id')
        .where('province_code', '=', before.province_code)
        .where('id', '=', input.headPersonId)
        .where('household_id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!head) {
        throw new AppError('INVALID_REFERENCE', { field: 'headPersonId' }, [
          { path: 'body.headPersonId', code: 'not_a_member', message: 'the head must be an active member' },
        ]);
      }
    }
    const changes = {
      book_number: input.bookNumber ?? null,
      address: input.address,
      poverty_status: input.povertyStatus ?? 'none',
      poverty_year: input.povertyYear ?? null,
      phone: input.phone ?? null,
      notes: input.notes ?? null,
      ...(input.headPersonId !== undefined ? { head_person_id: input.headPersonId } : {}),
    };
    await trx
      .updateTable('household')
      .set({ ...changes, updated_at: new Date() })
      .where('province_code', '=', before.province_code)
      .where('id', '=', id)
      .execute();
    if (input.headPersonId) {
      await trx
        .updateTable('person')
        .set({ relationship_to_head: 'head', updated_at: new Date() })
        .where('province_code', '=', before.province_code)
        .where('id', '=', input.headPersonId)
        .execute();
    }
    await writeAudit(trx, ctx.actor, {
      action: 'register.household_updated',
      entityType: 'household',
      entityId: id,
      orgPath: before.org_path,
      before: pick(before, Object.keys(changes)),
      after: changes,
    });
    return getHouseholdDetail(trx, ctx.scope, id);
  });
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

/**
 * A move's destination: a village in the caller's scope, or — for a move to another commune the caller does not
 * manage — any open village of the same province (the record follows the child; it leaves the caller's view).
 */
export async function resolveMoveTarget(db: Executor, scope: Scope, provinceCode: string, villageId: string) {
  try {
    return await resolveVillage(db, scope, villageId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    const province = { ...scope, paths: [`${COUNTRY_PATH}.p${provinceCode}`] };
    return resolveVillage(db, province, villageId);
  }
}

/** The kind of a move between two village paths. */
export function moveKind(from: string, to: string): 'within_commune' | 'between_communes' {
  const commune = (path: string) => path.split('.').slice(0, 3).join('.');
  return commune(from) === commune(to) ? 'within_commune' : 'between_communes';
}

/** Points the person's rows (and their dated assignments) at a new village. */
export async function relocatePersons(
  trx: Executor,
  provinceCode: string,
  personIds: string[],
  target: VillageRef,
  householdId: string | null,
) {
  if (personIds.length === 0) return;
  await trx
    .updateTable('person')
    .set({
      village_id: target.id,
      org_path: target.path,
      ...(householdId !== undefined ? { household_id: householdId } : {}),
      updated_at: new Date(),
    })
    .where('province_code', '=', provinceCode)
    .where('id', 'in', personIds)
    .execute();
  for (const table of ['circumstance_assignment', 'at_risk_flag'] as const) {
    await trx
      .updateTable(table)
      .set({ org_path: target.path })
      .where('province_code', '=', provinceCode)
      .where('person_id', 'in', personIds)
      .execute();
  }
}

export async function moveHousehold(
  ctx: Operator,
  id: string,
  input: HouseholdMove,
): Promise<HouseholdDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const household = await getHouseholdRow(trx, ctx.scope, id, { forUpdate: true });
    if (household.status !== 'active') throw new AppError('RECORD_NOT_ACTIVE');
    const target = await resolveMoveTarget(trx, ctx.scope, household.province_code, input.toVillageId);
    if (target.id === household.village_id || provinceCodeOfPath(target.path) !== household.province_code) {
      throw new AppError('MOVE_NOT_ALLOWED', {
        reason: target.id === household.village_id ? 'same_village' : 'other_province',
      });
    }
    const members = await trx
      .selectFrom('person')
      .select(['id', 'village_id', 'org_path'])
      .where('province_code', '=', household.province_code)
      .where('household_id', '=', id)
      .where('status', '=', 'active')
      .execute();
    const kind = moveKind(household.org_path, target.path);
    if (members.length > 0) {
      await trx
        .insertInto('person_move')
        .values(
          members.map((m) => ({
            province_code: household.province_code,
            id: newId(),
            person_id: m.id,
            kind,
            move_date: input.moveDate,
            from_village_id: m.village_id,
            to_village_id: target.id,
            from_household_id: id,
            to_household_id: id,
            from_org_path: m.org_path,
            to_org_path: target.path,
            reason: input.reason,
            created_by: ctx.userId,
          })),
        )
        .execute();
    }
    await relocatePersons(
      trx,
      household.province_code,
      members.map((m) => m.id),
      target,
      id,
    );
    await trx
      .updateTable('household')
      .set({ village_id: target.id, org_path: target.path, updated_at: new Date() })
      .where('province_code', '=', household.province_code)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.household_moved',
      entityType: 'household',
      entityId: id,
      orgPath: target.path,
      before: { villageId: household.village_id, path: household.org_path },
      after: { villageId: target.id, path: target.path, moveDate: input.moveDate, members: members.length },
      reason: input.reason,
    });
    // The caller may no longer see the household (moved to a commune outside their scope).
    const visible = await trx
      .selectFrom('household')
      .select('id')
      .where('province_code', '=', household.province_code)
      .where('id', '=', id)
      .where(withinScope('org_path', ctx.scope))
      .executeTakeFirst();
    return getHouseholdDetail(trx, visible ? ctx.scope : { ...ctx.scope, paths: [target.path] }, id);
  });
}

/** Village moved to another commune (org-unit admin): every register row of it (rows sit at the village path) follows. */
export async function rehomeVillageRecords(trx: Executor, oldPath: string, newPath: string): Promise<void> {
  const oldProvince = provinceCodeOfPath(oldPath);
  if (provinceCodeOfPath(newPath) !== oldProvince) {
    const any = await trx
      .selectFrom('household')
      .select('id')
      .where('province_code', '=', oldProvince)
      .where(sql<boolean>`org_path <@ ${oldPath}::ltree`)
      .limit(1)
      .executeTakeFirst();
    if (any) throw new AppError('MOVE_NOT_ALLOWED', { reason: 'village_has_records_other_province' });
    return;
  }
  for (const table of ['household', 'person', 'circumstance_assignment', 'at_risk_flag'] as const) {
    await trx
      .updateTable(table)
      .set({ org_path: newPath })
      .where('province_code', '=', oldProvince)
      .where('org_path', '=', oldPath)
      .execute();
  }
}
