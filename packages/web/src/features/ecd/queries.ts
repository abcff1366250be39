import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ActionListKind, type EndpointQuery, type PlainDate } from '@treem/shared';
import { call } from '../../api/client.ts';

type ActionListQuery = EndpointQuery<typeof api.ecd.actionList>;

export const ecdKeys = {
  all: ['ecd'] as const,
  person: (id: string) => [...ecdKeys.all, 'person', id] as const,
  measurements: (id: string) => [...ecdKeys.person(id), 'measurements'] as const,
  immunization: (id: string) => [...ecdKeys.person(id), 'immunization'] as const,
  screenings: (id: string) => [...ecdKeys.person(id), 'screenings'] as const,
  services: (id: string) => [...ecdKeys.person(id), 'services'] as const,
  enrolments: (id: string) => [...ecdKeys.person(id), 'enrolments'] as const,
  weighingDay: (villageId: string, on: PlainDate) => [...ecdKeys.all, 'weighingDay', villageId, on] as const,
  actionLists: () => [...ecdKeys.all, 'actionList'] as const,
  actionList: (kind: ActionListKind, query: ActionListQuery) =>
    [...ecdKeys.actionLists(), kind, query] as const,
};

export function useMeasurements(personId: string) {
  return useQuery({
    queryKey: ecdKeys.measurements(personId),
    queryFn: ({ signal }) => call(api.ecd.listMeasurements, { params: { id: personId }, signal }),
  });
}

export function useImmunizationCard(personId: string) {
  return useQuery({
    queryKey: ecdKeys.immunization(personId),
    queryFn: ({ signal }) => call(api.ecd.immunizationCard, { params: { id: personId }, signal }),
  });
}

export function useScreenings(personId: string) {
  return useQuery({
    queryKey: ecdKeys.screenings(personId),
    queryFn: ({ signal }) => call(api.ecd.listScreenings, { params: { id: personId }, signal }),
  });
}

export function useServiceContacts(personId: string) {
  return useQuery({
    queryKey: ecdKeys.services(personId),
    queryFn: ({ signal }) => call(api.ecd.listServices, { params: { id: personId }, signal }),
  });
}

export function useEnrolments(personId: string) {
  return useQuery({
    queryKey: ecdKeys.enrolments(personId),
    queryFn: ({ signal }) => call(api.ecd.listEnrolments, { params: { id: personId }, signal }),
  });
}

export function useWeighingDayChildren(villageId: string | undefined, on: PlainDate) {
  return useQuery({
    queryKey: ecdKeys.weighingDay(villageId ?? '', on),
    queryFn: ({ signal }) =>
      call(api.ecd.weighingDayChildren, { query: { villageId: villageId ?? '', on }, signal }),
    enabled: Boolean(villageId),
    // Another date keeps the grid (and what was typed) on screen while the children of that day load.
    placeholderData: keepPreviousData,
    // The grid is being typed into: a background refetch must not reorder or replace the children under the user.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useActionList(kind: ActionListKind, query: ActionListQuery | undefined) {
  return useQuery({
    queryKey: ecdKeys.actionList(kind, query ?? { unitId: '' }),
    queryFn: ({ signal }) => call(api.ecd.actionList, { params: { kind }, query: query!, signal }),
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a write about one child, their records and every action list may have changed (a dose recorded takes the
 * child off the overdue list, a measurement onto the malnourished one).
 */
export function useInvalidateChild() {
  const client = useQueryClient();
  return useCallback(
    async (personId: string) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ecdKeys.person(personId) }),
        client.invalidateQueries({ queryKey: ecdKeys.actionLists() }),
      ]);
    },
    [client],
  );
}

/** After a weighing day or an import: every child's records and lists may be stale. */
export function useInvalidateEcd() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ecdKeys.all }), [client]);
}
