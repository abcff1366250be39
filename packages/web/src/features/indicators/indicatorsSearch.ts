import type { Disaggregation, LineagePart } from '@treem/shared';
import { disaggregations } from '@treem/shared';

export interface IndicatorsSearch {
  unitId?: string;
  period?: string;
  /** Indicator page: up to two breakdowns, `sex,age_group`. */
  by?: string;
  /** Indicator page: the unit whose children are listed. */
  area?: string;
  part?: LineagePart;
  page?: number;
  /** Catalogue: search text, group and kind filters. */
  q?: string;
  group?: string;
  kind?: string;
}

const text = (value: unknown, max = 100) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

export function parseIndicatorsSearch(search: Record<string, unknown>): IndicatorsSearch {
  const by = text(search.by)
    ?.split(',')
    .filter((d): d is Disaggregation => (disaggregations as readonly string[]).includes(d))
    .slice(0, 2)
    .join(',');
  const page = Number(search.page);
  const result: IndicatorsSearch = {
    unitId: text(search.unitId, 40),
    period:
      typeof search.period === 'string' && /^\d{4}(H[12])?$/.test(search.period) ? search.period : undefined,
    by: by || undefined,
    area: text(search.area, 40),
    part:
      search.part === 'denominator' ? 'denominator' : search.part === 'numerator' ? 'numerator' : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: text(search.q),
    group: text(search.group, 40),
    kind: text(search.kind, 20),
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined));
}
