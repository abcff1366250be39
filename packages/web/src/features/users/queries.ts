import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointQuery } from '@treem/shared';
import { call } from '../../api/client.ts';

type ListQuery = EndpointQuery<typeof api.users.list>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: ListQuery) => [...userKeys.all, 'list', query] as const,
};

export function useUserList(query: ListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => call(api.users.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}
