import { Hono } from 'hono';
import type { Context } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { problemTypes } from '../../../protocol/problem.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import type { Monitoring } from '../../monitoring/create-monitoring.ts';
import { ProblemError } from '../problem-error.ts';
import { readClientAddress } from '../read-client-address.ts';
import { readRequestHeader } from '../read-request-header.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { rateLimited } from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

// Headers a reverse proxy adds: a request that has one came from elsewhere through it, even
// when the proxy itself connects from loopback.
const proxyHeaders = ['Forwarded', 'X-Forwarded-For', 'X-Real-IP'];

/**
 * `GET /metrics`: the Prometheus text format (prom-client's registry). With a token
 * (`CONCORD_METRICS_TOKEN`) it answers whoever sends `Authorization: Bearer <token>` and 401
 * otherwise; without one, only a client on this machine's loopback that came through no proxy,
 * and 403 otherwise. Labels hold route patterns and fixed kinds only, never a document's id or
 * title, so the metrics say nothing about what is written.
 */
export function createMetricsRoutes({ metrics, metricsToken }: Monitoring): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    if (metricsToken === undefined) requireLoopback(c);
    else requireToken(c, metricsToken);
    const text = await metrics.registry.metrics();
    return c.body(text, 200, {
      'Content-Type': metrics.registry.contentType,
      'Cache-Control': 'no-store',
    });
  });
  describeOperation(routes, {
    operationId: 'getMetrics',
    summary: 'Prometheus metrics: requests, conflicts, resolutions, open event streams.',
    description:
      'The Prometheus text format. Labels are route patterns, methods, statuses and fixed ' +
      'kinds, never a document id or title. With CONCORD_METRICS_TOKEN set, it wants ' +
      '`Authorization: Bearer <token>`; without, it answers only loopback clients that came ' +
      'through no proxy.',
    parameters: [
      {
        name: 'Authorization',
        in: 'header',
        description: '`Bearer <CONCORD_METRICS_TOKEN>`, when the server has a token.',
        schema: { type: 'string' },
      },
    ],
    responses: {
      '200': {
        description: 'The metrics (text/plain; version=0.0.4).',
        headers: {
          'Cache-Control': {
            description: '`no-store`: every scrape reaches the server.',
            required: true,
            schema: { const: 'no-store' },
          },
        },
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
      '401': {
        description: 'The server has a token and this request did not send it.',
        headers: {
          'WWW-Authenticate': {
            description: 'The scheme to use (RFC 6750 §3).',
            required: true,
            schema: { type: 'string', pattern: '^Bearer ' },
          },
        },
        content: {
          'application/problem+json': { schema: refSchema('UnauthenticatedProblem') },
        },
      },
      '403': {
        description: 'No token is set and the request came from elsewhere or through a proxy.',
        content: { 'application/problem+json': { schema: refSchema('ForbiddenProblem') } },
      },
      '429': rateLimited,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD']));
  return routes;
}

function requireToken(c: Context, token: string): void {
  const sent = /^Bearer +(\S+) *$/i.exec(readRequestHeader(c, 'Authorization') ?? '')?.[1];
  if (sent !== undefined && equalSecrets(sent, token)) return;
  // RFC 6750 §3: say which scheme to use.
  throw new ProblemError(
    {
      type: problemTypes.unauthenticated,
      title: 'Unauthenticated',
      status: 401,
      detail:
        'Send Authorization: Bearer with the token this server was given in CONCORD_METRICS_TOKEN.',
    },
    { 'WWW-Authenticate': 'Bearer realm="concord-metrics"' },
  );
}

function requireLoopback(c: Context): void {
  const proxied = proxyHeaders.some((name) => readRequestHeader(c, name) !== undefined);
  if (!proxied && isLoopback(readClientAddress(c))) return;
  throw new ProblemError({
    type: problemTypes.forbidden,
    title: 'Forbidden',
    status: 403,
    detail:
      'Without CONCORD_METRICS_TOKEN, /metrics answers only on this machine, not through a ' +
      'proxy. Set the token to scrape from elsewhere.',
  });
}

/** Whether `address` is a loopback address: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopback(address: string): boolean {
  return /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address) || address === '::1';
}

// Compared through digests of equal length, so the time taken tells nothing of the token.
function equalSecrets(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
