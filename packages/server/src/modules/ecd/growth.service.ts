import {
  addYears,
  AppError,
  newId,
  todayInVietnam,
  type FieldIssue,
  type GrowthMeasurement,
  type GrowthMeasurementInput,
  type PlainDate,
  type WeighingDayChild,
  type WeighingDayInput,
} from '@treem/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import { resolveVillage } from '../register/registerScope.ts';
import { refreshChildSummaries } from './childSummary.ts';
import {
  assertRecordDate,
  dateIssue,
  getEcdChild,
  insertChildRecord,
  lockChildRecord,
  toEcdChild,
  userNames,
  type EcdChildRow,
} from './ecdChild.ts';
import {
  measurementScoreColumns,
  toGrowthMeasurement,
  type MeasurementRow,
  type MeasurementValues,
} from './measurementScores.ts';

type MeasurementInput = z.output<typeof GrowthMeasurementInput>;
type WeighingDay = z.output<typeof WeighingDayInput>;

/** Children up to this age (exclusive) are listed for a weighing day: the under-fives and the year after. */
const WEIGHING_DAY_AGE_YEARS = 6;

/** The key of a child's summary row. */
export const summaryKey = (child: Pick<EcdChildRow, 'provinceCode' | 'id'>) => ({
  provinceCode: child.provinceCode,
  personId: child.id,
});

function valuesOf(input: Omit<MeasurementInput, 'measuredBy' | 'place' | 'note'>): MeasurementValues {
  return {
    measuredOn: input.measuredOn,
    weightKg: input.weightKg ?? null,
    lengthHeightCm: input.lengthHeightCm ?? null,
    // A length with no position recorded is scored as the tables expect for the age; a position without a
    // length means nothing and is not kept.
    position: input.lengthHeightCm == null ? null : (input.position ?? null),
    headCircumferenceCm: input.headCircumferenceCm ?? null,
    muacCm: input.muacCm ?? null,
    oedema: input.oedema,
  };
}

function measurementColumns(child: EcdChildRow, values: MeasurementValues) {
  return {
    measured_on: values.measuredOn,
    weight_kg: values.weightKg,
    length_height_cm: values.lengthHeightCm,
    position: values.position,
    head_circumference_cm: values.headCircumferenceCm,
    muac_cm: values.muacCm,
    oedema: values.oedema,
    ...measurementScoreColumns(child, values),
  };
}

async function withNames(db: Executor, rows: readonly MeasurementRow[]): Promise<GrowthMeasurement[]> {
  const names = await userNames(
    db,
    rows.map((r) => r.created_by),
  );
  return rows.map((row) =>
    toGrowthMeasurement(row, row.created_by ? (names.get(row.created_by) ?? null) : null),
  );
}

export async function listMeasurements(db: Executor, scope: Scope, personId: string) {
  const child = await getEcdChild(db, scope, personId);
  const rows = await db
    .selectFrom('growth_measurement')
    .selectAll()
    .where('province_code', '=', child.provinceCode)
    .where('person_id', '=', child.id)
    .orderBy('measured_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return { child: toEcdChild(child), items: await withNames(db, rows) };
}

export async function createMeasurement(
  ctx: Operator,
  personId: string,
  input: MeasurementInput,
): Promise<GrowthMeasurement> {
  return inTransaction(ctx.db, async (trx) => {
    const child = await getEcdChild(trx, ctx.scope, personId, { forWrite: true });
    assertRecordDate(child, input.measuredOn, 'body.measuredOn');
    const columns = {
      ...measurementColumns(child, valuesOf(input)),
      measured_by: input.measuredBy ?? null,
      place: input.place ?? null,
      note: input.note ?? null,
    };
    const id = await insertChildRecord(
      trx,
      ctx,
      child,
      'growth_measurement',
      'ecd.measurement_recorded',
      columns,
    );
    await refreshChildSummaries(trx, [summaryKey(child)]);
    return readMeasurement(trx, child.provinceCode, id);
  });
}

async function readMeasurement(db: Executor, provinceCode: string, id: string): Promise<GrowthMeasurement> {
  const row = await db
    .selectFrom('growth_measurement')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [measurement] = await withNames(db, [row]);
  return measurement!;
}

export async function updateMeasurement(
  ctx: Operator,
  id: string,
  input: MeasurementInput,
): Promise<GrowthMeasurement> {
  return inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'growth_measurement', id);
    assertRecordDate(child, input.measuredOn, 'body.measuredOn');
    const columns = {
      ...measurementColumns(child, valuesOf(input)),
      measured_by: input.measuredBy ?? null,
      place: input.place ?? null,
      note: input.note ?? null,
    };
    await trx
      .updateTable('growth_measurement')
      .set({ ...columns, updated_at: new Date() })
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await refreshChildSummaries(trx, [summaryKey(child)]);
    const changed = Object.fromEntries(
      Object.entries(columns).filter(([key, value]) => row[key as keyof MeasurementRow] !== value),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.measurement_corrected',
      entityType: 'growth_measurement',
      entityId: id,
      orgPath: child.orgPath,
      before: Object.fromEntries(Object.keys(changed).map((key) => [key, row[key as keyof MeasurementRow]])),
      after: changed,
    });
    return readMeasurement(trx, row.province_code, id);
  });
}

export async function deleteMeasurement(ctx: Operator, id: string, reason: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'growth_measurement', id);
    await trx
      .deleteFrom('growth_measurement')
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await refreshChildSummaries(trx, [summaryKey(child)]);
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.measurement_deleted',
      entityType: 'growth_measurement',
      entityId: id,
      orgPath: child.orgPath,
      before: { ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() },
      reason,
    });
  });
}

/** The active children of a village under 6 on the day, eldest household first, with their last measurement. */
export async function weighingDayChildren(
  db: Executor,
  scope: Scope,
  villageId: string,
  on: PlainDate = todayInVietnam(),
): Promise<{ items: WeighingDayChild[] }> {
  const village = await resolveVillage(db, scope, villageId);
  const children = await db
    .selectFrom('person as p')
    .leftJoin('household as h', (join) =>
      join.onRef('h.province_code', '=', 'p.province_code').onRef('h.id', '=', 'p.household_id'),
    )
    .leftJoin('person as head', (join) =>
      join.onRef('head.province_code', '=', 'h.province_code').onRef('head.id', '=', 'h.head_person_id'),
    )
    .select([
      'p.id',
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.birth_date_precision',
      'head.full_name as head_name',
      'h.book_number',
    ])
    .where('p.province_code', '=', village.provinceCode)
    .where('p.village_id', '=', village.id)
    .where('p.status', '=', 'active')
    .where('p.birth_date', '>', addYears(on, -WEIGHING_DAY_AGE_YEARS))
    .where('p.birth_date', '<=', on)
    .orderBy(sql`head.name_search nulls last`)
    .orderBy('p.household_id')
    .orderBy('p.birth_date')
    .orderBy('p.id')
    .execute();
  const ids = children.map((c) => c.id);
  const last =
    ids.length === 0
      ? []
      : await db
          .selectFrom('growth_measurement')
          .distinctOn('person_id')
          .selectAll()
          .where('province_code', '=', village.provinceCode)
          .where(sql<boolean>`person_id = any(${ids}::uuid[])`)
          .where('measured_on', '<=', on)
          .orderBy('person_id')
          .orderBy('measured_on', 'desc')
          .orderBy('created_at', 'desc')
          .execute();
  const lastOf = new Map((await withNames(db, last)).map((m) => [m.personId, m]));
  return {
    items: children.map((c) => ({
      id: c.id,
      fullName: c.full_name,
      sex: c.sex,
      birthDate: c.birth_date,
      birthDatePrecision: c.birth_date_precision,
      householdHeadName: c.head_name,
      lastMeasurement: lastOf.get(c.id) ?? null,
    })),
  };
}

/**
 * Saves a weighing day: every row is checked first (the child belongs to the village and is active, the date is
 * possible for the child), all problems reported at once by row; then all rows are written in one transaction, or
 * none.
 */
export async function saveWeighingDay(
  ctx: Operator,
  input: WeighingDay,
): Promise<{ items: GrowthMeasurement[] }> {
  return inTransaction(ctx.db, async (trx) => {
    const village = await resolveVillage(trx, ctx.scope, input.villageId);
    const ids = input.rows.map((r) => r.personId);
    const rows = await trx
      .selectFrom('person')
      .select(['id'])
      .where('province_code', '=', village.provinceCode)
      .where('village_id', '=', village.id)
      .where('status', '=', 'active')
      .where(sql<boolean>`id = any(${ids}::uuid[])`)
      .forUpdate()
      .execute();
    const inVillage = new Set(rows.map((r) => r.id));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    const children: EcdChildRow[] = [];
    for (const [index, row] of input.rows.entries()) {
      const path = `body.rows.${index}.personId`;
      if (seen.has(row.personId)) {
        issues.push({ path, code: 'duplicate_child', message: 'the child is on the sheet twice' });
        continue;
      }
      seen.add(row.personId);
      if (!inVillage.has(row.personId)) {
        issues.push({ path, code: 'not_in_village', message: 'no active child of this village has this id' });
        continue;
      }
      const child = await getEcdChild(trx, ctx.scope, row.personId);
      const issue = dateIssue(child, input.measuredOn, `body.rows.${index}.measuredOn`);
      if (issue) issues.push(issue);
      children.push(child);
    }
    if (issues.length > 0) {
      const dateOnly = issues.every((i) => i.path.endsWith('.measuredOn'));
      throw new AppError(dateOnly ? 'ECD_DATE_INVALID' : 'VALIDATION_FAILED', undefined, issues);
    }
    const inserted = input.rows.map((row, index) => {
      const child = children[index]!;
      return {
        province_code: child.provinceCode,
        id: newId(),
        person_id: child.id,
        ...measurementColumns(child, valuesOf({ ...row, measuredOn: input.measuredOn })),
        measured_by: input.measuredBy ?? null,
        place: input.place ?? null,
        note: row.note ?? null,
        created_by: ctx.userId,
      };
    });
    for (let start = 0; start < inserted.length; start += 200)
      await trx
        .insertInto('growth_measurement')
        .values(inserted.slice(start, start + 200))
        .execute();
    await refreshChildSummaries(trx, children.map(summaryKey));
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.weighing_day_saved',
      entityType: 'village',
      entityId: village.id,
      orgPath: village.path,
      after: {
        measured_on: input.measuredOn,
        place: input.place ?? null,
        measured_by: input.measuredBy ?? null,
        measurements: inserted.map((m) => ({
          id: m.id,
          person_id: m.person_id,
          weight_kg: m.weight_kg,
          length_height_cm: m.length_height_cm,
          malnourished: m.malnourished,
        })),
      },
    });
    const saved = await trx
      .selectFrom('growth_measurement')
      .selectAll()
      .where('province_code', '=', village.provinceCode)
      .where(sql<boolean>`id = any(${inserted.map((m) => m.id)}::uuid[])`)
      .execute();
    const byId = new Map((await withNames(trx, saved)).map((m) => [m.id, m]));
    return { items: inserted.map((m) => byId.get(m.id)!) };
  });
}
