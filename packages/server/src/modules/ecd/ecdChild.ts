import {
  AppError,
  newId,
  todayInVietnam,
  type AuditAction,
  type BirthPrecision,
  type EcdChild,
  type FieldIssue,
  type GrowthSex,
  type PlainDate,
} from '@treem/shared';
import { sql, type Selectable, type Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { Operator } from '../../http/context.ts';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';

/** The register facts early-childhood records hang on. */
export interface EcdChildRow {
  provinceCode: string;
  id: string;
  fullName: string;
  sex: GrowthSex;
  birthDate: PlainDate;
  birthDatePrecision: BirthPrecision;
  status: string;
  deathDate: PlainDate | null;
  orgPath: string;
  villageId: string;
  householdId: string | null;
  motherId: string | null;
  fatherId: string | null;
  caregiverId: string | null;
}

/**
 * A person in the caller's scope, for an early-childhood record (NOT_FOUND outside scope). Records are read for any
 * person the register still shows (a child who died or moved away keeps their card); they are written only for an
 * active person (`forWrite`), and the row is then locked so the summary rebuilt in the same transaction is right.
 */
export async function getEcdChild(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forWrite?: boolean } = {},
): Promise<EcdChildRow> {
  let query = db
    .selectFrom('person')
    .select([
      'province_code',
      'id',
      'full_name',
      'sex',
      'birth_date',
      'birth_date_precision',
      'status',
      'death_date',
      'org_path',
      'village_id',
      'household_id',
      'mother_id',
      'father_id',
      'caregiver_id',
    ])
    .where('id', '=', id)
    .where('status', '<>', 'merged')
    .where(withinScope('org_path', scope));
  if (options.forWrite) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (options.forWrite && row.status !== 'active')
    throw new AppError('RECORD_NOT_ACTIVE', { status: row.status });
  return {
    provinceCode: row.province_code,
    id: row.id,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    status: row.status,
    deathDate: row.death_date,
    orgPath: row.org_path,
    villageId: row.village_id,
    householdId: row.household_id,
    motherId: row.mother_id,
    fatherId: row.father_id,
    caregiverId: row.caregiver_id,
  };
}

export function toEcdChild(child: EcdChildRow): EcdChild {
  return {
    id: child.id,
    fullName: child.fullName,
    sex: child.sex,
    birthDate: child.birthDate,
    birthDatePrecision: child.birthDatePrecision,
  };
}

/**
 * Why a record's date is impossible for this child, or null: before the birth (the stored birth date is the first
 * day of the month or year when only those are known, so the test holds for every precision), after the death, or
 * after today in Vietnam.
 */
export function recordDateProblem(
  child: Pick<EcdChildRow, 'birthDate' | 'deathDate'>,
  date: PlainDate,
  today: PlainDate = todayInVietnam(),
): 'before_birth' | 'after_death' | 'in_future' | null {
  if (date > today) return 'in_future';
  if (date < child.birthDate) return 'before_birth';
  if (child.deathDate !== null && date > child.deathDate) return 'after_death';
  return null;
}

const problemMessages = {
  before_birth: 'the date is before the date of birth',
  after_death: 'the date is after the date of death',
  in_future: 'the date is after today',
} as const;

export function dateIssue(
  child: Pick<EcdChildRow, 'birthDate' | 'deathDate'>,
  date: PlainDate,
  path: string,
): FieldIssue | null {
  const problem = recordDateProblem(child, date);
  return problem ? { path, code: problem, message: problemMessages[problem] } : null;
}

/** ECD_DATE_INVALID when the date is impossible for the child. */
export function assertRecordDate(
  child: Pick<EcdChildRow, 'birthDate' | 'deathDate'>,
  date: PlainDate,
  path: string,
): void {
  const issue = dateIssue(child, date, path);
  if (issue) throw new AppError('ECD_DATE_INVALID', { problem: issue.code }, [issue]);
}

/** The display names of users by id (for "recorded by"), in one query. */
export async function userNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where(sql<boolean>`id = any(${wanted}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** The early-childhood tables whose rows belong to one child. */
export type ChildRecordTable =
  | 'growth_measurement'
  | 'immunization_dose'
  | 'development_screening'
  | 'ecd_service_contact'
  | 'school_enrolment';

/**
 * A record of a child in the caller's scope, locked for a change, with its (active, locked) child; NOT_FOUND when the
 * record does not exist or its child is outside the scope.
 */
export async function lockChildRecord<T extends ChildRecordTable>(
  trx: Transaction<DB>,
  scope: Scope,
  table: T,
  id: string,
): Promise<{ row: Selectable<DB[T]>; child: EcdChildRow }> {
  const { rows } = await sql<Selectable<DB[T]>>`
    select r.* from ${sql.table(table)} r
    join person p on p.province_code = r.province_code and p.id = r.person_id
    where r.id = ${id} and ${withinScope('p.org_path', scope)}
    for update of r`.execute(trx);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  const child = await getEcdChild(trx, scope, (row as { person_id: string }).person_id, { forWrite: true });
  return { row, child };
}

/**
 * Inserts a new record of a child (`columns` beside its keys and author) and its audit event, in the caller's
 * transaction; returns the record's id.
 */
export async function insertChildRecord(
  trx: Transaction<DB>,
  ctx: Operator,
  child: Pick<EcdChildRow, 'provinceCode' | 'id' | 'orgPath'>,
  table: Exclude<ChildRecordTable, 'school_enrolment'>,
  action: AuditAction,
  columns: Record<string, unknown>,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto(table)
    .values({
      province_code: child.provinceCode,
      id,
      person_id: child.id,
      ...columns,
      created_by: ctx.userId,
    })
    .execute();
  await writeAudit(trx, ctx.actor, {
    action,
    entityType: table,
    entityId: id,
    orgPath: child.orgPath,
    after: { person_id: child.id, ...columns },
  });
  return id;
}
