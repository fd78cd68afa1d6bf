import { Hono } from 'hono';
import type { Context } from 'hono';
import { problemTypes } from '../../../protocol/problem.ts';
import type { EditConflictProblem } from '../../../protocol/problem.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createNotFoundProblem } from '../create-not-found-problem.ts';
import { createTitleTakenProblem } from '../create-title-taken-problem.ts';
import { createProblemResponse, ProblemError } from '../problem-error.ts';
import { readDocumentInput } from '../read-document-input.ts';
import {
  createPreconditionFailedProblem,
  evaluateReadPreconditions,
  foldPreconditions,
  matchesExpected,
  readWritePreconditions,
} from '../read-preconditions.ts';
import type { WritePreconditions } from '../read-preconditions.ts';
import { readResolution } from '../read-resolution.ts';
import { readUser } from '../read-user.ts';
import { noteProblemType, noteResolution } from '../request-notes.ts';
import type { DocumentStore, StoredDocument } from '../../store/store.ts';
import type { TrashRetention } from '../../store/trash-retention.ts';
import { createDocumentDeletedProblem } from '../create-document-deleted-problem.ts';
import { toDocumentDto } from '../to-document-dto.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { prefersMinimalReturn } from '../prefers-minimal-return.ts';
import { readRequestHeader } from '../read-request-header.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import {
  documentHeaders,
  forbiddenWrite,
  idParameter,
  ifMatchRead,
  ifMatchWrite,
  ifNoneMatchRead,
  ifNoneMatchWrite,
  internalError,
  invalidDeleteRequest,
  invalidReadRequest,
  invalidWrite,
  json,
  notFound,
  preconditionFailed,
  preconditionRequired,
  preferParameter,
  problemResponse,
  rateLimited,
  resolutionParameter,
  tooLarge,
  unsupportedMediaType,
  userParameter,
} from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

/** What the document routes need from `createApp`. */
export interface RouteDeps {
  store: DocumentStore;
  now: () => Date;
}

/** What the routes that write a document need: also the trash's retention. */
export interface WriteRouteDeps extends RouteDeps {
  trash: TrashRetention;
}

// Ids are URL-safe tokens; anything else (`..`, slashes, NUL) cannot name a document.
export const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `/api/docs/{id}`: read, save and delete a document. Every write
 * states what it expects (`If-Match`) and the store checks it in the same transaction.
 */
export function createDocumentRoutes({ store, now, trash }: WriteRouteDeps): Hono {
  const routes = new Hono();
  const findWritable = (id: string) => findWritableDocument(store, trash, id);
  /** The answer to a write aimed at a document in the trash since `deletedAt`. */
  const refuseTrashed = async (id: string, deletedAt: string): Promise<never> => {
    if (!trash.isExpired(deletedAt)) throw createDocumentDeletedProblem(id, deletedAt);
    await trash.purge();
    throw createDocumentNotFound(id);
  };

  routes.get('/:id', async (c) => {
    const document = await findDocument(store, c.req.param('id'));
    const headers = { ETag: document.etag, 'Cache-Control': 'no-cache' };
    // RFC 9110 §13.2.2 after the 404; the 304 carries the validators a 200 would (§15.4.5).
    if (evaluateReadPreconditions(c, document.etag) === 'notModified') {
      return c.body(null, 304, headers);
    }
    return createJsonResponse(toDocumentDto(document), 200, headers);
  });
  describeOperation(routes, {
    operationId: 'getDocument',
    summary: 'The current version of a document.',
    parameters: [idParameter, ifMatchRead, ifNoneMatchRead],
    responses: {
      '200': {
        description: 'The document.',
        headers: documentHeaders,
        content: json(refSchema('Document')),
      },
      '304': {
        description: 'If-None-Match matched; the validators a 200 would carry.',
        headers: documentHeaders,
      },
      '400': invalidReadRequest,
      '404': notFound,
      '412': preconditionFailed,
      '429': rateLimited,
      default: internalError,
    },
  });

  routes.put('/:id', async (c) => {
    const id = c.req.param('id');
    if (!idPattern.test(id)) throw createDocumentNotFound(id);
    // RFC 9110 §13.2.1: preconditions are evaluated only when the request would otherwise
    // succeed, so 404 and 400s come before 428, 409 and 412. The store reads the document in
    // its transaction; a request refused before that is answered 404 if there is no document
    // (or 409 document-deleted if it is in the trash, which no If-Match could change).
    const { input, user, resolution, preconditions } = await orNotFound(
      findWritable,
      id,
      async () => ({
        input: await readDocumentInput(c),
        user: readUser(c),
        resolution: readResolution(c),
        preconditions: readWritePreconditions(c, `/api/docs/${id}`),
      }),
    );
    const expected =
      preconditions.ifNoneMatch === undefined
        ? preconditions.ifMatch
        : foldPreconditions(preconditions, await findWritable(id));
    const outcome = await store.saveDocument(id, { ...input, user, at: now(), expected });
    switch (outcome.status) {
      case 'notFound':
        throw createDocumentNotFound(id);
      case 'trashed':
        return refuseTrashed(id, outcome.deleted_at);
      case 'conflict':
        return answerRefusal(c, preconditions, outcome.current);
      case 'titleTaken':
        throw createTitleTakenProblem(outcome.existing);
      case 'saved':
        if (resolution) noteResolution(c, resolution);
        return sendSaved(outcome.document);
      case 'alreadySaved':
        // A retry of a save that landed: its resolution was counted the first time.
        return sendSaved(outcome.document);
    }
  });
  describeOperation(routes, {
    operationId: 'saveDocument',
    summary: 'Save a new version, if the current one is the one edited.',
    description:
      'Preconditions are evaluated after 404 and validation (RFC 9110 §13.2.1). A retry of ' +
      'a save that already landed (same If-Match, same content and user) answers 200.',
    parameters: [
      idParameter,
      ifMatchWrite,
      ifNoneMatchWrite,
      userParameter,
      resolutionParameter,
      preferParameter,
    ],
    requestBody: { required: true, content: json(refSchema('DocumentInput')) },
    responses: {
      '200': {
        description: 'Saved; the stored document and its new ETag.',
        headers: {
          ...documentHeaders,
          'Content-Location': {
            description: 'The document: the body is its new representation (RFC 9110 §8.7).',
            required: true,
            schema: { type: 'string' },
          },
        },
        content: json(refSchema('Document')),
      },
      '400': invalidWrite,
      '403': forbiddenWrite,
      '404': notFound,
      '409': problemResponse(
        'If-Match is stale: `current` and `current_etag` to merge onto (RFC 9110 §15.5.10), ' +
          'only `current_etag` (and `ETag`) with `Prefer: return=minimal`; the new title is ' +
          'used by another document; or the document is in the trash (`document-deleted`, ' +
          'with `restore`), whatever the preconditions.',
        {
          anyOf: [
            refSchema('EditConflictProblem'),
            refSchema('MinimalEditConflictProblem'),
            refSchema('TitleTakenProblem'),
            refSchema('DocumentDeletedProblem'),
          ],
        },
      ),
      '412': preconditionFailed,
      '413': tooLarge,
      '415': unsupportedMediaType,
      '428': preconditionRequired,
      '429': rateLimited,
      default: internalError,
    },
  });

  routes.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const current = await findWritable(id);
    // Who deletes it, for the trash to say (a malformed name is a 400, before preconditions).
    const by = readUser(c);
    const preconditions = readWritePreconditions(c, `/api/docs/${id}`);
    const expected = foldPreconditions(preconditions, current);
    const outcome = await store.deleteDocument(id, expected, now(), by);
    if (outcome.status === 'notFound') throw createDocumentNotFound(id);
    if (outcome.status === 'trashed') return refuseTrashed(id, outcome.deleted_at);
    if (outcome.status === 'conflict') return answerRefusal(c, preconditions, outcome.current);
    // A good moment to let go of what was deleted long ago: deletes are rare, purges cheap.
    await trash.purge();
    return c.body(null, 204);
  });
  describeOperation(routes, {
    operationId: 'deleteDocument',
    summary: 'Move a document to the trash, if the current version is the one seen.',
    description:
      'The document keeps its history and can be restored (POST /api/trash/{id}/restore) ' +
      'until it is purged, CONCORD_TRASH_DAYS (default 30) after the delete. Its title is ' +
      'free meanwhile. Every other path answers 404 for it. The trash lists who deleted ' +
      'it (`deleted_by`: the signed-in account, or without accounts Concord-User).',
    parameters: [idParameter, ifMatchWrite, ifNoneMatchWrite, userParameter],
    responses: {
      '204': { description: 'Moved to the trash.' },
      '400': invalidDeleteRequest,
      '403': forbiddenWrite,
      '404': notFound,
      '409': problemResponse(
        'If-Match is stale: `current` and `current_etag`; or the document is already in ' +
          'the trash (`document-deleted`).',
        { anyOf: [refSchema('EditConflictProblem'), refSchema('DocumentDeletedProblem')] },
      ),
      '412': preconditionFailed,
      '428': preconditionRequired,
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id', answerMethodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']));

  return routes;
}

/** The document `id`, or the 404 to answer. */
export async function findDocument(store: DocumentStore, id: string): Promise<StoredDocument> {
  const document = idPattern.test(id) ? await store.getDocument(id) : undefined;
  if (!document) throw createDocumentNotFound(id);
  return document;
}

/**
 * The live document `id` for a write; for one in the trash, the 409 `document-deleted` to
 * answer (or, past the retention period, a purge and the 404); else the 404.
 */
async function findWritableDocument(
  store: DocumentStore,
  trash: TrashRetention,
  id: string,
): Promise<StoredDocument> {
  const document = idPattern.test(id) ? await store.getDocument(id) : undefined;
  if (document) return document;
  const trashed = idPattern.test(id) ? await store.findInTrash(id) : undefined;
  if (trashed && !trash.isExpired(trashed.deleted_at)) {
    throw createDocumentDeletedProblem(id, trashed.deleted_at);
  }
  if (trashed) await trash.purge();
  throw createDocumentNotFound(id);
}

/**
 * `read()`'s result; when it throws (a 400, 413, 415 or 428 about the request), the 404 (or 409
 * document-deleted) from `find` instead, since that would have been answered first.
 */
async function orNotFound<T>(
  find: (id: string) => Promise<StoredDocument>,
  id: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ProblemError) await find(id);
    throw error;
  }
}

/** The 404 for a document id that names none (never created, or purged from the trash). */
export function createDocumentNotFound(id: string): ProblemError {
  return createNotFoundProblem(`There is no document ${JSON.stringify(id)}.`);
}

function sendSaved(document: StoredDocument): Response {
  // Content-Location equal to the target says the body is the new representation
  // (RFC 9110 §8.7), so a client can adopt it and the ETag without another GET.
  return createJsonResponse(toDocumentDto(document), 200, {
    ETag: document.etag,
    'Content-Location': `/api/docs/${document.id}`,
    'Cache-Control': 'no-cache',
  });
}

/**
 * Why the compare-and-swap refused: a stale `If-Match` (409 with the current document), or,
 * when the current version does match `If-Match`, a failed `If-None-Match` (412). Returned
 * rather than thrown: a conflict is an everyday answer, and building an `Error` (its stack
 * trace) cost more than the rest of it. Noted on `c` for the request log and metrics.
 */
function answerRefusal(
  c: Context,
  preconditions: WritePreconditions,
  current: StoredDocument,
): Response {
  if (!matchesExpected(preconditions.ifMatch, current.etag)) {
    noteProblemType(c, problemTypes.editConflict);
    // A client that holds the current version already (it follows the events) asks for it not
    // to be sent again: a large document's 409 then costs neither bandwidth nor parsing.
    if (prefersMinimalReturn(readRequestHeader(c, 'Prefer'))) {
      const { type, title, status, detail, current_etag } = createEditConflictProblem(current);
      return createProblemResponse(
        { type, title, status, detail, current_etag },
        {
          ETag: current.etag,
          'Preference-Applied': 'return=minimal',
        },
      );
    }
    return createProblemResponse(createEditConflictProblem(current));
  }
  noteProblemType(c, problemTypes.preconditionFailed);
  return createPreconditionFailedProblem(
    'If-None-Match matches the current version of this document; nothing was changed.',
  ).getResponse();
}

/**
 * 409 to a stale `If-Match`, carrying the current document so the client can merge at once.
 * 409 rather than 412: RFC 9110 §15.5.10 describes a conflict the client can resolve and
 * resubmit, with the information needed to do so.
 */
function createEditConflictProblem(current: StoredDocument): EditConflictProblem {
  return {
    type: problemTypes.editConflict,
    title: 'Edit conflict',
    status: 409,
    detail:
      `Version ${current.version} was saved by ${current.updated_by || 'someone'} after the ` +
      'version you edited. Merge your changes into it and resubmit with If-Match: current_etag.',
    current: toDocumentDto(current),
    current_etag: current.etag,
  };
}
