// The insats catalogue (the municipality's own offerings and the region's shared ones), the
// wait list per insats and the register of workplaces that take placements.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { Insats, NewInsats, NewWorkplace, WaitListEntry, Workplace } from '../../api/types.ts';

const keys = {
  catalogue: (includeInactive: boolean) => ['insatser', includeInactive ? 'all' : 'active'] as const,
  one: (id: string) => ['insats', id] as const,
  waitList: (id: string) => ['insats', id, 'wait-list'] as const,
};

export function useCatalogue(includeInactive: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.catalogue(includeInactive),
    queryFn: () =>
      api.get<{ items: Insats[] }>('/api/v1/insatser', {
        includeInactive: includeInactive ? 'true' : 'false',
      }),
  });
}

export function useInsats(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () => api.get<Insats>(`/api/v1/insatser/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function useWaitList(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.waitList(id),
    queryFn: () =>
      api.get<{ insatsId: string; items: WaitListEntry[] }>(
        `/api/v1/insatser/${encodeURIComponent(id)}/wait-list`,
      ),
    enabled,
  });
}

export function useCreateInsats() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (insats: NewInsats) => api.post<Insats>('/api/v1/insatser', insats),
    onSuccess: (insats) => {
      queryClient.setQueryData(keys.one(insats.id), insats);
      return queryClient.invalidateQueries({ queryKey: ['insatser'] });
    },
  });
}

export function useUpdateInsats(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<NewInsats> & { active?: boolean }) =>
      api.patch<Insats>(`/api/v1/insatser/${encodeURIComponent(id)}`, changes),
    onSuccess: (insats) => {
      queryClient.setQueryData(keys.one(id), insats);
      return queryClient.invalidateQueries({ queryKey: ['insatser'] });
    },
  });
}

export function useWorkplaces() {
  const api = useApi();
  return useQuery({
    queryKey: ['workplaces'],
    queryFn: () => api.get<{ items: Workplace[] }>('/api/v1/workplaces'),
  });
}

/** Adds a workplace (no id) or changes one. */
export function useSaveWorkplace(id: string | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workplace: NewWorkplace & { active?: boolean }) =>
      id
        ? api.patch<Workplace>(`/api/v1/workplaces/${encodeURIComponent(id)}`, workplace)
        : api.post<Workplace>('/api/v1/workplaces', workplace),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workplaces'] }),
  });
}
