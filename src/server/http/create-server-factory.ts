import { createServer } from 'node:http';
import type { RequestListener, ServerOptions } from 'node:http';

/** How long the Node server waits on a client, in milliseconds. */
export interface ServerTimeouts {
  /** From connecting (or the previous answer) to the end of the request's headers. */
  headersMs: number;
  /** From connecting to the end of the request's body: a slow upload is cut here. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this long without a new request. */
  keepAliveMs: number;
  /** How often the server looks for connections past `headersMs` or `requestMs`. */
  checkEveryMs: number;
}

/**
 * Node's own defaults are 60 s for headers, 300 s for a request, and a check every 30 s, so a
 * client that sends a byte now and then held a connection for minutes. A person's browser
 * sends its headers at once, and a full 5 MiB document in 30 s needs only 170 KiB/s. Event
 * streams are not affected: their request is complete once its headers are in.
 */
export const defaultServerTimeouts: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

/**
 * A `createServer` for @hono/node-server (its `createServer` option) whose servers bound how
 * long a slow or silent client can hold a connection: past `headersMs` or `requestMs` Node
 * answers 408 and closes it; an idle keep-alive connection closes after `keepAliveMs`.
 *
 * @example serve({ fetch: app.fetch, port, createServer: createServerFactory() });
 */
export function createServerFactory(
  timeouts: ServerTimeouts = defaultServerTimeouts,
): typeof createServer {
  return ((options: ServerOptions, listener?: RequestListener) => {
    const server = createServer(
      {
        ...options,
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: timeouts.checkEveryMs,
      },
      listener,
    );
    // Not a constructor option on Node 20.
    server.keepAliveTimeout = timeouts.keepAliveMs;
    return server;
  }) as typeof createServer;
}
