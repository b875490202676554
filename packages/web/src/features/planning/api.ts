// Kartläggning, genomförandeplan, follow-ups and meetings for one person. Every write
// refreshes the person's planning queries and the work queues (their counts change with it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  Assessment,
  Meeting,
  NewAssessment,
  NewFollowUp,
  NewMeeting,
  NewPlan,
  Plan,
  PlanWaiver,
} from '../../api/types.ts';

const person = (id: string) => `/api/v1/persons/${encodeURIComponent(id)}`;
export const planningKeys = {
  assessments: (personId: string) => ['planning', personId, 'assessments'] as const,
  plans: (personId: string) => ['planning', personId, 'plans'] as const,
  meetings: (personId: string) => ['planning', personId, 'meetings'] as const,
  waivers: (personId: string) => ['planning', personId, 'waivers'] as const,
};

function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['planning', personId] });
    await queryClient.invalidateQueries({ queryKey: ['work-queues'] });
  };
}

export function useAssessments(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planningKeys.assessments(personId),
    queryFn: () =>
      api.get<{ current: Assessment | null; versions: Assessment[] }>(`${person(personId)}/assessments`),
  });
}

export function useSaveAssessment(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (input: NewAssessment) => api.post<Assessment>(`${person(personId)}/assessments`, input),
    onSuccess: refresh,
  });
}

export function usePlans(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planningKeys.plans(personId),
    queryFn: async () => (await api.get<{ items: Plan[] }>(`${person(personId)}/plans`)).items,
  });
}

/** A new plan, or (with `planId`) a new version of an existing one. */
export function useSavePlan(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string | null; input: NewPlan }) =>
      planId
        ? api.post<Plan>(`/api/v1/plans/${encodeURIComponent(planId)}/versions`, input)
        : api.post<Plan>(`${person(personId)}/plans`, input),
    onSuccess: refresh,
  });
}

export function useRecordFollowUp(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string; input: NewFollowUp }) =>
      api.post<Plan>(`/api/v1/plans/${encodeURIComponent(planId)}/follow-ups`, input),
    onSuccess: refresh,
  });
}

export function useMeetings(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planningKeys.meetings(personId),
    queryFn: async () => (await api.get<{ items: Meeting[] }>(`${person(personId)}/meetings`)).items,
  });
}

export function useBookMeeting(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (input: NewMeeting) => api.post<Meeting>(`${person(personId)}/meetings`, input),
    onSuccess: refresh,
  });
}

export function useRecordAttendance(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({
      meetingId,
      attendance,
    }: {
      meetingId: string;
      attendance: 'attended' | 'noShow' | 'cancelled';
    }) => api.patch<Meeting>(`/api/v1/meetings/${encodeURIComponent(meetingId)}`, { attendance }),
    onSuccess: refresh,
  });
}

/** "Ingen plan behövs" records, newest first (shown where the plan would be). */
export function usePlanWaivers(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: planningKeys.waivers(personId),
    queryFn: async () => (await api.get<{ items: PlanWaiver[] }>(`${person(personId)}/plan-waivers`)).items,
  });
}

export function useRecordWaiver(personId: string) {
  const api = useApi();
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ id: string; reason: string; recordedOn: string }>(`${person(personId)}/plan-waivers`, {
        reason,
      }),
    onSuccess: refresh,
  });
}

export const planPdfUrl = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}/pdf`;
