// An action list as a spreadsheet, or as an A4 landscape PDF with the national header to print and take along on
// home visits (with an empty column to write in).
import {
  assertNever,
  formatPlainDateVi,
  immunizationSchedules,
  todayInVietnam,
  type ActionListItem,
  type ActionListKind,
  type FileResult,
  type GrowthClassification,
  type PlainDate,
} from '@treem/shared';
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/transaction.ts';
import { nationalHeader, renderPdf } from '../../documents/pdf.ts';
import { streamedWorkbook } from '../../documents/xlsx.ts';
import type { Operator } from '../../http/context.ts';
import { neutraliseFormula } from '../register/files/csv.ts';
import { XLSX_TYPE } from '../register/files/template.ts';
import { resolveListUnit, wholeActionList, type ListUnit } from './actionLists.ts';
import { schoolYearOf } from './records.service.ts';

const doseNames = new Map(immunizationSchedules.flatMap((s) => s.doses.map((d) => [d.id, d.vi] as const)));

export function actionListTitle(kind: ActionListKind, today: PlainDate, months: number): string {
  switch (kind) {
    case 'overdue_doses':
      return 'Danh sách trẻ em có mũi tiêm chủng quá hạn';
    case 'due_this_month':
      return `Danh sách trẻ em đến hẹn tiêm chủng tháng ${today.slice(5, 7)}/${today.slice(0, 4)}`;
    case 'malnourished_under5':
      return 'Danh sách trẻ em dưới 5 tuổi suy dinh dưỡng (lần cân đo gần nhất)';
    case 'not_measured_under2':
      return `Danh sách trẻ em dưới 2 tuổi chưa được cân đo trong ${months} tháng`;
    case 'not_in_preschool_5y':
      return `Danh sách trẻ em 5 tuổi chưa đi học mẫu giáo (năm học ${schoolYearOf(today)})`;
    case 'screening_follow_up':
      return 'Danh sách trẻ em cần theo dõi sau sàng lọc phát triển';
    default:
      return assertNever(kind);
  }
}

/** The heading of the column that says why the child is listed, and its text for one child. */
function reasonColumn(kind: ActionListKind): { since: string; detail: string | null } {
  switch (kind) {
    case 'overdue_doses':
      return { since: 'Quá hạn từ ngày', detail: 'Mũi tiêm quá hạn' };
    case 'due_this_month':
      return { since: 'Ngày đến hẹn', detail: 'Mũi tiêm đến hẹn' };
    case 'malnourished_under5':
      return { since: 'Ngày cân đo gần nhất', detail: 'Tình trạng dinh dưỡng' };
    case 'not_measured_under2':
      return { since: 'Lần cân đo gần nhất', detail: null };
    case 'not_in_preschool_5y':
      return { since: '', detail: null };
    case 'screening_follow_up':
      return { since: 'Ngày hẹn theo dõi', detail: null };
    default:
      return assertNever(kind);
  }
}

const severityText = { severe: 'nặng', moderate: 'vừa' } as const;

/** "Nhẹ cân (vừa); Thấp còi (nặng)": the bands of moderate or severe malnutrition. */
export function classificationText(c: GrowthClassification | null): string {
  if (!c) return '';
  const parts: string[] = [];
  const band = (label: string, value: GrowthClassification['underweight']) => {
    if (value === 'severe' || value === 'moderate') parts.push(`${label} (${severityText[value]})`);
  };
  band('Nhẹ cân', c.underweight);
  band('Thấp còi', c.stunting);
  band('Gầy còm', c.wasting);
  return parts.join('; ');
}

function rowValues(kind: ActionListKind, item: ActionListItem) {
  const detail =
    kind === 'malnourished_under5'
      ? classificationText(item.classification)
      : item.doseIds.map((id) => doseNames.get(id) ?? id).join('; ');
  return {
    fullName: item.fullName,
    sex: item.sex === 'male' ? 'Nam' : 'Nữ',
    birthDate: formatPlainDateVi(item.birthDate),
    village: item.villageName,
    head: item.householdHeadName ?? '',
    since: item.since ? formatPlainDateVi(item.since) : kind === 'not_measured_under2' ? 'Chưa cân đo' : '',
    detail,
  };
}

async function xlsx(kind: ActionListKind, title: string, unit: ListUnit, items: readonly ActionListItem[]) {
  const { workbook, finish } = streamedWorkbook();
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 3 }] });
  const reason = reasonColumn(kind);
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Họ và tên', width: 28 },
    { header: 'Giới tính', width: 9 },
    { header: 'Ngày sinh', width: 12 },
    { header: 'Thôn', width: 20 },
    { header: 'Chủ hộ', width: 24 },
    ...(reason.since ? [{ header: reason.since, width: 16 }] : []),
    ...(reason.detail ? [{ header: reason.detail, width: 40 }] : []),
  ];
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([title]).commit();
  sheet
    .addRow([
      `${unit.fullName}${unit.level === 'village' ? `, ${unit.communeName}` : ''}, ${unit.provinceName}`,
    ])
    .commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  items.forEach((item, index) => {
    const v = rowValues(kind, item);
    sheet
      .addRow(
        [
          String(index + 1),
          v.fullName,
          v.sex,
          v.birthDate,
          v.village,
          v.head,
          ...(reason.since ? [v.since] : []),
          ...(reason.detail ? [v.detail] : []),
        ].map(neutraliseFormula),
      )
      .commit();
  });
  sheet.commit();
  return finish();
}

async function pdf(
  kind: ActionListKind,
  title: string,
  unit: ListUnit,
  items: readonly ActionListItem[],
  today: PlainDate,
) {
  const reason = reasonColumn(kind);
  const headers = [
    'STT',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Thôn',
    'Chủ hộ',
    ...(reason.since ? [reason.since] : []),
    ...(reason.detail ? [reason.detail] : []),
    'Ghi chú',
  ];
  const widths: (number | string)[] = [
    24,
    '*',
    36,
    52,
    70,
    80,
    ...(reason.since ? [60] : []),
    ...(reason.detail ? ['*'] : []),
    70,
  ];
  const body: TableCell[][] = [
    headers.map((text): TableCell => ({ text, style: 'tableHeader' })),
    ...items.map((item, index) => {
      const v = rowValues(kind, item);
      return [
        String(index + 1),
        v.fullName,
        v.sex,
        v.birthDate,
        v.village,
        v.head,
        ...(reason.since ? [v.since] : []),
        ...(reason.detail ? [{ text: v.detail, fontSize: 8 }] : []),
        '',
      ];
    }),
  ];
  const place = `${unit.fullName}${unit.level === 'village' ? `, ${unit.communeName}` : ''}, ${unit.provinceName}`;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 40],
    info: { title, author: 'treem', subject: title, creator: 'treem' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (currentPage: number, pageCount: number) => ({
      text: `${title} — ${place} — Trang ${currentPage}/${pageCount}`,
      alignment: 'center',
      fontSize: 7,
      margin: [0, 15, 0, 0],
    }),
    content: [
      nationalHeader({ commune: unit.communeName, province: unit.provinceName }),
      { text: title.toUpperCase(), style: 'title' },
      { text: place, style: 'subtitle' },
      {
        text: `Tính đến ngày ${formatPlainDateVi(today)} — ${items.length} trẻ`,
        style: 'subtitle',
        margin: [0, 2, 0, 10],
      },
      items.length === 0
        ? { text: 'Không có trẻ nào trong danh sách.', italics: true }
        : { table: { headerRows: 1, dontBreakRows: true, widths, body } },
      {
        columns: [
          { width: '60%', text: '' },
          {
            width: '40%',
            stack: [
              { text: `Ngày ${formatPlainDateVi(today)}`, italics: true },
              { text: 'NGƯỜI LẬP DANH SÁCH', bold: true, margin: [0, 4, 0, 0] },
              { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 8 },
            ],
            alignment: 'center',
          },
        ],
        margin: [0, 20, 0, 0],
      },
    ],
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center' },
      subtitle: { fontSize: 10, alignment: 'center' },
      tableHeader: { bold: true, fillColor: '#eeeeee' },
    },
  };
  return renderPdf(definition);
}

/** The whole list of a unit in scope as XLSX or PDF; the export is audited. */
export async function exportActionList(
  ctx: Operator,
  kind: ActionListKind,
  query: { unitId: string; months: number; format: 'xlsx' | 'pdf' },
  options: { today?: PlainDate } = {},
): Promise<FileResult> {
  const today = options.today ?? todayInVietnam();
  const unit = await resolveListUnit(ctx.db, ctx.scope, query.unitId);
  const items = await wholeActionList(ctx.db, unit, kind, { months: query.months, today });
  const title = actionListTitle(kind, today, query.months);
  const body =
    query.format === 'xlsx'
      ? await xlsx(kind, title, unit, items)
      : await pdf(kind, title, unit, items, today);
  await inTransaction(ctx.db, (trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'ecd.action_list_exported',
      entityType: 'org_unit',
      entityId: unit.id,
      orgPath: unit.path,
      after: { kind, format: query.format, months: query.months, count: items.length },
    }),
  );
  return {
    fileName: `${title} - ${unit.fullName} - ${formatPlainDateVi(today).replace(/\//g, '-')}.${query.format}`,
    contentType: query.format === 'xlsx' ? XLSX_TYPE : 'application/pdf',
    body,
  };
}
