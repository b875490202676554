// Riktlinjer: the guideline sets the municipality works by (its own and its region's), their
// versions from draft to adopted, and a member municipality's adoption with local deviations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  AdoptGuidelineVersion,
  GuidelineAdoption,
  GuidelineSetDetail,
  GuidelineSetSummary,
  GuidelineVersion,
  NewGuidelineAdoption,
  NewGuidelineVersion,
} from '../../api/guideline-types.ts';

export const guidelineKeys = {
  all: ['guidelines'] as const,
  list: ['guidelines', 'list'] as const,
  detail: (id: string) => ['guidelines', 'detail', id] as const,
};

const path = (id: string) => `/api/v1/guidelines/${encodeURIComponent(id)}`;

export function useGuidelineSets() {
  const api = useApi();
  return useQuery({
    queryKey: guidelineKeys.list,
    queryFn: async () => (await api.get<{ items: GuidelineSetSummary[] }>('/api/v1/guidelines')).items,
  });
}

/** One set; `enabled: false` when there is no id (a calculation without a guideline set). */
export function useGuidelineSet(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: guidelineKeys.detail(id ?? ''),
    queryFn: () => api.get<GuidelineSetDetail>(path(id ?? '')),
    enabled: id !== null,
    retry: false,
  });
}

function useGuidelineWrite<I, R>(write: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guidelineKeys.all }),
  });
}

export function useCreateGuidelineSet() {
  const api = useApi();
  return useGuidelineWrite((input: { name: string }) =>
    api.post<GuidelineSetDetail>('/api/v1/guidelines', input),
  );
}

export function useAddDraft(setId: string) {
  const api = useApi();
  return useGuidelineWrite((input: NewGuidelineVersion) =>
    api.post<GuidelineVersion>(`${path(setId)}/versions`, input),
  );
}

export function useUpdateDraft(setId: string, version: number) {
  const api = useApi();
  return useGuidelineWrite((input: NewGuidelineVersion) =>
    api.put<GuidelineVersion>(`${path(setId)}/versions/${version}`, input),
  );
}

export function useAdoptVersion(setId: string, version: number) {
  const api = useApi();
  return useGuidelineWrite((input: AdoptGuidelineVersion) =>
    api.post<GuidelineVersion>(`${path(setId)}/versions/${version}/adopt`, input),
  );
}

export function useAdoptRegionSet(setId: string) {
  const api = useApi();
  return useGuidelineWrite((input: NewGuidelineAdoption) =>
    api.post<GuidelineAdoption>(`${path(setId)}/adoptions`, input),
  );
}
