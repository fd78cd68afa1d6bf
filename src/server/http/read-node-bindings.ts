import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What @hono/node-server passes as `c.env`: Node's own request and response. */
export interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/**
 * Node's request and response behind @hono/node-server, for the paths that use them directly
 * (the request body, headers, the client address, the security headers). Both are absent in
 * `app.request()` (tests) and on other runtimes, and tests that fake a connection pass only
 * part of `incoming`: callers fall back to the fetch API.
 */
export function readNodeBindings(c: Context): NodeBindings {
  return (c.env as NodeBindings | undefined) ?? {};
}
