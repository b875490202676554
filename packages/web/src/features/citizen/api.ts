// The citizen e-service: its own session (e-legitimation, never a staff login), the household's
// overview, server-side drafts, files, submission, komplettering and decisions.

import type {
  CitizenAnswers,
  CitizenApplication,
  CitizenErrand,
  CitizenFile,
  CitizenMessage,
  CitizenOverview,
  CitizenPlan,
  CitizenSession,
  CompletionRequest,
  NewCompletionRequest,
} from '@stegvis/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

export const citizenSessionKey = ['citizen', 'session'] as const;
const overviewKey = ['citizen', 'overview'] as const;
const applicationKey = (id: string) => ['citizen', 'application', id] as const;
const errandKey = (id: string) => ['citizen', 'errand', id] as const;

export const citizenLoginUrl = '/api/v1/citizen/auth/login';
export const letterUrl = (decisionId: string) =>
  `/api/v1/citizen/decisions/${encodeURIComponent(decisionId)}/letter`;

export function useCitizenSession() {
  const api = useApi();
  return useQuery({
    queryKey: citizenSessionKey,
    queryFn: async (): Promise<CitizenSession | null> => {
      try {
        const session = await api.get<CitizenSession>('/api/v1/citizen/auth/session');
        api.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useCitizenLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/citizen/auth/logout'),
    onSettled: () => {
      api.setCsrfToken(null);
      queryClient.removeQueries({ queryKey: ['citizen'] });
      queryClient.setQueryData(citizenSessionKey, null);
    },
  });
}

export function useCitizenOverview() {
  const api = useApi();
  return useQuery({
    queryKey: overviewKey,
    queryFn: () => api.get<CitizenOverview>('/api/v1/citizen/overview'),
  });
}

export function useStartApplication() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.post<CitizenApplication>('/api/v1/citizen/applications', { month }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKey(application.id), application);
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

export function useApplication(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => api.get<CitizenApplication>(`/api/v1/citizen/applications/${encodeURIComponent(id)}`),
    retry: false,
  });
}

/** PUT with the whole answers: the draft on the server is what the person sees. */
export function useSaveApplication(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: CitizenAnswers) =>
      api.put<CitizenApplication>(`/api/v1/citizen/applications/${encodeURIComponent(id)}`, { answers }),
    onSuccess: (application) => queryClient.setQueryData(applicationKey(id), application),
  });
}

export function useAddApplicationFile(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<CitizenFile>(`/api/v1/citizen/applications/${encodeURIComponent(id)}/files`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKey(id) }),
  });
}

export function useDeleteApplicationFile(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      api.delete(
        `/api/v1/citizen/applications/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKey(id) }),
  });
}

export function useSubmitApplication(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<CitizenApplication>(`/api/v1/citizen/applications/${encodeURIComponent(id)}/submit`),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKey(id), application);
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

export function useCitizenErrand(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: errandKey(id),
    queryFn: () => api.get<CitizenErrand>(`/api/v1/citizen/errands/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function useAddCompletionFile(errandId: string, requestId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<CitizenFile>(
        `/api/v1/citizen/errands/${encodeURIComponent(errandId)}/completion-requests/${encodeURIComponent(requestId)}/files`,
        form,
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: errandKey(errandId) }),
  });
}

export function useAnswerCompletion(errandId: string, requestId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<void>(
        `/api/v1/citizen/errands/${encodeURIComponent(errandId)}/completion-requests/${encodeURIComponent(requestId)}/answer`,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: errandKey(errandId) });
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

// The caseworker's side: requests for completion on an errand.
const completionKey = (errandId: string) => [...errandKeys.detail(errandId), 'completion-requests'] as const;

export function useCompletionRequests(errandId: string) {
  const api = useApi();
  return useQuery({
    queryKey: completionKey(errandId),
    queryFn: () =>
      api.get<CompletionRequest[]>(`/api/v1/errands/${encodeURIComponent(errandId)}/completion-requests`),
  });
}

export function useRequestCompletion(errandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCompletionRequest) =>
      api.post<CompletionRequest>(
        `/api/v1/errands/${encodeURIComponent(errandId)}/completion-requests`,
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: errandKeys.detail(errandId) }),
  });
}

export function useConfirmApplication(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<CitizenApplication>(`/api/v1/citizen/applications/${encodeURIComponent(id)}/confirm`),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKey(id), application);
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

const messagesKey = ['citizen', 'messages'] as const;

export function useCitizenMessages() {
  const api = useApi();
  return useQuery({
    queryKey: messagesKey,
    queryFn: () => api.get<CitizenMessage[]>('/api/v1/citizen/messages'),
  });
}

export function useSendCitizenMessage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<CitizenMessage>('/api/v1/citizen/messages', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}

export function useCitizenPlan() {
  const api = useApi();
  return useQuery({
    queryKey: ['citizen', 'plan'],
    queryFn: () => api.get<CitizenPlan>('/api/v1/citizen/plan'),
  });
}

const errandMessagesKey = (errandId: string) => [...errandKeys.detail(errandId), 'messages'] as const;

export function useErrandMessages(errandId: string) {
  const api = useApi();
  return useQuery({
    queryKey: errandMessagesKey(errandId),
    queryFn: () => api.get<CitizenMessage[]>(`/api/v1/errands/${encodeURIComponent(errandId)}/messages`),
  });
}

export function useSendErrandMessage(errandId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api.post<CitizenMessage>(`/api/v1/errands/${encodeURIComponent(errandId)}/messages`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: errandMessagesKey(errandId) }),
  });
}
