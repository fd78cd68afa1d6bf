import type { Context } from 'hono';
import { readNodeBindings } from './read-node-bindings.ts';

/**
 * The request's `name` header, as `c.req.header(name)` gives it: `undefined` when absent, the
 * values of a repeated header joined by `, `.
 *
 * Behind @hono/node-server it is read from Node's own parsed headers (a plain object Node has
 * built anyway), because `c.req.header` first copies every header of the request into a fetch
 * `Headers`, which `npm run bench:server` measures on every request. Node keeps only the first
 * of a repeated header that cannot be a list (`Content-Type`, `Host`, …), as its own server does.
 *
 * @example readRequestHeader(c, 'If-Match') // '"a", "b"'
 */
export function readRequestHeader(c: Context, name: string): string | undefined {
  const headers = readNodeBindings(c).incoming?.headers;
  if (!headers) return c.req.header(name);
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
