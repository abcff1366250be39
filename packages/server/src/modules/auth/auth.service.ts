import {
  AppError,
  rolePermissions,
  type LoginRequest,
  type LoginResult,
  type Me,
  type MfaEnrolment,
} from '@treem/shared';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { writeAudit, type Actor } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AuthedContext } from '../../http/context.ts';
import { userOrgPath } from '../access/scope.ts';
import { scopeUnitsOf } from '../users/user.repo.ts';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { createSession, deleteSession, deleteUserSessions, type NewSession } from './session.repo.ts';
import { openSecret, sealSecret, secretKey } from './secretBox.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from './totp.ts';

/** A secret sealed under another key (the key file was lost or replaced) cannot be checked: say so plainly. */
function readTotpSecret(config: Config, sealed: string): string {
  try {
    return openSecret(secretKey(config), sealed);
  } catch {
    throw new AppError('MFA_UNAVAILABLE');
  }
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginOutcome {
  result: LoginResult;
  session: NewSession;
}

/**
 * Records a failed attempt and locks the account when the threshold is reached. Runs in its own transaction so the
 * count survives the error thrown to the caller.
 */
async function recordFailure(db: Kysely<DB>, config: Config, actor: Actor, userId: string, reason: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('app_user')
      .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
      .where('id', '=', userId)
      .returning(['failed_login_count', 'username'])
      .executeTakeFirstOrThrow();
    let lockedUntil: Date | null = null;
    if (row.failed_login_count >= config.lockout.threshold) {
      lockedUntil = new Date(Date.now() + config.lockout.minutes * 60_000);
      await trx
        .updateTable('app_user')
        .set({ locked_until: lockedUntil, failed_login_count: 0 })
        .where('id', '=', userId)
        .execute();
      await deleteUserSessions(trx, userId);
    }
    await writeAudit(trx, actor, {
      action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      orgPath: await userOrgPath(trx, userId),
      reason,
      after: lockedUntil
        ? { lockedUntil: lockedUntil.toISOString() }
        : { failedCount: row.failed_login_count },
    });
    return lockedUntil;
  });
}

function lockedError(lockedUntil: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', { lockedUntil: lockedUntil.toISOString() });
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  input: LoginRequest,
  client: ClientInfo,
  actor: Actor,
): Promise<LoginOutcome> {
  const username = input.username.toLowerCase();
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'status', 'locked_until', 'mfa_enabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const attempt: Actor = { ...actor, userId: user.id, username: user.username };
  if (user.locked_until && new Date(user.locked_until) > new Date())
    throw lockedError(new Date(user.locked_until));
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk) {
    const lockedUntil = await recordFailure(db, config, attempt, user.id, 'wrong password');
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  return inTransaction(db, async (trx) => {
    const session = await createSession(trx, config, {
      userId: user.id,
      mfaPending: user.mfa_enabled,
      ...client,
    });
    if (user.mfa_enabled) {
      await trx.updateTable('app_user').set({ failed_login_count: 0 }).where('id', '=', user.id).execute();
      return { result: { status: 'mfa_required' as const }, session };
    }
    await trx
      .updateTable('app_user')
      .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await writeAudit(trx, attempt, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(trx, user.id),
    });
    const me = await buildMe(trx, user.id, session.csrfToken, session.expiresAt, config);
    return { result: { status: 'ok' as const, me }, session };
  });
}

/** Second step of sign-in: the pending session becomes a full one (with a fresh token). */
export async function completeMfaLogin(
  db: Kysely<DB>,
  config: Config,
  pending: { userId: string; tokenHash: string },
  code: string,
  client: ClientInfo,
  actor: Actor,
): Promise<{ me: Me; session: NewSession }> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'mfa_secret', 'mfa_last_step', 'locked_until', 'status'])
    .where('id', '=', pending.userId)
    .executeTakeFirstOrThrow();
  const attempt: Actor = { ...actor, userId: user.id, username: user.username };
  if (user.locked_until && new Date(user.locked_until) > new Date())
    throw lockedError(new Date(user.locked_until));
  if (user.status !== 'active' || !user.mfa_secret) throw new AppError('UNAUTHENTICATED');

  const secret = readTotpSecret(config, user.mfa_secret);
  const step = /^[0-9]{6}$/.test(code) ? await checkTotp(secret, code, user.mfa_last_step) : null;
  let recoveryHash: string | null = null;
  if (step === null && !/^[0-9]{6}$/.test(code)) {
    const candidate = hashRecoveryCode(code);
    const unused = await db
      .selectFrom('user_recovery_code')
      .select('code_hash')
      .where('user_id', '=', user.id)
      .where('code_hash', '=', candidate)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (unused) recoveryHash = candidate;
  }
  if (step === null && recoveryHash === null) {
    const lockedUntil = await recordFailure(db, config, attempt, user.id, 'wrong second-factor code');
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('INVALID_MFA_CODE');
  }

  return inTransaction(db, async (trx) => {
    await deleteSession(trx, pending.tokenHash);
    if (recoveryHash) {
      await trx
        .updateTable('user_recovery_code')
        .set({ used_at: new Date() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', recoveryHash)
        .execute();
    }
    await trx
      .updateTable('app_user')
      .set({
        failed_login_count: 0,
        locked_until: null,
        last_login_at: new Date(),
        ...(step !== null ? { mfa_last_step: step } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(trx, config, { userId: user.id, mfaPending: false, ...client });
    await writeAudit(trx, attempt, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(trx, user.id),
      reason: recoveryHash ? 'recovery code' : 'totp',
    });
    const me = await buildMe(trx, user.id, session.csrfToken, session.expiresAt, config);
    return { me, session };
  });
}

export async function logout(ctx: AuthedContext): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await deleteSession(trx, ctx.session.tokenHash);
    await writeAudit(trx, ctx.actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.session.user.id,
      orgPath: await userOrgPath(trx, ctx.session.user.id),
    });
  });
}

export async function buildMe(
  db: Kysely<DB>,
  userId: string,
  csrfToken: string,
  expiresAt: Date,
  config: Config,
): Promise<Me> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name', 'role', 'sector', 'mfa_enabled', 'must_change_password'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const scope = (await scopeUnitsOf(db, [userId])).get(userId) ?? [];
  const role = user.role as Me['user']['role'];
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      role,
      sector: user.sector as Me['user']['sector'],
      scope,
      mfaEnabled: user.mfa_enabled,
      mustChangePassword: user.must_change_password,
    },
    permissions: [...(rolePermissions[role] ?? [])],
    csrfToken,
    sessionExpiresAt: expiresAt.toISOString(),
    idleTimeoutSeconds: config.session.idleMinutes * 60,
  };
}

export function me(ctx: AuthedContext): Promise<Me> {
  return buildMe(ctx.db, ctx.session.user.id, ctx.session.csrfToken, ctx.session.expiresAt, ctx.config);
}

async function currentPasswordHash(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

export async function changePassword(
  ctx: AuthedContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { user } = ctx.session;
  const hashNow = await currentPasswordHash(ctx.db, user.id);
  if (!(await verifyPassword(hashNow, input.currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
  assertStrongPassword(input.newPassword, user.username);
  if (await verifyPassword(hashNow, input.newPassword)) throw new AppError('PASSWORD_REUSED');
  const newHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        password_hash: newHash,
        password_changed_at: new Date(),
        must_change_password: false,
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute();
    // Other devices signed in with the old password are signed out.
    await deleteUserSessions(trx, user.id, ctx.session.tokenHash);
    await writeAudit(trx, ctx.actor, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(trx, user.id),
    });
  });
}

export async function startMfaEnrolment(ctx: AuthedContext): Promise<MfaEnrolment> {
  const { user } = ctx.session;
  if (user.mfaEnabled) throw new AppError('MFA_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('app_user')
    .set({ mfa_secret: sealSecret(secretKey(ctx.config), secret) })
    .where('id', '=', user.id)
    .execute();
  const otpauthUrl = totpUri(secret, user.username);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
}

export async function confirmMfaEnrolment(ctx: AuthedContext, code: string): Promise<string[]> {
  const { user } = ctx.session;
  const row = await ctx.db
    .selectFrom('app_user')
    .select(['mfa_secret', 'mfa_enabled'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (row.mfa_enabled) throw new AppError('MFA_ALREADY_ENABLED');
  if (!row.mfa_secret) throw new AppError('MFA_NOT_ENROLLING');
  const step = await checkTotp(readTotpSecret(ctx.config, row.mfa_secret), code, null);
  if (step === null) throw new AppError('INVALID_MFA_CODE');
  const codes = newRecoveryCodes();
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ mfa_enabled: true, mfa_last_step: step, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('user_recovery_code').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('user_recovery_code')
      .values(codes.map((c) => ({ user_id: user.id, code_hash: hashRecoveryCode(c) })))
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'auth.mfa_enabled',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(trx, user.id),
    });
  });
  return codes;
}

export async function disableMfa(ctx: AuthedContext, password: string): Promise<void> {
  const { user } = ctx.session;
  if (!(await verifyPassword(await currentPasswordHash(ctx.db, user.id), password))) {
    throw new AppError('WRONG_CURRENT_PASSWORD');
  }
  await inTransaction(ctx.db, async (trx) => {
    await clearMfa(trx, user.id);
    await writeAudit(trx, ctx.actor, {
      action: 'auth.mfa_disabled',
      entityType: 'user',
      entityId: user.id,
      orgPath: await userOrgPath(trx, user.id),
    });
  });
}

export async function clearMfa(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ mfa_enabled: false, mfa_secret: null, mfa_last_step: null, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
}
