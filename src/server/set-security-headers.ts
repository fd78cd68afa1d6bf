import type { MiddlewareHandler } from 'hono';

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

/** Adds the basic security headers to every answer, errors and static files included. */
export const setSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Content-Security-Policy', contentSecurityPolicy);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Frame-Options', 'DENY');
};
