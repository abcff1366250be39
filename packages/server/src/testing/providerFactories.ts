import {
  foldVietnamese,
  newId,
  type ProviderLevel,
  type ProviderSector,
  type ReferralServiceCode,
} from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { provinceCodeOfPath } from '../modules/register/registerScope.ts';
import type { SeedUnit } from './factories.ts';

export interface SeedProvider {
  id: string;
  provinceCode: string;
  name: string;
}

let counter = 0;

/**
 * A provider inserted directly (no service checks), kept by `owner` (a province or commune) and covering
 * `coverage` (the owner when left out).
 */
export async function seedProvider(
  db: Kysely<DB>,
  owner: SeedUnit,
  overrides: {
    name?: string;
    sector?: ProviderSector;
    level?: ProviderLevel;
    services?: readonly ReferralServiceCode[];
    coverage?: readonly SeedUnit[];
    active?: boolean;
    memberIds?: readonly string[];
  } = {},
): Promise<SeedProvider> {
  const id = newId();
  const provinceCode = provinceCodeOfPath(owner.path);
  const name = overrides.name ?? `Cơ sở Thử ${(counter += 1)}`;
  const active = overrides.active ?? true;
  await db
    .insertInto('service_provider')
    .values({
      province_code: provinceCode,
      id,
      owner_unit_id: owner.id,
      org_path: owner.path,
      name,
      name_search: foldVietnamese(name),
      sector: overrides.sector ?? 'health_facility',
      level: overrides.level ?? (owner.path.split('.').length === 2 ? 'province' : 'commune'),
      services: [...(overrides.services ?? ['medical_care'])],
      active,
      deactivated_at: active ? null : new Date(),
    })
    .execute();
  const coverage = overrides.coverage ?? [owner];
  if (coverage.length > 0)
    await db
      .insertInto('service_provider_coverage')
      .values(
        coverage.map((unit) => ({
          province_code: provinceCode,
          provider_id: id,
          org_unit_id: unit.id,
          org_path: unit.path,
        })),
      )
      .execute();
  if (overrides.memberIds && overrides.memberIds.length > 0)
    await db
      .insertInto('service_provider_member')
      .values(
        overrides.memberIds.map((userId) => ({
          province_code: provinceCode,
          provider_id: id,
          user_id: userId,
          added_by: null,
        })),
      )
      .execute();
  return { id, provinceCode, name };
}
