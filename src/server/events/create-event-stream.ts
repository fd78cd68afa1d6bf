/** What a stream's `start` gets: ways to send and to end. */
export interface EventSink {
  /** Sends one event (HTML Living Standard, "Server-sent events"); `data` is sent as JSON. */
  send(event: string, data: unknown, id?: number): void;
  /** Sends an event already encoded by `encodeEvent` (shared by every stream it goes to). */
  sendEncoded(frame: Uint8Array): void;
  /** Ends the stream (the client's EventSource will reconnect unless it closes itself). */
  close(): void;
}

/** How an event stream behaves; see `createEventStream`. */
export interface EventStreamOptions {
  /** Milliseconds between keep-alive comments. */
  keepAliveMs: number;
  /** Ends the stream when aborted (server shutdown). */
  signal: AbortSignal | undefined;
  /** Ends the stream when aborted (the client went away before its answer was written). */
  clientSignal?: AbortSignal;
  /** Runs exactly once when the stream ends, for whatever reason (frees its place in the caps). */
  release?: () => void;
  /**
   * Drops the connection of a client that reads too slowly (more than `maxQueuedBytes` wait).
   * Default: the stream errors, which makes the server cut the connection.
   */
  dropClient?: () => void;
  /**
   * Starts producing events; returns what to undo (unsubscribe) when the stream ends, for
   * whatever reason. May send before its promise resolves.
   */
  start(sink: EventSink): Promise<() => void> | (() => void);
}

/** The reconnection delay the streams ask EventSource for, in milliseconds. */
export const eventStreamRetryMs = 2000;

/**
 * Bytes of events a stream holds for a client that does not read them (beyond what the socket
 * buffers). Hundreds of events: a client past it is stuck, not slow, and is dropped; its
 * EventSource reconnects and catches up by `Last-Event-ID`, so nothing is lost but memory.
 */
export const maxQueuedBytes = 64 * 1024;

const encoder = new TextEncoder();
const keepAliveFrame = encoder.encode(': keep-alive\n\n');
const retryFrame = encoder.encode(`retry: ${eventStreamRetryMs}\n\n`);

/**
 * One event as the bytes of a `text/event-stream` (`data` as JSON). Encode an event once and
 * `sendEncoded` it to each stream: with thousands of streams, encoding is a cost per stream.
 *
 * @example encodeEvent('deleted', { id: 'a' }) // the bytes of "event: deleted\ndata: {…}\n\n"
 */
export function encodeEvent(event: string, data: unknown, id?: number): Uint8Array {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return encoder.encode(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
}

/**
 * A cache of each change's encoded event, for the streams that relay it: `encode(change,
 * build)` builds the bytes once per change (the hub hands every stream the same object).
 */
export function createFrameCache<Change extends object>(): (
  change: Change,
  build: () => Uint8Array,
) => Uint8Array {
  const frames = new WeakMap<Change, Uint8Array>();
  return (change, build) => {
    let frame = frames.get(change);
    if (!frame) frames.set(change, (frame = build()));
    return frame;
  };
}

/**
 * A `text/event-stream` body: `retry:` first, then whatever `start` sends, with a keep-alive
 * comment every `keepAliveMs` so idle proxies and browsers do not close it. Ends when `start`
 * closes it, the client goes away, or `signal` aborts; the cleanup runs exactly once.
 */
export function createEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  let closed = false;
  let cleanUp: (() => void) | undefined;
  let stopStart: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let released = false;
  const finish = () => {
    clearInterval(keepAlive);
    options.signal?.removeEventListener('abort', onAbort);
    options.clientSignal?.removeEventListener('abort', onAbort);
    cleanUp?.();
    cleanUp = undefined;
    if (!released) {
      released = true;
      options.release?.();
    }
  };
  let onAbort = () => {};

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const write = (frame: Uint8Array) => {
          if (closed) return;
          controller.enqueue(frame);
          if ((controller.desiredSize ?? 0) >= 0) return;
          // The client is not reading: stop holding events for it.
          closed = true;
          finish();
          if (options.dropClient) options.dropClient();
          else controller.error(new Error('the client stopped reading its event stream'));
        };
        const close = () => {
          if (closed) return;
          closed = true;
          finish();
          controller.close();
        };
        const sink: EventSink = {
          send: (event, data, id) => write(encodeEvent(event, data, id)),
          sendEncoded: write,
          close,
        };
        onAbort = close;
        if (options.signal?.aborted || options.clientSignal?.aborted) return close();
        options.signal?.addEventListener('abort', onAbort);
        options.clientSignal?.addEventListener('abort', onAbort);
        // Comments (lines starting with ":") keep idle proxies and browsers from closing.
        keepAlive = setInterval(() => write(keepAliveFrame), options.keepAliveMs);
        write(retryFrame);
        stopStart = await options.start(sink);
        // The stream may have ended while `start` was running; undo at once then.
        if (closed) stopStart();
        else cleanUp = stopStart;
      },
      cancel() {
        // The client went away.
        closed = true;
        finish();
      },
    },
    // Counted in bytes, so `desiredSize` below zero means more than `maxQueuedBytes` wait.
    new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
  );
}
