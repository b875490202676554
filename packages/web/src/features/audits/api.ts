// Granskning for the revisor: draws, the drawn files (each read is logged by the server),
// findings, the pseudonymised report and the comparison with an earlier audit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  AuditComparison,
  AuditFile,
  AuditSample,
  AuditSampleList,
  NewAuditSample,
  Unit,
} from '../../api/types.ts';

export function useAudits() {
  const api = useApi();
  return useQuery({
    queryKey: ['audits'],
    queryFn: async () => (await api.get<AuditSampleList>('/api/v1/audits')).items,
  });
}

export function useUnits() {
  const api = useApi();
  return useQuery({
    queryKey: ['units'],
    queryFn: async () => (await api.get<{ items: Unit[] }>('/api/v1/units')).items,
  });
}

export function useDrawAudit() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAuditSample) => api.post<AuditSample>('/api/v1/audits', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audits'] }),
  });
}

export function useAudit(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['audits', id],
    queryFn: () => api.get<AuditSample>(`/api/v1/audits/${encodeURIComponent(id)}`),
  });
}

export function useAuditFile(id: string, itemNo: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['audits', id, 'files', itemNo],
    queryFn: () => api.get<AuditFile>(`/api/v1/audits/${encodeURIComponent(id)}/files/${itemNo}`),
  });
}

export function useReviewFindings(id: string, itemNo: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (findings: { objective: string; result: string; comment: string }[]) =>
      api.put<AuditSample>(`/api/v1/audits/${encodeURIComponent(id)}/files/${itemNo}/findings`, { findings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audits', id] }),
  });
}

export function useComparison(id: string, earlierId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['audits', id, 'comparison', earlierId],
    enabled: earlierId !== null,
    queryFn: () =>
      api.get<AuditComparison>(`/api/v1/audits/${encodeURIComponent(id)}/comparison`, { with: earlierId }),
  });
}
