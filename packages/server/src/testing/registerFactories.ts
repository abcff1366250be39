import { foldVietnamese, newId } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { provinceCodeOfPath } from '../modules/register/registerScope.ts';
import type { SeedUnit } from './factories.ts';

export interface SeedHousehold {
  id: string;
  provinceCode: string;
  village: SeedUnit;
}

export async function seedHousehold(
  db: Kysely<DB>,
  village: SeedUnit,
  overrides: { bookNumber?: string; address?: string; povertyStatus?: 'poor' | 'near_poor' | 'none' } = {},
): Promise<SeedHousehold> {
  const id = newId();
  const provinceCode = provinceCodeOfPath(village.path);
  await db
    .insertInto('household')
    .values({
      province_code: provinceCode,
      id,
      village_id: village.id,
      org_path: village.path,
      book_number: overrides.bookNumber ?? null,
      address: overrides.address ?? `Số nhà ${id.slice(-4)}, ${village.name}`,
      poverty_status: overrides.povertyStatus ?? 'none',
    })
    .execute();
  return { id, provinceCode, village };
}

export interface SeedPerson {
  id: string;
  fullName: string;
  provinceCode: string;
}

/** A person inserted directly (no service checks): for setting up tests of the register's reads. */
export async function seedPerson(
  db: Kysely<DB>,
  where: SeedUnit | SeedHousehold,
  overrides: {
    fullName?: string;
    sex?: 'male' | 'female';
    birthDate?: string;
    birthDatePrecision?: 'day' | 'month' | 'year';
    personalId?: string | null;
    motherId?: string | null;
    relationshipToHead?: string | null;
    status?: 'active' | 'moved_away' | 'deceased' | 'archived';
    createdAt?: Date;
  } = {},
): Promise<SeedPerson> {
  const village = 'village' in where ? where.village : where;
  const householdId = 'village' in where ? where.id : null;
  const id = newId();
  const fullName = overrides.fullName ?? `Trẻ Thử ${id.slice(-6)}`;
  const provinceCode = provinceCodeOfPath(village.path);
  await db
    .insertInto('person')
    .values({
      province_code: provinceCode,
      id,
      household_id: householdId,
      village_id: village.id,
      org_path: village.path,
      full_name: fullName,
      name_search: foldVietnamese(fullName),
      sex: overrides.sex ?? 'female',
      birth_date: overrides.birthDate ?? '2018-05-20',
      ...(overrides.birthDatePrecision ? { birth_date_precision: overrides.birthDatePrecision } : {}),
      personal_id: overrides.personalId ?? null,
      mother_id: overrides.motherId ?? null,
      relationship_to_head: overrides.relationshipToHead ?? null,
      status: overrides.status ?? 'active',
      ...(overrides.status === 'deceased' ? { death_date: '2024-01-01' } : {}),
      ...(overrides.createdAt ? { created_at: overrides.createdAt } : {}),
    })
    .execute();
  return { id, fullName, provinceCode };
}
