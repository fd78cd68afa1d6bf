import type { Context } from 'hono';
import { readNodeBindings } from './read-node-bindings.ts';

/**
 * The remote address of the connection a request came on, as `@hono/node-server` hands it
 * over in `c.env.incoming`; `'unknown'` when there is none (`app.request` in tests, other
 * runtimes). `X-Forwarded-For` is deliberately not read: any client can send it. Behind a
 * reverse proxy every request has the proxy's address.
 */
export function readClientAddress(c: Context): string {
  return readNodeBindings(c).incoming?.socket?.remoteAddress ?? 'unknown';
}
