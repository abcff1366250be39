import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

type ListQuery = EndpointQuery<typeof api.orgUnits.list>;

export const orgUnitKeys = {
  all: ['orgUnits'] as const,
  roots: () => [...orgUnitKeys.all, 'roots'] as const,
  list: (query: ListQuery) => [...orgUnitKeys.all, 'list', query] as const,
  detail: (id: string) => [...orgUnitKeys.all, 'detail', id] as const,
  lookup: (code: string) => [...orgUnitKeys.all, 'lookup', code] as const,
};

export function useOrgUnitRoots(enabled = true) {
  return useQuery({
    queryKey: orgUnitKeys.roots(),
    queryFn: ({ signal }) => call(api.orgUnits.roots, { signal }),
    enabled,
  });
}

export function useOrgUnitList(query: ListQuery, enabled = true) {
  return useQuery({
    queryKey: orgUnitKeys.list(query),
    queryFn: ({ signal }) => call(api.orgUnits.list, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrgUnitDetail(id: string | undefined) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => call(api.orgUnits.get, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

export function useOrgUnitLookup(code: string | undefined) {
  return useQuery({
    queryKey: orgUnitKeys.lookup(code ?? ''),
    queryFn: ({ signal }) => call(api.orgUnits.lookup, { query: { code: code ?? '' }, signal }),
    enabled: Boolean(code),
  });
}

/** After a village change, every cached list, detail and lookup may be stale. */
export function useInvalidateOrgUnits() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: orgUnitKeys.all });
}
