// Session handling: who is signed in, signing in and out, and whether e-legitimation is on.
// The CSRF token from the session response is handed to the API client for later writes.
import {
  type QueryClient,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import type { Session, User } from '../../api/types.ts';

export const sessionKey = ['session'] as const;

export function useSession() {
  const api = useApi();
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api.get<Session>('/api/v1/auth/session');
        api.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          api.setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The signed-in user; only for components rendered behind the session guard. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser needs a signed-in session');
  return data.user;
}

export type Credentials = { username: string; password: string };

export function useLogin() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<Session>('/api/v1/auth/login', credentials),
    onSuccess: (session) => {
      api.setCsrfToken(session.csrfToken);
      // Nothing cached for a previous user may survive into this session.
      forgetEverythingButSession(queryClient);
      const mutations = queryClient.getMutationCache();
      for (const logout of mutations.findAll({ mutationKey: logoutKey })) mutations.remove(logout);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

const logoutKey = ['auth', 'logout'] as const;

/** Clearing the session makes the session guard send the user to the login page. */
export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: logoutKey,
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      api.setCsrfToken(null);
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** True right after the user signed out in this tab, to confirm it on the login page. */
export function useSignedOut(): boolean {
  return useMutationState({ filters: { mutationKey: logoutKey, status: 'success' } }).length > 0;
}

export const oidcLoginUrl = '/api/v1/auth/oidc/login';

export function useOidcStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['auth', 'oidc'],
    queryFn: () => api.get<{ enabled: boolean }>('/api/v1/auth/oidc'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Drops cached data from the previous session; the session query itself stays so that
 * mounted observers (header, guards) see the new value instead of a removed query. */
function forgetEverythingButSession(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}
