import type { QueryClient } from '@tanstack/react-query';
import { documentQuery, versionPagesQuery, type ConcordClient } from '../client/index.ts';
import { versionsPerPage } from './history-page.tsx';

/**
 * Starts fetching the data of the page at `path` while the app boots, beside the request
 * that asks who is signed in: the pages wait for that answer before they render, and would
 * otherwise only then ask for their own data, one round trip after the other. The pages read
 * the same queries, so nothing is fetched twice. Signed out, these requests answer 401 like
 * any other (which also leads to the sign-in page), and the pages ask again once signed in.
 *
 * @example preloadRoute(window.location.pathname, queryClient, client);
 */
export function preloadRoute(path: string, queryClient: QueryClient, client: ConcordClient): void {
  const history = /^\/docs\/([^/]+)\/history$/.exec(path);
  const doc = history ?? /^\/docs\/([^/]+)$/.exec(path);
  if (!doc) return;
  const id = decodeURIComponent(doc[1]!);
  void queryClient.prefetchQuery(documentQuery(client, id));
  if (history)
    void queryClient.prefetchInfiniteQuery(versionPagesQuery(client, id, versionsPerPage));
}
