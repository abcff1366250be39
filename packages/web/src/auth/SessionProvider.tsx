import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, type Me, type Permission } from '@treem/shared';
import { isApiError } from '../api/ApiError.ts';
import { call, setCsrfToken } from '../api/client.ts';
import { noteSessionLost, queryClient, sessionQueryKey, storeSession } from '../api/queryClient.ts';

export type SessionStatus = 'loading' | 'error' | 'ready';

interface Session {
  status: SessionStatus;
  /** null when nobody is signed in. */
  me: Me | null;
  error: unknown;
  can: (permission: Permission) => boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function loadSession({ signal }: { signal: AbortSignal }): Promise<Me | null> {
  try {
    const me = await call(api.auth.me, { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      noteSessionLost();
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: loadSession, staleTime: 60_000 });
  const me = query.data ?? null;

  const signOut = useCallback(async () => {
    try {
      await call(api.auth.logout, {});
    } catch {
      // Signing out must always succeed locally, even when the session had already expired.
    }
    storeSession(null);
  }, []);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  }, []);

  const value = useMemo<Session>(
    () => ({
      status: query.isPending ? 'loading' : query.isError && !query.data ? 'error' : 'ready',
      me,
      error: query.error,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      signedIn: storeSession,
      signOut,
      refresh,
    }),
    [query.isPending, query.isError, query.data, query.error, me, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the route guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
