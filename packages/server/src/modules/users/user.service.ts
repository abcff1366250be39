import {
  AppError,
  foldVietnamese,
  grantableRoles,
  newId,
  normaliseName,
  roleScopeLevels,
  rolesNeedingSector,
  type Role,
  type Sector,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@treem/shared';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { lowestCommonPath, type Scope } from '../access/scope.ts';
import { clearMfa } from '../auth/auth.service.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/session.repo.ts';
import { findOrgUnitRow } from '../orgUnits/orgUnit.repo.ts';
import { getUser } from './user.repo.ts';

/**
 * Checks a requested role + scope against what the acting administrator may grant: the role must be grantable by
 * their own role, every unit must lie in their scope (else 404, like any unit they cannot see), be in force, and sit
 * at the level the role works at.
 */
async function checkGrant(
  trx: Transaction<DB>,
  scope: Scope,
  role: Role,
  sector: Sector | null,
  orgUnitIds: readonly string[],
): Promise<{ id: string; path: string }[]> {
  if (!grantableRoles[scope.role].includes(role)) throw new AppError('ROLE_NOT_GRANTABLE', { role });
  if (rolesNeedingSector.includes(role) && !sector) throw new AppError('ROLE_NEEDS_SECTOR', { role });
  const units: { id: string; path: string }[] = [];
  for (const id of new Set(orgUnitIds)) {
    const unit = await findOrgUnitRow(scope, trx, id);
    if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit', id });
    if (unit.generation === 'y2008' || (unit.valid_to !== null && unit.valid_to !== undefined)) {
      throw new AppError('ORG_UNIT_CLOSED', { id });
    }
    if (!roleScopeLevels[role].includes(unit.level)) {
      throw new AppError('ROLE_SCOPE_LEVEL_MISMATCH', {
        role,
        level: unit.level,
        allowed: roleScopeLevels[role],
      });
    }
    units.push({ id: unit.id, path: unit.path });
  }
  return units;
}

function auditView(user: User) {
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    role: user.role,
    sector: user.sector,
    status: user.status,
    scope: user.scope.map((s) => s.orgUnitId),
  };
}

export async function createUser(ctx: Operator, input: UserCreate): Promise<User> {
  assertStrongPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const units = await checkGrant(trx, ctx.scope, input.role, input.sector ?? null, input.scopeOrgUnitIds);
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new AppError('USERNAME_TAKEN', { username: input.username });
    const id = newId();
    const fullName = normaliseName(input.fullName);
    await trx
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        full_name: fullName,
        full_name_search: foldVietnamese(fullName),
        email: input.email ?? null,
        phone: input.phone ?? null,
        role: input.role,
        sector: input.sector ?? null,
        password_hash: passwordHash,
        // The administrator chose this password; the user must replace it at first sign-in.
        must_change_password: true,
        created_by: ctx.userId,
      })
      .execute();
    await trx
      .insertInto('user_scope')
      .values(units.map((u) => ({ user_id: id, org_unit_id: u.id })))
      .execute();
    const user = await getUser(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      orgPath: lowestCommonPath(units.map((u) => u.path)),
      after: auditView(user),
    });
    return user;
  });
}

export async function updateUser(ctx: Operator, id: string, input: UserUpdate): Promise<User> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getUser(ctx.scope, trx, id);
    const changesAccess =
      input.role !== undefined || input.scopeOrgUnitIds !== undefined || input.sector !== undefined;
    if (id === ctx.userId && changesAccess) throw new AppError('CANNOT_CHANGE_SELF');
    const role = input.role ?? before.role;
    const sector = input.sector === undefined ? before.sector : input.sector;
    const unitIds = input.scopeOrgUnitIds ?? before.scope.map((s) => s.orgUnitId);
    const units = changesAccess ? await checkGrant(trx, ctx.scope, role, sector, unitIds) : null;
    const fullName = input.fullName === undefined ? undefined : normaliseName(input.fullName);
    await trx
      .updateTable('app_user')
      .set({
        ...(fullName !== undefined
          ? { full_name: fullName, full_name_search: foldVietnamese(fullName) }
          : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        role,
        sector,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (units) {
      await trx.deleteFrom('user_scope').where('user_id', '=', id).execute();
      await trx
        .insertInto('user_scope')
        .values(units.map((u) => ({ user_id: id, org_unit_id: u.id })))
        .execute();
      // New access rights take effect at the next sign-in.
      await deleteUserSessions(trx, id);
    }
    const after = await getUser(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      orgPath: lowestCommonPath(after.scope.map((s) => s.path)),
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function setUserStatus(
  ctx: Operator,
  id: string,
  status: 'active' | 'disabled',
  reason: string | null,
): Promise<User> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getUser(ctx.scope, trx, id);
    if (id === ctx.userId) throw new AppError('CANNOT_CHANGE_SELF');
    await trx
      .updateTable('app_user')
      .set({
        status,
        updated_at: new Date(),
        ...(status === 'active' ? { failed_login_count: 0, locked_until: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (status === 'disabled') await deleteUserSessions(trx, id);
    const after = await getUser(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: status === 'disabled' ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: id,
      orgPath: lowestCommonPath(after.scope.map((s) => s.path)),
      before: { status: before.status },
      after: { status: after.status },
      reason,
    });
    return after;
  });
}

export async function resetPassword(ctx: Operator, id: string, newPassword: string): Promise<void> {
  const target = await getUser(ctx.scope, ctx.db, id);
  assertStrongPassword(newPassword, target.username);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        password_changed_at: new Date(),
        must_change_password: true,
        failed_login_count: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      orgPath: lowestCommonPath(target.scope.map((s) => s.path)),
    });
  });
}

export async function resetMfa(ctx: Operator, id: string): Promise<void> {
  const target = await getUser(ctx.scope, ctx.db, id);
  await inTransaction(ctx.db, async (trx) => {
    await clearMfa(trx, id);
    await deleteUserSessions(trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'user.mfa_reset',
      entityType: 'user',
      entityId: id,
      orgPath: lowestCommonPath(target.scope.map((s) => s.path)),
    });
  });
}
