// Aktivitetskrav for one adult: status, exemptions, deviations and the förvarning.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  AktivitetskravReduction,
  AktivitetskravState,
  NewAktivitetskravDeviation,
  NewAktivitetskravExemption,
  NewAktivitetskravReduction,
} from '../../api/types.ts';

const key = (personId: string) => ['planning', personId, 'aktivitetskrav'] as const;
const base = (personId: string) => `/api/v1/persons/${encodeURIComponent(personId)}/aktivitetskrav`;

export function useAktivitetskrav(personId: string) {
  const api = useApi();
  return useQuery({ queryKey: key(personId), queryFn: () => api.get<AktivitetskravState>(base(personId)) });
}

function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: key(personId) });
    await queryClient.invalidateQueries({ queryKey: ['work-queues'] });
    // A reduction changes the month's calculation: errands shown beside the person refetch.
    await queryClient.invalidateQueries({ queryKey: ['errands'] });
  };
}

export function useAddExemption(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (input: NewAktivitetskravExemption) =>
      api.post<{ id: string }>(`${base(personId)}/exemptions`, input),
    onSuccess: refresh,
  });
}

export function useAddDeviation(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (input: NewAktivitetskravDeviation) =>
      api.post<{ id: string }>(`${base(personId)}/deviations`, input),
    onSuccess: refresh,
  });
}

export function useSendNotice(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (deviationId: string) =>
      api.post(`/api/v1/aktivitetskrav/deviations/${encodeURIComponent(deviationId)}/notice`, {}),
    onSuccess: refresh,
  });
}

/** Beslut om nedsättning (SoL 2025:400 12 kap. 5 §) after the deviation's notice. */
export function useDecideReduction(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ deviationId, input }: { deviationId: string; input: NewAktivitetskravReduction }) =>
      api.post<AktivitetskravReduction>(
        `/api/v1/aktivitetskrav/deviations/${encodeURIComponent(deviationId)}/reductions`,
        input,
      ),
    onSuccess: refresh,
  });
}
