import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

export const indicatorKeys = {
  all: ['indicators'] as const,
  values: (code: string, query: EndpointQuery<typeof api.indicators.values>) =>
    [...indicatorKeys.all, 'values', code, query] as const,
  trend: (code: string, query: EndpointQuery<typeof api.indicators.trend>) =>
    [...indicatorKeys.all, 'trend', code, query] as const,
  overview: (query: EndpointQuery<typeof api.indicators.overview>) =>
    [...indicatorKeys.all, 'overview', query] as const,
  lineage: (code: string, query: EndpointQuery<typeof api.indicators.lineage>) =>
    [...indicatorKeys.all, 'lineage', code, query] as const,
};

export function useIndicatorValues(code: string, query: EndpointQuery<typeof api.indicators.values> | null) {
  return useQuery({
    queryKey: indicatorKeys.values(code, query ?? { unitId: '', period: '' }),
    queryFn: ({ signal }) => call(api.indicators.values, { params: { code }, query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorTrend(code: string, query: EndpointQuery<typeof api.indicators.trend> | null) {
  return useQuery({
    queryKey: indicatorKeys.trend(code, query ?? { unitId: '', period: '' }),
    queryFn: ({ signal }) => call(api.indicators.trend, { params: { code }, query: query!, signal }),
    enabled: query !== null,
  });
}

export function useIndicatorOverview(query: EndpointQuery<typeof api.indicators.overview> | null) {
  return useQuery({
    queryKey: indicatorKeys.overview(query ?? { unitId: '', period: '' }),
    queryFn: ({ signal }) => call(api.indicators.overview, { query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorLineage(
  code: string,
  query: EndpointQuery<typeof api.indicators.lineage> | null,
) {
  return useQuery({
    queryKey: indicatorKeys.lineage(code, query ?? { unitId: '', period: '' }),
    queryFn: ({ signal }) => call(api.indicators.lineage, { params: { code }, query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
