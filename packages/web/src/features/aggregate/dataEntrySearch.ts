export interface DataEntrySearch {
  unitId?: string;
  period?: string;
}

export function parseDataEntrySearch(search: Record<string, unknown>): DataEntrySearch {
  return {
    ...(typeof search.unitId === 'string' ? { unitId: search.unitId } : {}),
    ...(typeof search.period === 'string' ? { period: search.period } : {}),
  };
}
