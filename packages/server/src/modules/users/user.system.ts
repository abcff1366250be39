import { AppError, randomPassword, type Role, type Sector } from '@treem/shared';
import type { Kysely } from 'kysely';
import { systemActor } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { Operator } from '../../http/context.ts';
import { createUser, resetPassword, setUserStatus } from './user.service.ts';

/** The system acting from the command line: national scope, audited as `cli`. */
export function systemOperator(db: Kysely<DB>): Operator {
  return {
    db,
    userId: null,
    actor: systemActor('cli'),
    scope: { userId: 'system', role: 'system_admin', sector: null, paths: ['vn'] },
  };
}

async function userIdByUsername(db: Kysely<DB>, username: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'user', username });
  return row.id;
}

/** Resolves a scope given as GSO codes ("01", "09988") or org-unit ids to current units' ids. */
async function scopeIds(db: Kysely<DB>, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const row = await db
      .selectFrom('org_unit')
      .select('id')
      .where((eb) =>
        /^[0-9a-f-]{36}$/.test(ref)
          ? eb('id', '=', ref)
          : eb.and([eb('code', '=', ref), eb('generation', '=', 'current')]),
      )
      .orderBy('level')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'orgUnit', ref });
    ids.push(row.id);
  }
  return ids;
}

export async function createUserFromCli(
  db: Kysely<DB>,
  input: {
    username: string;
    fullName: string;
    role: Role;
    sector: Sector | null;
    scope: string[];
    password?: string;
  },
) {
  const password = input.password ?? randomPassword();
  const user = await createUser(systemOperator(db), {
    username: input.username.toLowerCase(),
    fullName: input.fullName,
    role: input.role,
    sector: input.sector,
    scopeOrgUnitIds: await scopeIds(db, input.scope),
    password,
  });
  return { user, password };
}

export async function disableUserFromCli(db: Kysely<DB>, username: string, reason: string) {
  return setUserStatus(systemOperator(db), await userIdByUsername(db, username), 'disabled', reason);
}

export async function resetPasswordFromCli(db: Kysely<DB>, username: string, password?: string) {
  const newPassword = password ?? randomPassword();
  await resetPassword(systemOperator(db), await userIdByUsername(db, username), newPassword);
  return newPassword;
}
