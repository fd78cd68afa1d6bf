import { Hono } from 'hono';
import type { Context } from 'hono';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import type { ChangeEvent } from '../../events/change-feed.ts';
import { createDocumentNotFound, idPattern } from './create-document-routes.ts';
import { answerEventStream, eventStreamHeaders } from '../../events/answer-event-stream.ts';
import type { EventStreamDeps } from '../../events/answer-event-stream.ts';
import { createFrameCache, encodeEvent } from '../../events/create-event-stream.ts';
import type { EventSink } from '../../events/create-event-stream.ts';
import type { DocumentStore } from '../../store/store.ts';
import { readRequestHeader } from '../read-request-header.ts';
import { readAccount } from '../../auth/authenticate.ts';
import type { Account } from '../../auth/authenticate.ts';
import { gateChangeEvents } from '../../events/gate-change-events.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import {
  eventStream,
  idParameter,
  internalError,
  noCache,
  notFound,
  serverBusy,
  streamRefused,
} from '../openapi/openapi-parts.ts';

/** What the event streams need from `createApp`. */
export interface EventRouteDeps extends EventStreamDeps {
  store: DocumentStore;
}

// A version number as an event id: what EventSource sends back in Last-Event-ID.
const versionPattern = /^[1-9][0-9]{0,14}$/;

/**
 * `GET /api/docs/{id}/events`: a `text/event-stream` (HTML Living Standard, "Server-sent
 * events") of the document's changes: `version` events `{ version, etag, updated_by }` with
 * `id: <version>`; `deleted` `{}` when it moves to the trash, and `restored` `{ version, etag,
 * updated_by }` (with `id: <version>`) when it comes back. The stream stays open across both,
 * so an open tab follows a restore; a document in the trash can be subscribed to (its first
 * event is `deleted`).
 *
 * Without `Last-Event-ID` the first event is the current version, so a client that subscribes
 * after loading learns of any save it missed in between. With `Last-Event-ID: n` (sent by
 * EventSource when it reconnects) every version after n is replayed from the kept history, in
 * order, then live events follow: a reconnecting tab misses none.
 */
export function createEventRoutes({ store, ...deps }: EventRouteDeps): Hono {
  const routes = new Hono();

  routes.get('/:id/events', async (c) => {
    const id = c.req.param('id');
    const known =
      idPattern.test(id) && ((await store.getDocument(id)) ?? (await store.findInTrash(id)));
    if (!known) throw createDocumentNotFound(id);
    // Hono answers HEAD by running this GET handler and dropping the body unread, which would
    // leave a subscription behind that nobody cancels.
    if (c.req.method === 'HEAD') return c.body(null, 200, eventStreamHeaders);
    const after = readLastVersionSeen(c);
    const account = readAccount(c);
    return answerEventStream(c, deps, (sink) => streamDocument(store, id, after, sink, account));
  });
  describeOperation(routes, {
    operationId: 'streamDocumentEvents',
    summary: "Server-sent events of a document's changes.",
    description:
      '`event: version` (`VersionEvent`, with `id: <version>`), then live ones; ' +
      '`event: deleted` (`DeletedEvent`) when it moves to the trash, `event: restored` ' +
      '(`RestoredEvent`) when it comes back; the stream stays open across both (a document ' +
      'in the trash starts with `deleted`). Without Last-Event-ID the first ' +
      'event is the current version; with it, every later version is replayed in order. ' +
      'Keep-alive comments every 15 s.',
    parameters: [
      idParameter,
      {
        name: 'Last-Event-ID',
        in: 'header',
        description: 'The last version seen (EventSource sends it on reconnect).',
        schema: { type: 'string' },
      },
    ],
    responses: {
      '200': {
        description: 'The stream.',
        headers: { 'Cache-Control': noCache },
        content: eventStream,
      },
      '404': notFound,
      '429': streamRefused,
      '503': serverBusy,
      default: internalError,
    },
  });
  routes.all('/:id/events', answerMethodNotAllowed(['GET', 'HEAD']));

  return routes;
}

/** The version named by `Last-Event-ID`; `undefined` when absent or not one of ours (ignored). */
function readLastVersionSeen(c: Context): number | undefined {
  const value = readRequestHeader(c, 'Last-Event-ID')?.trim();
  return value !== undefined && versionPattern.test(value) ? Number(value) : undefined;
}

async function streamDocument(
  store: DocumentStore,
  id: string,
  after: number | undefined,
  sink: EventSink,
  account: Account | undefined,
): Promise<() => void> {
  let lastSent = after ?? 0;
  const relay = (event: ChangeEvent) => {
    // Versions may have been missed: end, and the client's reconnect replays them.
    if (event.type === 'resync') return sink.close();
    if (event.type === 'deleted') return sink.sendEncoded(deletedFrame);
    if (event.type === 'restored') lastSent = Math.max(lastSent, event.version);
    else if (event.version <= lastSent)
      return; // versions only grow: already sent
    else lastSent = event.version;
    sink.sendEncoded(encodeOnce(event, () => encodeDocumentEvent(event)));
  };

  // Subscribe before reading the current state, so no save can fall between the two; hold
  // live events back until the replay is out, so versions arrive in order.
  let held: ChangeEvent[] | undefined = [];
  // Live events only while the document is still shared with this person: once it is not, the
  // stream ends, and the reconnect is answered 404 like any stranger's.
  const gated = gateChangeEvents(store.members, account, {
    onVisible: relay,
    onHidden: () => sink.close(),
    onError: () => sink.close(),
  });
  const unsubscribe = store.changes.subscribe(id, (event) =>
    held ? held.push(event) : gated(event),
  );
  const current = await store.getDocument(id);
  if (!current) {
    relay({ type: 'deleted', id });
  } else if (after === undefined || after >= current.version) {
    relay({ type: 'version', ...current });
  } else {
    const versions = (await store.listVersions(id)) ?? [];
    for (const version of versions.reverse()) {
      if (version.version > current.version) break;
      relay({ type: 'version', id, title: '', ...version });
    }
  }
  const pending = held;
  held = undefined;
  for (const event of pending) gated(event);
  return unsubscribe;
}

// Every stream of a document sends the same bytes for a change: encoded once.
const encodeOnce = createFrameCache<ChangeEvent>();
const deletedFrame = encodeEvent('deleted', {});

function encodeDocumentEvent(event: Extract<ChangeEvent, { type: 'version' | 'restored' }>) {
  const data = { version: event.version, etag: event.etag, updated_by: event.updated_by };
  return encodeEvent(event.type, data, event.version);
}
