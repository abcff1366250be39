// Writes to the service provider directory: each checks the caller's reach, writes, and appends its audit event in
// the same transaction. Providers are never deleted: referrals keep pointing at a provider that left the network.
import {
  AppError,
  foldVietnamese,
  newId,
  normaliseName,
  referralServiceCodes,
  type AuditAction,
  type FieldIssue,
  type ProviderCoverageInput,
  type ProviderCreate,
  type ProviderDetail,
  type ProviderInput,
  type ProviderMembersInput,
} from '@treem/shared';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';
import { detailOf, lockEditableProvider, type ProviderRow } from './provider.repo.ts';

type Fields = z.output<typeof ProviderInput>;
type CreateFields = z.output<typeof ProviderCreate>;
type CoverageFields = z.output<typeof ProviderCoverageInput>;
type MembersFields = z.output<typeof ProviderMembersInput>;

/** `vn.p01.c00004` → `vn.p01`. */
const provincePathOf = (path: string) => path.split('.').slice(0, 2).join('.');

function fail(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', undefined, issues);
}

interface OwnerUnit {
  id: string;
  path: string;
  provinceCode: string;
}

/**
 * The unit that keeps a provider: a province or commune of the current tree, open, inside the caller's scope
 * (NOT_FOUND outside it, as for any unit the caller cannot see).
 */
async function resolveOwner(trx: Transaction<DB>, scope: Scope, unitId: string): Promise<OwnerUnit> {
  const unit = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'level', 'generation', 'valid_to'])
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  if (unit.level !== 'province' && unit.level !== 'commune')
    fail([
      {
        path: 'body.ownerUnitId',
        code: 'owner_not_province_or_commune',
        message: 'a provider is kept by a province or a commune',
      },
    ]);
  if (unit.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  return { id: unit.id, path: unit.path, provinceCode: provinceCodeOfPath(unit.path) };
}

interface CoverageUnit {
  id: string;
  path: string;
}

/**
 * The units a provider of `provinceCode` may cover: open provinces, communes or villages of that province, inside
 * the caller's scope. Every problem is reported on its item (`body.unitIds.2`).
 */
async function resolveCoverage(
  trx: Transaction<DB>,
  scope: Scope,
  provinceCode: string,
  unitIds: readonly string[],
  field: string,
): Promise<CoverageUnit[]> {
  const rows = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'level', 'valid_to'])
    .where('id', 'in', [...new Set(unitIds)])
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', scope))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const units: CoverageUnit[] = [];
  unitIds.forEach((id, index) => {
    const path = `${field}.${index}`;
    const unit = byId.get(id);
    if (!unit) issues.push({ path, code: 'unknown_unit', message: 'no such unit in your area' });
    else if (unit.level !== 'province' && unit.level !== 'commune' && unit.level !== 'village')
      issues.push({
        path,
        code: 'coverage_level',
        message: 'a provider covers a province, communes or villages',
      });
    else if (provinceCodeOfPath(unit.path) !== provinceCode)
      issues.push({
        path,
        code: 'other_province',
        message: 'the unit is in another province than the provider',
      });
    else if (unit.valid_to !== null)
      issues.push({ path, code: 'unit_closed', message: 'the unit has been closed' });
    else if (!seen.has(id)) {
      seen.add(id);
      units.push({ id, path: unit.path });
    }
  });
  if (issues.length > 0) fail(issues);
  return units;
}

function columnsOf(input: Fields) {
  const name = normaliseName(input.name);
  return {
    name,
    name_search: foldVietnamese(name),
    sector: input.sector,
    level: input.level,
    address: input.address || null,
    phone: input.phone || null,
    email: input.email || null,
    contact_person: input.contactPerson || null,
    contact_phone: input.contactPhone || null,
    opening_hours: input.openingHours || null,
    open_24_hours: input.open24Hours,
    // The catalogue's order, each once: the same services always read the same way.
    services: referralServiceCodes.filter((code) => input.services.includes(code)),
    notes: input.notes || null,
  };
}

/** What the audit log keeps of a provider: its details without the derived search text. */
function audited(row: Pick<ProviderRow, keyof ReturnType<typeof columnsOf>> & { owner_unit_id: string }) {
  return {
    owner_unit_id: row.owner_unit_id,
    name: row.name,
    sector: row.sector,
    level: row.level,
    address: row.address,
    phone: row.phone,
    email: row.email,
    contact_person: row.contact_person,
    contact_phone: row.contact_phone,
    opening_hours: row.opening_hours,
    open_24_hours: row.open_24_hours,
    services: row.services,
    notes: row.notes,
  };
}

async function insertCoverage(trx: Transaction<DB>, row: ProviderRow, units: readonly CoverageUnit[]) {
  await trx
    .insertInto('service_provider_coverage')
    .values(
      units.map((unit) => ({
        province_code: row.province_code,
        provider_id: row.id,
        org_unit_id: unit.id,
        org_path: unit.path,
      })),
    )
    .execute();
}

async function coverageIds(trx: Transaction<DB>, row: ProviderRow): Promise<string[]> {
  const rows = await trx
    .selectFrom('service_provider_coverage')
    .select('org_unit_id')
    .where('province_code', '=', row.province_code)
    .where('provider_id', '=', row.id)
    .orderBy('org_path')
    .execute();
  return rows.map((r) => r.org_unit_id);
}

async function audit(
  trx: Transaction<DB>,
  ctx: Operator,
  row: ProviderRow,
  action: AuditAction,
  change: { before?: unknown; after?: unknown; reason?: string | null },
) {
  await writeAudit(trx, ctx.actor, {
    action,
    entityType: 'service_provider',
    entityId: row.id,
    orgPath: row.org_path,
    ...change,
  });
}

export async function createProvider(ctx: Operator, input: CreateFields): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const owner = await resolveOwner(trx, ctx.scope, input.ownerUnitId);
    const coverage = await resolveCoverage(
      trx,
      ctx.scope,
      owner.provinceCode,
      input.coverageUnitIds ?? [owner.id],
      'body.coverageUnitIds',
    );
    const row = await trx
      .insertInto('service_provider')
      .values({
        province_code: owner.provinceCode,
        id: newId(),
        owner_unit_id: owner.id,
        org_path: owner.path,
        ...columnsOf(input),
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertCoverage(trx, row, coverage);
    await audit(trx, ctx, row, 'provider.created', {
      after: { ...audited(row), coverage: coverage.map((u) => u.id) },
    });
    return detailOf(trx, ctx.scope, row);
  });
}

export async function updateProvider(ctx: Operator, id: string, input: Fields): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockEditableProvider(trx, ctx.scope, id);
    const owner =
      input.ownerUnitId === before.owner_unit_id
        ? { id: before.owner_unit_id, path: before.org_path, provinceCode: before.province_code }
        : await resolveOwner(trx, ctx.scope, input.ownerUnitId);
    // The province is the row's shard key: it never changes. Another province's provider is entered there.
    if (owner.provinceCode !== before.province_code)
      fail([
        {
          path: 'body.ownerUnitId',
          code: 'other_province',
          message: 'a provider stays in the province that entered it',
        },
      ]);
    const row = await trx
      .updateTable('service_provider')
      .set({ owner_unit_id: owner.id, org_path: owner.path, ...columnsOf(input), updated_at: new Date() })
      .where('province_code', '=', before.province_code)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, row, 'provider.updated', { before: audited(before), after: audited(row) });
    return detailOf(trx, ctx.scope, row);
  });
}

export async function deactivateProvider(ctx: Operator, id: string, reason: string): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockEditableProvider(trx, ctx.scope, id);
    if (!before.active) throw new AppError('PROVIDER_NOT_ACTIVE', { providerId: id });
    const row = await setActive(trx, before, false);
    await audit(trx, ctx, row, 'provider.deactivated', { after: { active: false }, reason });
    return detailOf(trx, ctx.scope, row);
  });
}

export async function reactivateProvider(ctx: Operator, id: string): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockEditableProvider(trx, ctx.scope, id);
    if (before.active) throw new AppError('PROVIDER_ALREADY_ACTIVE', { providerId: id });
    const row = await setActive(trx, before, true);
    await audit(trx, ctx, row, 'provider.reactivated', { after: { active: true } });
    return detailOf(trx, ctx.scope, row);
  });
}

async function setActive(trx: Transaction<DB>, row: ProviderRow, active: boolean): Promise<ProviderRow> {
  const now = new Date();
  return trx
    .updateTable('service_provider')
    .set({ active, deactivated_at: active ? null : now, updated_at: now })
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setProviderCoverage(
  ctx: Operator,
  id: string,
  input: CoverageFields,
): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockEditableProvider(trx, ctx.scope, id);
    const units = await resolveCoverage(trx, ctx.scope, row.province_code, input.unitIds, 'body.unitIds');
    const before = await coverageIds(trx, row);
    await trx
      .deleteFrom('service_provider_coverage')
      .where('province_code', '=', row.province_code)
      .where('provider_id', '=', row.id)
      .execute();
    await insertCoverage(trx, row, units);
    const updated = await touch(trx, row);
    await audit(trx, ctx, row, 'provider.coverage_set', {
      before: { coverage: before },
      after: { coverage: await coverageIds(trx, row) },
    });
    return detailOf(trx, ctx.scope, updated);
  });
}

async function touch(trx: Transaction<DB>, row: ProviderRow): Promise<ProviderRow> {
  return trx
    .updateTable('service_provider')
    .set({ updated_at: new Date() })
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Users who may act for a provider: existing accounts whose whole scope lies in the provider's province (the staff
 * of a provincial hospital, a commune's health station), checked item by item (`body.userIds.1`).
 */
async function checkMembers(trx: Transaction<DB>, row: ProviderRow, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const provincePath = provincePathOf(row.org_path);
  const users = await trx
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.status',
      sql<boolean>`exists (select 1 from user_scope us where us.user_id = u.id)
        and not exists (select 1 from user_scope us join org_unit o on o.id = us.org_unit_id
                        where us.user_id = u.id and not o.path <@ ${provincePath}::ltree)`.as('in_province'),
    ])
    .where('u.id', 'in', ids)
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  const issues: FieldIssue[] = [];
  userIds.forEach((userId, index) => {
    const path = `body.userIds.${index}`;
    const user = byId.get(userId);
    if (!user) issues.push({ path, code: 'unknown_user', message: 'no such user' });
    else if (!user.in_province)
      issues.push({
        path,
        code: 'user_outside_province',
        message: "the user works outside the provider's province",
      });
    else if (user.status !== 'active')
      issues.push({ path, code: 'user_disabled', message: 'the account is disabled' });
  });
  if (issues.length > 0) fail(issues);
  return ids;
}

async function memberIds(trx: Transaction<DB>, row: ProviderRow): Promise<string[]> {
  const rows = await trx
    .selectFrom('service_provider_member')
    .select('user_id')
    .where('province_code', '=', row.province_code)
    .where('provider_id', '=', row.id)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function setProviderMembers(
  ctx: Operator,
  id: string,
  input: MembersFields,
): Promise<ProviderDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockEditableProvider(trx, ctx.scope, id);
    const wanted = await checkMembers(trx, row, input.userIds);
    const before = await memberIds(trx, row);
    // Members who stay keep the date they were added.
    let removal = trx
      .deleteFrom('service_provider_member')
      .where('province_code', '=', row.province_code)
      .where('provider_id', '=', row.id);
    if (wanted.length > 0) removal = removal.where('user_id', 'not in', wanted);
    await removal.execute();
    const added = wanted.filter((userId) => !before.includes(userId));
    if (added.length > 0)
      await trx
        .insertInto('service_provider_member')
        .values(
          added.map((userId) => ({
            province_code: row.province_code,
            provider_id: row.id,
            user_id: userId,
            added_by: ctx.userId,
          })),
        )
        .execute();
    const updated = await touch(trx, row);
    await audit(trx, ctx, row, 'provider.members_set', {
      before: { members: before },
      after: { members: await memberIds(trx, row) },
    });
    return detailOf(trx, ctx.scope, updated);
  });
}
