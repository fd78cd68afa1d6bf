import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type { DocumentInput, ResolutionHow } from '../../protocol/index.ts';
import { isSaveConflict } from '../api-error.ts';
import type { ConcordClient, VersionedDocument } from './concord-client.ts';
import { ConcordClientContext, useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
import { announceToTabs } from './document-events.ts';
import { retryUnlessPreloadedNotFound } from './preloaded-not-found.ts';
import { shouldRetryRead } from './should-retry-read.ts';

export { ConcordClientContext, docKeys, useConcordClient };

/** The document list, page by page (`fetchNextPage` for more). */
export function useDocumentList() {
  const client = useConcordClient();
  return useInfiniteQuery({
    queryKey: docKeys.list(),
    queryFn: ({ signal, pageParam }) => client.listDocuments({ signal, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    retry: shouldRetryRead,
  });
}

/** One document with the ETag that guards its next save. */
export function useDocument(id: string) {
  const client = useConcordClient();
  return useQuery(documentQuery(client, id));
}

/**
 * The query `useDocument` reads, for a prefetch outside React (a page's data asked for while
 * the app still boots).
 *
 * @example void queryClient.prefetchQuery(documentQuery(client, id));
 */
export function documentQuery(client: ConcordClient, id: string) {
  return queryOptions({
    queryKey: docKeys.detail(id),
    queryFn: ({ signal }) => client.getDocument(id, signal),
    retry: shouldRetryRead,
    // A "not found" the boot's preload received is the page's answer: not read again on mount.
    retryOnMount: retryUnlessPreloadedNotFound,
  });
}

/**
 * What a guarded save sends: the content, the ETag it was edited from, and, for a save that
 * resolves a conflict, how (`Concord-Resolution`).
 */
export interface SaveVariables extends DocumentInput {
  etag: string;
  resolution?: ResolutionHow;
  /** A newer version already held (see `SaveOptions.knownCurrent`). */
  knownCurrent?: VersionedDocument;
}

/**
 * Saves a document with `If-Match`. Saves to one document run one after another (mutation
 * `scope`), and a lost-update answer (409/412) or a missing precondition (428) is never retried:
 * sending the same request again could only fail the same way.
 */
export function useSaveDocument(
  id: string,
  options: Pick<
    UseMutationOptions<VersionedDocument, Error, SaveVariables>,
    'onSuccess' | 'onError'
  > = {},
) {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `concord-save:${id}` },
    mutationFn: ({ etag, resolution, knownCurrent, ...input }: SaveVariables) =>
      client.saveDocument(id, input, etag, { resolution, knownCurrent }),
    retry: (failureCount, error) =>
      failureCount < 2 && !isSaveConflict(error) && isNetworkError(error),
    ...options,
    onSuccess: (saved, variables, onMutateResult, context) => {
      queryClient.setQueryData(docKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
      announceToTabs({
        type: 'version',
        id,
        version: saved.doc.version,
        etag: saved.etag,
        updated_by: saved.doc.updated_by,
      });
      options.onSuccess?.(saved, variables, onMutateResult, context);
    },
  });
}

/** Creates a document; the key makes a double-submit create one document. */
export function useCreateDocument() {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: DocumentInput; idempotencyKey: string }) =>
      client.createDocument(input, idempotencyKey),
    onSuccess: (created) => {
      queryClient.setQueryData(docKeys.detail(created.doc.id), created);
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
    },
  });
}

// fetch rejects with a TypeError when the request never got an answer. Only then is a retry
// safe for a PUT: the server's retry rule answers 200 to a save that had already landed.
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}
