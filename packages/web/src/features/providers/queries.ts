import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

type ProviderListQuery = EndpointQuery<typeof api.providers.list>;

export const providerKeys = {
  all: ['providers'] as const,
  list: (query: ProviderListQuery) => [...providerKeys.all, 'list', query] as const,
  detail: (id: string) => [...providerKeys.all, 'detail', id] as const,
  coverage: (unitId: string) => [...providerKeys.all, 'coverage', unitId] as const,
};

export function useProviderList(query: ProviderListQuery) {
  return useQuery({
    queryKey: providerKeys.list(query),
    queryFn: ({ signal }) => call(api.providers.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProvider(id: string | undefined) {
  return useQuery({
    queryKey: providerKeys.detail(id ?? ''),
    queryFn: ({ signal }) => call(api.providers.get, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

export function useProviderCoverage(unitId: string | undefined) {
  return useQuery({
    queryKey: providerKeys.coverage(unitId ?? ''),
    queryFn: ({ signal }) => call(api.providers.coverage, { query: { unitId: unitId ?? '' }, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** After any change to a provider: the lists, its detail and every coverage figure may have changed. */
export function useInvalidateProviders() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: providerKeys.all }), [client]);
}
