import { PlanStatus } from '@treem/shared';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlansSearch {
  /** The unit whose plans are listed; absent = the working unit. */
  unitId?: string;
  status?: PlanStatus;
}

/** The plan list's URL: a unit and a status the server accepts; anything else is dropped. */
export function parsePlansSearch(search: Record<string, unknown>): PlansSearch {
  const unitId =
    typeof search.unitId === 'string' && uuidPattern.test(search.unitId)
      ? search.unitId.toLowerCase()
      : undefined;
  const status = PlanStatus.options.find((option) => option === search.status);
  return { ...(unitId ? { unitId } : {}), ...(status ? { status } : {}) };
}
