/** What a stream's `start` gets: ways to send and to end. */
export interface EventSink {
  /** Sends one event (HTML Living Standard, "Server-sent events"); `data` is sent as JSON. */
  send(event: string, data: unknown, id?: number): void;
  /** Ends the stream (the client's EventSource will reconnect unless it closes itself). */
  close(): void;
}

/** How an event stream behaves; see `createEventStream`. */
export interface EventStreamOptions {
  /** Milliseconds between keep-alive comments. */
  keepAliveMs: number;
  /** Ends the stream when aborted (server shutdown). */
  signal: AbortSignal | undefined;
  /**
   * Starts producing events; returns what to undo (unsubscribe) when the stream ends, for
   * whatever reason. May send before its promise resolves.
   */
  start(sink: EventSink): Promise<() => void> | (() => void);
}

/** The reconnection delay the streams ask EventSource for, in milliseconds. */
export const eventStreamRetryMs = 2000;

/**
 * A `text/event-stream` body: `retry:` first, then whatever `start` sends, with a keep-alive
 * comment every `keepAliveMs` so idle proxies and browsers do not close it. Ends when `start`
 * closes it, the client goes away, or `signal` aborts; the cleanup runs exactly once.
 */
export function createEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanUp: (() => void) | undefined;
  let stopStart: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const finish = () => {
    clearInterval(keepAlive);
    options.signal?.removeEventListener('abort', onAbort);
    cleanUp?.();
    cleanUp = undefined;
  };
  let onAbort = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        finish();
        controller.close();
      };
      const sink: EventSink = {
        send(event, data, id) {
          write(
            `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`,
          );
        },
        close,
      };
      onAbort = close;
      if (options.signal?.aborted) return close();
      options.signal?.addEventListener('abort', onAbort);
      // Comments (lines starting with ":") keep idle proxies and browsers from closing.
      keepAlive = setInterval(() => write(': keep-alive\n\n'), options.keepAliveMs);
      write(`retry: ${eventStreamRetryMs}\n\n`);
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
  });
}
