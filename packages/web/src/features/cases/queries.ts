import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type CaseDetail,
  type CaseListQuery,
  type CarePlacement,
  type EndpointQuery,
} from '@treem/shared';
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

// ---------------------------------------------------------------------------------------------------------------
// Referrals, alternative care, the pickers of a case, and the province's case settings
// ---------------------------------------------------------------------------------------------------------------

type ReferralListQuery = EndpointQuery<typeof api.referrals.outgoing>;

export const referralKeys = {
  all: ['referrals'] as const,
  ofCase: (caseId: string) => [...referralKeys.all, 'case', caseId] as const,
  ofChild: (personId: string) => [...referralKeys.all, 'child', personId] as const,
  outgoing: (query: ReferralListQuery) => [...referralKeys.all, 'outgoing', query] as const,
  incoming: (query: ReferralListQuery) => [...referralKeys.all, 'incoming', query] as const,
};

export const careKeys = {
  all: ['care'] as const,
  person: (personId: string) => [...careKeys.all, 'person', personId] as const,
};

export const caseSettingsKeys = {
  province: (provinceCode: string) => ['caseSettings', provinceCode] as const,
};

/** The referrals of a case, read like the case itself (audited on the server, so not refreshed on focus). */
export function useCaseReferrals(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.ofCase(caseId),
    queryFn: ({ signal }) => call(api.referrals.listForCase, { params: { id: caseId }, signal }),
    enabled,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** A young child's referrals outside any case, on the child's early-childhood services. */
export function useChildReferrals(personId: string) {
  return useQuery({
    queryKey: referralKeys.ofChild(personId),
    queryFn: ({ signal }) => call(api.referrals.listForPerson, { params: { id: personId }, signal }),
  });
}

export function useOutgoingReferrals(query: ReferralListQuery) {
  return useQuery({
    queryKey: referralKeys.outgoing(query),
    queryFn: ({ signal }) => call(api.referrals.outgoing, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useIncomingReferrals(query: ReferralListQuery) {
  return useQuery({
    queryKey: referralKeys.incoming(query),
    queryFn: ({ signal }) => call(api.referrals.incoming, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/**
 * After a change to a referral: every referral list, and the case it belongs to (its timeline has a new line).
 * The case is re-read only when its page is open: a provider's member cannot read it.
 */
export function useReferralChanged() {
  const client = useQueryClient();
  return useCallback(
    async (caseId: string | null | undefined) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: referralKeys.all }),
        caseId ? client.invalidateQueries({ queryKey: caseKeys.detail(caseId) }) : Promise.resolve(),
      ]);
    },
    [client],
  );
}

export function usePersonCare(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: careKeys.person(personId),
    queryFn: ({ signal }) => call(api.referrals.careForPerson, { params: { id: personId }, signal }),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** After a change to a placement: the child's placements, and the case it came from (its timeline). */
export function useCareChanged() {
  const client = useQueryClient();
  return useCallback(
    async (placement: CarePlacement) => {
      client.setQueryData(
        careKeys.person(placement.personId),
        (previous: { items: CarePlacement[] } | undefined) =>
          previous
            ? {
                items: previous.items.some((item) => item.id === placement.id)
                  ? previous.items.map((item) => (item.id === placement.id ? placement : item))
                  : [placement, ...previous.items],
              }
            : previous,
      );
      await Promise.all([
        client.invalidateQueries({ queryKey: careKeys.person(placement.personId) }),
        placement.caseId
          ? client.invalidateQueries({ queryKey: caseKeys.detail(placement.caseId) })
          : Promise.resolve(),
      ]);
    },
    [client],
  );
}

/** Communes of the case's province it may move to, found by name as the worker types. */
export function useTransferTargets(caseId: string, search: string) {
  return useQuery({
    queryKey: [...caseKeys.all, 'transferTargets', caseId, search] as const,
    queryFn: ({ signal }) =>
      call(api.cases.transferTargets, {
        params: { id: caseId },
        query: { search: search || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Users of the case's province who may be given it to read, not yet its members or sharers. */
export function useShareCandidates(caseId: string, search: string) {
  return useQuery({
    queryKey: [...caseKeys.all, 'shareCandidates', caseId, search] as const,
    queryFn: ({ signal }) =>
      call(api.cases.shareCandidates, {
        params: { id: caseId },
        query: { search: search || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useCaseSettings(provinceCode: string | undefined) {
  return useQuery({
    queryKey: caseSettingsKeys.province(provinceCode ?? ''),
    queryFn: ({ signal }) =>
      call(api.caseSettings.get, { params: { provinceCode: provinceCode ?? '' }, signal }),
    enabled: Boolean(provinceCode),
    refetchOnWindowFocus: false,
  });
}

type ProviderListQuery = EndpointQuery<typeof api.providers.list>;

/** Active providers of the directory to choose from (a service's, or a sector's), once there is something to ask. */
export function useProviderChoices(query: ProviderListQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['providers', 'list', query] as const,
    queryFn: ({ signal }) => call(api.providers.list, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
