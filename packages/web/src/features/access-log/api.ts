// Loggutdrag for the unit manager: who read or changed what, filtered by person, user and dates.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { AccessLogEntry, Page, PersonSummary, User } from '../../api/types.ts';

export type AccessLogFilters = { personId: string; userId: string; from: string; to: string };

export function useAccessLog(filters: AccessLogFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['access-log', filters],
    queryFn: () => api.get<{ items: AccessLogEntry[] }>('/api/v1/access-log', { ...filters, limit: 100 }),
  });
}

/** Staff to pick from: for a unit manager, the server returns the unit's own staff. */
export function useStaff() {
  const api = useApi();
  return useQuery({
    queryKey: ['access-log', 'users'],
    queryFn: () => api.get<{ items: User[] }>('/api/v1/users'),
    staleTime: 5 * 60_000,
  });
}

/** Persons to pick from; this is itself logged as a search, which is what the law asks for. */
export function usePersonOptions() {
  const api = useApi();
  return useQuery({
    queryKey: ['access-log', 'persons'],
    queryFn: () => api.get<Page<PersonSummary>>('/api/v1/persons', { limit: 50, offset: 0 }),
    staleTime: 5 * 60_000,
  });
}
