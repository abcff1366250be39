import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Me } from '@treem/shared';
import { isApiError } from './ApiError.ts';
import { setCsrfToken } from './client.ts';

export const sessionQueryKey = ['session'] as const;

let sessionLost = false;

/** True after the server ended the session under us, until the next sign-in: the sign-in page says why. */
export function wasSessionLost(): boolean {
  return sessionLost;
}

/** Called when a 401 arrives; only a session that existed can be "lost" (a first visit is not an expiry). */
export function noteSessionLost(): void {
  if (queryClient.getQueryData(sessionQueryKey)) sessionLost = true;
}

function onError(error: unknown): void {
  if (!isApiError(error) || !error.isSessionLost) return;
  // Any 401 means the cookie no longer opens a session: drop it, and the route guard sends the user to sign in.
  noteSessionLost();
  setCsrfToken(undefined);
  queryClient.setQueryData(sessionQueryKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors will not heal by asking again; network hiccups and 5xx may.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

/** Stores a freshly signed-in session, forgetting everything cached for whoever used the browser before. */
export function storeSession(me: Me | null): void {
  // Not `clear()`: the session query's observer must stay attached to the cache entry it watches.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  if (me) sessionLost = false;
  setCsrfToken(me?.csrfToken);
  queryClient.setQueryData(sessionQueryKey, me);
}
