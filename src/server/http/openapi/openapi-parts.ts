import { limits, userHeader } from '../../../protocol/document.ts';
import { resolutionHeader, resolutionHows } from '../../../protocol/resolution.ts';
import type { JsonSchema } from './openapi-schemas.ts';
import { etagSchema, refSchema } from './openapi-schemas.ts';

// The parts of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) the description uses, and the
// parameters, headers and responses that several routes' operations share (each route declares
// its own operation beside its handler: describeOperation). They are shared as TypeScript values
// rather than `$ref`s, so that every operation reads completely on its own.

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

export const idParameter: OpenApiParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The document id, as in its Location.',
  schema: { type: 'string' },
};
export const ifMatchWrite: OpenApiParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description:
    'The ETag of the version the change is based on, `*`, or a list. Strong comparison: weak ' +
    'tags never match (RFC 9110 §13.1.1). Missing: 428. Stale: 409 with the current document.',
  schema: { type: 'string' },
};
export const ifNoneMatchWrite: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: 'Evaluated after If-Match (RFC 9110 §13.2.2): `*` or a current tag gives 412.',
  schema: { type: 'string' },
};
export const ifMatchRead: OpenApiParameter = {
  name: 'If-Match',
  in: 'header',
  description: 'Answer only if the current version is one of these (strong comparison), else 412.',
  schema: { type: 'string' },
};
export const ifNoneMatchRead: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: 'Weak comparison (RFC 9110 §13.1.2): a match answers 304.',
  schema: { type: 'string' },
};
export const preferParameter: OpenApiParameter = {
  name: 'Prefer',
  in: 'header',
  description:
    '`return=minimal` (RFC 7240): a stale If-Match is answered 409 without `current`, naming ' +
    'the current version in `ETag` and `current_etag`, for a client that holds it already.',
  schema: { type: 'string' },
};
export const userParameter: OpenApiParameter = {
  name: userHeader,
  in: 'header',
  description: `The saving person's name, percent-encoded UTF-8, at most ${limits.userNameMaxLength} characters.`,
  schema: { type: 'string' },
};

// --- Headers and responses ----------------------------------------------------------------

export const etagHeader: OpenApiHeader = {
  description: 'The strong, opaque ETag of the version sent; send it back in If-Match.',
  required: true,
  schema: etagSchema,
};
export const noCache: OpenApiHeader = {
  description: '`no-cache`: revalidate every time.',
  required: true,
  schema: { const: 'no-cache' },
};
export const noStore: OpenApiHeader = {
  description: '`no-store`: a probe always reaches the server.',
  required: true,
  schema: { const: 'no-store' },
};
/** The `Link` header of a page of `path` that has a next one. */
export const nextPageLink = (path: string): OpenApiHeader => ({
  description: 'The next page, `rel="next"` (RFC 8288), when there is one.',
  schema: { type: 'string', pattern: `^<${path}\\?[^>]*>; rel="next"$` },
});
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const problem = (schema: JsonSchema) => ({ 'application/problem+json': { schema } });

export function problemResponse(
  description: string,
  schema: JsonSchema,
  headers?: Record<string, OpenApiHeader>,
): OpenApiResponse {
  return { description, content: problem(schema), ...(headers && { headers }) };
}

export const invalidRequest = problemResponse(
  'Malformed JSON, wrong or extra fields, a malformed header (400, with invalid_params).',
  refSchema('InvalidRequestProblem'),
);
export const invalidDeleteRequest = problemResponse(
  'A malformed If-Match, If-None-Match or Concord-User.',
  { anyOf: [refSchema('InvalidPreconditionProblem'), refSchema('InvalidRequestProblem')] },
);
export const invalidReadRequest = problemResponse('A malformed If-Match or If-None-Match.', {
  anyOf: [refSchema('InvalidPreconditionProblem')],
});
export const invalidWrite = problemResponse('Invalid body, header or precondition.', {
  anyOf: [refSchema('InvalidRequestProblem'), refSchema('InvalidPreconditionProblem')],
});
export const notFound = problemResponse(
  'No such document (or version), or one not shared with you: answered alike, so an id tells a stranger nothing.',
  refSchema('NotFoundProblem'),
);
export const preconditionFailed = problemResponse(
  'If-Match (on a read) or If-None-Match (on a write) failed.',
  refSchema('PreconditionFailedProblem'),
);
export const preconditionRequired = problemResponse(
  'If-Match missing (RFC 6585 §3); the detail says how to resubmit.',
  refSchema('PreconditionRequiredProblem'),
);
export const tooLarge = problemResponse(
  `Body over ${limits.maxBodyBytes} bytes.`,
  refSchema('TooLargeProblem'),
);
export const unsupportedMediaType = problemResponse(
  'Not application/json in UTF-8.',
  refSchema('UnsupportedMediaTypeProblem'),
);
export const forbiddenOrigin = problemResponse(
  "A state-changing request from another site's page (not on the CORS allow-list).",
  refSchema('ForbiddenOriginProblem'),
);
export const forbiddenWrite = problemResponse(
  "A state-changing request from another site's page; or (`forbidden`) a viewer's: the " +
    'document is shared with them to read, not to change (the detail names its owner).',
  { anyOf: [refSchema('ForbiddenOriginProblem'), refSchema('ForbiddenProblem')] },
);
export const retryAfter: OpenApiHeader = {
  description: 'Seconds to wait.',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
};
export const rateLimited = problemResponse(
  'This client (remote address) sent too many requests.',
  refSchema('RateLimitedProblem'),
  { 'Retry-After': retryAfter },
);
export const misdirected = problemResponse(
  'The Host names no host this server answers for (RFC 9110 §15.5.20): localhost, IP ' +
    'addresses and CONCORD_ALLOWED_HOSTS only. This is what stops DNS rebinding.',
  refSchema('MisdirectedRequestProblem'),
);
export const streamRefused = problemResponse(
  'This client (remote address) sent too many requests, or holds as many event streams ' +
    'as one client may (CONCORD_MAX_STREAMS_PER_CLIENT, default 20).',
  { anyOf: [refSchema('RateLimitedProblem'), refSchema('TooManyStreamsProblem')] },
  { 'Retry-After': retryAfter },
);
export const serverBusy = problemResponse(
  'The server holds as many event streams as it serves at once (CONCORD_MAX_STREAMS, ' +
    'default 1000).',
  refSchema('ServerBusyProblem'),
  { 'Retry-After': retryAfter },
);
export const internalError = problemResponse(
  'A fault in the server (500), logged there; the answer says nothing about it, and a write it ' +
    'broke off was not made.',
  refSchema('InternalProblem'),
);
export const documentHeaders = { ETag: etagHeader, 'Cache-Control': noCache };
export const eventStream: OpenApiResponse['content'] = {
  'text/event-stream': { schema: { type: 'string' } },
};

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
