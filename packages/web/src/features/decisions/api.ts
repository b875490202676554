// Decisions (beslut): the municipality's reason templates, the errand's decisions and making a
// decision (the server checks the delegationsordning and archives the letter as PDF).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Decision, NewDecision, ReasonTemplate } from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

const decisionsKey = (errandId: string) => ['decisions', 'errand', errandId] as const;

export function useReasonTemplates() {
  const api = useApi();
  return useQuery({
    queryKey: ['decisions', 'reasonTemplates'],
    queryFn: async () => (await api.get<{ items: ReasonTemplate[] }>('/api/v1/reason-templates')).items,
    staleTime: 10 * 60 * 1000,
  });
}

export function useErrandDecisions(errandId: string) {
  const api = useApi();
  return useQuery({
    queryKey: decisionsKey(errandId),
    queryFn: async () =>
      (await api.get<{ items: Decision[] }>(`/api/v1/errands/${encodeURIComponent(errandId)}/decisions`))
        .items,
  });
}

export function useDecide(errandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewDecision) =>
      api.post<Decision>(`/api/v1/errands/${encodeURIComponent(errandId)}/decisions`, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: decisionsKey(errandId) }),
        queryClient.invalidateQueries({ queryKey: errandKeys.detail(errandId) }),
        queryClient.invalidateQueries({ queryKey: ['errands', 'list'] }),
      ]);
    },
  });
}
