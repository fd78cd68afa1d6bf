import { Hono } from 'hono';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import type { ChangeEvent } from '../../events/change-feed.ts';
import { answerEventStream, eventStreamHeaders } from '../../events/answer-event-stream.ts';
import { createFrameCache, encodeEvent } from '../../events/create-event-stream.ts';
import type { EventRouteDeps } from './create-event-routes.ts';
import { readAccount } from '../../auth/authenticate.ts';
import { gateChangeEvents } from '../../events/gate-change-events.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { eventStream, noCache, serverBusy, streamRefused } from '../openapi/openapi-parts.ts';

/**
 * `GET /api/events`: one `text/event-stream` of every document's changes, so a document list
 * can update live:
 *
 * - `created` `{ id, title, version: 1, etag, updated_at, updated_by }`
 * - `version` `{ id, title, version, etag, updated_at, updated_by }` (a save)
 * - `deleted` `{ id }` (moved to the trash)
 * - `restored` `{ id, title, version, etag, updated_at, updated_by }` (back from the trash)
 *
 * Signed in, one hears only of the documents one may read (at the time of the change).
 *
 * Events carry no ids and there is no resume: a client should (re)load `GET /api/docs` when
 * the stream opens, which EventSource signals with `open` after every reconnect.
 */
export function createListEventRoutes({
  store,
  ...deps
}: Omit<EventRouteDeps, 'store'> & {
  store: Pick<EventRouteDeps['store'], 'changes' | 'members'>;
}): Hono {
  const routes = new Hono();

  routes.get('/', (c) => {
    if (c.req.method === 'HEAD') return c.body(null, 200, eventStreamHeaders);
    return answerEventStream(c, deps, (sink) =>
      store.changes.subscribeAll(
        // Only the changes of documents this person may see: no event tells of another's.
        gateChangeEvents(store.members, readAccount(c), {
          onVisible: (event: ChangeEvent) => {
            // Changes may have been missed: end, and the client reloads the list as it reconnects.
            if (event.type === 'resync') return sink.close();
            sink.sendEncoded(encodeOnce(event, () => encodeListEvent(event)));
          },
          onHidden: () => undefined,
          onError: () => sink.close(),
        }),
      ),
    );
  });
  describeOperation(routes, {
    operationId: 'streamListEvents',
    summary: 'Server-sent events of every document: for a live document list.',
    description:
      '`event: created`, `event: version` and `event: restored` (`ListChangeEvent`), ' +
      '`event: deleted` (`ListDeletedEvent`). No ids and no resume: reload GET /api/docs ' +
      'on `open`.',
    responses: {
      '200': {
        description: 'The stream.',
        headers: { 'Cache-Control': noCache },
        content: eventStream,
      },
      '429': streamRefused,
      '503': serverBusy,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD']));

  return routes;
}

// Every list stream sends the same bytes for a change: encoded once.
const encodeOnce = createFrameCache<ChangeEvent>();

function encodeListEvent(event: Exclude<ChangeEvent, { type: 'resync' }>): Uint8Array {
  if (event.type === 'deleted') return encodeEvent('deleted', { id: event.id });
  const { id, title, version, etag, updated_at, updated_by } = event;
  const data = { id, title, version, etag, updated_at, updated_by };
  if (event.type === 'restored') return encodeEvent('restored', data);
  return encodeEvent(version === 1 ? 'created' : 'version', data);
}
