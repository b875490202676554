// Referrals (remiss) between ekonomiskt bistånd and the labour-market unit: the queue ordered by
// waiting days, one referral with its clocks, participation and attendance, and consent.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  AttendanceInput,
  Consent,
  Insats,
  NewConsent,
  NewReferral,
  Participation,
  PartnerAgency,
  Referral,
  ReferralDetail,
  Unit,
} from '../../api/types.ts';

const keys = {
  all: ['referrals'] as const,
  list: (personId: string | null) => ['referrals', 'list', personId ?? 'queue'] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  consents: (personId: string) => ['consents', personId] as const,
};

/** The coach's queue (referrals to the unit) or the caseworker's (the unit's persons), longest wait first. */
export function useReferralQueue() {
  const api = useApi();
  return useQuery({
    queryKey: keys.list(null),
    queryFn: () => api.get<{ items: Referral[] }>('/api/v1/referrals'),
  });
}

export function usePersonReferrals(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.list(personId),
    queryFn: () => api.get<{ items: Referral[] }>('/api/v1/referrals', { personId }),
  });
}

export function useReferral(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => api.get<ReferralDetail>(`/api/v1/referrals/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function useSendReferral(personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referral: NewReferral) =>
      api.post<ReferralDetail>(`/api/v1/persons/${encodeURIComponent(personId)}/referrals`, referral),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** An action on one referral (accept, return, first meeting, placement); answers with the referral. */
export function useReferralAction(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      body,
    }: {
      action: 'accept' | 'return' | 'first-meeting' | 'placements' | 'action-plan' | 'close';
      body: object;
    }) => api.post<ReferralDetail>(`/api/v1/referrals/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: async (referral) => {
      queryClient.setQueryData(keys.detail(id), referral);
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
  });
}

export function useRecordAttendance(referralId: string, participationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ week, input }: { week: string; input: AttendanceInput }) =>
      api.put<Participation>(
        `/api/v1/participations/${encodeURIComponent(participationId)}/attendance/${encodeURIComponent(week)}`,
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(referralId) }),
  });
}

export function useConsents(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.consents(personId),
    queryFn: () => api.get<{ items: Consent[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/consents`),
  });
}

export function useRecordConsent(personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consent: NewConsent) =>
      api.post<Consent>(`/api/v1/persons/${encodeURIComponent(personId)}/consents`, consent),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.consents(personId) }),
  });
}

export function useInsatser() {
  const api = useApi();
  return useQuery({
    queryKey: ['insatser'],
    queryFn: () => api.get<{ items: Insats[] }>('/api/v1/insatser'),
  });
}

export function usePartnerAgencies() {
  const api = useApi();
  return useQuery({
    queryKey: ['partner-agencies'],
    queryFn: () => api.get<{ items: PartnerAgency[] }>('/api/v1/partner-agencies'),
  });
}

export function useUnitList() {
  const api = useApi();
  return useQuery({
    queryKey: ['units'],
    queryFn: () => api.get<{ items: Unit[] }>('/api/v1/units'),
  });
}

/** Today in Sweden as YYYY-MM-DD (the default for date fields). */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** A number typed the Swedish way ("7,5"); an empty or unreadable text is NaN, for the server to refuse. */
export function decimal(text: string): number {
  return Number(text.replace(',', '.').trim() || 'NaN');
}

/** The ISO week (2026-W48) of today, the default for the attendance form. */
export function currentIsoWeek(): string {
  const today = new Date(`${todayIso()}T00:00:00Z`);
  const thursday = new Date(today.getTime() + (3 - ((today.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The unit's work-capacity assessment, returned into the person's kartläggning. */
export function useReturnWorkCapacity(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      capacity: string;
      hoursPerWeek: number | null;
      assessedOn: string;
      summary: string;
    }) =>
      api.post<{ referral: ReferralDetail; returnedToAssessment: boolean; assessmentVersion: number | null }>(
        `/api/v1/referrals/${encodeURIComponent(id)}/work-capacity`,
        body,
      ),
    onSuccess: (result) => queryClient.setQueryData(keys.detail(id), result.referral),
  });
}

/** Payment request or leaving the insats: both answer with the participation. */
export function useParticipationAction(referralId: string, participationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'payment-requests' | 'end'; body: object }) =>
      api.post<Participation>(
        `/api/v1/participations/${encodeURIComponent(participationId)}/${action}`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(referralId) }),
  });
}
