export interface IndicatorsSearch {
  unitId?: string;
  period?: string;
}

export function parseIndicatorsSearch(search: Record<string, unknown>): IndicatorsSearch {
  return {
    ...(typeof search.unitId === 'string' ? { unitId: search.unitId } : {}),
    ...(typeof search.period === 'string' ? { period: search.period } : {}),
  };
}
