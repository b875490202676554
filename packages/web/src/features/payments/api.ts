// Payments: the municipality's monthly batches with progress, starting a month's batch (the
// server pays each decided errand once, keyed by errand, month and item), bank files, and one
// errand's payments in the ledger.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Payment, PaymentBatch } from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';

const batchesKey = ['payments', 'batches'] as const;

export function useBatches() {
  const api = useApi();
  return useQuery({
    queryKey: batchesKey,
    queryFn: async () => (await api.get<{ items: PaymentBatch[] }>('/api/v1/payment-batches')).items,
    // A running batch is processed in chunks in the background; poll until it is done.
    refetchInterval: (query) =>
      query.state.data?.some((batch) => batch.status === 'running') ? 1000 : false,
  });
}

export function useStartBatch() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.post<PaymentBatch>('/api/v1/payment-batches', { month }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: batchesKey });
      await queryClient.invalidateQueries({ queryKey: ['errands'] });
      await queryClient.invalidateQueries({ queryKey: ['payments', 'errand'] });
    },
  });
}

export function useErrandPayments(errandId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['payments', 'errand', errandId],
    queryFn: async () =>
      (await api.get<{ items: Payment[] }>(`/api/v1/errands/${encodeURIComponent(errandId)}/payments`)).items,
  });
}

export type BankFileFormat = 'pain001' | 'csv';

/** Fetches the bank file and hands it to the browser as a download; refusals arrive as ApiErrors. */
export function useDownloadBankFile() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ batch, format }: { batch: PaymentBatch; format: BankFileFormat }) => {
      const blob = await api.download(`/api/v1/payment-batches/${encodeURIComponent(batch.id)}/${format}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `utbetalning-${batch.month}.${format === 'pain001' ? 'xml' : 'csv'}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
