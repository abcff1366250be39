import {
  AppError,
  disaggregationValueNames,
  ecdDomains,
  formatPlainDateVi,
  parsePeriod,
  periodLabel,
  type Condition,
  type Disaggregation,
  type FileResult,
  type IndicatorLineage,
  type IndicatorLineageExportQuery,
  type IndicatorLineageQuery,
  type LineageChild,
  type LineagePart,
} from '@treem/shared';
import { sql, type RawBuilder } from 'kysely';
import { appendAudit } from '../../audit/audit.ts';
import type { Operator } from '../../http/context.ts';
import { caseVisibleTo } from '../cases/caseAccess.ts';
import { streamedWorkbook } from '../../documents/xlsx.ts';
import { csvField, neutraliseFormula } from '../register/files/csv.ts';
import { XLSX_TYPE } from '../register/files/template.ts';
import {
  dimensionExpression,
  indicatorConditions,
  populationQuery,
  type ComputedIndicator,
} from './engine.ts';
import { assertFactsReach, refreshIndicatorFacts } from './factTable.ts';
import { factSource } from './facts.ts';
import { indicatorOrThrow, resolveUnit } from './indicators.service.ts';

/**
 * The children behind a computed number (docs/indicators.md, "Lineage"): the same population, facts and
 * conditions as the engine's count, so the list of a cell has exactly as many children as its numerator (or
 * denominator). For indicators read from protection cases, a child is listed only to a reader who may see one of
 * the child's cases; the others are counted in `hidden`.
 */

type Filters = Omit<IndicatorLineageQuery, 'unitId' | 'period' | 'part' | 'page' | 'pageSize'>;

const filterDimensions: Record<string, Disaggregation> = {
  sex: 'sex',
  ageGroup: 'age_group',
  ethnicityGroup: 'ethnicity_group',
  ethnicity: 'ethnicity',
  residence: 'residence',
  disability: 'disability',
  circumstanceGroup: 'circumstance_group',
};

interface LineageRow {
  id: string;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  age_m: number;
  village_name: string;
  commune_name: string;
  in_numerator: boolean;
  source: Record<string, unknown> | null;
}

function computedOrThrow(code: string): ComputedIndicator {
  const indicator = indicatorOrThrow(code);
  if (indicator.kind !== 'computed') throw new AppError('INDICATOR_NOT_COMPUTED');
  return indicator;
}

/** The fact whose record explains why a child is counted: the numerator's, else the denominator's. */
function explainingFact(indicator: ComputedIndicator): Condition | null {
  return indicator.computed.numerator[0] ?? indicator.computed.denominator[0] ?? null;
}

async function lineageQuery(
  ctx: Operator,
  code: string,
  query: { unitId: string; period: string; part: LineagePart } & Filters,
) {
  const indicator = computedOrThrow(code);
  const period = parsePeriod(query.period);
  if (!indicator.periodTypes.includes(period.type)) throw new AppError('PERIOD_TYPE_NOT_ALLOWED');
  const filters: { dimension: Disaggregation; value: string }[] = [];
  for (const [key, dimension] of Object.entries(filterDimensions)) {
    const value = query[key as keyof Filters];
    if (value === undefined) continue;
    if (!indicator.disaggregations.includes(dimension))
      throw new AppError('DISAGGREGATION_NOT_ALLOWED', { disaggregation: dimension });
    filters.push({ dimension, value });
  }
  const unit = await resolveUnit(ctx.db, ctx.scope, query.unitId);
  const request = {
    provinceCode: unit.provinceCode,
    unitPath: unit.path,
    period,
    indicators: [indicator],
    by: filters.map((f) => f.dimension),
  };
  const fact = explainingFact(indicator);
  assertFactsReach(period);
  await refreshIndicatorFacts(ctx.db, unit.provinceCode);
  const { cte, joins, params } = populationQuery(request, {
    explain: { fact, population: indicator.computed.population },
  });
  const condition = indicatorConditions(indicator, params);
  const part = query.part;
  const where: RawBuilder<boolean>[] = [condition.population, condition.denominator];
  if (part === 'numerator') where.push(condition.numerator);
  for (const filter of filters)
    where.push(sql<boolean>`${dimensionExpression(filter.dimension)} = ${filter.value}`);
  const hidden = indicator.computed.confidential
    ? sql<boolean>`(${condition.numerator}
        and exists (select 1 from protection_case pc_any
                     where pc_any.province_code = ${unit.provinceCode} and pc_any.person_id = c.id)
        and not exists (select 1 from protection_case pc_seen
                         where pc_seen.province_code = ${unit.provinceCode} and pc_seen.person_id = c.id
                           and ${caseVisibleTo(ctx.scope, 'pc_seen')}))`
    : sql<boolean>`false`;
  const source = fact ? factSource(fact) : null;
  const base = sql`
    with ${cte}
    select c.id, c.full_name, c.sex, c.birth_date, c.age_m, c.name_search,
           coalesce(lineage_village.name, '') as village_name, coalesce(lineage_commune.name, '') as commune_name,
           ${condition.numerator} as in_numerator, ${hidden} as hidden,
           ${source ? sql`to_jsonb(${sql.raw(source)})` : sql`null::jsonb`} as source
    from c ${joins}
    left join org_unit lineage_village on lineage_village.id = c.village_id
    left join org_unit lineage_commune on lineage_commune.id = lineage_village.parent_id
    where ${sql.join(where, sql` and `)}`;
  return { indicator, unit, base, fact };
}

function detailOf(fact: Condition | null, source: Record<string, unknown> | null): string | null {
  if (!fact || !source) return null;
  const z = (value: unknown) =>
    typeof value === 'number' ? value.toLocaleString('vi-VN', { maximumFractionDigits: 2 }) : '—';
  const date = (value: unknown) => (typeof value === 'string' ? formatPlainDateVi(value.slice(0, 10)) : '');
  switch (fact.fact) {
    case 'latest_measurement':
    case 'latest_measurement_class': {
      const alias = { underweight: 'uw', stunting: 'st', wasting: 'wa', overweight: 'ow' }[
        fact.classification
      ];
      const label = { underweight: 'CN/T', stunting: 'CC/T', wasting: 'CN/CC', overweight: 'CN/CC' }[
        fact.classification
      ];
      return `Z-score ${label} ${z(source[`${alias}_z`])} (${date(source[`${alias}_on`])})`;
    }
    case 'latest_screening':
    case 'latest_screening_on_track':
      return `Sàng lọc ${date(source.screened_on)}: ${source.result === 'on_track' ? 'phát triển phù hợp' : 'cần theo dõi'}`;
    case 'special_circumstance':
      return Array.isArray(source.groups) ? `Nhóm ${source.groups.join(', ')}` : null;
    case 'enrolled': {
      const levels = {
        lv_nursery: 'nhà trẻ',
        lv_kindergarten: 'mẫu giáo',
        lv_primary: 'tiểu học',
        lv_lower_secondary: 'THCS',
      };
      const names = Object.entries(levels).flatMap(([column, name]) =>
        source[column] === true ? [name] : [],
      );
      return names.length ? `Đang học ${names.join(', ')}` : null;
    }
    case 'ecd_reached': {
      const domains = ecdDomains.flatMap((domain) =>
        source[`d_${domain.code}`] === true ? [domain.vi] : [],
      );
      return domains.length ? `Đã nhận dịch vụ: ${domains.join(', ')}` : null;
    }
    case 'at_risk':
    case 'birth_registered':
    case 'birth_registration_known':
    case 'case_managed':
    case 'disability':
    case 'doses_due_given':
    case 'fully_immunized_under_1':
    case 'health_insurance':
    case 'protection_case_received':
    case 'supported':
      // The fact itself is the reason; a case's or a dose's details belong on the child's page.
      return null;
  }
}

function toChild(row: LineageRow, fact: Condition | null): LineageChild {
  return {
    personId: row.id,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    ageMonths: Number(row.age_m),
    communeName: row.commune_name,
    villageName: row.village_name,
    inNumerator: row.in_numerator,
    detail: detailOf(fact, row.source),
  };
}

export async function indicatorLineage(
  ctx: Operator,
  code: string,
  query: IndicatorLineageQuery & { page: number; pageSize: number; part: LineagePart },
): Promise<IndicatorLineage> {
  const { indicator, unit, base, fact } = await lineageQuery(ctx, code, query);
  const counted = await sql<{ total: string; hidden: string }>`
    select count(*) filter (where not x.hidden) as total, count(*) filter (where x.hidden) as hidden
    from (${base}) x`.execute(ctx.db);
  const rows = await sql<LineageRow>`
    select * from (${base}) x where not x.hidden
    order by x.name_search, x.birth_date, x.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(ctx.db);
  await appendAudit(ctx.db, ctx.actor, {
    action: 'indicator.lineage_read',
    entityType: 'indicator',
    entityId: null,
    orgPath: unit.path,
    after: { code: indicator.code, period: query.period, part: query.part, page: query.page },
  });
  return {
    code: indicator.code,
    unit: { id: unit.id, name: unit.name, level: unit.level, path: unit.path },
    part: query.part,
    items: rows.rows.map((row) => toChild(row, fact)),
    total: Number(counted.rows[0]?.total ?? 0),
    hidden: Number(counted.rows[0]?.hidden ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The same list as a spreadsheet (or CSV) to work from. */
export async function exportIndicatorLineage(
  ctx: Operator,
  code: string,
  query: IndicatorLineageExportQuery & { part: LineagePart; format: 'xlsx' | 'csv' },
): Promise<FileResult> {
  const { indicator, unit, base, fact } = await lineageQuery(ctx, code, query);
  const rows = await sql<LineageRow>`
    select * from (${base}) x where not x.hidden
    order by x.commune_name, x.village_name, x.name_search, x.birth_date, x.id`.execute(ctx.db);
  const header = [
    'STT',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Tuổi (tháng)',
    'Xã/phường',
    'Thôn/tổ',
    'Thuộc tử số',
    'Căn cứ',
  ];
  const sexNames = disaggregationValueNames.sex!;
  const lines = rows.rows.map((row, index) => {
    const child = toChild(row, fact);
    return [
      String(index + 1),
      child.fullName,
      sexNames[child.sex]!.vi,
      formatPlainDateVi(child.birthDate),
      String(child.ageMonths),
      child.communeName,
      child.villageName,
      child.inNumerator ? 'Có' : 'Không',
      child.detail ?? '',
    ];
  });
  await appendAudit(ctx.db, ctx.actor, {
    action: 'indicator.lineage_exported',
    entityType: 'indicator',
    entityId: null,
    orgPath: unit.path,
    after: { code: indicator.code, period: query.period, part: query.part, rows: lines.length },
  });
  const baseName = `chi-tieu-${indicator.code}-${query.period}-${query.part === 'numerator' ? 'tu-so' : 'mau-so'}`;
  const title = `${indicator.name.vi} — ${periodLabel(query.period)} — ${query.part === 'numerator' ? 'tử số' : 'mẫu số'}`;
  if (query.format === 'csv') {
    const text = [header, ...lines]
      .map((line) => line.map((cell) => csvField(neutraliseFormula(cell))).join(','))
      .join('\r\n');
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: new Uint8Array(Buffer.from(`\uFEFF${text}\r\n`, 'utf8')),
    };
  }
  const { workbook, finish } = streamedWorkbook();
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [6, 28, 9, 12, 10, 22, 22, 11, 40].map((width) => ({ width }));
  sheet.addRow([title]).commit();
  sheet.addRow([unit.name]).commit();
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const line of lines) sheet.addRow(line.map(neutraliseFormula)).commit();
  sheet.commit();
  const body = await finish();
  return { fileName: `${baseName}.xlsx`, contentType: XLSX_TYPE, body };
}
