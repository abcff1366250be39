// Immunisation records from a CSV or XLSX file (a health station's export, a campaign's sheet): one row per dose,
// the child named by personal ID or treem id, checked row by row and written all together or not at all.
import {
  AppError,
  foldVietnamese,
  isPlainDate,
  newId,
  todayInVietnam,
  vaccines,
  type DoseImportResult,
  type PlainDate,
  type VaccineCode,
} from '@treem/shared';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { cellText, openImportFile, type Cell } from '../register/files/importFile.ts';
import { refreshChildSummaries } from './childSummary.ts';
import { resolveListUnit } from './actionLists.ts';
import { recordDateProblem } from './ecdChild.ts';

/** Rows one file may hold: a commune's whole history of doses is a few tens of thousands. */
export const DOSE_IMPORT_MAX_ROWS = 50_000;

type Field = 'personalId' | 'personId' | 'vaccine' | 'dose' | 'givenOn' | 'place' | 'lot';

/** Accepted headers per field, compared folded (no diacritics, lower case, `_` as a space). */
const headerNames: Record<Field, readonly string[]> = {
  personalId: ['personal_id', 'so dinh danh', 'so dinh danh ca nhan', 'ma dinh danh', 'cccd'],
  personId: ['person_id', 'ma treem', 'ma tre'],
  vaccine: ['vaccine', 'vac xin', 'vacxin', 'loai vac xin'],
  dose: ['dose', 'mui', 'mui so', 'lieu'],
  givenOn: ['given_on', 'ngay tiem', 'ngay uong', 'ngay tiem/uong'],
  place: ['place', 'noi tiem', 'dia diem'],
  lot: ['lot', 'so lo', 'lo vac xin'],
};

const fold = (text: string) => foldVietnamese(text.replace(/_/g, ' ')).replace(/\s+/g, ' ').trim();

/** A vaccine as written on a sheet: treem's code, the programme's usual short names, or the full Vietnamese name. */
const vaccineAliases = new Map<string, VaccineCode>([
  ...vaccines.flatMap((v) => [
    [fold(v.code), v.code] as const,
    [fold(v.vi), v.code] as const,
    [fold(v.en), v.code] as const,
  ]),
  ...(
    [
      ['vgb so sinh', 'hepb_birth'],
      ['viem gan b so sinh', 'hepb_birth'],
      ['hepb0', 'hepb_birth'],
      ['hepb', 'hepb_birth'],
      ['lao', 'bcg'],
      ['5 trong 1', 'dpt_hepb_hib'],
      ['dpt-vgb-hib', 'dpt_hepb_hib'],
      ['dpt vgb hib', 'dpt_hepb_hib'],
      ['quinvaxem', 'dpt_hepb_hib'],
      ['bai liet uong', 'opv'],
      ['bai liet tiem', 'ipv'],
      ['soi', 'measles'],
      ['soi rubella', 'mr'],
      ['soi-rubella', 'mr'],
      ['dpt', 'dpt_booster'],
      ['dpt4', 'dpt_booster'],
      ['vnnb', 'je'],
      ['viem nao nhat ban', 'je'],
    ] as const
  ).map(([alias, code]) => [fold(alias), code] as const),
]);

export function parseVaccine(text: string): VaccineCode | null {
  return vaccineAliases.get(fold(text)) ?? null;
}

/** `YYYY-MM-DD` or `dd/MM/yyyy` (also with `-` or `.`), or a date cell of a workbook. */
export function parseDoseDate(cell: Cell): PlainDate | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = cellText(cell).trim();
  if (isPlainDate(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return null;
  const date = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isPlainDate(date) ? date : null;
}

interface ParsedRow {
  row: number;
  personalId: string | null;
  personId: string | null;
  vaccineCode: VaccineCode;
  doseNumber: number | null;
  givenOn: PlainDate;
  place: string | null;
  lot: string | null;
}

type RowError = DoseImportResult['errors'][number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Imports the doses of a file for children of a village or commune in the caller's scope. Every row is checked (the
 * child is an active person of the unit; the vaccine is known; the date is a date, not before the birth, not after today or
 * the death); a dose already recorded (same child, vaccine and day) is counted and left alone, so a file can be
 * imported twice. Any problem: nothing is written and every problem is returned by row.
 */
export async function importDoses(
  ctx: Operator,
  unitId: string,
  bytes: Uint8Array,
): Promise<DoseImportResult> {
  // A village collaborator imports for their village; a health station for its commune.
  const unit = await resolveListUnit(ctx.db, ctx.scope, unitId);
  const sheet = await openImportFile(bytes);
  const columns = new Map<Field, number>();
  sheet.headers.forEach((header, index) => {
    const key = fold(header);
    for (const [field, names] of Object.entries(headerNames) as [Field, readonly string[]][])
      if (names.some((name) => fold(name) === key) && !columns.has(field)) columns.set(field, index);
  });
  const missing = [
    ...(columns.has('personalId') || columns.has('personId') ? [] : ['personal_id']),
    ...(['vaccine', 'givenOn'] as const)
      .filter((f) => !columns.has(f))
      .map((f) => (f === 'givenOn' ? 'given_on' : f)),
  ];
  if (missing.length > 0) throw new AppError('IMPORT_MAPPING_INCOMPLETE', { missing });

  const errors: RowError[] = [];
  const parsed: ParsedRow[] = [];
  const text = (cells: Cell[], field: Field) => {
    const index = columns.get(field);
    return index === undefined ? '' : cellText(cells[index] ?? null).trim();
  };
  let count = 0;
  for (const { row, cells } of sheet.rows()) {
    count += 1;
    if (count > DOSE_IMPORT_MAX_ROWS) {
      errors.push({ row, column: null, code: 'too_many_rows' });
      break;
    }
    const personalId = text(cells, 'personalId') || null;
    const personId = text(cells, 'personId') || null;
    const vaccineText = text(cells, 'vaccine');
    const doseText = text(cells, 'dose');
    const dateCell = cells[columns.get('givenOn')!] ?? null;
    const rowErrors: RowError[] = [];
    if (!personalId && !personId) rowErrors.push({ row, column: 'personal_id', code: 'person_missing' });
    else if (personalId && !/^\d{12}$/.test(personalId))
      rowErrors.push({ row, column: 'personal_id', code: 'personal_id_format' });
    else if (!personalId && personId && !uuidPattern.test(personId))
      rowErrors.push({ row, column: 'person_id', code: 'person_id_format' });
    const vaccineCode = parseVaccine(vaccineText);
    if (!vaccineText) rowErrors.push({ row, column: 'vaccine', code: 'vaccine_missing' });
    else if (!vaccineCode) rowErrors.push({ row, column: 'vaccine', code: 'vaccine_unknown' });
    let doseNumber: number | null = null;
    if (doseText) {
      doseNumber = /^\d$/.test(doseText) ? Number(doseText) : null;
      if (doseNumber === null || doseNumber < 1)
        rowErrors.push({ row, column: 'dose', code: 'dose_invalid' });
    }
    const givenOn = parseDoseDate(dateCell);
    if (!cellText(dateCell).trim()) rowErrors.push({ row, column: 'given_on', code: 'date_missing' });
    else if (!givenOn) rowErrors.push({ row, column: 'given_on', code: 'date_invalid' });
    const place = text(cells, 'place').slice(0, 200) || null;
    const lot = text(cells, 'lot').slice(0, 60) || null;
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else
      parsed.push({
        row,
        personalId,
        personId,
        vaccineCode: vaccineCode!,
        doseNumber,
        givenOn: givenOn!,
        place,
        lot,
      });
  }
  if (count === 0) throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'no_rows' });

  return inTransaction(ctx.db, async (trx) => {
    // The unit's children named by the rows, in one read each way.
    const personalIds = [...new Set(parsed.flatMap((r) => (r.personalId ? [r.personalId] : [])))];
    const personIds = [...new Set(parsed.flatMap((r) => (!r.personalId && r.personId ? [r.personId] : [])))];
    const children = await trx
      .selectFrom('person')
      .select(['id', 'personal_id', 'sex', 'birth_date', 'birth_date_precision', 'death_date', 'status'])
      .where('province_code', '=', unit.provinceCode)
      .where(sql<boolean>`org_path <@ ${unit.path}::ltree`)
      .where('status', '<>', 'merged')
      .where((eb) =>
        eb.or([
          eb(sql`personal_id`, '=', sql`any(${personalIds}::text[])`),
          eb(sql`id`, '=', sql`any(${personIds}::uuid[])`),
        ]),
      )
      .forUpdate()
      .execute();
    const byPersonalId = new Map(children.filter((c) => c.personal_id).map((c) => [c.personal_id!, c]));
    const byId = new Map(children.map((c) => [c.id, c]));
    const existing = await trx
      .selectFrom('immunization_dose')
      .select(['person_id', 'vaccine_code', 'given_on'])
      .where('province_code', '=', unit.provinceCode)
      .where(sql<boolean>`person_id = any(${children.map((c) => c.id)}::uuid[])`)
      .execute();
    const key = (personId: string, vaccine: string, date: string) => `${personId}|${vaccine}|${date}`;
    const recorded = new Set(existing.map((d) => key(d.person_id, d.vaccine_code, d.given_on)));
    const inFile = new Set<string>();
    const today = todayInVietnam();
    const toInsert: (ParsedRow & { childId: string })[] = [];
    let alreadyRecorded = 0;
    for (const row of parsed) {
      const child = row.personalId ? byPersonalId.get(row.personalId) : byId.get(row.personId!);
      const column = row.personalId ? 'personal_id' : 'person_id';
      if (!child) {
        errors.push({ row: row.row, column, code: 'person_not_found' });
        continue;
      }
      if (child.status !== 'active') {
        errors.push({ row: row.row, column, code: 'person_not_active' });
        continue;
      }
      const problem = recordDateProblem(
        { birthDate: child.birth_date, deathDate: child.death_date },
        row.givenOn,
        today,
      );
      if (problem) {
        errors.push({ row: row.row, column: 'given_on', code: problem });
        continue;
      }
      const k = key(child.id, row.vaccineCode, row.givenOn);
      if (inFile.has(k)) {
        errors.push({ row: row.row, column: 'vaccine', code: 'duplicate_in_file' });
        continue;
      }
      inFile.add(k);
      if (recorded.has(k)) {
        alreadyRecorded += 1;
        continue;
      }
      toInsert.push({ ...row, childId: child.id });
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row);
      return { imported: 0, alreadyRecorded: 0, errors };
    }
    for (let start = 0; start < toInsert.length; start += 1000) {
      await trx
        .insertInto('immunization_dose')
        .values(
          toInsert.slice(start, start + 1000).map((r) => ({
            province_code: unit.provinceCode,
            id: newId(),
            person_id: r.childId,
            vaccine_code: r.vaccineCode,
            dose_number: r.doseNumber,
            given_on: r.givenOn,
            place: r.place,
            lot: r.lot,
            source: 'import' as const,
            created_by: ctx.userId,
          })),
        )
        .execute();
    }
    const touched = new Set(toInsert.map((r) => r.childId));
    await refreshChildSummaries(
      trx,
      children
        .filter((c) => touched.has(c.id))
        .map((c) => ({ provinceCode: unit.provinceCode, personId: c.id })),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.doses_imported',
      entityType: 'org_unit',
      entityId: unit.id,
      orgPath: unit.path,
      after: { imported: toInsert.length, alreadyRecorded, children: touched.size, rows: parsed.length },
    });
    return { imported: toInsert.length, alreadyRecorded, errors: [] };
  });
}
