import { AppError, type ImportJob, type ImportRowError } from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import { withinScope, type Scope } from '../../access/scope.ts';
import type { ImportVillage } from './importRows.ts';

/** The columns of a job that every answer needs (never the file bytes or the stored errors). */
const jobColumns = [
  'i.province_code',
  'i.id',
  'i.commune_id',
  'i.org_path',
  'i.file_name',
  'i.file_format',
  'i.file_sha256',
  'i.headers',
  'i.mapping',
  'i.status',
  'i.total_rows',
  'i.processed_rows',
  'i.error_count',
  'i.warning_count',
  'i.created_households',
  'i.created_persons',
  'i.skipped_persons',
  'i.failure',
  'i.created_by',
  'i.created_at',
  'i.updated_at',
] as const;

function jobQuery(db: Executor, scope: Scope) {
  return db
    .selectFrom('register_import as i')
    .innerJoin('org_unit as c', 'c.id', 'i.commune_id')
    .select(jobColumns)
    .select(sql<string>`c.full_name`.as('commune_name'))
    .where(withinScope('i.org_path', scope));
}

export type ImportJobRow = Awaited<ReturnType<ReturnType<typeof jobQuery>['execute']>>[number];

/** The job if it is in scope; NOT_FOUND otherwise (an import of another commune is not acknowledged). */
export async function getImportJobRow(db: Executor, scope: Scope, id: string): Promise<ImportJobRow> {
  const row = await jobQuery(db, scope).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getImportFileBytes(db: Executor, row: Pick<ImportJobRow, 'province_code' | 'id'>) {
  const file = await db
    .selectFrom('register_import')
    .select('file_bytes')
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return new Uint8Array(file.file_bytes.buffer, file.file_bytes.byteOffset, file.file_bytes.byteLength);
}

export async function listImportJobRows(db: Executor, scope: Scope, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    jobQuery(db, scope)
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('register_import as i')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(withinScope('i.org_path', scope))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The stored errors or warnings of a dry run. */
export type ImportReportKind = 'errors' | 'warnings';

/** The stored error report, a page at a time (jsonb array slicing in SQL: the report can hold 10,000 rows). */
export async function getImportErrors(
  db: Executor,
  row: Pick<ImportJobRow, 'province_code' | 'id'>,
  page: number,
  pageSize: number,
  kind: ImportReportKind = 'errors',
): Promise<{ items: ImportRowError[]; total: number }> {
  const column = sql.ref(`i.${kind}`);
  const result = await sql<{ items: ImportRowError[] | null; total: number }>`
    select (select jsonb_agg(e.value order by e.ordinality)
            from jsonb_array_elements(${column}) with ordinality e
            where e.ordinality > ${(page - 1) * pageSize} and e.ordinality <= ${page * pageSize}) as items,
           jsonb_array_length(${column}) as total
    from register_import i
    where i.province_code = ${row.province_code} and i.id = ${row.id}`.execute(db);
  const first = result.rows[0];
  return { items: first?.items ?? [], total: Number(first?.total ?? 0) };
}

export async function getAllImportErrors(
  db: Executor,
  row: Pick<ImportJobRow, 'province_code' | 'id'>,
): Promise<{ errors: ImportRowError[]; warnings: ImportRowError[] }> {
  const result = await db
    .selectFrom('register_import')
    .select(['errors', 'warnings'])
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return { errors: result.errors as ImportRowError[], warnings: result.warnings as ImportRowError[] };
}

/** A current commune in scope (the commune an import writes into); NOT_FOUND otherwise. */
export async function getCommuneInScope(db: Executor, scope: Scope, communeId: string) {
  const row = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'full_name', 'valid_to'])
    .where('id', '=', communeId)
    .where('level', '=', 'commune')
    .where('generation', '=', 'current')
    .where(withinScope('path', scope))
    .executeTakeFirst();
  if (!row || row.valid_to !== null) throw new AppError('NOT_FOUND');
  return row;
}

/** The commune's open villages in the caller's scope: the only places rows may name. */
export async function listOpenVillages(
  db: Executor,
  scope: Scope,
  communeId: string,
): Promise<ImportVillage[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'full_name', 'path'])
    .where('parent_id', '=', communeId)
    .where('generation', '=', 'village')
    .where('valid_to', 'is', null)
    .where(withinScope('path', scope))
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, fullName: r.full_name, path: r.path }));
}

export function toImportJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    communeId: row.commune_id,
    communeName: row.commune_name,
    fileName: row.file_name,
    fileFormat: row.file_format,
    headers: row.headers,
    mapping: row.mapping ?? {},
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    createdHouseholds: row.created_households,
    createdPersons: row.created_persons,
    skippedPersons: row.skipped_persons,
    failure: row.failure,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
