import { Sector } from '@treem/shared';

export interface DataEntrySearch {
  unitId?: string;
  period?: string;
  /** Only this sector's indicators. */
  sector?: Sector;
}

export function parseDataEntrySearch(search: Record<string, unknown>): DataEntrySearch {
  const sector = Sector.safeParse(search.sector);
  return {
    ...(typeof search.unitId === 'string' ? { unitId: search.unitId } : {}),
    ...(typeof search.period === 'string' ? { period: search.period } : {}),
    ...(sector.success ? { sector: sector.data } : {}),
  };
}
