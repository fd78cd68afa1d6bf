import { Hono } from 'hono';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import type { RouteDeps } from './create-document-routes.ts';
import { findDocument } from './create-document-routes.ts';
import { createNotFoundProblem } from '../create-not-found-problem.ts';
import { evaluateReadPreconditions } from '../read-preconditions.ts';
import { toDocumentDto } from '../to-document-dto.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { pageLimits, pageParameters, readPageQuery } from './create-collection-routes.ts';
import { decodeVersionCursor, encodeVersionCursor } from '../version-cursor.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import type { OpenApiParameter } from '../openapi/openapi-parts.ts';
import {
  etagHeader,
  idParameter,
  ifMatchRead,
  ifNoneMatchRead,
  internalError,
  invalidReadRequest,
  json,
  nextPageLink,
  noCache,
  notFound,
  preconditionFailed,
  problemResponse,
  rateLimited,
} from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

// Versions are 1, 2, 3, … written in decimal without leading zeros; one spelling per version.
const versionPattern = /^[1-9][0-9]{0,14}$/;

/** `limit` and `cursor` of a document's versions. */
const versionPageParameters: OpenApiParameter[] = pageParameters.map((parameter) =>
  parameter.name === 'limit'
    ? {
        ...parameter,
        description: `Versions per page, 1 to ${pageLimits.max} (default ${pageLimits.default}).`,
      }
    : parameter,
);

/**
 * `/api/docs/{id}/versions` and `/api/docs/{id}/versions/{n}`: the kept history. A version never
 * changes once written, so it may be cached for good — that is how a client gets the base of a
 * merge back after a reload.
 */
export function createVersionRoutes({ store }: Pick<RouteDeps, 'store'>): Hono {
  const routes = new Hono();

  routes.get('/:id/versions', async (c) => {
    const id = c.req.param('id');
    await findDocument(store, id);
    const { limit, after } = readPageQuery(c, decodeVersionCursor);
    // One more than asked, to learn whether there is a next page without counting.
    const rows = await store.listVersionPage(id, { limit: limit + 1, before: after });
    if (!rows) throw createNotFoundProblem(`There is no document ${JSON.stringify(id)}.`);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeVersionCursor(last.version) : null;
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (nextCursor) {
      // RFC 8288 §3: a web link to the next page, as well as `next_cursor` in the body.
      headers.Link = `</api/docs/${id}/versions?limit=${limit}&cursor=${nextCursor}>; rel="next"`;
    }
    return createJsonResponse({ items, next_cursor: nextCursor }, 200, headers);
  });
  describeOperation(routes, {
    operationId: 'listVersions',
    summary: 'The kept versions, newest first, in pages, each with how much it changed.',
    parameters: [idParameter, ...versionPageParameters],
    responses: {
      '200': {
        description: 'A page of versions.',
        headers: {
          'Cache-Control': noCache,
          Link: nextPageLink('/api/docs/[^/]+/versions'),
        },
        content: json(refSchema('VersionList')),
      },
      '400': problemResponse('A bad limit or cursor.', refSchema('InvalidRequestProblem')),
      '404': notFound,
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id/versions', answerMethodNotAllowed(['GET', 'HEAD']));

  routes.get('/:id/versions/:n', async (c) => {
    const id = c.req.param('id');
    const n = c.req.param('n');
    await findDocument(store, id);
    const version = versionPattern.test(n) ? await store.getVersion(id, Number(n)) : undefined;
    if (!version)
      throw createNotFoundProblem(
        `Document ${JSON.stringify(id)} has no version ${JSON.stringify(n)}.`,
      );
    // `private`: documents are not for shared caches; `immutable` (RFC 8246): never revalidate.
    const headers = {
      ETag: version.etag,
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    if (evaluateReadPreconditions(c, version.etag) === 'notModified') {
      return c.body(null, 304, headers);
    }
    return createJsonResponse(toDocumentDto(version), 200, headers);
  });
  describeOperation(routes, {
    operationId: 'getVersion',
    summary: 'One version, immutable: the base of a merge after a reload.',
    parameters: [
      idParameter,
      {
        name: 'n',
        in: 'path',
        required: true,
        description: 'The version number.',
        schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
      },
      ifMatchRead,
      ifNoneMatchRead,
    ],
    responses: {
      '200': {
        description: 'That version.',
        headers: {
          ETag: etagHeader,
          'Cache-Control': {
            description: 'Cached for good (RFC 8246).',
            required: true,
            schema: { const: 'private, max-age=31536000, immutable' },
          },
        },
        content: json(refSchema('Document')),
      },
      '304': { description: 'If-None-Match matched.', headers: { ETag: etagHeader } },
      '400': invalidReadRequest,
      '404': notFound,
      '412': preconditionFailed,
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id/versions/:n', answerMethodNotAllowed(['GET', 'HEAD']));

  return routes;
}
