import {
  assertNever,
  ethnicities,
  specialCircumstanceGroups,
  type FileResult,
  type ImportField,
} from '@treem/shared';
import ExcelJS from 'exceljs';
import {
  disabilityTypeVocabulary,
  importColumns,
  isRequiredField,
  livingArrangementVocabulary,
  povertyVocabulary,
  relationshipVocabulary,
  sexVocabulary,
} from './importColumns.ts';
import { CATALOGUE_SHEET, columnLetter, GUIDE_SHEET, TEMPLATE_SHEET } from './importFile.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the template that get the drop-down lists (an official adds rows below as needed). */
const VALIDATED_ROWS = 20_000;

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** Columns whose cells must stay text: Excel would drop a personal ID's leading 0 or turn 05/03/2019 into a date. */
const textColumns: readonly ImportField[] = ['householdNumber', 'personalId', 'birthDate'];

const quotedList = (labels: readonly string[]) => `"${labels.join(',')}"`;

/** The drop-down list of a column, where the allowed values fit Excel's 255-character inline list. */
function listFor(field: ImportField): string | undefined {
  switch (field) {
    case 'sex':
      return quotedList(sexVocabulary.labels);
    case 'povertyStatus':
      return quotedList(povertyVocabulary.labels);
    case 'birthRegistered':
    case 'hasHealthInsurance':
      return quotedList(['Có', 'Không']);
    case 'relationshipToHead':
      return quotedList(relationshipVocabulary.labels.map((l) => l.replace(/,/g, '')));
    case 'livingArrangement':
      return quotedList(livingArrangementVocabulary.labels);
    case 'disability':
      return quotedList(disabilityTypeVocabulary.labels.map((l) => l.replace(/,/g, '')));
    case 'ethnicity':
      return `'${CATALOGUE_SHEET}'!$B$2:$B$${ethnicities.length + 1}`;
    case 'householdNumber':
    case 'village':
    case 'address':
    case 'headName':
    case 'fullName':
    case 'birthDate':
    case 'personalId':
    case 'motherName':
    case 'fatherName':
    case 'caregiverName':
    case 'schoolName':
    case 'circumstances':
    case 'notes':
      return undefined;
    default:
      return assertNever(field);
  }
}

/** Worksheet data validations: typed in exceljs's model but not in its declarations. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/**
 * The register template (Sổ theo dõi trẻ em): the data sheet with the Vietnamese headers in template order, a guide
 * sheet explaining every column, and the catalogue sheet (ethnic groups, special-circumstance codes) that the
 * drop-down lists read. treem reads this workbook back as it is.
 */
export async function buildImportTemplate(): Promise<FileResult> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'treem';
  workbook.created = new Date();

  const data = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = importColumns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = data.getRow(1);
  header.height = 45;
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  importColumns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = isRequiredField(column.field) ? requiredFill : headerFill;
    cell.note = `${isRequiredField(column.field) ? 'Bắt buộc. ' : ''}${column.guide}\nGiá trị: ${column.values}`;
    if (textColumns.includes(column.field)) data.getColumn(index + 1).numFmt = '@';
    const list = listFor(column.field);
    if (list) {
      const letter = columnLetter(index);
      (data as unknown as { dataValidations: DataValidations }).dataValidations.add(
        `${letter}2:${letter}${VALIDATED_ROWS + 1}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          // A warning, not a stop: the import also accepts the other spellings listed in the guide.
          errorStyle: 'warning',
          errorTitle: column.header,
          error: `Giá trị nên là một trong danh sách. ${column.values}`,
        },
      );
    }
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { key: 'header', width: 30 },
    { key: 'required', width: 10 },
    { key: 'guide', width: 70 },
    { key: 'values', width: 60 },
  ];
  guide.addRow(['HƯỚNG DẪN NHẬP SỔ THEO DÕI TRẺ EM']).font = { bold: true, size: 14 };
  for (const line of [
    `Mỗi dòng của sheet "${TEMPLATE_SHEET}" là một trẻ em. Các trẻ cùng hộ ghi cùng "Số hộ" và cùng thông tin hộ.`,
    'Dòng 1 là tiêu đề cột, không sửa. Có thể bỏ bớt cột không dùng, trừ các cột bắt buộc (tô màu cam).',
    'Tệp tự soạn có tiêu đề khác vẫn nhập được: treem đề xuất cách ghép cột, người nhập kiểm tra lại trước khi chạy.',
    'Treem kiểm tra toàn bộ tệp trước (không ghi gì), báo lỗi theo dòng và cột; chỉ ghi khi tệp không còn lỗi, và ghi tất cả hoặc không ghi dòng nào.',
    'Nhập lại cùng một tệp không tạo bản ghi trùng: trẻ đã có trong sổ được bỏ qua.',
  ]) {
    guide.addRow([line]);
  }
  guide.addRow([]);
  const tableHeader = guide.addRow(['Cột', 'Bắt buộc', 'Ý nghĩa', 'Giá trị hợp lệ']);
  tableHeader.font = { bold: true };
  tableHeader.eachCell((cell) => (cell.fill = headerFill));
  for (const column of importColumns) {
    const row = guide.addRow([
      column.header,
      isRequiredField(column.field) ? 'Có' : '',
      column.guide,
      column.values,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  const catalogue = workbook.addWorksheet(CATALOGUE_SHEET);
  catalogue.columns = [
    { header: 'Mã dân tộc', key: 'code', width: 12 },
    { header: 'Dân tộc', key: 'name', width: 20 },
    { header: '', key: 'gap', width: 4 },
    { header: 'Mã nhóm HCĐB', key: 'group', width: 14 },
    {
      header: 'Nhóm trẻ em có hoàn cảnh đặc biệt (Luật Trẻ em 2016, Điều 10; Nghị định 56/2017)',
      key: 'title',
      width: 110,
    },
  ];
  catalogue.getRow(1).font = { bold: true };
  ethnicities.forEach(([code, name], index) => {
    const row = catalogue.getRow(index + 2);
    row.getCell(1).value = code;
    row.getCell(2).value = name;
  });
  let line = 2;
  for (const group of specialCircumstanceGroups) {
    const row = catalogue.getRow(line++);
    row.getCell(4).value = group.code === 'dd' ? 'đ (dd)' : group.code;
    row.getCell(5).value = group.vi;
    row.font = { bold: true };
    for (const sub of group.subGroups as readonly { code: string; vi: string }[]) {
      const subRow = catalogue.getRow(line++);
      subRow.getCell(4).value = sub.code;
      subRow.getCell(5).value = `   ${sub.vi}`;
    }
  }

  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { fileName: 'Mẫu sổ theo dõi trẻ em.xlsx', contentType: XLSX_TYPE, body };
}
