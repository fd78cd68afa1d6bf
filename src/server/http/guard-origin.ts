import type { MiddlewareHandler } from 'hono';
import { problemTypes } from '../../protocol/problem.ts';
import { createProblemResponse } from './problem-error.ts';
import { readRequestHeader } from './read-request-header.ts';

// Methods that can change state (RFC 9110 §9.2.1: everything but the safe ones).
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses (403) a state-changing request that a browser sent from another site, unless that
 * site's origin is in `allowedOrigins` (the CORS allow-list). Forged requests from HTML forms
 * are already refused for not being JSON (415); this also stops a page elsewhere from using a
 * browser's network position, whatever it sends.
 *
 * A browser says where a request comes from in `Sec-Fetch-Site` (Fetch Metadata) and `Origin`
 * (RFC 6454 §7), which pages cannot forge. Requests with neither come from programs (curl, a
 * server, tests), not from a page, and pass. Origin is compared with `Host` by host name and
 * port only, so a TLS-terminating proxy in front does not look cross-origin.
 */
export function guardOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  return (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = readRequestHeader(c, 'Origin');
    const site = readRequestHeader(c, 'Sec-Fetch-Site');
    if (origin !== undefined && allowedOrigins.includes(origin)) return next();
    if (site === 'same-origin' || site === 'none') return next();
    if (
      site === undefined &&
      (origin === undefined || isSameHost(origin, readRequestHeader(c, 'Host')))
    ) {
      return next();
    }
    return Promise.resolve(
      createProblemResponse({
        type: problemTypes.forbiddenOrigin,
        title: 'Cross-site request refused',
        status: 403,
        detail: `${c.req.method} is accepted only from this app's own pages${
          allowedOrigins.length > 0 ? ' and the origins allowed by CORS' : ''
        }, not from ${origin ?? 'another site'}.`,
      }),
    );
  };
}

function isSameHost(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false; // `Origin: null` (a sandboxed page, a file) and anything malformed
  }
}
