import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CaseDetail, type CaseListQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

interface Paging {
  page: number;
  pageSize: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  mine: (query: CaseListQuery) => [...caseKeys.lists(), 'mine', query] as const,
  inbox: (paging: Paging) => [...caseKeys.lists(), 'inbox', paging] as const,
  approvals: (paging: Paging) => [...caseKeys.lists(), 'approvals', paging] as const,
  transfersIn: (paging: Paging) => [...caseKeys.lists(), 'transfersIn', paging] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
  person: (personId: string) => [...caseKeys.all, 'person', personId] as const,
};

/*
 * Case data is the most sensitive the app holds, and every read is audited on the server: lists are not kept
 * fresh in the background (no refetch on focus) but re-read when a page opens or after a change.
 */

export function useMyCases(query: CaseListQuery) {
  return useQuery({
    queryKey: caseKeys.mine(query),
    queryFn: ({ signal }) => call(api.cases.list, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useCaseInbox(paging: Paging) {
  return useQuery({
    queryKey: caseKeys.inbox(paging),
    queryFn: ({ signal }) => call(api.cases.inbox, { query: paging, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useCaseApprovals(paging: Paging) {
  return useQuery({
    queryKey: caseKeys.approvals(paging),
    queryFn: ({ signal }) => call(api.cases.approvals, { query: paging, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useCaseTransfersIn(paging: Paging) {
  return useQuery({
    queryKey: caseKeys.transfersIn(paging),
    queryFn: ({ signal }) => call(api.cases.transfersIn, { query: paging, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => call(api.cases.get, { params: { id }, signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Whether the child has an open case, and the cases the reader may open; only for roles that may know. */
export function usePersonCases(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.person(personId),
    queryFn: ({ signal }) => call(api.cases.forPerson, { params: { id: personId }, signal }),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/**
 * After a change to a case: its page (from the server's answer when it sent one, else read again), every list, and
 * the child's profile summary.
 */
export function useCaseChanged() {
  const client = useQueryClient();
  return useCallback(
    async (id: string, detail?: CaseDetail) => {
      if (detail) client.setQueryData(caseKeys.detail(id), detail);
      await Promise.all([
        detail ? Promise.resolve() : client.invalidateQueries({ queryKey: caseKeys.detail(id) }),
        client.invalidateQueries({ queryKey: caseKeys.lists() }),
        client.invalidateQueries({ queryKey: [...caseKeys.all, 'person'] }),
      ]);
    },
    [client],
  );
}
