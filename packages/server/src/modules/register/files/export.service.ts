import {
  AppError,
  formatPlainDateVi,
  todayInVietnam,
  type BirthDatePrecision,
  type ExportQuery,
  type FileResult,
  type ImportField,
  type PlainDate,
  EXPORT_ROW_LIMIT,
} from '@treem/shared';
import { sql } from 'kysely';
import { writeAudit } from '../../../audit/audit.ts';
import { streamedWorkbook } from '../../../documents/xlsx.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { Operator } from '../../../http/context.ts';
import { lowestCommonPath } from '../../access/scope.ts';
import { personListQuery } from '../person.repo.ts';
import { resolveScopeUnitPath } from '../registerScope.ts';
import { csvField, neutraliseFormula } from './csv.ts';
import {
  disabilityLevelVocabulary,
  disabilityTypeVocabulary,
  ethnicityName,
  importColumns,
  livingArrangementVocabulary,
  povertyVocabulary,
  relationshipVocabulary,
  sexVocabulary,
} from './importColumns.ts';
import { TEMPLATE_SHEET } from './importFile.ts';
import { XLSX_TYPE } from './template.ts';

/** Most rows one export may hold: a province's register is exported commune by commune. */
export { EXPORT_ROW_LIMIT };

const BATCH = 5_000;

/**
 * The register as on screen (the person list's filters), every matching row, in the template's columns and
 * wording so that an exported file imports back unchanged. Rows are read in batches and written as they come.
 */
export async function exportPersons(
  ctx: Operator,
  query: ExportQuery,
  options: { rowLimit?: number } = {},
): Promise<FileResult> {
  const rowLimit = options.rowLimit ?? EXPORT_ROW_LIMIT;
  const { format, ...filter } = query;
  const today = todayInVietnam();
  const base = await personListQuery(ctx.db, ctx.scope, filter, today);
  const ordered = await base
    .clearSelect()
    .select('p.id')
    .orderBy('v.name')
    .orderBy(sql`lpad(coalesce(h.book_number, ''), 20, '0')`)
    .orderBy('p.household_id')
    .orderBy('p.birth_date')
    .orderBy('p.id')
    .limit(rowLimit + 1)
    .execute();
  if (ordered.length > rowLimit) {
    throw new AppError('EXPORT_TOO_LARGE', { limit: rowLimit });
  }
  const ids = ordered.map((r) => r.id);
  const writer = format === 'csv' ? csvWriter() : xlsxWriter();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await (
      await personListQuery(ctx.db, ctx.scope, filter, today)
    )
      .leftJoin('person as mo', (j) =>
        j.onRef('mo.province_code', '=', 'p.province_code').onRef('mo.id', '=', 'p.mother_id'),
      )
      .leftJoin('person as fa', (j) =>
        j.onRef('fa.province_code', '=', 'p.province_code').onRef('fa.id', '=', 'p.father_id'),
      )
      .leftJoin('person as cg', (j) =>
        j.onRef('cg.province_code', '=', 'p.province_code').onRef('cg.id', '=', 'p.caregiver_id'),
      )
      .select([
        'h.book_number',
        'h.address',
        'h.poverty_status',
        'h.poverty_year',
        'p.birth_registered',
        'p.disability_type',
        'p.disability_level',
        'p.school_name',
        'p.has_health_insurance',
        'p.health_insurance_number',
        'p.living_arrangement',
        'p.notes',
        'mo.full_name as mother_name',
        'fa.full_name as father_name',
        'cg.full_name as caregiver_name',
      ])
      .where(sql<boolean>`p.id = any(${batch}::uuid[])`)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of batch) {
      const r = byId.get(id);
      if (!r) continue;
      const values: Record<ImportField, string> = {
        householdNumber: r.book_number ?? '',
        village: r.village_name,
        address: r.address ?? '',
        povertyStatus:
          r.poverty_status && r.poverty_status !== 'none'
            ? `${povertyVocabulary.label(r.poverty_status)}${r.poverty_year ? ` ${r.poverty_year}` : ''}`
            : '',
        headName: r.head_name ?? '',
        fullName: r.full_name,
        sex: sexVocabulary.label(r.sex),
        birthDate: formatBirthDate(r.birth_date, r.birth_date_precision),
        personalId: r.personal_id ?? '',
        ethnicity: ethnicityName.get(r.ethnicity_code) ?? r.ethnicity_code,
        relationshipToHead: r.relationship_to_head
          ? relationshipVocabulary.label(r.relationship_to_head as never)
          : '',
        motherName: r.mother_name ?? '',
        fatherName: r.father_name ?? '',
        caregiverName: r.caregiver_name ?? '',
        birthRegistered: yesNo(r.birth_registered),
        disability: r.disability_type
          ? `${disabilityTypeVocabulary.label(r.disability_type as never)}${r.disability_level ? ` (${disabilityLevelVocabulary.label(r.disability_level)})` : ''}`
          : '',
        schoolName: r.school_name ?? '',
        hasHealthInsurance: r.health_insurance_number ?? yesNo(r.has_health_insurance),
        livingArrangement: r.living_arrangement
          ? livingArrangementVocabulary.label(r.living_arrangement as never)
          : '',
        circumstances: (r.circumstances ?? [])
          .map((c) => (c.subGroupCode ?? c.groupCode).replace(/^dd/, 'đ'))
          .join(', '),
        notes: r.notes ?? '',
      };
      writer.add(importColumns.map((c) => values[c.field]));
    }
  }
  const body = await writer.finish();
  const scopePath = filter.orgUnitId
    ? await resolveScopeUnitPath(ctx.db, ctx.scope, filter.orgUnitId)
    : lowestCommonPath(ctx.scope.paths);
  await inTransaction(ctx.db, (trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'register.exported',
      entityType: 'register',
      orgPath: scopePath,
      after: { format, filters: filter, count: ids.length },
    }),
  );
  return {
    fileName: `Sổ theo dõi trẻ em ${formatPlainDateVi(today).replace(/\//g, '-')}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    body,
  };
}

/** As the import reads it back: dd/MM/yyyy, or MM/yyyy and yyyy when only the month or year is known. */
export function formatBirthDate(date: PlainDate, precision: BirthDatePrecision): string {
  const vi = formatPlainDateVi(date);
  if (precision === 'month') return vi.slice(3);
  if (precision === 'year') return vi.slice(6);
  return vi;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'Có' : 'Không');

interface RowWriter {
  add(values: string[]): void;
  finish(): Promise<Uint8Array>;
}

/** UTF-8 with a byte-order mark (so Excel shows the diacritics), comma-separated, CRLF. */
function csvWriter(): RowWriter {
  const parts: string[] = ['\uFEFF', importColumns.map((c) => csvField(c.header)).join(','), '\r\n'];
  return {
    add(values) {
      parts.push(values.map((v) => csvField(neutraliseFormula(v))).join(','), '\r\n');
    },
    async finish() {
      return new Uint8Array(Buffer.from(parts.join(''), 'utf8'));
    },
  };
}

/** The streaming XLSX writer: rows are committed as they are added, so 200,000 rows stay a few MB of memory. */
function xlsxWriter(): RowWriter {
  const { workbook, finish } = streamedWorkbook();
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  return {
    add(values) {
      sheet.addRow(values).commit();
    },
    async finish() {
      sheet.commit();
      return finish();
    },
  };
}
