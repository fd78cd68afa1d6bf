import type { Context } from 'hono';
import { createEventStream } from './create-event-stream.ts';
import type { EventStreamOptions } from './create-event-stream.ts';
import type { EventStreamLimiter } from './limit-event-streams.ts';
import { readClientAddress } from '../http/read-client-address.ts';
import { readNodeBindings } from '../http/read-node-bindings.ts';

/** The headers of every event stream. */
export const eventStreamHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  // Tells nginx-style proxies not to buffer, so events arrive when they happen.
  'X-Accel-Buffering': 'no',
};

/** What every event stream needs from `createApp`. */
export interface EventStreamDeps {
  /** Milliseconds between keep-alive comments. */
  keepAliveMs: number;
  /** Ends every open stream when aborted (server shutdown). */
  signal: AbortSignal | undefined;
  /** Counts open streams per client and in total; refuses past the caps. */
  limiter: EventStreamLimiter;
}

/**
 * Answers with an event stream fed by `start`, once the caps allow one more for this client
 * (else throws the 429 or 503 problem). The stream's place is freed when it ends, however it
 * ends: closed by the server, the client gone (even before the answer was written) or dropped
 * for not reading.
 */
export function answerEventStream(
  c: Context,
  deps: EventStreamDeps,
  start: EventStreamOptions['start'],
): Response {
  const release = deps.limiter.open(readClientAddress(c));
  const { outgoing } = readNodeBindings(c);
  let clientSignal: AbortSignal;
  if (outgoing) {
    // Node's own event: reading `c.req.raw.signal` would build a whole fetch Request.
    const gone = new AbortController();
    outgoing.once('close', () => gone.abort());
    clientSignal = gone.signal;
  } else {
    clientSignal = c.req.raw.signal;
  }
  const body = createEventStream({
    keepAliveMs: deps.keepAliveMs,
    signal: deps.signal,
    clientSignal,
    release,
    // Cutting the connection ends the answer at once; the client's EventSource reconnects.
    dropClient: outgoing ? () => outgoing.destroy() : undefined,
    start,
  });
  return c.body(body, 200, eventStreamHeaders);
}
