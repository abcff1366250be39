import { foldVietnamese, newId, type Role, type Sector } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';

export const TEST_PASSWORD = 'Kiem-tra-2026!';

let passwordHash: Promise<string> | undefined;
function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export interface SeedUnit {
  id: string;
  path: string;
  code: string;
  name: string;
}

let counter = 0;
const nextCode = (width: number) => String(++counter).padStart(width, '0');

export async function seedCountry(db: Kysely<DB>): Promise<SeedUnit> {
  const existing = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'code', 'name'])
    .where('path', '=', 'vn')
    .executeTakeFirst();
  if (existing) return existing;
  const unit = { id: newId(), path: 'vn', code: 'VN', name: 'Việt Nam' };
  await db
    .insertInto('org_unit')
    .values({
      ...unit,
      generation: 'current',
      level: 'country',
      full_name: 'Việt Nam',
      name_search: foldVietnamese(unit.name),
      type: 'Quốc gia',
      type_code: 'quoc_gia',
      parent_id: null,
    })
    .execute();
  return unit;
}

export async function seedProvince(
  db: Kysely<DB>,
  overrides: { name?: string; code?: string } = {},
): Promise<SeedUnit> {
  const country = await seedCountry(db);
  const code = overrides.code ?? nextCode(2).slice(-2);
  const name = overrides.name ?? `Tỉnh Thử ${code}`;
  const unit = { id: newId(), path: `vn.p${code}`, code, name };
  await db
    .insertInto('org_unit')
    .values({
      ...unit,
      generation: 'current',
      level: 'province',
      full_name: `Tỉnh ${name}`,
      name_search: foldVietnamese(name),
      type: 'Tỉnh',
      type_code: 'tinh',
      parent_id: country.id,
      province_code: code,
      valid_from: '2025-07-01',
    })
    .execute();
  return unit;
}

export async function seedCommune(
  db: Kysely<DB>,
  province: SeedUnit,
  overrides: { name?: string } = {},
): Promise<SeedUnit> {
  const code = nextCode(5);
  const name = overrides.name ?? `Xã Thử ${code}`;
  const unit = { id: newId(), path: `${province.path}.c${code}`, code, name };
  await db
    .insertInto('org_unit')
    .values({
      ...unit,
      generation: 'current',
      level: 'commune',
      full_name: `Xã ${name}`,
      name_search: foldVietnamese(name),
      type: 'Xã',
      type_code: 'xa',
      parent_id: province.id,
      province_code: province.code,
      valid_from: '2025-07-01',
    })
    .execute();
  return unit;
}

export async function seedVillage(
  db: Kysely<DB>,
  commune: SeedUnit,
  overrides: { name?: string } = {},
): Promise<SeedUnit> {
  const code = nextCode(3);
  const id = newId();
  const name = overrides.name ?? `Thôn ${code}`;
  const unit = { id, path: `${commune.path}.v${id.replace(/-/g, '').slice(-12)}`, code, name };
  await db
    .insertInto('org_unit')
    .values({
      ...unit,
      generation: 'village',
      level: 'village',
      full_name: `Thôn ${name}`,
      name_search: foldVietnamese(name),
      type: 'Thôn',
      type_code: 'thon',
      parent_id: commune.id,
      valid_from: '2025-07-01',
    })
    .execute();
  return unit;
}

export interface SeedUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}

export async function seedUser(
  db: Kysely<DB>,
  options: {
    role: Role;
    scope: SeedUnit[];
    sector?: Sector | null;
    username?: string;
    mustChangePassword?: boolean;
  },
): Promise<SeedUser> {
  const id = newId();
  const username = options.username ?? `${options.role.replace(/_/g, '.')}.${nextCode(4)}`;
  const fullName = `Người Dùng ${username}`;
  await db
    .insertInto('app_user')
    .values({
      id,
      username,
      full_name: fullName,
      full_name_search: foldVietnamese(fullName),
      role: options.role,
      sector: options.sector ?? (options.role === 'province_officer' ? 'health' : null),
      password_hash: await testPasswordHash(),
      must_change_password: options.mustChangePassword ?? false,
    })
    .execute();
  if (options.scope.length > 0) {
    await db
      .insertInto('user_scope')
      .values(options.scope.map((unit) => ({ user_id: id, org_unit_id: unit.id })))
      .execute();
  }
  return { id, username, password: TEST_PASSWORD, role: options.role };
}

/** Row counts of every application table: "a failed request changes nothing" is checked against these. */
export async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = [
    'org_unit',
    'org_unit_successor',
    'org_unit_change',
    'app_user',
    'user_scope',
    'user_recovery_code',
    'user_session',
    'audit_event',
    'household',
    'person',
    'person_move',
    'circumstance_assignment',
    'at_risk_flag',
    'duplicate_dismissal',
    'person_merge',
    'register_import',
    'growth_measurement',
    'immunization_dose',
    'development_screening',
    'ecd_service_contact',
    'school_enrolment',
    'ecd_child_summary',
    'indicator_fact',
    'indicator_fact_stale',
    'indicator_fact_build',
    'service_provider',
    'service_provider_coverage',
    'service_provider_member',
    'protection_case',
    'protection_case_counter',
    'case_event',
    'case_member',
    'case_share',
    'case_note',
    'case_plan_action',
    'referral',
    'care_placement',
    'care_visit',
    'case_setting',
    'aggregate_value',
    'period_lock',
    'plan',
    'plan_target',
    'plan_activity',
    'plan_activity_note',
    'plan_activity_document',
    'campaign_event',
    'training_course',
    'training_participant',
    'budget_line',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
