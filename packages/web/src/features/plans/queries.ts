import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

type PlanListQuery = EndpointQuery<typeof api.plans.list>;

export const planKeys = {
  all: ['plans'] as const,
  templates: () => [...planKeys.all, 'templates'] as const,
  template: (code: string) => [...planKeys.all, 'template', code] as const,
  list: (query: PlanListQuery) => [...planKeys.all, 'list', query] as const,
  detail: (id: string) => [...planKeys.all, 'detail', id] as const,
  budget: (id: string) => [...planKeys.all, 'budget', id] as const,
  activity: (id: string) => [...planKeys.all, 'activity', id] as const,
  training: (id: string) => [...planKeys.all, 'training', id] as const,
  current: (unitId: string, period: string, codes: string) =>
    [...planKeys.all, 'current', unitId, period, codes] as const,
};

export function usePlanTemplates(enabled = true) {
  return useQuery({
    queryKey: planKeys.templates(),
    queryFn: ({ signal }) => call(api.plans.templates, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function usePlanTemplate(code: string | undefined) {
  return useQuery({
    queryKey: planKeys.template(code ?? ''),
    queryFn: ({ signal }) => call(api.plans.template, { params: { code: code ?? '' }, signal }),
    enabled: Boolean(code),
    staleTime: Infinity,
  });
}

export function usePlanList(query: PlanListQuery | undefined) {
  return useQuery({
    queryKey: planKeys.list(query ?? { unitId: '' }),
    queryFn: ({ signal }) => call(api.plans.list, { query: query!, signal }),
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => call(api.plans.get, { params: { id }, signal }),
  });
}

export function usePlanBudget(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.budget(id),
    queryFn: ({ signal }) => call(api.plans.budget, { params: { id }, signal }),
    enabled,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.activity(id ?? ''),
    queryFn: ({ signal }) => call(api.plans.activity, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

export function useTraining(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.training(id ?? ''),
    queryFn: ({ signal }) => call(api.plans.training, { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

/**
 * The current values of the indicators a plan's targets are linked to, for the plan's unit and a year. The
 * indicator engine may answer nothing yet (or fail): the table then shows "no data" rather than an error.
 */
export function useCurrentValues(unitId: string, year: number, codes: readonly string[], enabled: boolean) {
  const joined = [...new Set(codes)].sort().join(',');
  return useQuery({
    queryKey: planKeys.current(unitId, String(year), joined),
    queryFn: ({ signal }) =>
      call(api.indicators.overview, { query: { unitId, period: String(year), codes: joined }, signal }),
    enabled: enabled && joined !== '',
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** After any change to a plan: its detail, budget, activities, courses and the lists may all have changed. */
export function useInvalidatePlans() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: planKeys.all }), [client]);
}
