// Aggregates for the nämnd and the auditor; the server suppresses small counts before sending.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { Overview } from '../../api/types.ts';

export function useOverview() {
  const api = useApi();
  return useQuery({ queryKey: ['overview'], queryFn: () => api.get<Overview>('/api/v1/overview') });
}
