import { AppError } from '@treem/shared';
import ExcelJS from 'exceljs';
import { csvRecords } from './csv.ts';
import { headerKey, importColumns } from './importColumns.ts';

/** A cell as the import reads it: CSV gives text; XLSX may also give numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet shows (the first line of the file is row 1). */
  row: number;
  cells: Cell[];
}

export interface ImportSheet {
  format: 'xlsx' | 'csv';
  headers: string[];
  headerRow: number;
  /** The data rows after the header, blank rows left out. Can be iterated more than once. */
  rows(): Iterable<SheetRow>;
}

/** The sheet name of the template; a workbook with it is read from it, otherwise from its first sheet. */
export const TEMPLATE_SHEET = 'Sổ theo dõi trẻ em';
export const GUIDE_SHEET = 'Hướng dẫn';
export const CATALOGUE_SHEET = 'Danh mục';

/** How far down a title block may push the header row ("SỔ THEO DÕI TRẺ EM — XÃ …" above the table). */
const HEADER_SEARCH_ROWS = 15;

const knownHeaderKeys = new Set(importColumns.flatMap((c) => [c.header, ...c.synonyms].map(headerKey)));

export function detectFormat(bytes: Uint8Array): 'xlsx' | 'csv' {
  // XLSX is a ZIP archive: "PK\x03\x04".
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/** Reads an uploaded register file; IMPORT_FILE_UNREADABLE when it is neither a workbook nor text with a header. */
export async function openImportFile(bytes: Uint8Array): Promise<ImportSheet> {
  const format = detectFormat(bytes);
  const sheet = format === 'xlsx' ? await openWorkbook(bytes) : openCsv(bytes);
  if (sheet.headers.filter((h) => !h.startsWith('Cột ')).length === 0) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'no_header_row' });
  }
  return sheet;
}

function openCsv(bytes: Uint8Array): ImportSheet {
  // A text file has no NUL bytes; UTF-16 is told apart by its byte-order mark before this check.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 64 * 1024).includes(0)) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'binary_file' });
  }
  const head: string[][] = [];
  for (const record of csvRecords(bytes)) {
    head.push(record);
    if (head.length >= HEADER_SEARCH_ROWS) break;
  }
  const headerIndex = findHeaderRow(head);
  if (headerIndex === -1) throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'empty_file' });
  const headers = cleanHeaders(head[headerIndex]!);
  return {
    format: 'csv',
    headers,
    headerRow: headerIndex + 1,
    *rows() {
      let index = 0;
      for (const record of csvRecords(bytes)) {
        index += 1;
        if (index <= headerIndex + 1) continue;
        if (record.every((cell) => cell.trim() === '')) continue;
        yield { row: index, cells: record };
      }
    },
  };
}

/**
 * Most bytes a workbook may unpack to. A workbook is read whole into memory (several times its XML size); a register
 * larger than this is uploaded as CSV, which is read in slices. Also the guard against a ZIP bomb.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 300 * 1024 * 1024;

/**
 * The unpacked size of a ZIP archive from its central directory (no decompression); undefined when the directory
 * cannot be found or uses ZIP64 (an .xlsx this large is refused anyway).
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record (22 bytes + a comment of up to 65,535) closes the archive.
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 65_535); end -= 1) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i += 1) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return undefined;
      total += size;
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return undefined;
}

async function openWorkbook(bytes: Uint8Array): Promise<ImportSheet> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === undefined) throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'not_a_workbook' });
  if (unpacked > MAX_WORKBOOK_UNPACKED_BYTES) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'workbook_too_large', unpackedBytes: unpacked });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'not_a_workbook' });
  }
  const worksheet =
    workbook.getWorksheet(TEMPLATE_SHEET) ??
    workbook.worksheets.find(
      (w) => w.name !== GUIDE_SHEET && w.name !== CATALOGUE_SHEET && w.state !== 'hidden',
    );
  if (!worksheet) throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'no_worksheet' });
  const rows: SheetRow[] = [];
  worksheet.eachRow((row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs row values are 1-based: index 0 is always empty.
    const cells = Array.from(values.slice(1), cellValue);
    rows.push({ row: rowNumber, cells });
  });
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const headerIndex = findHeaderRow(
    head.map((r) => r.cells.map((c) => (c === null ? '' : String(cellText(c))))),
  );
  if (headerIndex === -1) throw new AppError('IMPORT_FILE_UNREADABLE', { reason: 'empty_file' });
  const headerRow = head[headerIndex]!;
  const headers = cleanHeaders(headerRow.cells.map((c) => (c === null ? '' : cellText(c))));
  const data = rows.filter(
    (r) =>
      r.row > headerRow.row && r.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')),
  );
  return { format: 'xlsx', headers, headerRow: headerRow.row, rows: () => data };
}

/** The header is the first row with the most known column names; without any, the first non-empty row. */
function findHeaderRow(records: string[][]): number {
  let best = -1;
  let bestScore = 0;
  for (const [index, record] of records.entries()) {
    const score = record.filter((cell) => knownHeaderKeys.has(headerKey(cell))).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  if (best !== -1) return best;
  return records.findIndex((record) => record.filter((cell) => cell.trim() !== '').length >= 2);
}

/** Header texts as the mapping shows them: one line, NFC, unique; an empty header cell is named by its column. */
function cleanHeaders(cells: string[]): string[] {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width -= 1;
  const seen = new Map<string, number>();
  return cells.slice(0, width).map((cell, index) => {
    let header = cell.normalize('NFC').replace(/\s+/g, ' ').trim() || `Cột ${columnLetter(index)}`;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    if (count > 1) header = `${header} (${count})`;
    return header;
  });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === 'object') {
      return result instanceof Date ? result : null;
    }
    return result as string | number | boolean;
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : '';
  }
  if ('error' in value) return null;
  return null;
}

/** A cell as text (for headers, error reports and free-text fields). Dates print as dd/MM/yyyy. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const d = String(cell.getUTCDate()).padStart(2, '0');
    const m = String(cell.getUTCMonth() + 1).padStart(2, '0');
    return `${d}/${m}/${cell.getUTCFullYear()}`;
  }
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  if (typeof cell === 'number') return String(cell);
  return cell;
}
