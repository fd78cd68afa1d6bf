import { resolutionHeader, resolutionHows } from '../../../protocol/resolution.ts';
import { refSchema } from './openapi-schemas.ts';
import type { OpenApiParameter, OpenApiPathItem, OpenApiResponse } from './openapi.ts';

/** `Concord-Resolution` on a save: how it resolves a conflict, for the metrics. */
export const resolutionParameter: OpenApiParameter = {
  name: resolutionHeader,
  in: 'header',
  description:
    'Sent by a save that resolves a conflict, saying how: auto-merged (nothing to decide), ' +
    'resolved (in the dialog), kept-mine, took-theirs, restored (an earlier version). Counted ' +
    'in GET /metrics once the save lands; it changes nothing else. Any other value: 400.',
  schema: { enum: [...resolutionHows] },
};

/**
 * `/metrics`, described apart from the API's paths (it is not under `/api`); `rateLimited` is
 * the API's shared 429.
 */
export function describeMetricsPath(rateLimited: OpenApiResponse): OpenApiPathItem {
  return {
    get: {
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
    },
  };
}
