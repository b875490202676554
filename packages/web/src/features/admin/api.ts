// Users and units for the system administrator — organisation data only, no case data.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { Unit, User } from '../../api/types.ts';

export function useUsers() {
  const api = useApi();
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => api.get<{ items: User[] }>('/api/v1/users'),
  });
}

export function useUnits() {
  const api = useApi();
  return useQuery({
    queryKey: ['admin', 'units'],
    queryFn: () => api.get<{ items: Unit[] }>('/api/v1/units'),
  });
}
