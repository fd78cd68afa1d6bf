import { Hono } from 'hono';
import { answerMethodNotAllowed } from './answer-method-not-allowed.ts';
import type { RouteDeps } from './create-document-routes.ts';
import { findDocument } from './create-document-routes.ts';
import { createNotFoundProblem } from './create-not-found-problem.ts';
import { evaluateReadPreconditions } from './read-preconditions.ts';
import { toDocumentDto } from './to-document-dto.ts';
import { createJsonResponse } from './create-json-response.ts';

// Versions are 1, 2, 3, … written in decimal without leading zeros; one spelling per version.
const versionPattern = /^[1-9][0-9]{0,14}$/;

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
    const items = await store.listVersions(id);
    if (!items) throw createNotFoundProblem(`There is no document ${JSON.stringify(id)}.`);
    return createJsonResponse({ items }, 200, { 'Cache-Control': 'no-cache' });
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
  routes.all('/:id/versions/:n', answerMethodNotAllowed(['GET', 'HEAD']));

  return routes;
}
