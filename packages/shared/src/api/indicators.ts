import { z } from 'zod';
import {
  Disaggregation,
  IndicatorKind,
  IndicatorUnit,
  Direction,
  IndicatorGroup,
} from '../domain/indicators/types.ts';
import { PeriodCode, PeriodType } from '../domain/indicators/periods.ts';
import { indicatorStatuses } from '../domain/indicators/status.ts';
import { OrgLevel, Sector } from '../permissions.ts';
import { endpoint, Page, PageSize, paginated, PlainDateString, Uuid } from './endpoint.ts';
import { FileResult } from './register.ts';

// Indicators: the catalogue, live values with breakdowns and targets, and the children behind a number
// (docs/indicators.md).

const tag = 'Indicators';

export const IndicatorStatusSchema = z.enum(indicatorStatuses);

const Text = z.object({ vi: z.string(), en: z.string() });

export const IndicatorSummary = z.object({
  code: z.string(),
  kind: IndicatorKind,
  name: Text,
  definition: Text,
  numeratorText: Text,
  denominatorText: Text,
  unit: IndicatorUnit,
  direction: Direction,
  periodTypes: z.array(PeriodType),
  disaggregations: z.array(Disaggregation),
  sector: Sector,
  group: IndicatorGroup,
  references: z.array(z.object({ document: z.string(), item: z.string() })),
  confidence: z.enum(['V', 'P', 'U']),
  note: z.string().nullable(),
  /** Aggregate and derived-with-entry indicators: the level that enters them. */
  entryLevel: z.enum(['commune', 'province']).nullable(),
  /** The children behind it are in protection cases: lists show only the cases the reader sees. */
  confidential: z.boolean(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

/** One number: value = numerator / denominator × the unit's factor. */
export const IndicatorCell = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  /** Share (0–1) of the population with the data the number needs (e.g. children under 5 weighed); for entered
   * indicators the share of units that entered. Null when it does not apply. */
  completeness: z.number().nullable(),
});
export type IndicatorCell = z.infer<typeof IndicatorCell>;

export const IndicatorUnitRef = z.object({ id: Uuid, name: z.string(), level: OrgLevel, path: z.string() });
export type IndicatorUnitRef = z.infer<typeof IndicatorUnitRef>;

export const IndicatorTarget = z.object({
  planId: Uuid,
  planTitle: z.string(),
  year: z.number().int(),
  value: z.number(),
  comparator: z.enum(['>=', '>', '<=', '<', '=']),
  /** The disaggregation group the target is for (`rural`, `urban`), when the plan sets one per group. */
  group: z.string().nullable(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

const DimensionFilters = {
  sex: z.enum(['male', 'female']).optional(),
  ageGroup: z.string().max(10).optional(),
  ethnicityGroup: z.enum(['kinh', 'minority']).optional(),
  ethnicity: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  residence: z.enum(['urban', 'rural']).optional(),
  disability: z.enum(['yes', 'no']).optional(),
  circumstanceGroup: z.string().max(10).optional(),
};

export const IndicatorValuesQuery = z.strictObject({
  unitId: Uuid,
  period: PeriodCode,
  /** Up to two disaggregations, comma-separated: `sex,age_group`. */
  by: z
    .string()
    .max(60)
    .transform((value, context) => {
      const parts = value.split(',').filter(Boolean);
      const parsed = z.array(Disaggregation).max(2).safeParse(parts);
      if (!parsed.success || new Set(parts).size !== parts.length) {
        context.addIssue({ code: 'custom', message: 'by: up to two known disaggregations' });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional(),
});
export type IndicatorValuesQuery = z.input<typeof IndicatorValuesQuery>;

export const IndicatorValues = z.object({
  code: z.string(),
  unit: IndicatorUnitRef,
  period: z.string(),
  periodStart: PlainDateString,
  periodEnd: PlainDateString,
  total: IndicatorCell,
  /** The unit's communes (or a commune's villages), each with its own cell. */
  areas: z.array(z.object({ unit: IndicatorUnitRef, cell: IndicatorCell, status: IndicatorStatusSchema })),
  by: z.array(Disaggregation),
  /** One row per combination of the requested disaggregations. */
  breakdown: z.array(z.object({ dims: z.record(z.string(), z.string()), cell: IndicatorCell })),
  targets: z.array(IndicatorTarget),
  /** The target that applies to the period (a group's target when the plan sets one per group: see `targets`). */
  target: IndicatorTarget.nullable(),
  status: IndicatorStatusSchema,
  computedAt: z.string(),
  durationMs: z.number(),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const IndicatorTrendQuery = z.strictObject({
  unitId: Uuid,
  /** The last period; the trend goes back `count` periods of the same type. */
  period: PeriodCode,
  count: z.coerce.number().int().min(1).max(12).default(6),
});
export type IndicatorTrendQuery = z.input<typeof IndicatorTrendQuery>;

export const IndicatorTrend = z.object({
  code: z.string(),
  unit: IndicatorUnitRef,
  points: z.array(
    z.object({
      period: z.string(),
      cell: IndicatorCell,
      target: IndicatorTarget.nullable(),
      status: IndicatorStatusSchema,
    }),
  ),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

export const IndicatorOverviewQuery = z.strictObject({
  unitId: Uuid,
  period: PeriodCode,
  /** Comma-separated codes; every indicator of the catalogue when left out. */
  codes: z.string().max(2000).optional(),
});
export type IndicatorOverviewQuery = z.input<typeof IndicatorOverviewQuery>;

export const IndicatorOverview = z.object({
  unit: IndicatorUnitRef,
  period: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      cell: IndicatorCell,
      target: IndicatorTarget.nullable(),
      status: IndicatorStatusSchema,
    }),
  ),
  durationMs: z.number(),
});
export type IndicatorOverview = z.infer<typeof IndicatorOverview>;

export const LineagePart = z.enum(['numerator', 'denominator']);
export type LineagePart = z.infer<typeof LineagePart>;

export const IndicatorLineageQuery = z.strictObject({
  /** The unit whose number is opened: the province, a commune of its breakdown, a village. */
  unitId: Uuid,
  period: PeriodCode,
  part: LineagePart.default('numerator'),
  ...DimensionFilters,
  page: Page,
  pageSize: PageSize,
});
export type IndicatorLineageQuery = z.input<typeof IndicatorLineageQuery>;

export const LineageChild = z.object({
  personId: Uuid,
  fullName: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: PlainDateString,
  ageMonths: z.number().int(),
  communeName: z.string(),
  villageName: z.string(),
  inNumerator: z.boolean(),
  /** Why the child is counted: "Z-score CN/T −2,41 (12/03/2025)", "Mẫu giáo, năm học 2025-2026". */
  detail: z.string().nullable(),
});
export type LineageChild = z.infer<typeof LineageChild>;

export const IndicatorLineage = paginated(LineageChild).extend({
  code: z.string(),
  unit: IndicatorUnitRef,
  part: LineagePart,
  /** Children counted in the number but not listed, because their protection case is not shared with the reader. */
  hidden: z.number().int(),
});
export type IndicatorLineage = z.infer<typeof IndicatorLineage>;

export const IndicatorLineageExportQuery = IndicatorLineageQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type IndicatorLineageExportQuery = z.input<typeof IndicatorLineageExportQuery>;

const CodeParams = z.strictObject({ code: z.string().min(2).max(40) });

export const indicatorEndpoints = {
  catalogue: endpoint({
    method: 'GET',
    path: '/api/indicators',
    permission: 'indicator.read',
    summary: 'The indicator catalogue',
    tag,
    response: z.object({ items: z.array(IndicatorSummary) }),
  }),
  overview: endpoint({
    method: 'GET',
    path: '/api/indicators/overview',
    permission: 'indicator.read',
    summary: 'Many indicators of one unit and period at once, with their targets and status',
    tag,
    query: IndicatorOverviewQuery,
    response: IndicatorOverview,
  }),
  values: endpoint({
    method: 'GET',
    path: '/api/indicators/:code/values',
    permission: 'indicator.read',
    summary: 'An indicator for a unit and period: total, areas, disaggregations, target and status',
    tag,
    params: CodeParams,
    query: IndicatorValuesQuery,
    response: IndicatorValues,
  }),
  trend: endpoint({
    method: 'GET',
    path: '/api/indicators/:code/trend',
    permission: 'indicator.read',
    summary: 'An indicator over the last periods, against its targets',
    tag,
    params: CodeParams,
    query: IndicatorTrendQuery,
    response: IndicatorTrend,
  }),
  lineage: endpoint({
    method: 'GET',
    path: '/api/indicators/:code/lineage',
    permission: 'indicator.read',
    summary: 'The children behind a computed number (numerator or denominator), page by page',
    tag,
    params: CodeParams,
    query: IndicatorLineageQuery,
    response: IndicatorLineage,
  }),
  exportLineage: endpoint({
    method: 'GET',
    path: '/api/indicators/:code/lineage/export',
    permission: 'indicator.read',
    summary: 'The children behind a computed number, as XLSX or CSV',
    tag,
    params: CodeParams,
    query: IndicatorLineageExportQuery,
    response: FileResult,
    responseKind: 'file',
  }),
};
