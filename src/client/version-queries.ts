import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
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
  return useInfiniteQuery({
    queryKey: versionKeys.pages(id, size),
    queryFn: ({ signal, pageParam }) =>
      client.listVersionPage(id, { limit: size, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    retry: shouldRetryRead,
  });
}

/**
 * Several versions' full text. A version never changes once written, so each is fetched once
 * and kept (`staleTime: Infinity`).
 */
export function useVersions(id: string, versions: readonly number[]) {
  const client = useConcordClient();
  return useQueries({
    queries: versions.map((version) => ({
      queryKey: versionKeys.one(id, version),
      queryFn: ({ signal }: { signal: AbortSignal }) => client.getVersion(id, version, signal),
      staleTime: Infinity,
      retry: shouldRetryRead,
    })),
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
