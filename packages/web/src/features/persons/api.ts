// Persons the signed-in user may see: the server decides which (own unit, accepted referrals),
// and masks name and address for skyddad identitet before anything reaches the browser.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { NewPerson, Page, PersonDetail, PersonSummary } from '../../api/types.ts';

export const pageSize = 50;

export function usePersons({ search, offset }: { search: string; offset: number }) {
  const api = useApi();
  return useQuery({
    queryKey: ['persons', 'list', { search, offset }],
    queryFn: () =>
      api.get<Page<PersonSummary>>('/api/v1/persons', {
        search: search || undefined,
        limit: pageSize,
        offset,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['persons', 'detail', id],
    queryFn: () => api.get<PersonDetail>(`/api/v1/persons/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function useRegisterPerson() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) => api.post<PersonDetail>('/api/v1/persons', person),
    onSuccess: async (person) => {
      queryClient.setQueryData(['persons', 'detail', person.id], person);
      await queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
    },
  });
}
