import { AppError, foldVietnamese, type ScopeUnit, type User, type UserListQuery } from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';

/**
 * A user is inside a scope when every one of their scope units lies in it: an administrator sees (and manages)
 * only people whose whole reach is within their own.
 */
function userWithinScope(scope: Scope) {
  return sql<boolean>`exists (select 1 from user_scope us where us.user_id = u.id)
    and not exists (
      select 1 from user_scope us join org_unit o on o.id = us.org_unit_id
      where us.user_id = u.id and not ${withinScope('o.path', scope)}
    )`;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.full_name',
  'u.email',
  'u.phone',
  'u.role',
  'u.sector',
  'u.status',
  'u.mfa_enabled',
  'u.locked_until',
  'u.last_login_at',
  'u.created_at',
] as const;

export async function scopeUnitsOf(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, ScopeUnit[]>> {
  const result = new Map<string, ScopeUnit[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('user_scope as us')
    .innerJoin('org_unit as o', 'o.id', 'us.org_unit_id')
    .select(['us.user_id', 'o.id', 'o.name', 'o.full_name', 'o.level', 'o.path'])
    .where('us.user_id', 'in', userIds)
    .orderBy('o.path')
    .execute();
  for (const row of rows) {
    const list = result.get(row.user_id) ?? [];
    list.push({
      orgUnitId: row.id,
      name: row.name,
      fullName: row.full_name,
      level: row.level,
      path: row.path,
    });
    result.set(row.user_id, list);
  }
  return result;
}

type UserRow = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  role: string;
  sector: string | null;
  status: 'active' | 'disabled';
  mfa_enabled: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
};

function toUser(row: UserRow, scope: ScopeUnit[]): User {
  const lockedUntil = row.locked_until && new Date(row.locked_until) > new Date() ? row.locked_until : null;
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    role: row.role as User['role'],
    sector: row.sector as User['sector'],
    scope,
    status: row.status,
    mfaEnabled: row.mfa_enabled,
    lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function findUser(scope: Scope, db: Executor, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('app_user as u')
    .select(userColumns)
    .where('u.id', '=', id)
    .where(userWithinScope(scope))
    .executeTakeFirst();
  if (!row) return undefined;
  const units = await scopeUnitsOf(db, [row.id]);
  return toUser(row, units.get(row.id) ?? []);
}

export async function getUser(scope: Scope, db: Executor, id: string): Promise<User> {
  const user = await findUser(scope, db, id);
  // 404, not 403: an administrator outside the user's area must not learn that the account exists.
  if (!user) throw new AppError('NOT_FOUND', { entity: 'user' });
  return user;
}

export async function listUsers(scope: Scope, db: Executor, filter: UserListQuery) {
  let query = db.selectFrom('app_user as u').where(userWithinScope(scope));
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.status) query = query.where('u.status', '=', filter.status);
  if (filter.search) {
    const folded = foldVietnamese(filter.search);
    query = query.where((eb) =>
      eb.or([
        eb('u.full_name_search', 'like', `%${escapeLike(folded)}%`),
        eb('u.username', 'like', `%${escapeLike(filter.search!.toLowerCase())}%`),
      ]),
    );
  }
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .select(userColumns)
    .orderBy('u.full_name_search')
    .orderBy('u.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const units = await scopeUnitsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => toUser(row, units.get(row.id) ?? [])),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
