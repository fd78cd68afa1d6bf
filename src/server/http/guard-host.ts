import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { problemTypes } from '../../protocol/problem.ts';
import { createProblemResponse } from './problem-error.ts';
import { readNodeBindings } from './read-node-bindings.ts';
import { readRequestHeader } from './read-request-header.ts';

// Decisions per Host value, so a request costs one Map lookup. Bounded: a client sending a
// new Host each time must not grow it without end.
const cacheLimit = 256;

/**
 * Refuses (421 Misdirected Request, RFC 9110 §15.5.20) a request whose `Host` names no host
 * this server answers for. That is what defeats DNS rebinding: a page on `evil.example` that
 * rebinds its name to 127.0.0.1 reaches the port, but its requests say `Host: evil.example`.
 *
 * Always allowed, on any port: `localhost` and `*.localhost` (RFC 6761 §6.3: they resolve to
 * loopback, browsers do not ask DNS), and IP literals (a name that rebinding could move is
 * not an address). Beyond those, the names in `allowedHosts`: an exact name (`docs.example.com`),
 * a leading dot for a domain and its subdomains (`.example.com`), or `*` for any host (only
 * behind a proxy that checks names itself). Ports are not compared: the Vite dev proxy and a
 * TLS-terminating proxy forward the port the browser used, not the one bound.
 *
 * @example app.use('*', guardHost(['docs.example.com']));
 */
export function guardHost(allowedHosts: readonly string[]): MiddlewareHandler {
  const names = allowedHosts.map((name) => name.trim().toLowerCase()).filter(Boolean);
  const bad = names.find((name) => !isHostPattern(name));
  if (bad !== undefined) {
    throw new Error(`allowed host ${JSON.stringify(bad)} is not a host name like docs.example.com`);
  }
  if (names.includes('*')) return (_c, next) => next();
  const decided = new Map<string, boolean>();
  const allows = (host: string) => {
    let ok = decided.get(host);
    if (ok === undefined) {
      ok = isAllowedHost(host, names);
      if (decided.size >= cacheLimit) decided.clear();
      decided.set(host, ok);
    }
    return ok;
  };

  return (c, next) => {
    const host = readHost(
      c.req.url,
      readRequestHeader(c, 'Host'),
      readNodeBindings(c).incoming?.url,
    );
    if (allows(host)) return next();
    return Promise.resolve(
      createProblemResponse({
        type: problemTypes.misdirectedRequest,
        title: 'Unknown host name',
        status: 421,
        detail: `This server does not answer for the host ${JSON.stringify(host)}. An administrator can allow a name with CONCORD_ALLOWED_HOSTS.`,
      }),
    );
  };
}

/**
 * The host a request was sent to: its `Host` header, or the authority of an absolute-form
 * target (`PUT http://evil.example/… HTTP/1.1`, RFC 9112 §3.2.2), which wins over `Host`.
 * `app.request()` in tests has neither: then the request URL's.
 */
function readHost(url: string, header: string | undefined, target: string | undefined): string {
  if (target !== undefined && !target.startsWith('/')) return readUrlHost(url);
  return header ?? readUrlHost(url);
}

function readUrlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Whether `host` (a `Host` value: name or address, maybe a port) is one this server answers
 * for, given the lower-cased `names` an administrator allowed (see `guardHost`).
 *
 * @example isAllowedHost('127.0.0.1:8080', []) // true
 * @example isAllowedHost('evil.example:8080', []) // false
 */
export function isAllowedHost(host: string, names: readonly string[]): boolean {
  const name = stripPort(host.toLowerCase());
  if (name === undefined || name === '') return false;
  if (name.startsWith('[')) return name.endsWith(']') && isIP(name.slice(1, -1)) === 6;
  if (isIP(name) === 4) return true;
  // A fully qualified name may end in a dot (`localhost.`): the same host.
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  return names.some((allowed) =>
    allowed.startsWith('.')
      ? bare === allowed.slice(1) || bare.endsWith(allowed)
      : bare === allowed,
  );
}

/** The host without `:port`; `undefined` when what follows the colon is not a port. */
function stripPort(host: string): string | undefined {
  const colon = host.lastIndexOf(':');
  if (colon === -1 || host.endsWith(']')) return host;
  if (!host.startsWith('[') && host.indexOf(':') !== colon) return undefined; // bare IPv6
  return /^\d{1,5}$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : undefined;
}

/** Whether `text` can be an entry of `allowedHosts`: `*`, a host name, or `.domain`. */
export function isHostPattern(text: string): boolean {
  if (text === '*') return true;
  return /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(text);
}
