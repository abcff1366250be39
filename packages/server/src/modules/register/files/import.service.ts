import { createHash } from 'node:crypto';
import {
  AppError,
  newId,
  todayInVietnam,
  type FileResult,
  type ImportJob,
  type ImportRowError,
} from '@treem/shared';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { writeAudit } from '../../../audit/audit.ts';
import type { Executor } from '../../../db/transaction.ts';
import type { Operator } from '../../../http/context.ts';
import { provinceCodeOfPath } from '../registerScope.ts';
import {
  getAllImportErrors,
  getCommuneInScope,
  getImportErrors,
  getImportFileBytes,
  getImportJobRow,
  listImportJobRows,
  listOpenVillages,
  toImportJob,
  type ImportJobRow,
  type ImportReportKind,
} from './import.repo.ts';
import { openImportFile } from './importFile.ts';
import { assertMappingComplete, checkMapping, proposeMapping, type ImportMapping } from './importMapping.ts';
import {
  findPossibleDuplicates,
  planImport,
  writePlan,
  type ImportPlan,
  type PlanContext,
} from './importPlan.ts';
import { openCopySession, type CopySession } from './copySession.ts';
import {
  ErrorCollector,
  readImportRows,
  type ImportContext,
  type ImportVillage,
  type ReadResult,
} from './importRows.ts';
import { XLSX_TYPE } from './template.ts';

/**
 * The life of a register import: upload (file stored, mapping proposed) → mapping → dry run (every row checked,
 * nothing written) → run (one transaction: all rows or none) → imported. The dry run and the run work in the
 * background; while they do, their progress lives here in memory (the run's writes are invisible until it commits),
 * and `GET /imports/:id` reads it from here.
 */

export interface JobLogger {
  error(details: object, message: string): void;
}

export interface JobOptions {
  logger?: JobLogger | undefined;
  /**
   * The PostgreSQL URL of the application's database. With it, a run writes through COPY on a connection of its
   * own (see copySession.ts); without it (PGlite, or a caller that does not know the URL) through the shared
   * Kysely instance, with `insert … select from unnest(…)`.
   */
  databaseUrl?: string | undefined;
}

interface LiveProgress {
  processed: number;
  total: number;
}

const live = new Map<string, LiveProgress>();
const running = new Map<string, Promise<void>>();
/** Jobs between the check and the start of their work: taken in the same tick as the check, so no second request slips in. */
const reserved = new Set<string>();

const busyStatuses = new Set(['validating', 'importing']);

/** A job is busy while its work runs in this process; a busy status without one was cut off by a restart. */
const isRunning = (id: string) => running.has(id) || reserved.has(id);

/** Takes the job for this process or answers IMPORT_BUSY; the caller must `launch` or `release` it. */
function reserve(id: string): void {
  if (isRunning(id)) throw new AppError('IMPORT_BUSY');
  reserved.add(id);
}

/**
 * The job as the API shows it. `busyAtRead` lists the jobs that were working here when the row was read: one that
 * finished while the read was on its way still shows its busy status (the next poll sees the final one), and is
 * not mistaken for a job cut off by a restart.
 */
function present(row: ImportJobRow, busyAtRead: ReadonlySet<string>): ImportJob {
  const job = toImportJob(row);
  const progress = live.get(row.id);
  if (progress)
    return { ...job, processedRows: progress.processed, totalRows: progress.total || job.totalRows };
  if (busyStatuses.has(row.status) && !isRunning(row.id) && !busyAtRead.has(row.id)) {
    return {
      ...job,
      status: 'failed',
      failure:
        'Việc xử lý tệp đã bị dừng giữa chừng (máy chủ khởi động lại); không có dòng nào được ghi. Hãy chạy lại.',
    };
  }
  return job;
}

const toOperator = (ctx: Operator): Operator => ({
  db: ctx.db,
  scope: ctx.scope,
  actor: ctx.actor,
  userId: ctx.userId,
});

export async function uploadImport(
  ctx: Operator,
  input: { communeId: string; fileName: string },
  bytes: Uint8Array,
): Promise<ImportJob> {
  const commune = await getCommuneInScope(ctx.db, ctx.scope, input.communeId);
  const sheet = await openImportFile(bytes);
  let totalRows = 0;
  for (const sheetRow of sheet.rows()) if (sheetRow) totalRows += 1;
  const id = newId();
  const provinceCode = provinceCodeOfPath(commune.path);
  await ctx.db
    .insertInto('register_import')
    .values({
      province_code: provinceCode,
      id,
      commune_id: commune.id,
      org_path: commune.path,
      file_name: input.fileName.normalize('NFC'),
      file_format: sheet.format,
      file_sha256: createHash('sha256').update(bytes).digest('hex'),
      file_bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      headers: JSON.stringify(sheet.headers),
      mapping: JSON.stringify(proposeMapping(sheet.headers)),
      total_rows: totalRows,
      created_by: ctx.userId,
    })
    .execute();
  return getImport(ctx, id);
}

/** The ids of the jobs working in this process now. */
const busyNow = (): ReadonlySet<string> => new Set([...running.keys(), ...reserved]);

export async function getImport(ctx: Operator, id: string): Promise<ImportJob> {
  const busy = busyNow();
  return present(await getImportJobRow(ctx.db, ctx.scope, id), busy);
}

export async function listImports(ctx: Operator, query: { page: number; pageSize: number }) {
  const busy = busyNow();
  const { rows, total } = await listImportJobRows(ctx.db, ctx.scope, query.page, query.pageSize);
  return {
    items: rows.map((row) => present(row, busy)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A new mapping makes the last dry run meaningless: the job goes back to `uploaded`. */
export async function setImportMapping(
  ctx: Operator,
  id: string,
  mapping: ImportMapping,
): Promise<ImportJob> {
  const row = await getImportJobRow(ctx.db, ctx.scope, id);
  if (isRunning(id)) throw new AppError('IMPORT_BUSY');
  checkMapping(mapping, row.headers);
  assertMappingComplete(mapping);
  const result = await ctx.db
    .updateTable('register_import')
    .set({
      mapping: JSON.stringify(mapping),
      status: 'uploaded',
      error_count: 0,
      errors: '[]',
      warning_count: 0,
      warnings: '[]',
      processed_rows: 0,
      failure: null,
      updated_at: new Date(),
    })
    .where('province_code', '=', row.province_code)
    .where('id', '=', id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  // A dry run or a run took the job since it was read.
  if (Number(result.numUpdatedRows) !== 1 || isRunning(id)) throw new AppError('IMPORT_BUSY');
  return getImport(ctx, id);
}

/** Marks a job as taken by one kind of work; IMPORT_BUSY when another request took it first. */
async function claim(db: Executor, row: ImportJobRow, status: 'validating' | 'importing'): Promise<void> {
  const result = await db
    .updateTable('register_import')
    .set({ status, processed_rows: 0, failure: null, updated_at: new Date() })
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('IMPORT_BUSY');
}

function launch(id: string, work: () => Promise<void>, logger?: JobLogger): Promise<void> {
  reserved.delete(id);
  const promise = work()
    // Failures are recorded on the job by the work itself; this catches only a failure to record one.
    .catch((error: unknown) => logger?.error({ err: error, importId: id }, 'register import job crashed'))
    .finally(() => {
      running.delete(id);
      live.delete(id);
    });
  running.set(id, promise);
  return promise;
}

/** Starts the dry run in the background and answers at once (202). */
export async function startValidation(
  ctx: Operator,
  id: string,
  options: JobOptions = {},
): Promise<ImportJob> {
  const { logger } = options;
  const row = await prepareValidation(ctx, id);
  // The promise is kept in `running` and never rejects: failures are recorded on the job.
  void launch(id, () => validate(toOperator(ctx), row, logger), logger);
  return getImport(ctx, id);
}

/** The dry run, awaited: for the benchmark and for callers without HTTP. */
export async function validateRegisterImport(
  ctx: Operator,
  id: string,
  options: JobOptions = {},
): Promise<ImportJob> {
  const { logger } = options;
  const row = await prepareValidation(ctx, id);
  await launch(id, () => validate(toOperator(ctx), row, logger), logger);
  return getImport(ctx, id);
}

async function prepareValidation(ctx: Operator, id: string): Promise<ImportJobRow> {
  const row = await getImportJobRow(ctx.db, ctx.scope, id);
  if (isRunning(id)) throw new AppError('IMPORT_BUSY');
  assertMappingComplete(row.mapping ?? {});
  reserve(id);
  try {
    await claim(ctx.db, row, 'validating');
  } catch (error) {
    reserved.delete(id);
    throw error;
  }
  live.set(id, { processed: 0, total: row.total_rows });
  return row;
}

/** Starts the run in the background and answers at once (202). */
export async function startImport(ctx: Operator, id: string, options: JobOptions = {}): Promise<ImportJob> {
  const row = await prepareRun(ctx, id);
  void launch(id, () => run(toOperator(ctx), row, options), options.logger);
  return getImport(ctx, id);
}

/**
 * The run, awaited: a treem-independent entry point (no HTTP) for the benchmark and the CLI. Writes the file into
 * the register in one transaction, or nothing.
 */
export async function importRegisterFile(
  ctx: Operator,
  id: string,
  options: JobOptions = {},
): Promise<ImportJob> {
  const row = await prepareRun(ctx, id);
  await launch(id, () => run(toOperator(ctx), row, options), options.logger);
  return getImport(ctx, id);
}

async function prepareRun(ctx: Operator, id: string): Promise<ImportJobRow> {
  const row = await getImportJobRow(ctx.db, ctx.scope, id);
  if (isRunning(id)) throw new AppError('IMPORT_BUSY');
  if (row.status !== 'validated')
    throw new AppError('IMPORT_NOT_VALIDATED', { status: present(row, new Set()).status });
  if (row.error_count > 0) throw new AppError('IMPORT_HAS_ERRORS', { errorCount: row.error_count });
  reserve(id);
  try {
    await claim(ctx.db, row, 'importing');
  } catch (error) {
    reserved.delete(id);
    throw error;
  }
  live.set(id, { processed: 0, total: row.total_rows });
  return row;
}

/** Waits for every background job of this process (tests, shutdown). */
export async function settleImportJobs(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

interface Checked {
  errors: ErrorCollector;
  /** Likely duplicates of children already in the register; worked out by the dry run only. */
  warnings: ErrorCollector;
  totalRows: number;
  plan: ImportPlan;
  planContext: PlanContext;
}

/**
 * The rows of the latest clean dry runs, kept for their run. The checks of a row depend only on the file, the
 * mapping, the commune's open villages and the day, so the run does not read the file again when none of them
 * changed; the plan against the register (which may have changed) is always made again inside the run.
 */
interface ReadCacheEntry {
  key: string;
  read: ReadResult;
  headers: string[];
}
const readCache = new Map<string, ReadCacheEntry>();
const READ_CACHE_JOBS = 2;

function readKey(row: ImportJobRow, villages: readonly ImportVillage[], today: string): string {
  return JSON.stringify([row.file_sha256, row.mapping, villages, today]);
}

/** Reads and checks the whole file, and plans the writes against the register (reads only). */
async function checkFile(
  db: Executor,
  ctx: Operator,
  row: ImportJobRow,
  phase: 'validate' | 'run',
): Promise<Checked> {
  const progress = live.get(row.id);
  const mapping = (row.mapping ?? {}) as ImportMapping;
  const today = todayInVietnam();
  const villages = await listOpenVillages(db, ctx.scope, row.commune_id);
  const key = readKey(row, villages, today);
  const errors = new ErrorCollector();
  let read: ReadResult;
  let headers: string[];
  const cached = readCache.get(row.id);
  readCache.delete(row.id);
  if (phase === 'run' && cached?.key === key) {
    ({ read, headers } = cached);
  } else {
    const sheet = await openImportFile(await getImportFileBytes(db, row));
    headers = sheet.headers;
    const context: ImportContext = {
      communeId: row.commune_id,
      communeName: row.commune_name,
      villages,
      today,
    };
    read = readImportRows(sheet, mapping, context, errors, (n) => {
      if (progress) progress.processed = Math.round(n / 2);
    });
  }
  if (progress) {
    progress.total = read.totalRows;
    progress.processed = Math.round(read.totalRows / 2);
  }
  const planContext: PlanContext = {
    provinceCode: row.province_code,
    communeId: row.commune_id,
    communePath: row.org_path,
    today,
    fileName: row.file_name,
    userId: ctx.userId,
    mapping,
  };
  const plan = await planImport(db, planContext, read.households, errors);
  const warnings = new ErrorCollector();
  if (phase === 'validate') await findPossibleDuplicates(db, planContext, plan, warnings);
  const order = new Map(headers.map((h, i) => [h, i]));
  errors.errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 999) - (order.get(b.column) ?? 999));
  if (phase === 'validate' && errors.count === 0) {
    for (const old of readCache.keys()) if (readCache.size >= READ_CACHE_JOBS) readCache.delete(old);
    readCache.set(row.id, { key, read, headers });
  }
  return { errors, warnings, totalRows: read.totalRows, plan, planContext };
}

async function validate(ctx: Operator, row: ImportJobRow, logger?: JobLogger): Promise<void> {
  try {
    const checked = await checkFile(ctx.db, ctx, row, 'validate');
    await ctx.db
      .updateTable('register_import')
      .set({
        status: 'validated',
        total_rows: checked.totalRows,
        processed_rows: checked.totalRows,
        error_count: checked.errors.count,
        errors: JSON.stringify(checked.errors.errors),
        warning_count: checked.warnings.count,
        warnings: JSON.stringify(checked.warnings.errors),
        failure: null,
        updated_at: new Date(),
      })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .execute();
  } catch (error) {
    logger?.error({ err: error, importId: row.id }, 'register import validation failed');
    await fail(
      ctx.db,
      row,
      'Lỗi khi kiểm tra tệp; không có dòng nào được ghi. Hãy thử lại hoặc báo quản trị viên.',
    );
  }
}

/** The file no longer passes the checks it passed in the dry run (the register changed in between). */
class ImportRejected extends Error {
  constructor(readonly errors: ErrorCollector) {
    super('import rejected');
  }
}

async function run(ctx: Operator, row: ImportJobRow, options: JobOptions): Promise<void> {
  const { logger } = options;
  const progress = live.get(row.id);
  let session: CopySession | undefined;
  try {
    session = options.databaseUrl ? await openCopySession(options.databaseUrl) : undefined;
    await (session?.db ?? ctx.db).transaction().execute(async (trx) => {
      // Two runs into one commune at once could both create the same household: they take turns.
      await sql`select pg_advisory_xact_lock(hashtext(${`treem.register_import.${row.commune_id}`}))`.execute(
        trx,
      );
      const checked = await checkFile(trx, ctx, row, 'run');
      if (checked.errors.count > 0) throw new ImportRejected(checked.errors);
      const { plan, planContext } = checked;
      await writePlan(
        trx,
        planContext,
        plan,
        (written) => {
          if (progress) progress.processed = Math.round(checked.totalRows / 2 + written / 2);
        },
        session,
      );
      const counts = {
        rows: checked.totalRows,
        createdHouseholds: plan.households.length,
        createdPersons: plan.persons.length,
        createdChildren: plan.createdChildren,
        createdAdults: plan.createdAdults,
        skippedPersons: plan.skippedPersons,
        matchedHouseholds: plan.matchedHouseholds,
        circumstances: plan.circumstances,
      };
      await writeAudit(trx, ctx.actor, {
        action: 'register.imported',
        entityType: 'register_import',
        entityId: row.id,
        orgPath: row.org_path,
        after: { fileName: row.file_name, fileSha256: row.file_sha256, ...counts },
      });
      await trx
        .updateTable('register_import')
        .set({
          status: 'imported',
          total_rows: checked.totalRows,
          processed_rows: checked.totalRows,
          created_households: counts.createdHouseholds,
          created_persons: counts.createdPersons,
          skipped_persons: counts.skippedPersons,
          failure: null,
          updated_at: new Date(),
        })
        .where('province_code', '=', row.province_code)
        .where('id', '=', row.id)
        .execute();
    });
  } catch (error) {
    if (error instanceof ImportRejected) {
      await fail(
        ctx.db,
        row,
        `Dữ liệu trong sổ đã thay đổi từ lần kiểm tra trước: tệp nay có ${error.errors.count} lỗi. Không có dòng nào được ghi; hãy xem báo cáo lỗi, sửa tệp và kiểm tra lại.`,
        error.errors,
      );
      return;
    }
    logger?.error({ err: error, importId: row.id }, 'register import run failed');
    await fail(
      ctx.db,
      row,
      'Lỗi khi ghi vào sổ; không có dòng nào được ghi. Hãy thử lại hoặc báo quản trị viên.',
    );
  } finally {
    await session?.close();
  }
}

async function fail(
  db: Executor,
  row: ImportJobRow,
  failure: string,
  errors?: ErrorCollector,
): Promise<void> {
  await db
    .updateTable('register_import')
    .set({
      status: 'failed',
      failure,
      ...(errors ? { error_count: errors.count, errors: JSON.stringify(errors.errors) } : {}),
      updated_at: new Date(),
    })
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.id)
    .execute();
}

export async function listImportErrors(
  ctx: Operator,
  id: string,
  query: { page: number; pageSize: number; kind?: ImportReportKind | undefined },
) {
  const row = await getImportJobRow(ctx.db, ctx.scope, id);
  const { items, total } = await getImportErrors(ctx.db, row, query.page, query.pageSize, query.kind);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const errorReportColumns: { header: string; key: keyof ImportRowError; width: number }[] = [
  { header: 'Dòng', key: 'row', width: 8 },
  { header: 'Cột', key: 'column', width: 28 },
  { header: 'Lỗi', key: 'message', width: 80 },
  { header: 'Giá trị trong tệp', key: 'value', width: 30 },
  { header: 'Mã lỗi', key: 'code', width: 28 },
];

/** The error report as a workbook the official can sort and filter next to the file; warnings on a second sheet. */
export async function importErrorReport(ctx: Operator, id: string): Promise<FileResult> {
  const row = await getImportJobRow(ctx.db, ctx.scope, id);
  const { errors, warnings } = await getAllImportErrors(ctx.db, row);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'treem';
  const addSheet = (name: string, items: ImportRowError[], count: number, noun: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = errorReportColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const item of items) sheet.addRow(item);
    if (count > items.length) {
      sheet.addRow({
        message: `… và ${count - items.length} ${noun} khác (báo cáo chỉ giữ ${items.length} ${noun} đầu tiên).`,
      });
    }
  };
  addSheet('Báo cáo lỗi', errors, row.error_count, 'lỗi');
  if (row.warning_count > 0) addSheet('Cảnh báo', warnings, row.warning_count, 'cảnh báo');
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  const base = row.file_name.replace(/\.[^.]+$/, '');
  return { fileName: `Báo cáo lỗi - ${base}.xlsx`, contentType: XLSX_TYPE, body };
}
