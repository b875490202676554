// The indicator dashboard: figures (the server withholds small groups for the nämnd and the
// revisor), the cases behind a figure for a unit manager (logged by the server), targets and
// the savings estimate.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  Dimension,
  IndicatorDrillDown,
  IndicatorId,
  IndicatorReport,
  SavingsEstimate,
} from '../../api/types.ts';

export type ReportFilters = {
  from: string;
  to: string;
  dimension: Dimension;
  unitId: string;
  ageGroup: string;
  supportBarrier: string;
};

export function reportQuery(filters: ReportFilters): Record<string, string> {
  const query: Record<string, string> = { from: filters.from, to: filters.to, dimension: filters.dimension };
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.ageGroup) query.ageGroup = filters.ageGroup;
  if (filters.supportBarrier) query.supportBarrier = filters.supportBarrier;
  return query;
}

export function exportUrl(filters: ReportFilters, format: 'csv' | 'xlsx'): string {
  return `/api/v1/reports/indicators/export?${new URLSearchParams({ ...reportQuery(filters), format })}`;
}

export function useIndicators(filters: ReportFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'indicators', filters],
    queryFn: () => api.get<IndicatorReport>('/api/v1/reports/indicators', reportQuery(filters)),
    // While the figures are being recomputed, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.snapshot.refreshing ? 5_000 : false),
  });
}

/** Recompute the figures now (unit manager); the dashboard shows the new ones when ready. */
export function useRefreshIndicators() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IndicatorReport['snapshot']>('/api/v1/reports/indicators/refresh', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export function useDrillDown(
  filters: ReportFilters,
  selection: { indicator: IndicatorId; month: string; group: string } | null,
  page: { offset: number; limit: number },
) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'cases', filters, selection, page],
    enabled: selection !== null,
    placeholderData: keepPreviousData,
    queryFn: () =>
      api.get<IndicatorDrillDown>('/api/v1/reports/indicators/cases', {
        ...reportQuery(filters),
        indicator: selection?.indicator,
        month: selection?.month,
        group: selection?.group,
        offset: page.offset,
        limit: page.limit,
      }),
  });
}

export function useSetTarget() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { indicator: IndicatorId; year: number; target: number | null }) =>
      api.put(`/api/v1/reports/targets/${input.indicator}/${input.year}`, { target: input.target }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'indicators'] }),
  });
}

export function useSavings(query: { from: string; to: string; teamMonthlyCost: number; unitId: string }) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'savings', query],
    queryFn: () =>
      api.get<SavingsEstimate>('/api/v1/reports/savings', {
        from: query.from,
        to: query.to,
        teamMonthlyCost: query.teamMonthlyCost,
        unitId: query.unitId || undefined,
      }),
  });
}
