import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ConcordClientContext,
  createConcordClient,
  loadUserName,
  startClosedTabRecovery,
} from '../client/index.ts';
import { preloadRoute } from './preload-route.ts';
import { createAppRouter } from './routes.tsx';
import { fetchWatchingSession, refreshSession } from './session-store.ts';
import './app.css';
import './pages.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000 } },
});
const client = createConcordClient({ userName: loadUserName, fetch: fetchWatchingSession });
// Who is signed in, and the page's own data, asked for at once, before the first render.
void refreshSession();
preloadRoute(window.location.pathname, queryClient, client);
// This tab's drafts are copied where another tab can offer them back once this one is closed.
void startClosedTabRecovery();
const router = createAppRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConcordClientContext.Provider value={client}>
        <RouterProvider router={router} />
      </ConcordClientContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
