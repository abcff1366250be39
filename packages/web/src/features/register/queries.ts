import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';
import { isImportWorking } from './importSteps.ts';

type PersonListQuery = EndpointQuery<typeof api.register.listPersons>;
type HouseholdListQuery = EndpointQuery<typeof api.register.listHouseholds>;
type DuplicateListQuery = EndpointQuery<typeof api.register.listDuplicates>;

export const registerKeys = {
  all: ['register'] as const,
  persons: (query: PersonListQuery) => [...registerKeys.all, 'persons', query] as const,
  person: (id: string) => [...registerKeys.all, 'person', id] as const,
  history: (id: string) => [...registerKeys.all, 'person', id, 'history'] as const,
  households: (query: HouseholdListQuery) => [...registerKeys.all, 'households', query] as const,
  household: (id: string) => [...registerKeys.all, 'household', id] as const,
  duplicates: (query: DuplicateListQuery) => [...registerKeys.all, 'duplicates', query] as const,
  flagTypes: () => [...registerKeys.all, 'flagTypes'] as const,
  imports: (page: number) => ['registerImports', 'list', page] as const,
  import: (id: string) => ['registerImports', 'job', id] as const,
  importErrors: (id: string, page: number, pageSize: number) =>
    ['registerImports', 'errors', id, page, pageSize] as const,
};

export function usePersonList(query: PersonListQuery) {
  return useQuery({
    queryKey: registerKeys.persons(query),
    queryFn: ({ signal }) => call(api.register.listPersons, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: registerKeys.person(id),
    queryFn: ({ signal }) => call(api.register.getPerson, { params: { id }, signal }),
  });
}

export function usePersonHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: registerKeys.history(id),
    queryFn: ({ signal }) => call(api.register.personHistory, { params: { id }, signal }),
    enabled,
  });
}

export function useHouseholdList(query: HouseholdListQuery, enabled = true) {
  return useQuery({
    queryKey: registerKeys.households(query),
    queryFn: ({ signal }) => call(api.register.listHouseholds, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: registerKeys.household(id ?? ''),
    queryFn: ({ signal }) => call(api.register.getHousehold, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

export function useDuplicateList(query: DuplicateListQuery) {
  return useQuery({
    queryKey: registerKeys.duplicates(query),
    queryFn: ({ signal }) => call(api.register.listDuplicates, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The province's at-risk flag catalogue; it changes rarely. */
export function useFlagTypes() {
  return useQuery({
    queryKey: registerKeys.flagTypes(),
    queryFn: ({ signal }) => call(api.register.listFlagTypes, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useImportList(page: number) {
  return useQuery({
    queryKey: registerKeys.imports(page),
    queryFn: ({ signal }) => call(api.registerFiles.listImports, { query: { page, pageSize: 10 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** An import job, asked again every second while the server validates or writes it. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: registerKeys.import(id ?? ''),
    queryFn: ({ signal }) => call(api.registerFiles.getImport, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isImportWorking(query.state.data.status) ? 1000 : false),
  });
}

export function useImportErrors(id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: registerKeys.importErrors(id, page, pageSize),
    queryFn: ({ signal }) =>
      call(api.registerFiles.importErrors, { params: { id }, query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After any write to the register every list, profile and household may be stale. */
export function useInvalidateRegister() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: registerKeys.all }), [client]);
}
