// Context providers in dependency order: i18n, API client, query cache, router.
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from '../api/context.tsx';
import { I18nProvider } from '../i18n/i18n.tsx';

type ProvidersProps = { api: ApiClient; queryClient: QueryClient; router: DataRouter };

export function Providers({ api, queryClient, router }: ProvidersProps) {
  return (
    <I18nProvider>
      <ApiProvider client={api}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ApiProvider>
    </I18nProvider>
  );
}
