import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ConcordClient } from './concord-client.ts';
import { useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
import { retryUnlessPreloadedNotFound } from './preloaded-not-found.ts';
import { shouldRetryRead } from './should-retry-read.ts';

/** Query keys of a document's history: the list under the document (refreshed with it). */
export const versionKeys = {
  list: (id: string) => [...docKeys.detail(id), 'versions'] as const,
  pages: (id: string, size: number) => [...docKeys.detail(id), 'versions', 'pages', size] as const,
  one: (id: string, version: number) => [...docKeys.all, 'version', id, version] as const,
};

/** Every version of a document, newest first (refetched whenever the document is). */
export function useVersionList(id: string) {
  const client = useConcordClient();
  return useQuery({
    queryKey: versionKeys.list(id),
    queryFn: ({ signal }) => client.listVersions(id, signal),
    retry: shouldRetryRead,
  });
}

/**
 * A document's versions in pages of `size`, newest first, each with how much it changed;
 * `fetchNextPage` reads the next older page (refetched whenever the document is).
 */
export function useVersionPages(id: string, size: number) {
  const client = useConcordClient();
  return useInfiniteQuery(versionPagesQuery(client, id, size));
}

/**
 * The query of a document's version pages: what `useVersionPages` reads and a prefetch fills.
 *
 * @example void queryClient.prefetchInfiniteQuery(versionPagesQuery(client, id, 20));
 */
export function versionPagesQuery(client: ConcordClient, id: string, size: number) {
  return infiniteQueryOptions({
    queryKey: versionKeys.pages(id, size),
    queryFn: ({ signal, pageParam }) =>
      client.listVersionPage(id, { limit: size, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    retry: shouldRetryRead,
    retryOnMount: retryUnlessPreloadedNotFound,
  });
}

/**
 * One version's full text. A version never changes once written, so it is fetched once and
 * kept (`staleTime: Infinity`).
 */
function versionQuery(client: ConcordClient, id: string, version: number) {
  return queryOptions({
    queryKey: versionKeys.one(id, version),
    queryFn: ({ signal }) => client.getVersion(id, version, signal),
    staleTime: Infinity,
    retry: shouldRetryRead,
  });
}

/**
 * Who saved the versions after `after` up to `upTo`, newest first (one page from the newest,
 * at most 1,000: the server's largest page), fetched only while `enabled`. Kept as fetched
 * (`staleTime: Infinity`): a version's who and when never change.
 */
export function useVersionsBetween(id: string, after: number, upTo: number, enabled: boolean) {
  const client = useConcordClient();
  return useQuery({
    queryKey: [...docKeys.all, 'versions-between', id, after, upTo] as const,
    queryFn: async ({ signal }) => {
      const page = await client.listVersionPage(id, {
        limit: Math.min(Math.max(upTo - after, 1), 1000),
        signal,
      });
      return page.items.filter((v) => v.version > after && v.version <= upTo);
    },
    enabled,
    staleTime: Infinity,
    retry: shouldRetryRead,
  });
}

/** Several versions' full text, each fetched once and kept. */
export function useVersions(id: string, versions: readonly number[]) {
  const client = useConcordClient();
  return useQueries({ queries: versions.map((version) => versionQuery(client, id, version)) });
}

/**
 * A function that starts fetching versions before a page needs them (on a hover, a focus, or
 * the click itself, ahead of the render it causes), so that their changes can show as soon as
 * they are asked for. Versions already kept or on their way are not asked for again.
 *
 * @example
 * const prefetch = usePrefetchVersions(id);
 * <a onPointerEnter={() => prefetch([n, n - 1])}>Version {n}</a>
 */
export function usePrefetchVersions(id: string): (versions: readonly number[]) => void {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useCallback(
    (versions) => {
      for (const version of versions) {
        if (version > 0) void queryClient.prefetchQuery(versionQuery(client, id, version));
      }
    },
    [client, id, queryClient],
  );
}

/**
 * A function that starts fetching the first page of a document's history (`size` versions),
 * for a link or button that leads there: the History page then shows it without waiting.
 * A page fetched less than `staleTime` (5 s by the app's default) ago is not asked for again.
 */
export function usePrefetchVersionPages(id: string, size: number): () => void {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.prefetchInfiniteQuery(versionPagesQuery(client, id, size)),
    [client, id, queryClient, size],
  );
}
