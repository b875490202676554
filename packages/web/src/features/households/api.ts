// Household register (hushållsregister): who lives in the household which month, the shared
// dwelling and the payout account. Every write refreshes the errands, whose calculation
// depends on the household.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HouseholdDetail, MemberRole } from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

export const householdKeys = {
  all: ['households'] as const,
  detail: (id: string, month: string) => ['households', 'detail', id, month] as const,
};

export function useHousehold(id: string, month: string) {
  const api = useApi();
  return useQuery({
    queryKey: householdKeys.detail(id, month),
    queryFn: () =>
      api.get<HouseholdDetail>(`/api/v1/households/${encodeURIComponent(id)}`, month ? { month } : undefined),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

function useHouseholdWrite<I>(write: (input: I) => Promise<HouseholdDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: householdKeys.all });
      await queryClient.invalidateQueries({ queryKey: errandKeys.all });
    },
  });
}

const path = (id: string) => `/api/v1/households/${encodeURIComponent(id)}`;

/** Shared dwelling and payout account; a field left out stays as it is. */
export function useUpdateHousehold(householdId: string) {
  const api = useApi();
  return useHouseholdWrite(
    (changes: { sharedHouseholdSize?: number | null; payoutAccount?: string | null }) =>
      api.patch<HouseholdDetail>(path(householdId), changes),
  );
}

/** Adds a person (already registered) to the household from a date. */
export function useAddMember(householdId: string) {
  const api = useApi();
  return useHouseholdWrite((input: { personId: string; role: MemberRole; validFrom: string }) =>
    api.post<HouseholdDetail>(`${path(householdId)}/members`, input),
  );
}

export function useEndMembership(householdId: string) {
  const api = useApi();
  return useHouseholdWrite((input: { personId: string; validTo: string }) =>
    api.post<HouseholdDetail>(`${path(householdId)}/members/${encodeURIComponent(input.personId)}/end`, {
      validTo: input.validTo,
    }),
  );
}
