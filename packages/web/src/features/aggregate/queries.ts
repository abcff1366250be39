import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type PeriodCode, type Sector } from '@treem/shared';
import { call } from '../../api/client.ts';

export const aggregateKeys = {
  all: ['aggregate'] as const,
  form: (unitId: string, period: PeriodCode, sector: Sector | undefined) =>
    [...aggregateKeys.all, 'form', unitId, period, sector ?? 'all'] as const,
};

export function useEntryForm(unitId: string | undefined, period: PeriodCode, sector: Sector | undefined) {
  return useQuery({
    queryKey: aggregateKeys.form(unitId ?? '', period, sector),
    queryFn: ({ signal }) =>
      call(api.aggregate.form, {
        params: { unitId: unitId ?? '' },
        query: sector ? { period, sector } : { period },
        signal,
      }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** After a save or a lock: every form may show it (a province's lock holds for its communes). */
export function useRefreshForms() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: aggregateKeys.all }), [client]);
}
