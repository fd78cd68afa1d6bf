import type { MiddlewareHandler } from 'hono';
import { readRequestHeader } from './read-request-header.ts';

/** Request headers an embedder's page may send (besides the CORS-safelisted ones). */
export const corsAllowedHeaders = [
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'Concord-User',
  'Concord-Resolution',
  'Last-Event-ID',
];

/** Response headers an embedder's script may read (besides the CORS-safelisted ones). */
export const corsExposedHeaders = [
  'ETag',
  'Location',
  'Content-Location',
  'Link',
  'Retry-After',
  'X-Request-Id',
];

const corsMethods = 'GET, HEAD, POST, PUT, DELETE';

/**
 * CORS (Fetch Standard, "CORS protocol") for the exact origins in `allowedOrigins`, e.g.
 * `https://wiki.example.com`: answers their preflights and lets their scripts read answers,
 * ETag included. Without credentials: Concord has no cookies. With an empty list, nothing is
 * added and browsers keep other sites out (CORS off).
 *
 * @example app.use('*', handleCors(['https://wiki.example.com']));
 */
export function handleCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  for (const origin of allowedOrigins) {
    if (!isOrigin(origin)) {
      throw new Error(
        `CORS origin ${JSON.stringify(origin)} is not an origin like https://a.example`,
      );
    }
  }
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (allowed.size === 0) return next();
    const origin = readRequestHeader(c, 'Origin');
    const ok = origin !== undefined && allowed.has(origin);
    const requestedMethod = readRequestHeader(c, 'Access-Control-Request-Method');
    if (ok && c.req.method === 'OPTIONS' && requestedMethod !== undefined) {
      // A preflight: answer it here; the routes' own OPTIONS answer only says Allow.
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': corsMethods,
        'Access-Control-Allow-Headers': corsAllowedHeaders.join(', '),
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    // Answers differ by Origin once any origin is allowed, so caches must key on it.
    c.res.headers.append('Vary', 'Origin');
    if (ok) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', corsExposedHeaders.join(', '));
    }
  };
}

/** Whether `text` is exactly a web origin (`https://host[:port]`, no path or slash). */
export function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}
