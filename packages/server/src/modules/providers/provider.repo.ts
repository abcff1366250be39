// Scoped reads of the service provider directory. Who sees a provider (docs/providers.md, "Scope"): its owning
// unit or one unit of its coverage area lies inside the caller's scope or above it, so a commune worker sees the
// commune's providers and every province-level provider of the province, and nothing of another commune.
import {
  AppError,
  foldVietnamese,
  hasPermission,
  referralServiceDomains,
  referralServices,
  type EcdDomainCode,
  type OrgLevel,
  type Provider,
  type ProviderDetail,
  type ProviderLevel,
  type ProviderListQuery,
  type ProviderMember,
  type ProviderSector,
  type ProviderUnit,
  type ReferralServiceCode,
  type Role,
} from '@treem/shared';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { ServiceProviderTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { meetsScope, pathWithinScope, withinScope, type Scope } from '../access/scope.ts';
import { escapeLike } from '../users/user.repo.ts';

export type ProviderRow = Selectable<ServiceProviderTable>;
type ListFilter = z.output<typeof ProviderListQuery>;

/** The provider `alias` is visible to the scope: its owning unit or a unit it covers meets the scope. */
export function providerVisible(scope: Pick<Scope, 'paths'>, alias = 'p'): RawBuilder<boolean> {
  return sql<boolean>`(${meetsScope(`${alias}.org_path`, scope)} or exists (
    select 1 from service_provider_coverage pc
    where pc.province_code = ${sql.ref(`${alias}.province_code`)} and pc.provider_id = ${sql.ref(`${alias}.id`)}
      and ${meetsScope('pc.org_path', scope)}))`;
}

/** The caller may change the provider: they manage providers and its owning unit is inside their scope. */
export function providerEditable(scope: Pick<Scope, 'paths' | 'role'>, orgPath: string): boolean {
  return hasPermission(scope.role, 'provider.manage') && pathWithinScope(orgPath, scope);
}

/** The service codes of one of the six domains, for `services && …`. */
export function serviceCodesOf(domain: EcdDomainCode): string[] {
  return referralServices.filter((s) => s.domain === domain).map((s) => s.code);
}

const unitColumns = ['o.id', 'o.name', 'o.full_name', 'o.level', 'o.path'] as const;
type UnitRow = { id: string; name: string; full_name: string; level: OrgLevel; path: string };

export function toProviderUnit(row: UnitRow): ProviderUnit {
  return { id: row.id, name: row.name, fullName: row.full_name, level: row.level, path: row.path };
}

/** The units each provider covers, by provider id, in tree order. */
async function coverageOf(db: Executor, rows: readonly ProviderRow[]): Promise<Map<string, ProviderUnit[]>> {
  const result = new Map<string, ProviderUnit[]>();
  if (rows.length === 0) return result;
  const found = await db
    .selectFrom('service_provider_coverage as pc')
    .innerJoin('org_unit as o', 'o.id', 'pc.org_unit_id')
    .select(['pc.provider_id', ...unitColumns])
    .where(
      sql<boolean>`(pc.province_code, pc.provider_id) in (${sql.join(
        rows.map((r) => sql`(${r.province_code}, ${r.id}::uuid)`),
      )})`,
    )
    .orderBy('o.path')
    .execute();
  for (const row of found) {
    const list = result.get(row.provider_id) ?? [];
    list.push(toProviderUnit(row));
    result.set(row.provider_id, list);
  }
  return result;
}

async function ownersOf(db: Executor, rows: readonly ProviderRow[]): Promise<Map<string, ProviderUnit>> {
  const ids = [...new Set(rows.map((r) => r.owner_unit_id))];
  if (ids.length === 0) return new Map();
  const found = await db.selectFrom('org_unit as o').select(unitColumns).where('o.id', 'in', ids).execute();
  return new Map(found.map((row) => [row.id, toProviderUnit(row)]));
}

async function memberCountsOf(db: Executor, rows: readonly ProviderRow[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const found = await db
    .selectFrom('service_provider_member as m')
    .select(['m.provider_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      sql<boolean>`(m.province_code, m.provider_id) in (${sql.join(
        rows.map((r) => sql`(${r.province_code}, ${r.id}::uuid)`),
      )})`,
    )
    .groupBy('m.provider_id')
    .execute();
  return new Map(found.map((row) => [row.provider_id, Number(row.n)]));
}

/** Rows as the contract's providers, with their owner, coverage and member count (three queries per page). */
export async function toProviders(
  db: Executor,
  scope: Scope,
  rows: readonly ProviderRow[],
): Promise<Provider[]> {
  // One after the other: inside a transaction the queries share one connection anyway.
  const owners = await ownersOf(db, rows);
  const coverage = await coverageOf(db, rows);
  const members = await memberCountsOf(db, rows);
  return rows.map((row) => ({
    id: row.id,
    provinceCode: row.province_code,
    name: row.name,
    sector: row.sector as ProviderSector,
    level: row.level as ProviderLevel,
    ownerUnit: owners.get(row.owner_unit_id)!,
    address: row.address,
    phone: row.phone,
    email: row.email,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    openingHours: row.opening_hours,
    open24Hours: row.open_24_hours,
    services: row.services as ReferralServiceCode[],
    domains: referralServiceDomains(row.services),
    notes: row.notes,
    active: row.active,
    deactivatedAt: row.deactivated_at ? row.deactivated_at.toISOString() : null,
    coverage: coverage.get(row.id) ?? [],
    memberCount: members.get(row.id) ?? 0,
    editable: providerEditable(scope, row.org_path),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function membersOf(db: Executor, row: ProviderRow): Promise<ProviderMember[]> {
  const found = await db
    .selectFrom('service_provider_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.username', 'u.full_name', 'u.role', 'u.status'])
    .where('m.province_code', '=', row.province_code)
    .where('m.provider_id', '=', row.id)
    .orderBy('u.full_name_search')
    .orderBy('u.id')
    .execute();
  return found.map((u) => ({
    userId: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as Role,
    status: u.status,
  }));
}

export async function findProviderRow(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<ProviderRow | undefined> {
  return db
    .selectFrom('service_provider as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(providerVisible(scope))
    .executeTakeFirst();
}

export async function getProvider(db: Executor, scope: Scope, id: string): Promise<ProviderDetail> {
  const row = await findProviderRow(db, scope, id);
  // 404, not 403: a worker of another commune must not learn which providers a commune works with.
  if (!row) throw new AppError('NOT_FOUND', { entity: 'provider' });
  return detailOf(db, scope, row);
}

export async function detailOf(db: Executor, scope: Scope, row: ProviderRow): Promise<ProviderDetail> {
  const [provider] = await toProviders(db, scope, [row]);
  return { ...provider!, members: await membersOf(db, row) };
}

/**
 * A provider whose owning unit is inside the caller's scope, locked for a change; NOT_FOUND otherwise (a commune
 * worker reads the province's providers but cannot change them).
 */
export async function lockEditableProvider(db: Executor, scope: Scope, id: string): Promise<ProviderRow> {
  const row = await db
    .selectFrom('service_provider as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(withinScope('p.org_path', scope))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'provider' });
  return row;
}

/** The path of a unit inside the caller's scope (a filter's "covers this unit"); NOT_FOUND otherwise. */
async function unitPathInScope(db: Executor, scope: Scope, unitId: string): Promise<string> {
  const unit = await db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', unitId)
    .where('generation', '<>', 'y2008')
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  return unit.path;
}

export async function listProviders(db: Executor, scope: Scope, filter: ListFilter) {
  const page = { page: filter.page, pageSize: filter.pageSize };
  const folded = filter.search ? foldVietnamese(filter.search) : '';
  // A search of only punctuation matches nothing (rather than everything).
  if (filter.search && !folded) return { items: [], total: 0, ...page };
  let query = db.selectFrom('service_provider as p').where(providerVisible(scope));
  if (filter.status === 'active') query = query.where('p.active', '=', true);
  if (filter.status === 'inactive') query = query.where('p.active', '=', false);
  if (filter.sector) query = query.where('p.sector', '=', filter.sector);
  if (filter.level) query = query.where('p.level', '=', filter.level);
  if (filter.service) query = query.where(sql<boolean>`p.services @> ${[filter.service]}::text[]`);
  if (filter.domain)
    query = query.where(sql<boolean>`p.services && ${serviceCodesOf(filter.domain)}::text[]`);
  if (folded) query = query.where('p.name_search', 'like', `%${escapeLike(folded)}%`);
  if (filter.coversUnitId) {
    const path = await unitPathInScope(db, scope, filter.coversUnitId);
    query = query.where(
      sql<boolean>`exists (select 1 from service_provider_coverage pc
        where pc.province_code = p.province_code and pc.provider_id = p.id and pc.org_path @> ${path}::ltree)`,
    );
  }
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .selectAll('p')
    .orderBy('p.name_search')
    .orderBy('p.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: await toProviders(db, scope, rows), total: Number(total), ...page };
}
