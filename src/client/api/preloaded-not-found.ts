import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api-error.ts';

// Queries whose "not found" a preload received and that no page has shown and left yet.
const unshownNotFound = new WeakSet<object>();

/**
 * Keeps a preload's "not found" (404) as the answer of the page that mounts next, instead of
 * letting TanStack Query read again as that page mounts (it refetches a query in error when an
 * observer subscribes): a missing document is then asked for once, not twice. Once every page
 * showing the answer has gone, the next one asks again: the document may have been created or
 * restored meanwhile. Other refusals (401 signed out) and server errors are read again as usual,
 * and a retry button (`refetch`) always asks. Pair it with {@link retryUnlessPreloadedNotFound}
 * as the query's `retryOnMount`.
 *
 * @example keepPreloadedNotFound(queryClient, key, queryClient.prefetchQuery(options));
 */
export function keepPreloadedNotFound(
  queryClient: QueryClient,
  queryKey: QueryKey,
  prefetched: Promise<void>,
): void {
  const cache = queryClient.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return;
  let left = false;
  const stop = cache.subscribe((event) => {
    if (event.query !== query || event.type !== 'observerRemoved') return;
    // React's StrictMode unmounts and mounts a page again at once: only a page that stays gone
    // has shown the answer.
    queueMicrotask(() => {
      if (query.getObserversCount() > 0) return;
      left = true;
      unshownNotFound.delete(query);
      stop();
    });
  });
  void prefetched.then(() => {
    const error = query.state.status === 'error' ? query.state.error : undefined;
    if (!left && error instanceof ApiError && error.status === 404) unshownNotFound.add(query);
    else stop();
  });
}

/**
 * `retryOnMount` for a query that may be preloaded: false only while it holds a preload's
 * "not found" that no page has shown yet (see {@link keepPreloadedNotFound}).
 */
export function retryUnlessPreloadedNotFound(query: object): boolean {
  return !unshownNotFound.has(query);
}
