import {
  AppError,
  foldVietnamese,
  newId,
  normaliseName,
  todayInVietnam,
  villageTypeNames,
  type OrgUnit,
  type VillageClose,
  type VillageCreate,
  type VillageMove,
  type VillageRename,
  type VillageType,
} from '@treem/shared';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import { rehomeVillageRecords } from '../register/household.service.ts';
import { getOrgUnit, getOrgUnitRow, type OrgUnitRow } from './orgUnit.repo.ts';

async function getActiveCommune(trx: Transaction<DB>, scope: Scope, id: string): Promise<OrgUnitRow> {
  const commune = await getOrgUnitRow(scope, trx, id);
  if (commune.generation !== 'current' || commune.level !== 'commune')
    throw new AppError('ORG_UNIT_NOT_VILLAGE_PARENT');
  if (commune.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  return commune;
}

async function getOpenVillage(trx: Transaction<DB>, scope: Scope, id: string): Promise<OrgUnitRow> {
  const village = await getOrgUnitRow(scope, trx, id);
  if (village.generation !== 'village') throw new AppError('ORG_UNIT_NOT_EDITABLE');
  if (village.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  return village;
}

async function assertNameFree(trx: Transaction<DB>, communeId: string, name: string, exceptId?: string) {
  let query = trx
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', '=', communeId)
    .where('generation', '=', 'village')
    .where('valid_to', 'is', null)
    .where('name_search', '=', foldVietnamese(name));
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('VILLAGE_NAME_TAKEN', { name });
}

async function assertCodeFree(trx: Transaction<DB>, communeId: string, code: string) {
  const clash = await trx
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', '=', communeId)
    .where('generation', '=', 'village')
    .where('code', '=', code)
    .executeTakeFirst();
  if (clash) throw new AppError('ORG_UNIT_CODE_TAKEN', { code });
}

/** Next free village code in a commune: 001, 002, … */
async function nextVillageCode(trx: Transaction<DB>, communeId: string): Promise<string> {
  const rows = await trx
    .selectFrom('org_unit')
    .select('code')
    .where('parent_id', '=', communeId)
    .where('generation', '=', 'village')
    .execute();
  const used = new Set(rows.map((r) => r.code));
  let n = rows.length + 1;
  while (used.has(String(n).padStart(3, '0'))) n += 1;
  return String(n).padStart(3, '0');
}

/** ltree label for a village: stable across renames and moves, independent of the user-chosen code. */
function villageLabel(id: string): string {
  return `v${id.replace(/-/g, '').slice(-12)}`;
}

async function recordChange(
  trx: Transaction<DB>,
  unitId: string,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  effectiveDate: string,
  reason: string | null,
) {
  await trx
    .insertInto('org_unit_change')
    .values({
      org_unit_id: unitId,
      field,
      old_value: oldValue,
      new_value: newValue,
      effective_date: effectiveDate,
      reason,
    })
    .execute();
}

export async function createVillage(
  ctx: Operator,
  communeId: string,
  input: VillageCreate,
): Promise<OrgUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const commune = await getActiveCommune(trx, ctx.scope, communeId);
    const name = normaliseName(input.name);
    await assertNameFree(trx, commune.id, name);
    const code = input.code ?? (await nextVillageCode(trx, commune.id));
    await assertCodeFree(trx, commune.id, code);
    const id = newId();
    const typeName = villageTypeNames[input.type];
    await trx
      .insertInto('org_unit')
      .values({
        id,
        generation: 'village',
        level: 'village',
        code,
        name,
        full_name: `${typeName} ${name}`,
        name_search: foldVietnamese(name),
        type: typeName,
        type_code: input.type,
        parent_id: commune.id,
        path: `${commune.path}.${villageLabel(id)}`,
        province_code: commune.province_code,
        valid_from: todayInVietnam(),
      })
      .execute();
    const village = await getOrgUnit(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'orgUnit.village_created',
      entityType: 'orgUnit',
      entityId: id,
      orgPath: village.path,
      after: village,
    });
    return village;
  });
}

export async function renameVillage(ctx: Operator, id: string, input: VillageRename): Promise<OrgUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getOpenVillage(trx, ctx.scope, id);
    const name = normaliseName(input.name);
    await assertNameFree(trx, before.parent_id!, name, id);
    const typeCode = input.type ?? (before.type_code as VillageType);
    const typeName = villageTypeNames[typeCode];
    const fullName = `${typeName} ${name}`;
    await trx
      .updateTable('org_unit')
      .set({
        name,
        full_name: fullName,
        name_search: foldVietnamese(name),
        type: typeName,
        type_code: typeCode,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const today = todayInVietnam();
    if (fullName !== before.full_name) {
      await recordChange(trx, id, 'full_name', before.full_name, fullName, today, input.reason ?? null);
    }
    const after = await getOrgUnit(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'orgUnit.village_renamed',
      entityType: 'orgUnit',
      entityId: id,
      orgPath: after.path,
      before: { name: before.name, fullName: before.full_name, type: before.type_code },
      after: { name: after.name, fullName: after.fullName, type: after.typeCode },
      reason: input.reason ?? null,
    });
    return after;
  });
}

export async function closeVillage(ctx: Operator, id: string, input: VillageClose): Promise<OrgUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getOpenVillage(trx, ctx.scope, id);
    if (before.valid_from && input.closedOn < before.valid_from) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.closedOn',
          code: 'before_valid_from',
          message: 'closedOn is before the village was created',
        },
      ]);
    }
    await trx
      .updateTable('org_unit')
      .set({ valid_to: input.closedOn, closed_reason: input.reason, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordChange(trx, id, 'status', 'active', 'closed', input.closedOn, input.reason);
    const after = await getOrgUnit(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'orgUnit.village_closed',
      entityType: 'orgUnit',
      entityId: id,
      orgPath: after.path,
      before: { validTo: null },
      after: { validTo: input.closedOn },
      reason: input.reason,
    });
    return after;
  });
}

export async function moveVillage(ctx: Operator, id: string, input: VillageMove): Promise<OrgUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const village = await getOpenVillage(trx, ctx.scope, id);
    const target = await getActiveCommune(trx, ctx.scope, input.communeId);
    if (target.id === village.parent_id) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.communeId', code: 'same_commune', message: 'the village is already in this commune' },
      ]);
    }
    const from = await trx
      .selectFrom('org_unit')
      .select(['id', 'code', 'full_name'])
      .where('id', '=', village.parent_id!)
      .executeTakeFirstOrThrow();
    await assertNameFree(trx, target.id, village.name);
    await assertCodeFree(trx, target.id, village.code);
    const newPath = `${target.path}.${villageLabel(id)}`;
    await rehomeVillageRecords(trx, village.path, newPath);
    await trx
      .updateTable('org_unit')
      .set({
        parent_id: target.id,
        path: newPath,
        province_code: target.province_code,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordChange(
      trx,
      id,
      'commune',
      `${from.code} ${from.full_name}`,
      `${target.code} ${target.full_name}`,
      todayInVietnam(),
      input.reason,
    );
    const after = await getOrgUnit(ctx.scope, trx, id);
    await writeAudit(trx, ctx.actor, {
      action: 'orgUnit.village_moved',
      entityType: 'orgUnit',
      entityId: id,
      orgPath: after.path,
      before: { communeId: from.id, path: village.path },
      after: { communeId: target.id, path: newPath },
      reason: input.reason,
    });
    return after;
  });
}
