// Session handling: who is signed in, signing in and out, and whether e-legitimation is on.
// The CSRF token from the session response is handed to the API client for later writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      api.setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
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
