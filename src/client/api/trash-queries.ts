import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
import { announceToTabs } from './document-events.ts';
import { shouldRetryRead } from './should-retry-read.ts';

/** Query keys of the trash, under `docs` so that a document change can refresh it too. */
export const trashKeys = {
  list: () => [...docKeys.all, 'trash'] as const,
};

/** The trash, page by page (`fetchNextPage` for more), most recently deleted first. */
export function useTrashList() {
  const client = useConcordClient();
  return useInfiniteQuery({
    queryKey: trashKeys.list(),
    queryFn: ({ signal, pageParam }) => client.listTrash({ signal, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    retry: shouldRetryRead,
  });
}

/**
 * Moves a document to the trash, guarded by the ETag of the version the person saw: a newer
 * save meanwhile is answered 409 and nothing is deleted. Other tabs hear of it at once.
 */
export function useDeleteDocument(id: string) {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) => client.deleteDocument(id, etag),
    onSuccess: () => {
      announceToTabs({ type: 'deleted', id });
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
      void queryClient.invalidateQueries({ queryKey: trashKeys.list() });
    },
  });
}

/** Brings a document back from the trash; the document and both lists are refreshed. */
export function useRestoreDocument() {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.restoreDocument(id),
    onSuccess: (restored) => {
      queryClient.setQueryData(docKeys.detail(restored.doc.id), restored);
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
      void queryClient.invalidateQueries({ queryKey: trashKeys.list() });
    },
  });
}
