export interface PlansSearch {
  unitId?: string;
}

export function parsePlansSearch(search: Record<string, unknown>): PlansSearch {
  return typeof search.unitId === 'string' ? { unitId: search.unitId } : {};
}
