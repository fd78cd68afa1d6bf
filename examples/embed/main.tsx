import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'concord/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NoteEditor } from './note-editor.tsx';

// One QueryClient for the page: useGuardedSave is a TanStack Query mutation.
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoteEditor url="/api/note" />
    </QueryClientProvider>
  </StrictMode>,
);
