import type { QueryClient } from '@tanstack/react-query';
import {
  documentQuery,
  keepPreloadedNotFound,
  versionPagesQuery,
  type ConcordClient,
} from '../client/index.ts';
import { versionsPerPage } from './history-page.tsx';

/**
 * Starts fetching the data of the page at `path` while the app boots, beside the request
 * that asks who is signed in: the pages wait for that answer before they render, and would
 * otherwise only then ask for their own data, one round trip after the other. The pages read
 * the same queries, so nothing is fetched twice — not even a "not found" that came before the
 * page mounted (`keepPreloadedNotFound`). Signed out, these requests answer 401 like any other
 * (which also leads to the sign-in page), and the pages ask again once signed in.
 *
 * @example preloadRoute(window.location.pathname, queryClient, client);
 */
export function preloadRoute(path: string, queryClient: QueryClient, client: ConcordClient): void {
  const history = /^\/docs\/([^/]+)\/history$/.exec(path);
  const doc = history ?? /^\/docs\/([^/]+)$/.exec(path);
  if (!doc) return;
  const id = decodeURIComponent(doc[1]!);
  const document = documentQuery(client, id);
  keepPreloadedNotFound(queryClient, document.queryKey, queryClient.prefetchQuery(document));
  if (!history) return;
  const versions = versionPagesQuery(client, id, versionsPerPage);
  keepPreloadedNotFound(
    queryClient,
    versions.queryKey,
    queryClient.prefetchInfiniteQuery(versions),
  );
}
