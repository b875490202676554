// Calculation snapshots: POST /errands/:id/calculations computes the errand's month from its
// household and investigation and keeps the result unchangeable; the errand shows the latest.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalculationSnapshot } from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

export function useCalculate(errandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<CalculationSnapshot>(`/api/v1/errands/${encodeURIComponent(errandId)}/calculations`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: errandKeys.detail(errandId) });
    },
  });
}
