import { limits, userHeader } from '../../../protocol/document.ts';
import { pageLimits } from '../routes/create-collection-routes.ts';
import { healthTimeoutMs } from '../routes/create-health-routes.ts';
import { describeMetricsPath, resolutionParameter } from './openapi-metrics.ts';
import { accountPaths, accountSchemas, withSignInRequired } from './openapi-accounts.ts';
import { describeMemberPaths, memberSchemas } from './openapi-members.ts';
import type { JsonSchema } from './openapi-schemas.ts';
import { etagSchema, openApiSchemas, refSchema } from './openapi-schemas.ts';

// The parts of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) this description uses.
// Parameters and responses are shared as TypeScript values rather than `$ref`s, so that every
// operation reads completely on its own.

export interface OpenApiHeader {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}
export interface OpenApiMediaType {
  schema: JsonSchema;
}
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content?: Record<string, OpenApiMediaType>;
}
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
}
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
}
export type OpenApiMethod = 'get' | 'put' | 'post' | 'delete';
export type OpenApiPathItem = Partial<Record<OpenApiMethod, OpenApiOperation>>;
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, JsonSchema> };
}

// --- Parameters -------------------------------------------------------------------------

const idParameter: OpenApiParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The document id, as in its Location.',
  schema: { type: 'string' },
};
const ifMatchWrite: OpenApiParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description:
    'The ETag of the version the change is based on, `*`, or a list. Strong comparison: weak ' +
    'tags never match (RFC 9110 §13.1.1). Missing: 428. Stale: 409 with the current document.',
  schema: { type: 'string' },
};
const ifNoneMatchWrite: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: 'Evaluated after If-Match (RFC 9110 §13.2.2): `*` or a current tag gives 412.',
  schema: { type: 'string' },
};
const ifMatchRead: OpenApiParameter = {
  name: 'If-Match',
  in: 'header',
  description: 'Answer only if the current version is one of these (strong comparison), else 412.',
  schema: { type: 'string' },
};
const ifNoneMatchRead: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: 'Weak comparison (RFC 9110 §13.1.2): a match answers 304.',
  schema: { type: 'string' },
};
const preferParameter: OpenApiParameter = {
  name: 'Prefer',
  in: 'header',
  description:
    '`return=minimal` (RFC 7240): a stale If-Match is answered 409 without `current`, naming ' +
    'the current version in `ETag` and `current_etag`, for a client that holds it already.',
  schema: { type: 'string' },
};
const userParameter: OpenApiParameter = {
  name: userHeader,
  in: 'header',
  description: `The saving person's name, percent-encoded UTF-8, at most ${limits.userNameMaxLength} characters.`,
  schema: { type: 'string' },
};

// --- Headers and responses ----------------------------------------------------------------

const etagHeader: OpenApiHeader = {
  description: 'The strong, opaque ETag of the version sent; send it back in If-Match.',
  required: true,
  schema: etagSchema,
};
const noCache: OpenApiHeader = {
  description: '`no-cache`: revalidate every time.',
  required: true,
  schema: { const: 'no-cache' },
};
const noStore: OpenApiHeader = {
  description: '`no-store`: a probe always reaches the server.',
  required: true,
  schema: { const: 'no-store' },
};
/** `limit` and `cursor` of a paged collection (the document list, the trash). */
const pageParameters: OpenApiParameter[] = [
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
/** `limit` and `cursor` of a document's versions. */
const versionPageParameters: OpenApiParameter[] = pageParameters.map((parameter) =>
  parameter.name === 'limit'
    ? {
        ...parameter,
        description: `Versions per page, 1 to ${pageLimits.max} (default ${pageLimits.default}).`,
      }
    : parameter,
);
/** The `Link` header of a page of `path` that has a next one. */
const nextPageLink = (path: string): OpenApiHeader => ({
  description: 'The next page, `rel="next"` (RFC 8288), when there is one.',
  schema: { type: 'string', pattern: `^<${path}\\?[^>]*>; rel="next"$` },
});
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const problem = (schema: JsonSchema) => ({ 'application/problem+json': { schema } });

function problemResponse(
  description: string,
  schema: JsonSchema,
  headers?: Record<string, OpenApiHeader>,
): OpenApiResponse {
  return { description, content: problem(schema), ...(headers && { headers }) };
}

const invalidRequest = problemResponse(
  'Malformed JSON, wrong or extra fields, a malformed header (400, with invalid_params).',
  refSchema('InvalidRequestProblem'),
);
const invalidDeleteRequest = problemResponse(
  'A malformed If-Match, If-None-Match or Concord-User.',
  { anyOf: [refSchema('InvalidPreconditionProblem'), refSchema('InvalidRequestProblem')] },
);
const invalidReadRequest = problemResponse('A malformed If-Match or If-None-Match.', {
  anyOf: [refSchema('InvalidPreconditionProblem')],
});
const invalidWrite = problemResponse('Invalid body, header or precondition.', {
  anyOf: [refSchema('InvalidRequestProblem'), refSchema('InvalidPreconditionProblem')],
});
const notFound = problemResponse(
  'No such document (or version), or one not shared with you: answered alike, so an id tells a stranger nothing.',
  refSchema('NotFoundProblem'),
);
const preconditionFailed = problemResponse(
  'If-Match (on a read) or If-None-Match (on a write) failed.',
  refSchema('PreconditionFailedProblem'),
);
const preconditionRequired = problemResponse(
  'If-Match missing (RFC 6585 §3); the detail says how to resubmit.',
  refSchema('PreconditionRequiredProblem'),
);
const tooLarge = problemResponse(
  `Body over ${limits.maxBodyBytes} bytes.`,
  refSchema('TooLargeProblem'),
);
const unsupportedMediaType = problemResponse(
  'Not application/json in UTF-8.',
  refSchema('UnsupportedMediaTypeProblem'),
);
const forbiddenOrigin = problemResponse(
  "A state-changing request from another site's page (not on the CORS allow-list).",
  refSchema('ForbiddenOriginProblem'),
);
const forbiddenWrite = problemResponse(
  "A state-changing request from another site's page; or (`forbidden`) a viewer's: the " +
    'document is shared with them to read, not to change (the detail names its owner).',
  { anyOf: [refSchema('ForbiddenOriginProblem'), refSchema('ForbiddenProblem')] },
);
const retryAfter: OpenApiHeader = {
  description: 'Seconds to wait.',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
};
const rateLimited = problemResponse(
  'This client (remote address) sent too many requests.',
  refSchema('RateLimitedProblem'),
  { 'Retry-After': retryAfter },
);
const misdirected = problemResponse(
  'The Host names no host this server answers for (RFC 9110 §15.5.20): localhost, IP ' +
    'addresses and CONCORD_ALLOWED_HOSTS only. This is what stops DNS rebinding.',
  refSchema('MisdirectedRequestProblem'),
);
const streamRefused = problemResponse(
  'This client (remote address) sent too many requests, or holds as many event streams ' +
    'as one client may (CONCORD_MAX_STREAMS_PER_CLIENT, default 20).',
  { anyOf: [refSchema('RateLimitedProblem'), refSchema('TooManyStreamsProblem')] },
  { 'Retry-After': retryAfter },
);
const serverBusy = problemResponse(
  'The server holds as many event streams as it serves at once (CONCORD_MAX_STREAMS, ' +
    'default 1000).',
  refSchema('ServerBusyProblem'),
  { 'Retry-After': retryAfter },
);
const internalError = problemResponse(
  'A fault in the server (500), logged there; the answer says nothing about it, and a write it ' +
    'broke off was not made.',
  refSchema('InternalProblem'),
);
const documentHeaders = { ETag: etagHeader, 'Cache-Control': noCache };
const eventStream: OpenApiResponse['content'] = {
  'text/event-stream': { schema: { type: 'string' } },
};

// --- Paths -----------------------------------------------------------------------------------

/**
 * The OpenAPI 3.1 description of the Concord HTTP API, served at `GET /api/openapi.json`.
 * `openapi.test.ts` sends real requests for every operation and documented status and checks
 * each answer against it, so it cannot drift from the code.
 */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Concord',
    version: '1',
    description:
      'Documents saved with ETag-guarded requests. Every error is application/problem+json ' +
      '(RFC 9457). A method a path does not list answers 405 with Allow; OPTIONS answers 204 ' +
      'with Allow. Every answer may also be 429 (rate limit) with Retry-After, or 421 to a ' +
      'Host the server does not answer for, and carries X-Request-Id (the id of its line in ' +
      'the request log; a proxy-sent one is kept). JSON answers of 1 KiB and more are ' +
      'compressed (br or gzip) when Accept-Encoding allows.',
  },
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  paths: withSignInRequired({
    '/api/docs': {
      get: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
      post: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/api/docs/{id}': {
      get: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
      put: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
      delete: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/api/docs/{id}/versions': {
      get: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/api/docs/{id}/versions/{n}': {
      get: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/api/docs/{id}/events': {
      get: {
        operationId: 'streamDocumentEvents',
        summary: "Server-sent events of a document's changes.",
        description:
          '`event: version` (`VersionEvent`, with `id: <version>`), then live ones; ' +
          '`event: deleted` (`DeletedEvent`) when it moves to the trash, `event: restored` ' +
          '(`RestoredEvent`) when it comes back; the stream stays open across both (a document ' +
          'in the trash starts with `deleted`). Without Last-Event-ID the first ' +
          'event is the current version; with it, every later version is replayed in order. ' +
          'Keep-alive comments every 15 s.',
        parameters: [
          idParameter,
          {
            name: 'Last-Event-ID',
            in: 'header',
            description: 'The last version seen (EventSource sends it on reconnect).',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The stream.',
            headers: { 'Cache-Control': noCache },
            content: eventStream,
          },
          '404': notFound,
          '421': misdirected,
          '429': streamRefused,
          '503': serverBusy,
          default: internalError,
        },
      },
    },
    '/api/events': {
      get: {
        operationId: 'streamListEvents',
        summary: 'Server-sent events of every document: for a live document list.',
        description:
          '`event: created`, `event: version` and `event: restored` (`ListChangeEvent`), ' +
          '`event: deleted` (`ListDeletedEvent`). No ids and no resume: reload GET /api/docs ' +
          'on `open`.',
        responses: {
          '200': {
            description: 'The stream.',
            headers: { 'Cache-Control': noCache },
            content: eventStream,
          },
          '421': misdirected,
          '429': streamRefused,
          '503': serverBusy,
        },
      },
    },
    '/api/trash': {
      get: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/api/trash/{id}/restore': {
      post: {
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
          '421': misdirected,
          '429': rateLimited,
          default: internalError,
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'checkHealth',
        summary: 'Whether this server can serve documents: for load balancers.',
        description: `200 when the store answers a cheap query within ${healthTimeoutMs} ms, else 503.`,
        responses: {
          '200': {
            description: 'The store answers.',
            headers: { 'Cache-Control': noStore },
            content: json(refSchema('Health')),
          },
          '421': misdirected,
          '429': rateLimited,
          '503': problemResponse(
            'The store failed or did not answer in time.',
            refSchema('StoreUnavailableProblem'),
            {
              'Cache-Control': noStore,
              'Retry-After': {
                description: 'Seconds before asking again.',
                required: true,
                schema: { type: 'string', pattern: '^[0-9]+$' },
              },
            },
          ),
        },
      },
    },
    '/metrics': withMisdirected(describeMetricsPath(rateLimited)),
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This description.',
        responses: {
          '200': {
            description: 'OpenAPI 3.1.',
            content: json({
              type: 'object',
              required: ['openapi', 'paths'],
              properties: { openapi: { const: '3.1.0' }, paths: { type: 'object' } },
            }),
          },
          '421': misdirected,
          '429': rateLimited,
        },
      },
    },
    ...describeMemberPaths({ idParameter, misdirected, rateLimited, internalError, noCache }),
    ...Object.fromEntries(
      Object.entries(accountPaths).map(([path, item]) => [path, withMisdirected(item)]),
    ),
  }),
  components: { schemas: { ...openApiSchemas, ...accountSchemas, ...memberSchemas } },
};

/** `item` with the 421 every path may answer (the Host guard runs before every route). */
function withMisdirected(item: OpenApiPathItem): OpenApiPathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]) => [
      method,
      { ...operation, responses: { '421': misdirected, ...operation.responses } },
    ]),
  );
}
