import {
  foldVietnamese,
  formatPlainDateVi,
  isPlainDate,
  normaliseName,
  type BirthDatePrecision,
  type DisabilityLevel,
  type DisabilityType,
  type ImportField,
  type ImportRowError,
  type LivingArrangement,
  type PlainDate,
  type PovertyStatus,
  type RelationshipToHead,
  type SexCode,
} from '@treem/shared';
import { checkPersonFacts, type PersonRuleCode } from '../personRules.ts';
import {
  circumstanceLookup,
  disabilityLevelVocabulary,
  disabilityTypeVocabulary,
  headerOf,
  livingArrangementVocabulary,
  ethnicityLookup,
  povertyVocabulary,
  relationshipVocabulary,
  sexVocabulary,
  yesNoVocabulary,
  type Vocabulary,
} from './importColumns.ts';
import { restoreFormulaText } from './csv.ts';
import { cellText, type Cell, type ImportSheet } from './importFile.ts';
import type { ImportMapping } from './importMapping.ts';

/** An open village of the commune the file is imported into. */
export interface ImportVillage {
  id: string;
  name: string;
  fullName: string;
  path: string;
}

export interface ImportContext {
  communeId: string;
  communeName: string;
  villages: readonly ImportVillage[];
  today: PlainDate;
}

/** A row that passed every check of its own: what the run writes. */
export interface ImportRow {
  row: number;
  householdKey: string;
  householdNumber: string;
  village: ImportVillage;
  address: string | null;
  povertyStatus: PovertyStatus | null;
  povertyYear: number | null;
  headName: string | null;
  /** Folded forms of the names, for matching persons by name inside a household. */
  headSearch: string | null;
  fullName: string;
  nameSearch: string;
  sex: SexCode;
  birthDate: PlainDate;
  birthDatePrecision: BirthDatePrecision;
  personalId: string | null;
  ethnicityCode: string;
  relationshipToHead: RelationshipToHead | null;
  motherName: string | null;
  fatherName: string | null;
  caregiverName: string | null;
  motherSearch: string | null;
  fatherSearch: string | null;
  caregiverSearch: string | null;
  birthRegistered: boolean | null;
  disabilityType: DisabilityType | null;
  disabilityLevel: DisabilityLevel | null;
  schoolName: string | null;
  hasHealthInsurance: boolean | null;
  healthInsuranceNumber: string | null;
  livingArrangement: LivingArrangement | null;
  circumstances: { groupCode: string; subGroupCode: string | null }[];
  notes: string | null;
}

/** A household as the file describes it (from its first row; later rows must agree). */
export interface FileHousehold {
  key: string;
  number: string;
  village: ImportVillage;
  address: string | null;
  povertyStatus: PovertyStatus | null;
  povertyYear: number | null;
  headName: string | null;
  headSearch: string | null;
  firstRow: number;
  rows: ImportRow[];
}

/** Most errors kept on the job (the count is always exact); a file with more is fixed a screen at a time. */
export const MAX_STORED_ERRORS = 10_000;

export class ErrorCollector {
  readonly errors: ImportRowError[] = [];
  count = 0;
  add(error: ImportRowError): void {
    this.count += 1;
    if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(error);
  }
}

export interface ReadResult {
  rows: ImportRow[];
  households: Map<string, FileHousehold>;
  totalRows: number;
}

const LIMITS = { fullName: 120, address: 300, notes: 2000, schoolName: 200, householdNumber: 20 } as const;

/**
 * Checks every row of the sheet on its own and against the other rows of the file (no database): required cells,
 * dates, sex, village, personal ID against sex and date of birth, ethnicity, vocabularies, circumstance codes, one
 * household described alike on all its rows, the same child or personal ID twice. Rows with an error are reported
 * and left out of the result.
 */
export function readImportRows(
  sheet: ImportSheet,
  mapping: ImportMapping,
  context: ImportContext,
  errors: ErrorCollector,
  onProgress?: (rows: number) => void,
): ReadResult {
  const reader = new RowReader(sheet.headers, mapping, context);
  const rows: ImportRow[] = [];
  const households = new Map<string, FileHousehold>();
  const byPersonalId = new Map<string, number>();
  const byPerson = new Map<string, number>();
  let totalRows = 0;
  for (const sheetRow of sheet.rows()) {
    totalRows += 1;
    if (onProgress && totalRows % 10_000 === 0) onProgress(totalRows);
    const before = errors.count;
    const record = reader.read(sheetRow.row, sheetRow.cells, errors);
    if (!record || errors.count > before) continue;

    let household = households.get(record.householdKey);
    if (household && !reader.agreesWithHousehold(household, record, sheetRow.cells, errors)) continue;

    if (record.personalId) {
      const first = byPersonalId.get(record.personalId);
      if (first !== undefined) {
        reader.error(
          errors,
          record.row,
          'personalId',
          sheetRow.cells,
          'duplicate_personal_id_in_file',
          `Số định danh trùng với dòng ${first}.`,
        );
        continue;
      }
    }
    const personKey = `${record.householdKey}|${record.nameSearch}|${record.birthDate}`;
    const firstSame = byPerson.get(personKey);
    if (firstSame !== undefined) {
      reader.error(
        errors,
        record.row,
        'fullName',
        sheetRow.cells,
        'duplicate_in_file',
        `Trẻ này đã có ở dòng ${firstSame} (cùng hộ, cùng họ tên và ngày sinh).`,
      );
      continue;
    }
    if (record.personalId) byPersonalId.set(record.personalId, record.row);
    byPerson.set(personKey, record.row);

    if (!household) {
      household = {
        key: record.householdKey,
        number: record.householdNumber,
        village: record.village,
        address: record.address,
        povertyStatus: record.povertyStatus,
        povertyYear: record.povertyYear,
        headName: record.headName,
        headSearch: record.headSearch,
        firstRow: record.row,
        rows: [],
      };
      households.set(record.householdKey, household);
    }
    household.rows.push(record);
    rows.push(record);
  }
  onProgress?.(totalRows);
  return { rows, households, totalRows };
}

const villagePrefixes = [
  'thon',
  'to dan pho',
  'to',
  'xom',
  'ap',
  'ban',
  'khu pho',
  'khom',
  'buon',
  'plei',
  'soc',
  'khu',
  'lang',
];

/** Reads the cells of one row into a record, reporting each bad cell. */
class RowReader {
  private readonly index = new Map<ImportField, number>();
  private readonly villageByKey = new Map<string, ImportVillage>();
  /** Household-level cells repeat on every member's row: fold each distinct text once. */
  private readonly foldCache = new Map<string, string>();

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: ImportMapping,
    private readonly context: ImportContext,
  ) {
    for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
      const at = headers.indexOf(header);
      if (at !== -1) this.index.set(field, at);
    }
    for (const village of context.villages) {
      this.villageByKey.set(foldVietnamese(village.name), village);
      this.villageByKey.set(foldVietnamese(village.fullName), village);
    }
  }

  private fold(text: string): string {
    let folded = this.foldCache.get(text);
    if (folded === undefined) {
      folded = foldVietnamese(text);
      if (this.foldCache.size < 100_000) this.foldCache.set(text, folded);
    }
    return folded;
  }

  private cell(cells: readonly Cell[], field: ImportField): Cell {
    const at = this.index.get(field);
    if (at === undefined) return null;
    const value = cells[at];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      const trimmed = restoreFormulaText(value.trim());
      return trimmed === '' ? null : trimmed;
    }
    return value;
  }

  private text(cells: readonly Cell[], field: ImportField): string | null {
    const value = this.cell(cells, field);
    return value === null ? null : cellText(value).normalize('NFC').trim() || null;
  }

  /** The column an error is reported under: the file's header, or the template's when the field is not mapped. */
  private column(field: ImportField): string {
    return this.mapping[field] ?? headerOf(field);
  }

  error(
    errors: ErrorCollector,
    row: number,
    field: ImportField,
    cells: readonly Cell[],
    code: string,
    message: string,
  ): void {
    const value = this.cell(cells, field);
    errors.add({
      row,
      column: this.column(field),
      code,
      message,
      value: value === null ? null : cellText(value).slice(0, 200),
    });
  }

  // The row being read: kept on the reader rather than captured in closures, which a million rows would allocate.
  private row = 0;
  private cells: readonly Cell[] = [];
  private errors: ErrorCollector = new ErrorCollector();

  private fail(field: ImportField, code: string, message: string): void {
    this.error(this.errors, this.row, field, this.cells, code, message);
  }

  private required(field: ImportField): Cell {
    const value = this.cell(this.cells, field);
    if (value === null)
      this.fail(field, 'required', `Ô «${this.column(field)}» đang trống; cột này bắt buộc.`);
    return value;
  }

  private limited(field: keyof typeof LIMITS, text: string | null): string | null {
    if (text !== null && text.length > LIMITS[field]) {
      this.fail(field, 'too_long', `Quá ${LIMITS[field]} ký tự (đang có ${text.length}).`);
      return null;
    }
    return text;
  }

  private name(field: ImportField): string | null {
    const raw = this.text(this.cells, field);
    if (raw === null) return null;
    const value = normaliseName(raw);
    if (!/\p{L}/u.test(value)) {
      this.fail(field, 'invalid_name', `«${value}» không phải là họ tên.`);
      return null;
    }
    if (value.length > LIMITS.fullName) {
      this.fail(field, 'too_long', `Quá ${LIMITS.fullName} ký tự (đang có ${value.length}).`);
      return null;
    }
    return value;
  }

  private fromVocabulary<T>(field: ImportField, vocabulary: Vocabulary<T>, code: string): T | null {
    const raw = this.text(this.cells, field);
    if (raw === null) return null;
    const value = vocabulary.lookup.get(this.fold(raw));
    if (value === undefined) {
      this.fail(field, code, `«${raw}» không hợp lệ; ghi một trong: ${vocabulary.labels.join(', ')}.`);
      return null;
    }
    return value;
  }

  /** A name folded for matching; names repeat on a household's rows, so folds are cached. */
  foldName(name: string | null): string | null {
    return name === null ? null : this.fold(name);
  }

  read(row: number, cells: readonly Cell[], errors: ErrorCollector): ImportRow | undefined {
    this.row = row;
    this.cells = cells;
    this.errors = errors;
    // Household
    const numberCell = this.required('householdNumber');
    const villageCell = this.required('village');
    const householdNumber =
      numberCell === null ? null : this.limited('householdNumber', normaliseName(cellText(numberCell)));
    let village: ImportVillage | undefined;
    if (villageCell !== null) {
      const text = cellText(villageCell);
      village = this.findVillage(text);
      if (!village) {
        this.fail(
          'village',
          'unknown_village',
          `Xã ${this.context.communeName} không có thôn/tổ dân phố «${text}» đang hoạt động.`,
        );
      }
    }
    const address = this.limited('address', this.text(cells, 'address'));
    const poverty = this.poverty(cells);
    const headName = this.name('headName');

    // Person
    const fullNameCell = this.required('fullName');
    const fullName = fullNameCell === null ? null : this.name('fullName');
    const sexCell = this.required('sex');
    const sex = sexCell === null ? null : this.fromVocabulary('sex', sexVocabulary, 'invalid_sex');
    const birthCell = this.required('birthDate');
    let birth: { date: PlainDate; precision: BirthDatePrecision } | null = null;
    if (birthCell !== null) {
      birth = parseBirthDate(birthCell);
      if (!birth) {
        this.fail(
          'birthDate',
          'invalid_date',
          `Ngày sinh «${cellText(birthCell)}» không đọc được; ghi dd/MM/yyyy (ví dụ 25/03/2019), MM/yyyy hoặc yyyy.`,
        );
      }
    }
    const personalId = this.personalId(cells);
    const ethnicityText = this.text(cells, 'ethnicity');
    let ethnicityCode = '01';
    if (ethnicityText !== null) {
      const code = ethnicityLookup.get(this.fold(ethnicityText).replace(/ /g, ''));
      if (code) ethnicityCode = code;
      else {
        this.fail(
          'ethnicity',
          'unknown_ethnicity',
          `Không có dân tộc «${ethnicityText}» trong danh mục 54 dân tộc.`,
        );
      }
    }
    const relationshipToHead = this.fromVocabulary(
      'relationshipToHead',
      relationshipVocabulary,
      'invalid_relationship',
    );
    const motherName = this.name('motherName');
    const fatherName = this.name('fatherName');
    const caregiverName = this.name('caregiverName');
    const birthRegistered = this.yesNo(cells, 'birthRegistered');
    const disability = this.disability(cells);
    const schoolName = this.limited('schoolName', this.text(cells, 'schoolName'));
    const insurance = this.healthInsurance(cells);
    const livingArrangement = this.fromVocabulary(
      'livingArrangement',
      livingArrangementVocabulary,
      'invalid_living_arrangement',
    );
    const circumstances = this.circumstances(cells);
    const notes = this.limited('notes', this.text(cells, 'notes'));

    if (sex && birth) {
      for (const problem of checkPersonFacts({
        sex,
        birthDate: birth.date,
        birthDatePrecision: birth.precision,
        personalId,
        today: this.context.today,
      })) {
        const field: ImportField = problem.field === 'personalId' ? 'personalId' : 'birthDate';
        this.fail(field, problem.code, ruleMessage(problem.code, { sex, birthDate: birth.date }));
      }
    }

    if (
      householdNumber === null ||
      !village ||
      fullName === null ||
      sex === null ||
      birth === null ||
      poverty === undefined
    ) {
      return undefined;
    }
    return {
      row,
      householdKey: householdKeyFromFolded(this.context.communeId, this.fold(householdNumber)),
      householdNumber,
      village,
      address,
      povertyStatus: poverty.status,
      povertyYear: poverty.year,
      headName,
      headSearch: this.foldName(headName),
      fullName,
      nameSearch: foldVietnamese(fullName),
      sex,
      birthDate: birth.date,
      birthDatePrecision: birth.precision,
      personalId,
      ethnicityCode,
      relationshipToHead,
      motherName,
      fatherName,
      caregiverName,
      motherSearch: this.foldName(motherName),
      fatherSearch: this.foldName(fatherName),
      caregiverSearch: this.foldName(caregiverName),
      birthRegistered,
      disabilityType: disability?.type ?? null,
      disabilityLevel: disability?.level ?? null,
      schoolName,
      hasHealthInsurance: insurance.has,
      healthInsuranceNumber: insurance.number,
      livingArrangement,
      circumstances,
      notes,
    };
  }

  /** Later rows of a household must not contradict its first row (village, address, poverty, head). */
  agreesWithHousehold(
    household: FileHousehold,
    record: ImportRow,
    cells: readonly Cell[],
    errors: ErrorCollector,
  ): boolean {
    const conflict = (field: ImportField, label: string, first: string) => {
      this.error(
        errors,
        record.row,
        field,
        cells,
        'household_inconsistent',
        `Hộ số ${household.number} đã ghi ${label} là «${first}» ở dòng ${household.firstRow}; các dòng của một hộ phải ghi giống nhau.`,
      );
      return false;
    };
    if (record.village.id !== household.village.id)
      return conflict('village', 'thôn/tổ dân phố', household.village.name);
    if (record.address && household.address && record.address !== household.address) {
      return conflict('address', 'địa chỉ', household.address);
    }
    if (record.povertyStatus && household.povertyStatus && record.povertyStatus !== household.povertyStatus) {
      return conflict('povertyStatus', 'diện hộ', povertyVocabulary.label(household.povertyStatus));
    }
    if (
      record.headName &&
      household.headName &&
      this.fold(record.headName) !== this.fold(household.headName)
    ) {
      return conflict('headName', 'chủ hộ', household.headName);
    }
    household.address ??= record.address;
    household.povertyStatus ??= record.povertyStatus;
    household.povertyYear ??= record.povertyYear;
    if (!household.headName) {
      household.headName = record.headName;
      household.headSearch = record.headSearch;
    }
    return true;
  }

  private findVillage(text: string): ImportVillage | undefined {
    const key = this.fold(text);
    const direct = this.villageByKey.get(key);
    if (direct) return direct;
    for (const prefix of villagePrefixes) {
      if (key.startsWith(`${prefix} `)) {
        const found = this.villageByKey.get(key.slice(prefix.length + 1));
        if (found) return found;
      }
    }
    return undefined;
  }

  private poverty(cells: readonly Cell[]): { status: PovertyStatus | null; year: number | null } | undefined {
    const raw = this.text(cells, 'povertyStatus');
    if (raw === null) return { status: null, year: null };
    const yearMatch = /\b(20\d{2})\b/.exec(raw);
    const withoutYear = this.fold(raw.replace(/\b20\d{2}\b/, '').replace(/\bnăm\b/i, ''));
    const status = withoutYear === '' ? undefined : povertyVocabulary.lookup.get(withoutYear);
    if (status === undefined) {
      this.fail(
        'povertyStatus',
        'invalid_poverty_status',
        `«${raw}» không hợp lệ; ghi Hộ nghèo, Hộ cận nghèo hoặc Không (có thể kèm năm, ví dụ Hộ nghèo 2025).`,
      );
      return undefined;
    }
    return { status, year: yearMatch && status !== 'none' ? Number(yearMatch[1]) : null };
  }

  private personalId(cells: readonly Cell[]) {
    const value = this.cell(cells, 'personalId');
    if (value === null) return null;
    let text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : cellText(value);
    // Spreadsheets show long numbers in groups and drop the leading zero of a number cell; a personal ID always
    // starts with 0, so 11 digits are a 12-digit ID that lost it.
    text = text.replace(/^'/, '').replace(/[\s.-]/g, '');
    if (/^\d{11}$/.test(text)) text = `0${text}`;
    if (!/^\d{12}$/.test(text)) {
      this.fail(
        'personalId',
        'personal_id_format',
        `Số định danh «${cellText(value)}» phải gồm đúng 12 chữ số.`,
      );
      return null;
    }
    return text;
  }

  private yesNo(cells: readonly Cell[], field: ImportField): boolean | null {
    const value = this.cell(cells, field);
    if (value === null) return null;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
    const text = cellText(value);
    if (/^[✓✔☑]$/.test(text)) return true;
    const answer = yesNoVocabulary.lookup.get(this.fold(text));
    if (answer === undefined) {
      this.fail(
        field,
        'invalid_yes_no',
        `«${text}» không hợp lệ; ghi Có hoặc Không (hoặc x), để trống nếu chưa rõ.`,
      );
      return null;
    }
    return answer === 'yes';
  }

  private healthInsurance(cells: readonly Cell[]) {
    const text = this.text(cells, 'hasHealthInsurance');
    // A card number (two letters and digits, e.g. TE1010123456789) in place of "Có".
    if (text !== null && /^[A-Za-z]{2}\d{8,13}$/.test(text.replace(/\s/g, ''))) {
      return { has: true, number: text.replace(/\s/g, '').toUpperCase() };
    }
    return { has: this.yesNo(cells, 'hasHealthInsurance'), number: null };
  }

  private disability(cells: readonly Cell[]): { type: DisabilityType; level: DisabilityLevel | null } | null {
    const raw = this.text(cells, 'disability');
    if (raw === null) return null;
    const folded = this.fold(raw);
    if (yesNoVocabulary.lookup.get(folded) === 'no') return null;
    const direct = disabilityTypeVocabulary.lookup.get(folded);
    if (direct) return { type: direct, level: null };
    // "Vận động (nặng)", "Vận động - nặng", "Vận động, mức độ nặng", "Vận động nặng"
    for (const level of ['dac biet nang', 'nang', 'nhe']) {
      const match = new RegExp(`^(.*?)\\s*(?:muc do\\s+)?${level}$`).exec(folded);
      if (!match) continue;
      const type = disabilityTypeVocabulary.lookup.get(match[1]!.trim() || 'co');
      if (type) return { type, level: disabilityLevelVocabulary.lookup.get(level) ?? null };
    }
    this.fail(
      'disability',
      'invalid_disability',
      `«${raw}» không hợp lệ; ghi một dạng khuyết tật (${disabilityTypeVocabulary.labels.join(', ')}), có thể kèm mức độ trong ngoặc, ví dụ Vận động (nặng).`,
    );
    return null;
  }

  private circumstances(cells: readonly Cell[]) {
    const raw = this.text(cells, 'circumstances');
    if (raw === null) return [];
    const found = new Map<string, { groupCode: string; subGroupCode: string | null }>();
    const unknown: string[] = [];
    for (const token of raw.split(/[,;/\s]+/)) {
      const code = token
        .toLowerCase()
        .replace(/đ/g, 'dd')
        .replace(/[^a-z0-9]/g, '');
      if (code === '') continue;
      const entry = circumstanceLookup.get(code);
      if (entry) found.set(`${entry.groupCode}|${entry.subGroupCode ?? ''}`, entry);
      else unknown.push(token);
    }
    if (unknown.length > 0) {
      this.fail(
        'circumstances',
        'unknown_circumstance',
        `Mã nhóm hoàn cảnh đặc biệt không có: ${unknown.join(', ')}; dùng a, b, c, d, đ, e, g, h, i, k, l, m, n, o hoặc mã nhóm nhỏ như a1, c12.`,
      );
      return [];
    }
    // A group named together with one of its sub-groups is that sub-group.
    const entries = [...found.values()];
    return entries.filter(
      (e) =>
        e.subGroupCode !== null ||
        !entries.some((o) => o.groupCode === e.groupCode && o.subGroupCode !== null),
    );
  }
}

/** `<communeId>:<household number folded>`; "012" and "12" are the same household. */
export function householdKeyOf(communeId: string, householdNumber: string): string {
  return householdKeyFromFolded(communeId, foldVietnamese(householdNumber));
}

function householdKeyFromFolded(communeId: string, folded: string): string {
  return `${communeId}:${/^\d+$/.test(folded) ? String(Number(folded)) : folded}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date of birth from a cell: dd/MM/yyyy or d/M/yyyy (also with - or .), yyyy-MM-dd, an Excel date cell or serial,
 * MM/yyyy (month known) or yyyy (year known), the partial ones stored as the 1st of the month or 1 January.
 */
export function parseBirthDate(cell: Cell): { date: PlainDate; precision: BirthDatePrecision } | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return day(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100)
      return { date: `${cell}-01-01`, precision: 'year' };
    if (cell < 61 || cell > 2_958_465) return null;
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000);
    return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const text = cell.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return day(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) return null;
    return { date: `${match[2]}-${String(month).padStart(2, '0')}-01`, precision: 'month' };
  }
  match = /^(\d{4})$/.exec(text);
  if (match) return { date: `${match[1]}-01-01`, precision: 'year' };
  return null;
}

function day(year: number, month: number, dayOfMonth: number): { date: PlainDate; precision: 'day' } | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  return isPlainDate(date) ? { date, precision: 'day' } : null;
}

function ruleMessage(code: PersonRuleCode, facts: { sex: SexCode; birthDate: PlainDate }): string {
  const sex = facts.sex === 'male' ? 'Nam' : 'Nữ';
  switch (code) {
    case 'birth_date_in_future':
      return 'Ngày sinh sau ngày hôm nay.';
    case 'birth_date_too_old':
      return 'Ngày sinh trước năm 1900.';
    case 'birth_date_not_first_of_period':
      return 'Ngày sinh chỉ biết tháng hoặc năm phải ghi là MM/yyyy hoặc yyyy.';
    case 'personal_id_format':
      return 'Số định danh phải gồm 12 chữ số và bắt đầu bằng 0.';
    case 'personal_id_province':
      return 'Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố nào.';
    case 'personal_id_sex_mismatch':
      return `Chữ số thứ tư của số định danh không khớp giới tính ${sex}.`;
    case 'personal_id_birth_year_mismatch':
      return `Năm sinh trong số định danh khác năm sinh ${formatPlainDateVi(facts.birthDate).slice(-4)}.`;
    case 'birth_registration_before_birth':
      return 'Ngày đăng ký khai sinh trước ngày sinh.';
    case 'birth_registration_in_future':
      return 'Ngày đăng ký khai sinh sau ngày hôm nay.';
    case 'death_before_birth':
      return 'Ngày mất trước ngày sinh.';
    case 'death_in_future':
      return 'Ngày mất sau ngày hôm nay.';
    default: {
      const unknown: never = code;
      return String(unknown);
    }
  }
}
