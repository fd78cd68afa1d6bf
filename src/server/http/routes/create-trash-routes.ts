import { Hono } from 'hono';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { readPageQuery, pageParameters } from './create-collection-routes.ts';
import { createDocumentNotFound, idPattern } from './create-document-routes.ts';
import type { WriteRouteDeps } from './create-document-routes.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { createTitleTakenProblem } from '../create-title-taken-problem.ts';
import { decodeDocumentCursor, encodeDocumentCursor } from '../document-cursor.ts';
import { toDocumentDto } from '../to-document-dto.ts';
import { readAccount } from '../../auth/authenticate.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import {
  documentHeaders,
  forbiddenWrite,
  idParameter,
  internalError,
  json,
  nextPageLink,
  noCache,
  problemResponse,
  rateLimited,
} from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

/**
 * `/api/trash`: deleted documents, most recently deleted first, in pages like `GET /api/docs`;
 * and `POST /api/trash/{id}/restore`, which brings one back as it was (history, version and
 * ETag unchanged), unless a live document took its title meanwhile (409 title-taken with
 * `existing`). Both purge what is past the retention period first, so it is never listed.
 */
export function createTrashRoutes({ store, trash }: Omit<WriteRouteDeps, 'now'>): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const { limit, after } = readPageQuery(c, decodeDocumentCursor);
    await trash.purge();
    // The cursor format of the document list, with deleted_at in the place of updated_at.
    const rows = await store.listTrash({
      limit: limit + 1,
      after: after && { deleted_at: after.updated_at, id: after.id },
      // Signed in, only what one may see.
      visibleTo: readAccount(c)?.username,
    });
    // Each says when it goes for good, so a person knows how long a restore stays possible.
    const items = rows
      .slice(0, limit)
      .map((row) => ({ ...row, purge_at: trash.purgeAt(row.deleted_at) }));
    const last = items.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? encodeDocumentCursor({ updated_at: last.deleted_at, id: last.id })
        : null;
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    // RFC 8288 §3: a web link to the next page, as well as `next_cursor` in the body.
    if (nextCursor) headers.Link = `</api/trash?limit=${limit}&cursor=${nextCursor}>; rel="next"`;
    return createJsonResponse({ items, next_cursor: nextCursor }, 200, headers);
  });
  describeOperation(routes, {
    operationId: 'listTrash',
    summary: 'Deleted documents, most recently deleted first, in pages.',
    description:
      'Each stays until restored or purged, CONCORD_TRASH_DAYS (default 30) after its delete.',
    parameters: pageParameters,
    responses: {
      '200': {
        description: 'A page of deleted documents.',
        headers: {
          'Cache-Control': noCache,
          Link: nextPageLink('/api/trash'),
        },
        content: json(refSchema('TrashList')),
      },
      '400': problemResponse('A bad limit or cursor.', refSchema('InvalidRequestProblem')),
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD']));

  routes.post('/:id/restore', async (c) => {
    const id = c.req.param('id');
    if (!idPattern.test(id)) throw createDocumentNotFound(id);
    await trash.purge();
    const outcome = await store.restoreDocument(id);
    if (outcome.status === 'notFound') throw createDocumentNotFound(id);
    if (outcome.status === 'titleTaken') throw createTitleTakenProblem(outcome.existing);
    const { document } = outcome;
    return createJsonResponse(toDocumentDto(document), 200, {
      ETag: document.etag,
      'Content-Location': `/api/docs/${document.id}`,
      'Cache-Control': 'no-cache',
    });
  });
  describeOperation(routes, {
    operationId: 'restoreDocument',
    summary: 'Bring a deleted document back, as it was.',
    description:
      'History, version and ETag unchanged: a save against the ETag it had goes through. ' +
      'Open event streams get `restored`.',
    parameters: [idParameter],
    responses: {
      '200': {
        description: 'Restored; the document and its ETag.',
        headers: {
          ...documentHeaders,
          'Content-Location': {
            description: 'Where the document is again.',
            required: true,
            schema: { type: 'string', pattern: '^/api/docs/[A-Za-z0-9_-]+$' },
          },
        },
        content: json(refSchema('Document')),
      },
      '403': forbiddenWrite,
      '404': problemResponse(
        'Not in the trash: never existed, purged, or not deleted.',
        refSchema('NotFoundProblem'),
      ),
      '409': problemResponse(
        'A live document took its title meanwhile (`existing`); rename that one first.',
        refSchema('TitleTakenProblem'),
      ),
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id/restore', answerMethodNotAllowed(['POST']));

  return routes;
}
