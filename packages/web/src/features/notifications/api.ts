// The staff inbox: notices to the signed-in member of staff (unexcused absence, a coach's
// payment request, a referral accepted or returned …), the unread count for the menu badge.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { StaffNotificationList } from '../../api/types.ts';

const keys = {
  all: ['notifications'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  count: ['notifications', 'count'] as const,
};

/** The badge count; polled so a notice sent while the page is open shows up. */
export function useUnreadCount(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.count,
    queryFn: () => api.get<{ unread: number }>('/api/v1/notifications/unread-count'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useInbox(unreadOnly: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.list(unreadOnly),
    queryFn: () =>
      api.get<StaffNotificationList>('/api/v1/notifications', { unreadOnly: unreadOnly ? 'true' : 'false' }),
  });
}

/** Mark one notice read (`id`) or all those the inbox has shown (`upTo`, the newest one's time). */
export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { id: string } | { upTo: string }) =>
      'id' in target
        ? api.post<{ unread: number }>(`/api/v1/notifications/${encodeURIComponent(target.id)}/read`)
        : api.post<{ unread: number }>('/api/v1/notifications/read-all', { upTo: target.upTo }),
    onSuccess: (result) => {
      queryClient.setQueryData(keys.count, result);
      return queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}
