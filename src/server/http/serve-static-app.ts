import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { resolve } from 'node:path';

/**
 * Serves the built app from `dir` on `app`: files as they are, and `index.html` for any other
 * GET outside `/api` so client-side routes such as `/docs/abc` load the app. Register after the
 * API routes.
 *
 * Vite names everything under `/assets/` by content hash, so those files never change and are
 * cached for a year; everything else (above all `index.html`, which names the current hashes)
 * is revalidated every time.
 */
export function serveStaticApp(app: Hono, dir: string): void {
  const root = resolve(dir);
  const serveAsset = withCacheControl(serveStatic({ root }), 'public, max-age=31536000, immutable');
  const serveFile = withCacheControl(serveStatic({ root }), 'no-cache');
  const serveIndex = withCacheControl(serveStatic({ root, path: 'index.html' }), 'no-cache');

  const isAsset = (path: string) => path.startsWith('/assets/');
  app.get('*', (c, next) => (isAsset(c.req.path) ? serveAsset(c, next) : serveFile(c, next)));
  // A missing asset is a 404, not the app: a stale page asking for an old hash must fail
  // visibly rather than receive HTML as JavaScript.
  app.get('*', (c, next) => (isAsset(c.req.path) ? next() : serveIndex(c, next)));
}

/** Wraps a static handler so that the files it answers carry `Cache-Control: value`. */
function withCacheControl(handler: MiddlewareHandler, value: string): MiddlewareHandler {
  return async (c, next) => {
    const res = await handler(c, next);
    if (res instanceof Response && res.ok) res.headers.set('Cache-Control', value);
    return res;
  };
}
