// Period locks (docs/aggregate-entry.md, "Locks"). A lock is keyed by unit and period and holds for the unit and
// every unit inside it: a province's lock freezes its communes' entries, a commune's lock the commune and its
// villages. The periods are exact: locking 2025 leaves 2025H1 and 2025H2 open, and locking a half leaves the year
// open, because each report (six-monthly, yearly) is approved on its own. The reporting capability locks a unit's
// period when it approves its report, through `lockPeriod`.
import {
  AppError,
  isPeriodCode,
  newId,
  type AuditAction,
  type PeriodCode,
  type PeriodLock,
} from '@treem/shared';
import { sql, type Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import { getEntryUnit, personOf, provinceCodeOf, type EntryUnit } from './aggregate.repo.ts';

const lockedAction: AuditAction = 'aggregate.locked';
const unlockedAction: AuditAction = 'aggregate.unlocked';

/** The class of the transaction-scoped advisory locks that order saves and locks of one province's period. */
const PERIOD_LOCK_CLASS = 727016;

/**
 * Orders saves against locks of the same province and period: a save holds it shared (saves run side by side), a
 * lock or unlock holds it exclusively. A lock therefore waits for the saves already checking, and every save that
 * starts after it sees the lock — no entry slips in between the check and the commit.
 */
export async function holdPeriod(
  trx: Transaction<DB>,
  provinceCode: string,
  period: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const fn = mode === 'shared' ? sql.raw('pg_advisory_xact_lock_shared') : sql.raw('pg_advisory_xact_lock');
  await sql`select ${fn}(${PERIOD_LOCK_CLASS}::int, hashtext(${`${provinceCode}:${period}`}))`.execute(trx);
}

/** The lock in force on the unit at `unitPath` or on a unit above it holds for the period. */
export async function isPeriodLocked(db: Executor, unitPath: string, period: PeriodCode): Promise<boolean> {
  const provinceCode = provinceCodeOf(unitPath);
  if (!provinceCode) return false;
  const row = await db
    .selectFrom('period_lock')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('period', '=', period)
    .where('unlocked_at', 'is', null)
    .where(sql<boolean>`org_path @> ${unitPath}::ltree`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function lockQuery(db: Executor, provinceCode: string) {
  return db
    .selectFrom('period_lock as l')
    .innerJoin('org_unit as o', 'o.id', 'l.org_unit_id')
    .leftJoin('app_user as lb', 'lb.id', 'l.locked_by')
    .leftJoin('app_user as ub', 'ub.id', 'l.unlocked_by')
    .select([
      'l.id',
      'l.period',
      'l.locked_at',
      'l.locked_by',
      'l.reason',
      'l.unlocked_at',
      'l.unlocked_by',
      'l.unlock_reason',
      'o.id as unit_id',
      'o.name as unit_name',
      'o.full_name as unit_full_name',
      'o.level as unit_level',
      'o.path as unit_path',
      'lb.full_name as locked_by_name',
      'ub.full_name as unlocked_by_name',
    ])
    .where('l.province_code', '=', provinceCode);
}

type LockRow = Awaited<ReturnType<ReturnType<typeof lockQuery>['execute']>>[number];

function toPeriodLock(row: LockRow): PeriodLock {
  return {
    id: row.id,
    unit: {
      id: row.unit_id,
      name: row.unit_name,
      fullName: row.unit_full_name,
      level: row.unit_level,
      path: row.unit_path,
    },
    period: row.period,
    lockedAt: row.locked_at.toISOString(),
    lockedBy: personOf(row.locked_by, row.locked_by_name),
    reason: row.reason,
    unlockedAt: row.unlocked_at ? row.unlocked_at.toISOString() : null,
    unlockedBy: personOf(row.unlocked_by, row.unlocked_by_name),
    unlockReason: row.unlock_reason,
  };
}

/** The locks in force for the period on the unit and the units above it, the widest first. */
export async function locksInForce(
  db: Executor,
  unitPath: string,
  period: PeriodCode,
): Promise<PeriodLock[]> {
  const provinceCode = provinceCodeOf(unitPath);
  if (!provinceCode) return [];
  const rows = await lockQuery(db, provinceCode)
    .where('l.period', '=', period)
    .where('l.unlocked_at', 'is', null)
    .where(sql<boolean>`l.org_path @> ${unitPath}::ltree`)
    .orderBy(sql`nlevel(l.org_path)`)
    .execute();
  return rows.map(toPeriodLock);
}

/** Every lock of the unit and of the units above it, in force or lifted, newest first. */
export async function listLocks(db: Executor, scope: Scope, unitId: string): Promise<PeriodLock[]> {
  const unit = await getEntryUnit(db, scope, unitId);
  if (!unit.provinceCode) return [];
  const rows = await lockQuery(db, unit.provinceCode)
    .where(sql<boolean>`l.org_path @> ${unit.path}::ltree`)
    .orderBy('l.locked_at', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
  return rows.map(toPeriodLock);
}

/** A province or a commune: the units that enter and report. */
function lockableUnit(unit: EntryUnit): EntryUnit & { provinceCode: string } {
  if ((unit.level !== 'province' && unit.level !== 'commune') || !unit.provinceCode)
    throw new AppError('AGGREGATE_WRONG_LEVEL', { unitId: unit.id, level: unit.level });
  return unit as EntryUnit & { provinceCode: string };
}

function checkPeriod(period: string): void {
  if (!isPeriodCode(period))
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'period', code: 'invalid_period', message: 'a period is 2025, 2025H1 or 2025H2' },
    ]);
}

async function ownLockInForce(
  trx: Transaction<DB>,
  unit: EntryUnit & { provinceCode: string },
  period: string,
) {
  return lockQuery(trx, unit.provinceCode)
    .where('l.org_unit_id', '=', unit.id)
    .where('l.period', '=', period)
    .where('l.unlocked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Locks a province or commune for a period: no entry of the unit or of a unit inside it can change until it is
 * unlocked. The unit must lie in the operator's scope (404 otherwise); the caller decides who may lock (the route:
 * `aggregate.lock`; the reporting capability: whoever approves the report). Already locked → 409 PERIOD_LOCKED. Runs
 * in the caller's transaction when given one, so a report's approval and its lock commit together.
 */
export async function lockPeriod(
  db: Executor,
  operator: Operator,
  unitId: string,
  period: PeriodCode,
  reason: string | null,
): Promise<PeriodLock> {
  checkPeriod(period);
  return inTransaction(db, async (trx) => {
    const unit = lockableUnit(await getEntryUnit(trx, operator.scope, unitId));
    await holdPeriod(trx, unit.provinceCode, period, 'exclusive');
    if (await ownLockInForce(trx, unit, period))
      throw new AppError('PERIOD_LOCKED', { unitId: unit.id, period });
    const id = newId();
    await trx
      .insertInto('period_lock')
      .values({
        province_code: unit.provinceCode,
        id,
        org_unit_id: unit.id,
        org_path: unit.path,
        period,
        locked_by: operator.userId,
        reason: reason?.trim() || null,
      })
      .execute();
    await writeAudit(trx, operator.actor, {
      action: lockedAction,
      entityType: 'period_lock',
      entityId: id,
      orgPath: unit.path,
      after: { unitId: unit.id, period },
      reason: reason?.trim() || null,
    });
    const row = await lockQuery(trx, unit.provinceCode).where('l.id', '=', id).executeTakeFirstOrThrow();
    return toPeriodLock(row);
  });
}

/**
 * Lifts the unit's own lock for the period, with a reason. A lock of a unit above it is lifted there; with no lock
 * of its own in force → 409 PERIOD_NOT_LOCKED.
 */
export async function unlockPeriod(
  db: Executor,
  operator: Operator,
  unitId: string,
  period: PeriodCode,
  reason: string,
): Promise<PeriodLock> {
  checkPeriod(period);
  return inTransaction(db, async (trx) => {
    const unit = lockableUnit(await getEntryUnit(trx, operator.scope, unitId));
    await holdPeriod(trx, unit.provinceCode, period, 'exclusive');
    const lock = await ownLockInForce(trx, unit, period);
    if (!lock) throw new AppError('PERIOD_NOT_LOCKED', { unitId: unit.id, period });
    await trx
      .updateTable('period_lock')
      .set({ unlocked_at: new Date(), unlocked_by: operator.userId, unlock_reason: reason.trim() })
      .where('province_code', '=', unit.provinceCode)
      .where('id', '=', lock.id)
      .execute();
    await writeAudit(trx, operator.actor, {
      action: unlockedAction,
      entityType: 'period_lock',
      entityId: lock.id,
      orgPath: unit.path,
      before: { unitId: unit.id, period, lockedAt: lock.locked_at.toISOString(), lockedBy: lock.locked_by },
      after: { unitId: unit.id, period, unlocked: true },
      reason: reason.trim(),
    });
    const row = await lockQuery(trx, unit.provinceCode).where('l.id', '=', lock.id).executeTakeFirstOrThrow();
    return toPeriodLock(row);
  });
}
