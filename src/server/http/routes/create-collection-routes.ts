import { Hono } from 'hono';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import type { DocumentInput } from '../../../protocol/document.ts';
import { problemTypes } from '../../../protocol/problem.ts';
import type { InvalidParam } from '../../../protocol/problem.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import type { RouteDeps } from './create-document-routes.ts';
import { createTitleTakenProblem } from '../create-title-taken-problem.ts';
import { decodeDocumentCursor, encodeDocumentCursor } from '../document-cursor.ts';
import { ProblemError } from '../problem-error.ts';
import { readDocumentInput } from '../read-document-input.ts';
import { readIdempotencyKey } from '../read-idempotency-key.ts';
import { readUser } from '../read-user.ts';
import { readAccount } from '../../auth/authenticate.ts';
import type { CreateOutcome, DocumentCursor } from '../../store/store.ts';
import { toDocumentDto } from '../to-document-dto.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import type { OpenApiParameter } from '../openapi/openapi-parts.ts';
import {
  etagHeader,
  forbiddenOrigin,
  internalError,
  invalidRequest,
  json,
  nextPageLink,
  noCache,
  problemResponse,
  rateLimited,
  tooLarge,
  unsupportedMediaType,
  userParameter,
} from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

/** Documents per page of `GET /api/docs` when the client names no `limit`, and the most. */
export const pageLimits = { default: 100, max: 1000 } as const;

/** How long an `Idempotency-Key` is remembered: 24 hours, in milliseconds. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000;

/** `limit` and `cursor` of a paged collection (the document list, the trash). */
export const pageParameters: OpenApiParameter[] = [
  {
    name: 'limit',
    in: 'query',
    description: `Documents per page, 1 to ${pageLimits.max} (default ${pageLimits.default}).`,
    schema: { type: 'integer', minimum: 1, maximum: pageLimits.max },
  },
  {
    name: 'cursor',
    in: 'query',
    description: 'The next_cursor of the previous page, unchanged.',
    schema: { type: 'string' },
  },
];

/**
 * `/api/docs`: the list, in pages, and the create, which honours `Idempotency-Key`
 * (draft-ietf-httpapi-idempotency-key-header): the same key and payload replay the first
 * answer; the same key with another payload is refused with 422; a second request while the
 * first is still running gets 409.
 */
export function createCollectionRoutes({ store, now }: RouteDeps): Hono {
  const routes = new Hono();
  // Keys whose first request is being answered by this process. Across processes the store's
  // transaction serializes requests with one key, so the later one replays instead.
  const inFlight = new Set<string>();

  routes.get('/', async (c) => {
    const { limit, after } = readPageQuery(c, decodeDocumentCursor);
    // One more than asked, to learn whether there is a next page without counting.
    // Signed in, only what one may see: filtered by the store, so pages stay whole.
    const visibleTo = readAccount(c)?.username;
    const rows = await store.listDocuments({ limit: limit + 1, after, visibleTo });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeDocumentCursor(last) : null;
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (nextCursor) {
      // RFC 8288 §3: a web link to the next page, as well as `next_cursor` in the body.
      headers.Link = `</api/docs?limit=${limit}&cursor=${nextCursor}>; rel="next"`;
    }
    return createJsonResponse({ items, next_cursor: nextCursor }, 200, headers);
  });
  describeOperation(routes, {
    operationId: 'listDocuments',
    summary: 'List documents, most recently updated first, in pages.',
    parameters: pageParameters,
    responses: {
      '200': {
        description: 'A page of documents.',
        headers: {
          'Cache-Control': noCache,
          Link: nextPageLink('/api/docs'),
        },
        content: json(refSchema('DocumentList')),
      },
      '400': problemResponse('A bad limit or cursor.', refSchema('InvalidRequestProblem')),
      '429': rateLimited,
      default: internalError,
    },
  });

  routes.post('/', async (c) => {
    const key = readIdempotencyKey(c);
    if (key === undefined) {
      const input = await readDocumentInput(c);
      const outcome = await store.createDocument({
        ...input,
        user: readUser(c),
        at: now(),
        owner: readOwner(c),
      });
      return sendCreateOutcome(outcome);
    }
    if (inFlight.has(key)) throw createKeyInFlightProblem();
    inFlight.add(key);
    try {
      const input = await readDocumentInput(c);
      const user = readUser(c);
      const at = now();
      const outcome = await store.createDocumentOnce(
        { ...input, user, at, owner: readOwner(c) },
        {
          key,
          fingerprint: fingerprintCreate(input, user),
          expiredBefore: new Date(at.getTime() - idempotencyKeyLifetimeMs),
        },
      );
      if (outcome.status === 'keyReused') throw createKeyReusedProblem();
      // A replay is rendered from the recorded outcome, so status, headers and body are the
      // first answer's.
      return sendCreateOutcome(outcome);
    } finally {
      inFlight.delete(key);
    }
  });
  describeOperation(routes, {
    operationId: 'createDocument',
    summary: 'Create a document.',
    description:
      'With Idempotency-Key (draft-ietf-httpapi-idempotency-key-header), the same key and ' +
      'payload replay the first answer; the same key with another payload is 422; a second ' +
      'request while the first runs is 409. Keys are kept 24 hours.',
    parameters: [
      userParameter,
      {
        name: 'Idempotency-Key',
        in: 'header',
        description: 'A unique key per intended create (a UUID), as a token or sf-string.',
        schema: { type: 'string', maxLength: 257 },
      },
    ],
    requestBody: { required: true, content: json(refSchema('DocumentInput')) },
    responses: {
      '201': {
        description: 'Created (or the replay of the create this key made).',
        headers: {
          Location: {
            description: 'The new document.',
            required: true,
            schema: { type: 'string', pattern: '^/api/docs/[A-Za-z0-9_-]+$' },
          },
          ETag: etagHeader,
        },
        content: json(refSchema('Document')),
      },
      '400': invalidRequest,
      '403': forbiddenOrigin,
      '409': problemResponse(
        'The title is used by another document (with `existing`), or the first request ' +
          'with this Idempotency-Key is still running (with Retry-After).',
        { anyOf: [refSchema('TitleTakenProblem'), refSchema('IdempotencyKeyInFlightProblem')] },
      ),
      '413': tooLarge,
      '415': unsupportedMediaType,
      '422': problemResponse(
        'This Idempotency-Key was used with another payload.',
        refSchema('IdempotencyKeyReusedProblem'),
      ),
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD', 'POST']));

  return routes;
}

function sendCreateOutcome(outcome: CreateOutcome): Response {
  if (outcome.status === 'titleTaken') throw createTitleTakenProblem(outcome.existing);
  const location = `/api/docs/${outcome.document.id}`;
  return createJsonResponse(toDocumentDto(outcome.document), 201, {
    Location: location,
    'Content-Location': location,
    ETag: outcome.document.etag,
  });
}

/** Who will own a new document: the signed-in creator; nobody without accounts. */
function readOwner(c: Context): string | null {
  return readAccount(c)?.username ?? null;
}

/** A digest of what a create asks for: the checked input and who asks. */
function fingerprintCreate(input: DocumentInput, user: string): string {
  return createHash('sha256')
    .update(JSON.stringify([input.title, input.body, user]))
    .digest('base64url');
}

/**
 * `limit` and `cursor` of a paged list (`GET /api/docs`, `/api/trash`, a document's versions),
 * the cursor read by `decodeCursor`; 400 naming each one that is wrong.
 */
export function readPageQuery<Cursor = DocumentCursor>(
  c: Context,
  decodeCursor: (token: string) => Cursor | undefined,
): { limit: number; after: Cursor | undefined } {
  const invalidParams: InvalidParam[] = [];
  const limitValues = c.req.queries('limit') ?? [];
  const cursorValues = c.req.queries('cursor') ?? [];
  let limit: number = pageLimits.default;
  if (limitValues.length > 1) invalidParams.push({ name: 'limit', reason: 'must be given once' });
  else if (limitValues.length === 1) {
    const text = limitValues[0]!;
    limit = /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : NaN;
    if (!(limit <= pageLimits.max)) {
      invalidParams.push({
        name: 'limit',
        reason: `must be a whole number from 1 to ${pageLimits.max}`,
      });
    }
  }
  let after: Cursor | undefined;
  if (cursorValues.length > 1) invalidParams.push({ name: 'cursor', reason: 'must be given once' });
  else if (cursorValues.length === 1) {
    after = decodeCursor(cursorValues[0]!);
    if (!after) {
      invalidParams.push({
        name: 'cursor',
        reason: 'must be a next_cursor this server sent, unchanged',
      });
    }
  }
  if (invalidParams.length > 0) {
    throw new ProblemError({
      type: problemTypes.invalidQuery,
      title: 'Invalid query',
      status: 400,
      detail: invalidParams.map((p) => `${p.name} ${p.reason}.`).join(' '),
      invalid_params: invalidParams,
    });
  }
  return { limit, after };
}

function createKeyReusedProblem(): ProblemError {
  return new ProblemError({
    type: problemTypes.idempotencyKeyReused,
    title: 'Idempotency-Key reused',
    status: 422,
    detail:
      'This Idempotency-Key was already used for a create with another payload. ' +
      'Send a new key for a new request.',
  });
}

function createKeyInFlightProblem(): ProblemError {
  return new ProblemError(
    {
      type: problemTypes.idempotencyKeyInFlight,
      title: 'Request with this Idempotency-Key in progress',
      status: 409,
      detail: 'The first request with this Idempotency-Key is still being answered; retry shortly.',
    },
    { 'Retry-After': '1' },
  );
}
