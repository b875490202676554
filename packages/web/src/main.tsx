// Entry point: build the app's dependencies once and render. Nothing else lives at module level.
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.ts';
import { Providers } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';
import { sessionKey } from './features/auth/api.ts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 401/403/404 will not change by asking again; network blips might.
      retry: (failureCount, error) => failureCount < 2 && !('status' in error && Number(error.status) < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const api = createApiClient({
  onUnauthorized: () => {
    // The session guard sees `null` and sends the user to the login page.
    queryClient.setQueryData(sessionKey, null);
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root');

createRoot(root).render(
  <StrictMode>
    <Providers api={api} queryClient={queryClient} router={createRouter()} />
  </StrictMode>,
);
