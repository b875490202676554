// Errands (ärenden): the unit's queue, one errand with everything the caseworker needs, new
// applications and the state transitions a caseworker makes by hand. Types: api/case-types.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ErrandDetail,
  ErrandState,
  ErrandSummary,
  ErrandType,
  Household,
} from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

export const errandPageSize = 50;

/** One page of the unit's errands; `mine` keeps those the signed-in user registered or has handled. */
export function useErrands(state: ErrandState | '', mine: boolean, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...errandKeys.list(state), { mine, page }],
    queryFn: () =>
      api.get<{ items: ErrandSummary[]; total: number }>('/api/v1/errands', {
        state: state || undefined,
        mine: mine ? 'true' : undefined,
        limit: String(errandPageSize),
        offset: String((page - 1) * errandPageSize),
      }),
  });
}

export function useErrand(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: errandKeys.detail(id),
    queryFn: () => api.get<ErrandDetail>(`/api/v1/errands/${encodeURIComponent(id)}`),
    retry: false,
  });
}

/**
 * The households the person belongs to this month. GET /households has no person filter, so
 * this reads the unit's households (at most 200) and picks the person's; `month` is the
 * server's current month, which the new-application form uses as its default.
 */
export function usePersonHouseholds(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['households', 'byPerson', personId],
    queryFn: async () => {
      const page = await api.get<{ items: Household[]; total: number }>('/api/v1/households', { limit: 200 });
      const month = page.items[0]?.month ?? null;
      return {
        month,
        households: page.items.filter((household) =>
          household.members.some((member) => member.personId === personId),
        ),
      };
    },
  });
}

export type NewApplication = {
  personId: string;
  householdId: string | null;
  type: ErrandType;
  month: string;
  requestedNote: string;
};

/** Registers the application, first creating a household with the person as applicant if needed. */
export function useCreateErrand() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewApplication) => {
      const householdId =
        input.householdId ??
        (await api.post<Household>('/api/v1/households', { applicantPersonId: input.personId })).id;
      return api.post<ErrandDetail>('/api/v1/errands', {
        householdId,
        type: input.type,
        month: input.month,
        ...(input.requestedNote ? { requestedNote: input.requestedNote } : {}),
      });
    },
    onSuccess: async (errand) => {
      queryClient.setQueryData(errandKeys.detail(errand.id), errand);
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      await queryClient.invalidateQueries({ queryKey: errandKeys.all });
    },
  });
}

export function useTransition(errandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { to: ErrandState; note: string }) =>
      api.post<ErrandDetail>(`/api/v1/errands/${encodeURIComponent(errandId)}/transitions`, {
        to: input.to,
        ...(input.note ? { note: input.note } : {}),
      }),
    onSuccess: async (errand) => {
      queryClient.setQueryData(errandKeys.detail(errand.id), errand);
      await queryClient.invalidateQueries({ queryKey: ['errands', 'list'] });
    },
  });
}
