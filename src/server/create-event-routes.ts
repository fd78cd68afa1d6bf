import { Hono } from 'hono';
import { answerMethodNotAllowed } from './answer-method-not-allowed.ts';
import type { ChangeEvent } from './change-feed.ts';
import { findDocument } from './create-document-routes.ts';
import type { DocumentStore } from './store.ts';

/** What the event stream needs from `createApp`. */
export interface EventRouteDeps {
  store: DocumentStore;
  /** Milliseconds between keep-alive comments. */
  keepAliveMs: number;
  /** Ends every open stream when aborted (server shutdown). */
  signal: AbortSignal | undefined;
}

/**
 * `GET /api/docs/{id}/events`: a `text/event-stream` (HTML Living Standard, "Server-sent
 * events") of the document's changes: `version` events `{ version, etag, updated_by }` with
 * `id: <version>`, and one `deleted` event, after which the stream ends.
 *
 * The first event is always the current version, so a client that subscribes after loading
 * (or reconnects) learns of any save it missed in between without another request.
 */
export function createEventRoutes({ store, keepAliveMs, signal }: EventRouteDeps): Hono {
  const routes = new Hono();

  routes.get('/:id/events', async (c) => {
    const id = c.req.param('id');
    await findDocument(store, id);
    const headers = {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      // Tells nginx-style proxies not to buffer, so events arrive when they happen.
      'X-Accel-Buffering': 'no',
    };
    // Hono answers HEAD by running this GET handler and dropping the body unread, which would
    // leave a subscription behind that nobody cancels.
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(streamChanges(store, id, keepAliveMs, signal), 200, headers);
  });
  routes.all('/:id/events', answerMethodNotAllowed(['GET', 'HEAD']));

  return routes;
}

function streamChanges(
  store: DocumentStore,
  id: string,
  keepAliveMs: number,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanUp = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastVersion = 0;
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        cleanUp();
        closed = true;
        controller.close();
      };
      const relay = (event: ChangeEvent) => {
        if (event.type === 'deleted') {
          send('event: deleted\ndata: {}\n\n');
          close();
          return;
        }
        // Versions only grow: anything not newer was already sent (or is the initial state).
        if (event.version <= lastVersion) return;
        lastVersion = event.version;
        const data = { version: event.version, etag: event.etag, updated_by: event.updated_by };
        send(`event: version\nid: ${event.version}\ndata: ${JSON.stringify(data)}\n\n`);
      };

      // Subscribe before reading the current version, so no save can fall between the two.
      const unsubscribe = store.changes.subscribe(id, relay);
      // Comments (lines starting with ":") keep idle proxies and browsers from closing.
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
      const onAbort = () => close();
      cleanUp = () => {
        unsubscribe();
        clearInterval(keepAlive);
        signal?.removeEventListener('abort', onAbort);
      };
      if (signal?.aborted) return close();
      signal?.addEventListener('abort', onAbort);

      send('retry: 2000\n\n');
      const current = await store.getDocument(id);
      if (!current) return relay({ type: 'deleted', id });
      relay({ type: 'version', ...current });
    },
    cancel() {
      // The client went away.
      cleanUp();
    },
  });
}
