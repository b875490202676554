// The person's journal (SoL 2025:400 14 kap.): newest first, append-only; a new entry may be
// tied to the errand it was written in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JournalEntry } from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';

const journalKey = (personId: string) => ['journal', personId] as const;

export function useJournal(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: journalKey(personId),
    queryFn: async () =>
      (await api.get<{ items: JournalEntry[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/journal`))
        .items,
  });
}

export function useWriteJournal(personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; errandId?: string }) =>
      api.post<JournalEntry>(`/api/v1/persons/${encodeURIComponent(personId)}/journal`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: journalKey(personId) });
    },
  });
}
