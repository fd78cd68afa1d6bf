import type { MiddlewareHandler } from 'hono';
import { readNodeBindings } from './read-node-bindings.ts';

/**
 * The Content-Security-Policy of every answer. The built app is one module script and one
 * stylesheet from `/assets/`, and React sets styles through the CSSOM (which `style-src` does not
 * govern), so `'self'` suffices everywhere; nothing inline may run (CSP Level 3).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * Adds the basic security headers to every answer, errors and static files included.
 *
 * Behind @hono/node-server they go on Node's response before the app answers, and Node merges
 * them with the answer's own headers. Setting them on `c.res.headers` afterwards, as on other
 * runtimes and in `app.request()`, makes each answer's header object a fetch `Headers` and back,
 * which `npm run bench:server` measures.
 */
export const setSecurityHeaders: MiddlewareHandler = (c, next) => {
  const { outgoing } = readNodeBindings(c);
  if (outgoing) {
    for (const [name, value] of securityHeaders) outgoing.setHeader(name, value);
    return next();
  }
  return next().then(() => {
    for (const [name, value] of securityHeaders) c.res.headers.set(name, value);
  });
};
