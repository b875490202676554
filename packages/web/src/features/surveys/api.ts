// The participant survey: the anonymous form behind a one-time link, the aggregated results
// and the manager's review of free-text comments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type {
  PendingSurveyComment,
  SurveyAnswer,
  SurveyForm,
  SurveyOccasion,
  SurveyResults,
} from '../../api/types.ts';

export function useSurveyForm(token: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['survey', token],
    queryFn: () => api.get<SurveyForm>(`/api/v1/surveys/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAnswerSurvey(token: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (answer: SurveyAnswer) =>
      api.post<void>(`/api/v1/surveys/${encodeURIComponent(token)}`, answer),
  });
}

export function useSurveyResults(occasion: SurveyOccasion | '') {
  const api = useApi();
  return useQuery({
    queryKey: ['survey-results', occasion],
    queryFn: () => api.get<SurveyResults>('/api/v1/survey-results', { occasion: occasion || undefined }),
  });
}

export function usePendingComments(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['survey-comments'],
    queryFn: () => api.get<{ items: PendingSurveyComment[] }>('/api/v1/survey-comments'),
    enabled,
  });
}

export function useReviewComment() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      text,
    }: {
      id: string;
      decision: 'release' | 'reject';
      text: string | null;
    }) => api.post<void>(`/api/v1/survey-comments/${encodeURIComponent(id)}`, { decision, text }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['survey-comments'] });
      await queryClient.invalidateQueries({ queryKey: ['survey-results'] });
    },
  });
}
