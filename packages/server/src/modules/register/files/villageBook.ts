import {
  addYears,
  CHILD_AGE_LIMIT,
  formatPlainDateVi,
  todayInVietnam,
  type FileResult,
  type PlainDate,
} from '@treem/shared';
import { sql } from 'kysely';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { writeAudit } from '../../../audit/audit.ts';
import { nationalHeader, renderPdf, type Place } from '../../../documents/pdf.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { Operator } from '../../../http/context.ts';
import { withinScope } from '../../access/scope.ts';
import { resolveVillage } from '../registerScope.ts';
import { formatBirthDate } from './export.service.ts';
import { ethnicityName, povertyVocabulary, sexVocabulary } from './importColumns.ts';

interface BookMember {
  id: string;
  household_id: string | null;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  birth_date_precision: 'day' | 'month' | 'year';
  personal_id: string | null;
  ethnicity_code: string;
  notes: string | null;
  circumstances: string[] | null;
}

interface BookHousehold {
  id: string;
  book_number: string | null;
  address: string;
  poverty_status: 'poor' | 'near_poor' | 'none';
  poverty_year: number | null;
  head_name: string | null;
}

/**
 * The household child book of a village (Sổ theo dõi trẻ em): a cover page, then one A4 page (more when long) per
 * household with children under 16 — the national header, the title with commune and village, the household and a
 * table of its children — and page numbers. Only what the caller may see is printed.
 */
export async function printVillageBook(
  ctx: Operator,
  villageId: string,
  options: { compress?: boolean } = {},
): Promise<FileResult> {
  const village = await resolveVillage(ctx.db, ctx.scope, villageId);
  const today = todayInVietnam();
  const childSince = addYears(today, -CHILD_AGE_LIMIT);
  const province = await ctx.db
    .selectFrom('org_unit')
    .select('full_name')
    .where('path', '=', village.path.split('.').slice(0, 2).join('.'))
    .executeTakeFirst();
  const children = (
    await sql<BookMember>`
      select p.id, p.household_id, p.full_name, p.sex, p.birth_date, p.birth_date_precision, p.personal_id,
             p.ethnicity_code, p.notes,
             (select array_agg(coalesce(ca.sub_group_code, ca.group_code) order by ca.group_code)
              from circumstance_assignment ca
              where ca.province_code = p.province_code and ca.person_id = p.id
                and ca.valid_from <= ${today} and (ca.valid_to is null or ca.valid_to >= ${today})) as circumstances
      from person p
      where p.province_code = ${village.provinceCode} and p.village_id = ${village.id} and p.status = 'active'
        and p.birth_date > ${childSince} and ${withinScope('p.org_path', ctx.scope)}
      order by p.birth_date, p.name_search, p.id`.execute(ctx.db)
  ).rows;
  const householdIds = [
    ...new Set(children.map((c) => c.household_id).filter((id): id is string => id !== null)),
  ];
  const households =
    householdIds.length === 0
      ? []
      : (
          await sql<BookHousehold>`
            select h.id, h.book_number, h.address, h.poverty_status, h.poverty_year, hp.full_name as head_name
            from household h
            left join person hp on hp.province_code = h.province_code and hp.id = h.head_person_id
            where h.province_code = ${village.provinceCode} and h.id = any(${householdIds}::uuid[])
              and ${withinScope('h.org_path', ctx.scope)}
            order by lpad(coalesce(h.book_number, ''), 20, '0'), h.address, h.id`.execute(ctx.db)
        ).rows;
  const byHousehold = new Map<string | null, BookMember[]>();
  const printed = new Set(households.map((h) => h.id));
  for (const child of children) {
    const key = child.household_id && printed.has(child.household_id) ? child.household_id : null;
    byHousehold.set(key, [...(byHousehold.get(key) ?? []), child]);
  }

  const place = {
    village: village.fullName,
    commune: village.communeName,
    province: province?.full_name ?? '',
  };
  const content: Content[] = [cover(place, today, households.length, children.length)];
  for (const household of households) {
    content.push(householdPage(place, household, byHousehold.get(household.id) ?? []));
  }
  const withoutHousehold = byHousehold.get(null);
  if (withoutHousehold) content.push(householdPage(place, null, withoutHousehold));

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    compress: options.compress ?? true,
    info: {
      title: `Sổ theo dõi trẻ em — ${village.fullName}, ${village.communeName}`,
      author: 'treem',
      subject: 'Sổ theo dõi trẻ em',
      creator: 'treem',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    footer: (currentPage: number, pageCount: number) => ({
      text: `${place.village}, ${place.commune} — Trang ${currentPage}/${pageCount}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center' },
      subtitle: { fontSize: 11, alignment: 'center' },
      tableHeader: { bold: true, fillColor: '#eeeeee' },
    },
  };
  const body = await renderPdf(definition);

  await inTransaction(ctx.db, (trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'register.book_printed',
      entityType: 'org_unit',
      entityId: village.id,
      orgPath: village.path,
      after: { households: households.length, children: children.length },
    }),
  );
  return {
    fileName: `Sổ theo dõi trẻ em - ${village.fullName} - ${village.communeName}.pdf`,
    contentType: 'application/pdf',
    body,
  };
}

function cover(place: Place, today: PlainDate, households: number, children: number): Content {
  return {
    stack: [
      nationalHeader(place),
      { text: 'SỔ THEO DÕI TRẺ EM', style: 'title', fontSize: 26, margin: [0, 150, 0, 20] },
      { text: `${place.village}`, style: 'subtitle', fontSize: 16, bold: true },
      { text: `${place.commune}, ${place.province}`, style: 'subtitle', fontSize: 13, margin: [0, 6, 0, 60] },
      {
        table: {
          widths: ['*', 'auto'],
          body: [
            ['Số hộ có trẻ em dưới 16 tuổi', { text: String(households), alignment: 'right' }],
            ['Số trẻ em dưới 16 tuổi', { text: String(children), alignment: 'right' }],
            ['Ngày in', { text: formatPlainDateVi(today), alignment: 'right' }],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [100, 0, 100, 80],
      },
      {
        columns: [
          { width: '50%', text: '' },
          {
            width: '50%',
            stack: [
              { text: 'NGƯỜI LẬP SỔ', bold: true },
              { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 },
            ],
            alignment: 'center',
          },
        ],
      },
    ],
  };
}

function householdPage(place: Place, household: BookHousehold | null, children: BookMember[]): Content {
  const poverty =
    household && household.poverty_status !== 'none'
      ? `${povertyVocabulary.label(household.poverty_status)}${household.poverty_year ? ` (${household.poverty_year})` : ''}`
      : 'Không';
  const facts: TableCell[][] = household
    ? [
        [
          { text: 'Số hộ', bold: true },
          household.book_number ?? '—',
          { text: 'Chủ hộ', bold: true },
          household.head_name ?? '—',
        ],
        [{ text: 'Địa chỉ', bold: true }, { text: household.address, colSpan: 3 }, '', ''],
        [{ text: 'Hộ nghèo/cận nghèo', bold: true }, { text: poverty, colSpan: 3 }, '', ''],
      ]
    : [
        [
          {
            text: 'Trẻ em không thuộc hộ gia đình nào của thôn (ví dụ đang ở cơ sở trợ giúp xã hội)',
            colSpan: 4,
          },
          '',
          '',
          '',
        ],
      ];
  const header = [
    'STT',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Số định danh',
    'Dân tộc',
    'HCĐB',
    'Ghi chú',
  ].map((text): TableCell => ({ text, style: 'tableHeader' }));
  const rows: TableCell[][] = children.map((child, index) => [
    String(index + 1),
    child.full_name,
    sexVocabulary.label(child.sex),
    formatBirthDate(child.birth_date, child.birth_date_precision),
    child.personal_id ?? '',
    ethnicityName.get(child.ethnicity_code) ?? child.ethnicity_code,
    (child.circumstances ?? []).map((c) => c.replace(/^dd/, 'đ')).join(', '),
    { text: shorten(child.notes), fontSize: 8 },
  ]);
  return {
    pageBreak: 'before',
    stack: [
      nationalHeader(place),
      { text: 'SỔ THEO DÕI TRẺ EM', style: 'title' },
      {
        text: `${place.village} — ${place.commune}, ${place.province}`,
        style: 'subtitle',
        margin: [0, 2, 0, 12],
      },
      { table: { widths: [110, '*', 50, '*'], body: facts }, margin: [0, 0, 0, 12] },
      { text: 'Trẻ em dưới 16 tuổi trong hộ', bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [22, '*', 38, 52, 70, 42, 34, 80],
          body: [header, ...rows],
        },
        fontSize: 9,
      },
    ],
  };
}

function shorten(text: string | null): string {
  if (!text) return '';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
