/** What `followEventStream` calls: a listener per event type, and `open` at every (re)connect. */
export interface StreamListeners {
  events: Record<string, (event: MessageEvent<string>) => void>;
  /** The stream (re)opened: EventSource's own reconnects, and an open after a refusal. */
  open?: () => void;
  /**
   * The stream opened again after the server refused it: nothing sent meanwhile was received
   * (a new EventSource sends no `Last-Event-ID`), so what it reports on must be read again.
   */
  reopened?: () => void;
}

/** How the stream is made and waited for; the browser's by default, a fake in tests. */
export interface StreamWorld {
  create: (url: string) => EventSource;
  wait: (ms: number, then: () => void) => () => void;
  random: () => number;
}

/** `EventSource.CLOSED`, which Node (where the tests run) does not define. */
const closedState = 2;

const browserWorld: StreamWorld = {
  create: (url) => new EventSource(url),
  wait: (ms, then) => {
    const timer = setTimeout(then, ms);
    return () => clearTimeout(timer);
  },
  random: Math.random,
};

/**
 * How long to wait before opening the stream again after its `attempt`th refusal in a row:
 * doubling from 1 s up to 30 s, each spread over ±25% so that many clients refused at once
 * (a server at its cap of streams) do not all come back at the same moment.
 *
 * @example reconnectDelay(1, () => 0.5) // 1000
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Follows a server's event stream, and keeps following it. EventSource reconnects by itself
 * after a dropped connection, but gives up for good on an answer that is not a stream (429 or
 * 503 from a server at its cap of streams, a proxy's 502): then the page would hear of no change
 * again. Here such a stream is opened again after a growing pause. Returns a function that stops.
 */
export function followEventStream(
  url: string,
  listeners: StreamListeners,
  world: StreamWorld = browserWorld,
): () => void {
  let source: EventSource | undefined;
  let cancelWait: (() => void) | undefined;
  let refused = 0;
  let stopped = false;
  let wasRefused = false;
  const connect = () => {
    cancelWait = undefined;
    const current = world.create(url);
    source = current;
    for (const [type, listener] of Object.entries(listeners.events))
      current.addEventListener(type, listener as EventListener);
    current.addEventListener('open', () => {
      refused = 0;
      listeners.open?.();
      if (wasRefused) listeners.reopened?.();
      wasRefused = false;
    });
    current.addEventListener('error', () => {
      // Still CONNECTING: EventSource is already trying again by itself.
      if (current.readyState !== closedState || stopped) return;
      refused += 1;
      wasRefused = true;
      cancelWait = world.wait(reconnectDelay(refused, world.random), connect);
    });
  };
  connect();
  return () => {
    stopped = true;
    cancelWait?.();
    source?.close();
  };
}
