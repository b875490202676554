// Arbetsköer for the own unit, computed by the server for its clock's today.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { WorkQueues } from '../../api/types.ts';

export function useWorkQueues() {
  const api = useApi();
  return useQuery({
    queryKey: ['work-queues'],
    queryFn: () => api.get<WorkQueues>('/api/v1/work-queues'),
  });
}
