import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
import { followEventStream } from './follow-event-stream.ts';
import type { VersionedDocument } from './concord-client.ts';

/** A new version of a document, as the event stream and the other tabs announce it. */
export interface VersionEvent {
  version: number;
  etag: string;
  updated_by: string;
}

type TabMessage =
  ({ type: 'version'; id: string } & VersionEvent) | { type: 'deleted'; id: string };

const channelName = 'concord';

function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName);
}

/**
 * Tells this browser's other tabs that a document changed, at once and without a round trip
 * through the server (the event stream tells other browsers).
 */
export function announceToTabs(message: TabMessage): void {
  const channel = openChannel();
  channel?.postMessage(message);
  channel?.close();
}

/** What {@link useDocumentEvents} learnt about a document since it was opened. */
export interface DocumentEvents {
  deleted: boolean;
  /**
   * The ETags of the versions this browser's other tabs saved. Only a tab's own save is
   * announced on BroadcastChannel, so a version whose ETag is here is the person's own, whatever
   * name it was saved under; the server's stream cannot tell (another browser may use the name).
   */
  savedInThisBrowser: ReadonlySet<string>;
}

/**
 * Follows one document's changes — the server's event stream (other people, other servers) and
 * BroadcastChannel (this browser's other tabs) — and refetches the document when a newer version
 * exists. Returns whether the document has been deleted meanwhile, and which versions were saved
 * in this browser.
 */
export function useDocumentEvents(id: string): DocumentEvents {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  const [savedInThisBrowser, setSavedInThisBrowser] = useState<ReadonlySet<string>>(
    () => new Set(),
  );

  useEffect(() => {
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: docKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
    };
    const onVersion = (event: VersionEvent) => {
      const known = queryClient.getQueryData<VersionedDocument>(docKeys.detail(id));
      if (!known || event.version > known.doc.version) refetch();
    };
    const onDeleted = () => {
      setDeleted(true);
      void queryClient.invalidateQueries({ queryKey: docKeys.list() });
    };

    const stop = followEventStream(client.eventsUrl(id), {
      events: {
        version: (event) => onVersion(JSON.parse(event.data) as VersionEvent),
        deleted: onDeleted,
        // Back from the trash (the stream stays open across a delete): editable again.
        restored: () => {
          setDeleted(false);
          refetch();
        },
      },
      // Refused for a while (the server at its cap of streams): what was saved meanwhile.
      reopened: refetch,
    });

    const channel = openChannel();
    if (channel) {
      channel.onmessage = (event: MessageEvent<TabMessage>) => {
        if (event.data.id !== id) return;
        if (event.data.type === 'deleted') return onDeleted();
        const { etag } = event.data;
        setSavedInThisBrowser((known) => new Set(known).add(etag));
        onVersion(event.data);
      };
    }
    return () => {
      stop();
      channel?.close();
    };
  }, [client, id, queryClient]);

  return { deleted, savedInThisBrowser };
}

/**
 * Keeps the document list current: every document created, saved or deleted anywhere refetches
 * it (the server's `GET /api/events`, and this browser's other tabs). A (re)connected stream
 * refetches too, since events sent before it opened are not replayed.
 */
export function useDocumentListEvents(): void {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: docKeys.list() });
    const stop = followEventStream(client.listEventsUrl(), {
      events: Object.fromEntries(
        ['created', 'version', 'deleted', 'restored'].map((type) => [type, refetch]),
      ),
      // Anything that changed before the stream opened (the list may have loaded first) or while
      // it was reconnecting was not sent on it: reload the list at every open.
      open: refetch,
    });
    const channel = openChannel();
    if (channel) channel.onmessage = refetch;
    return () => {
      stop();
      channel?.close();
    };
  }, [client, queryClient]);
}
