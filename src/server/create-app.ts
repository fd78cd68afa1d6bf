import { Hono } from 'hono';
import type { Context } from 'hono';
import { existsSync } from 'node:fs';
import { defaultSignInLimits, createSignInThrottle } from './auth/throttle-sign-in.ts';
import type { AuthOptions } from './auth/auth-options.ts';
import { authenticate } from './auth/authenticate.ts';
import { compressJson } from './http/compress-json.ts';
import { createSessionRoutes } from './http/routes/create-session-routes.ts';
import { createTokenRoutes } from './http/routes/create-token-routes.ts';
import { createUserRoutes } from './http/routes/create-user-routes.ts';
import { createCollectionRoutes } from './http/routes/create-collection-routes.ts';
import { createHealthRoutes } from './http/routes/create-health-routes.ts';
import { createEventRoutes } from './http/routes/create-event-routes.ts';
import { createListEventRoutes } from './http/routes/create-list-event-routes.ts';
import { createDocumentRoutes } from './http/routes/create-document-routes.ts';
import { createNotFoundProblem } from './http/create-not-found-problem.ts';
import { createTrashRoutes } from './http/routes/create-trash-routes.ts';
import { createVersionRoutes } from './http/routes/create-version-routes.ts';
import { createMemberRoutes } from './http/routes/create-member-routes.ts';
import { guardDocumentAccess } from './auth/guard-document-access.ts';
import { createTrashRetention, defaultTrashDays } from './store/trash-retention.ts';
import { guardHost } from './http/guard-host.ts';
import { guardOrigin } from './http/guard-origin.ts';
import { handleCors } from './http/handle-cors.ts';
import { handleError } from './http/handle-error.ts';
import { createEventStreamLimiter, defaultEventStreamCaps } from './events/limit-event-streams.ts';
import type { EventStreamCaps } from './events/limit-event-streams.ts';
import { defaultRateLimit, limitRate } from './http/limit-rate.ts';
import type { RateLimit } from './http/limit-rate.ts';
import { serveStaticApp } from './http/serve-static-app.ts';
import { setSecurityHeaders } from './http/set-security-headers.ts';
import type { DocumentStore } from './store/store.ts';
import { createMetricsRoutes } from './http/routes/create-metrics-routes.ts';
import { createOpenApiRoutes } from './http/routes/create-openapi-routes.ts';
import { createMonitoring } from './monitoring/create-monitoring.ts';
import type { Monitoring } from './monitoring/create-monitoring.ts';
import { observeRequests } from './monitoring/observe-requests.ts';

/** Everything `createApp` needs; only `store` is required. */
export interface AppOptions {
  store: DocumentStore;
  /**
   * The built app to serve on the same origin (default `dist/app`), or `null` for none.
   * Served only when the folder exists, so tests and dev mode (Vite serves the app) need not
   * build it.
   */
  staticDir?: string | null;
  /** The clock for `created_at` / `updated_at`; tests pass a fixed one. */
  now?: () => Date;
  /** Milliseconds between keep-alive comments on event streams (default 15 000). */
  keepAliveMs?: number;
  /** Aborting it ends every open event stream, so a server can close (graceful shutdown). */
  signal?: AbortSignal;
  /**
   * Origins (`https://wiki.example.com`) whose pages may call the API through CORS, and whose
   * state-changing requests are accepted. Default none: CORS off, only the app's own pages.
   */
  corsOrigins?: readonly string[];
  /**
   * A token bucket per client address, answering 429 with Retry-After when empty; `false`
   * turns it off. Default `defaultRateLimit` (2000 at once, 1000 per second).
   */
  rateLimit?: RateLimit | false;
  /** Days a deleted document stays in the trash before it is purged (default 30). */
  trashDays?: number;
  /** The request log and `/metrics` (default `createMonitoring()`: silent, loopback only). */
  monitoring?: Monitoring;
  /**
   * Host names answered besides localhost and IP addresses (see `guardHost`); others get 421.
   * Default none.
   */
  allowedHosts?: readonly string[];
  /** Open event streams allowed per client address and in total (default 20 and 1000). */
  eventStreamCaps?: EventStreamCaps;
  /**
   * Who may use the API (see `AuthOptions`). Default `{ mode: 'accounts' }`: every `/api` route
   * but signing in and the first account answers 401 without a session or token.
   */
  auth?: AuthOptions;
}

/**
 * Builds the Concord HTTP app: the JSON API under `/api` and, when built, the editor app.
 * Opens no port: tests call `app.request(...)`, the CLI hands `app.fetch` to a Node server.
 *
 * @example
 * const app = createApp({ store: openSqliteStore(':memory:') });
 * const res = await app.request('/api/docs'); // 200 { items: [] }
 */
export function createApp(options: AppOptions): Hono {
  const { store, staticDir = 'dist/app', now = () => new Date(), signal } = options;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const { corsOrigins = [], rateLimit = defaultRateLimit } = options;
  const app = new Hono();
  const monitoring = options.monitoring ?? createMonitoring();
  app.use('*', observeRequests(monitoring));
  // Outermost first, so that every answer below — a 429 or 403 included — has the security
  // headers, and an allowed embedder can read it.
  app.use('*', setSecurityHeaders);
  app.use('*', guardHost(options.allowedHosts ?? []));
  // Without allowed origins there is nothing for CORS to add: no layer at all.
  if (corsOrigins.length > 0) app.use('*', handleCors(corsOrigins));
  const clock = () => now().getTime();
  const trash = createTrashRetention(store, now, options.trashDays ?? defaultTrashDays);
  if (rateLimit) app.use('*', limitRate(rateLimit, clock));
  app.use('*', guardOrigin(corsOrigins));
  app.use('/api/*', compressJson);
  const auth = options.auth ?? { mode: 'accounts' };
  // After the Origin guard: a cross-site request is refused before any credential is looked at.
  app.use('/api/*', authenticate(auth, store.accounts, now));

  const accountDeps = {
    accounts: store.accounts,
    auth,
    now,
    throttle: createSignInThrottle(auth.signInLimits ?? defaultSignInLimits, clock),
  };
  app.route('/api', createSessionRoutes(accountDeps));
  app.route('/api/users', createUserRoutes(accountDeps));
  app.route('/api/tokens', createTokenRoutes(accountDeps));
  app.route('/healthz', createHealthRoutes({ store }));
  app.route('/metrics', createMetricsRoutes(monitoring));
  // Every route of one document answers only to those it is shared with (decideAccess).
  const guard = guardDocumentAccess(store.members);
  app.use('/api/docs/:id', guard);
  app.use('/api/docs/:id/*', guard);
  app.use('/api/trash/:id/restore', guard);
  app.route('/api/docs', createCollectionRoutes({ store, now }));
  app.route('/api/docs', createDocumentRoutes({ store, now, trash }));
  app.route('/api/trash', createTrashRoutes({ store, trash }));
  app.route('/api/docs', createVersionRoutes({ store }));
  app.route('/api/docs', createMemberRoutes({ store, auth }));
  const limiter = createEventStreamLimiter(options.eventStreamCaps ?? defaultEventStreamCaps);
  app.route('/api/docs', createEventRoutes({ store, keepAliveMs, signal, limiter }));
  app.route('/api/events', createListEventRoutes({ store, keepAliveMs, signal, limiter }));
  app.route('/api/openapi.json', createOpenApiRoutes(app));
  app.all('/api/*', answerNotFound);

  if (staticDir !== null && existsSync(staticDir)) serveStaticApp(app, staticDir);

  // A route rather than only `app.notFound`, so the answer passes through the middleware
  // (security headers) like every other.
  app.all('*', answerNotFound);
  app.notFound((c) => answerNotFound(c));
  app.onError(handleError);
  return app;
}

function answerNotFound(c: Context): Response {
  return createNotFoundProblem(`There is nothing at ${c.req.path}.`).getResponse();
}
