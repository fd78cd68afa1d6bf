import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { usePrefetchVersionPages } from '../client/index.ts';
import { versionsPerPage } from './history-page.tsx';

/**
 * The editor's "History": opens `/docs/{id}/history`. The history's first page is asked for
 * before the click — once the editor is idle after loading, and again on a hover or focus
 * (when what was fetched is older than the app's `staleTime`) — so that the History page
 * paints its list without waiting for the server. A prefetched page nobody shows costs one
 * small request; a newer version saved meanwhile marks it stale like any other query of the
 * document, and the page refetches it as it opens.
 */
export function HistoryButton({ id }: { id: string }) {
  const prefetch = usePrefetchVersionPages(id, versionsPerPage);
  const navigate = useNavigate();
  useEffect(() => {
    // Idle: after the editor's own requests and first paint. Safari has no requestIdleCallback.
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(prefetch, 500);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(prefetch, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, [prefetch]);
  return (
    <button
      type="button"
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={() => void navigate({ to: '/docs/$id/history', params: { id } })}
    >
      History
    </button>
  );
}
