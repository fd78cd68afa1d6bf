import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@concord/react/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import hostCss from './host.css?inline';
import { NoteEditor } from './note-editor.tsx';

// The host app's own styles, as their own <style> so that the story can turn them off and on.
const hostStyles = document.createElement('style');
hostStyles.id = 'host-styles';
hostStyles.textContent = hostCss;
document.head.append(hostStyles);

// One QueryClient for the page: useGuardedSave is a TanStack Query mutation.
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoteEditor url="/api/note" />
    </QueryClientProvider>
  </StrictMode>,
);
