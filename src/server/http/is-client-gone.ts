import type { Context } from 'hono';
import { readNodeBindings } from './read-node-bindings.ts';

/**
 * Whether the client of `c` went away before its request had arrived whole (an upload broken
 * off, a tab closed mid-save). Nobody is left to answer then, and the error that reading the
 * body met is the client's doing, not a fault of the server. Only known behind
 * @hono/node-server; `app.request()` in tests has no connection.
 */
export function isClientGone(c: Context): boolean {
  const { incoming } = readNodeBindings(c);
  return incoming?.complete === false && incoming.destroyed === true;
}
