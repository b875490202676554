// Closing a person's case (avslutsorsak) and the follow-ups 6 and 12 months after.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { Closure, ClosureFollowUpInput, NewClosure } from '../../api/types.ts';

const key = (personId: string) => ['closures', personId] as const;

export function useClosures(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: key(personId),
    queryFn: () => api.get<{ items: Closure[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/closures`),
  });
}

export function useCloseCase(personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (closure: NewClosure) =>
      api.post<Closure>(`/api/v1/persons/${encodeURIComponent(personId)}/closures`, closure),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(personId) }),
  });
}

export function useRecordClosureFollowUp(personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ClosureFollowUpInput }) =>
      api.post<Closure>(`/api/v1/closure-follow-ups/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(personId) }),
  });
}
