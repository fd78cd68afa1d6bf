import { limits } from '../../../protocol/document.ts';
import { problemTypes } from '../../../protocol/problem.ts';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { [keyword: string]: unknown };

/** A `$ref` to `openApiSchemas[name]` (the OpenAPI test resolves every one). */
export function refSchema(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
/** A strong ETag as sent in headers and bodies. */
export const etagSchema: JsonSchema = {
  type: 'string',
  description: 'A strong entity-tag, quotes included (RFC 9110 §8.8.3).',
  pattern: '^"[\\x21\\x23-\\x7e]*"$',
};
const etag = etagSchema;
const id: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' };
const version: JsonSchema = { type: 'integer', minimum: 1 };
const user: JsonSchema = {
  type: 'string',
  maxLength: limits.userNameMaxLength,
  description: 'The name the saving person gave in Concord-User, or "" when none.',
};
const title: JsonSchema = { type: 'string', minLength: 1, maxLength: limits.titleMaxLength };

/** A problem document of one `type`, with the extension members `extra`. */
function problemOf(type: string, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    allOf: [
      refSchema('Problem'),
      {
        type: 'object',
        required: ['type', ...Object.keys(extra)],
        properties: { type: { const: type }, ...extra },
      },
    ],
  };
}

/**
 * The schemas of `openApiDocument` (`components.schemas`): every JSON body the API sends or
 * takes, and the data of every server-sent event.
 */
export const openApiSchemas = {
  Document: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'body', 'version', 'created_at', 'updated_at', 'updated_by'],
    properties: {
      id,
      title,
      body: { type: 'string' },
      version,
      created_at: timestamp,
      updated_at: timestamp,
      updated_by: user,
    },
  },
  DocumentInput: {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'body'],
    properties: {
      title: {
        ...title,
        description: 'Trimmed; unique among documents, case-insensitively. No control characters.',
      },
      body: { type: 'string' },
    },
  },
  DocumentSummary: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'version', 'updated_at', 'updated_by'],
    properties: { id, title, version, updated_at: timestamp, updated_by: user },
  },
  DocumentList: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'next_cursor'],
    properties: {
      items: { type: 'array', items: refSchema('DocumentSummary') },
      next_cursor: {
        type: ['string', 'null'],
        description: 'Pass as `cursor` for the next page; null on the last page. Opaque.',
      },
    },
  },
  VersionSummary: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'etag', 'updated_at', 'updated_by'],
    properties: { version, etag, updated_at: timestamp, updated_by: user },
  },
  VersionChange: {
    type: 'object',
    description:
      'How much a version changed the body of the one before: characters (UTF-16 code units) ' +
      'added and removed; a replaced word counts in both.',
    additionalProperties: false,
    required: ['added', 'removed'],
    properties: {
      added: { type: 'integer', minimum: 0 },
      removed: { type: 'integer', minimum: 0 },
    },
  },
  VersionEntry: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'etag', 'updated_at', 'updated_by', 'change'],
    properties: {
      version,
      etag,
      updated_at: timestamp,
      updated_by: user,
      change: {
        description: 'null for version 1.',
        anyOf: [refSchema('VersionChange'), { type: 'null' }],
      },
    },
  },
  VersionList: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'next_cursor'],
    properties: {
      items: { type: 'array', items: refSchema('VersionEntry') },
      next_cursor: {
        type: ['string', 'null'],
        description: 'Pass as `cursor` for the next (older) page; null on the last page. Opaque.',
      },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details. `type` is stable; clients recognise problems by it.',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string' },
    },
  },
  InvalidRequestProblem: {
    allOf: [
      refSchema('Problem'),
      {
        type: 'object',
        required: ['invalid_params'],
        properties: {
          type: { enum: [problemTypes.invalidBody, problemTypes.invalidQuery] },
          invalid_params: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'reason'],
              properties: {
                name: {
                  type: 'string',
                  description: 'A body member, header or query parameter; "" for the whole body.',
                },
                reason: { type: 'string' },
              },
            },
          },
        },
      },
    ],
  },
  InvalidPreconditionProblem: problemOf(problemTypes.invalidPrecondition),
  EditConflictProblem: problemOf(problemTypes.editConflict, {
    current: refSchema('Document'),
    current_etag: etag,
  }),
  MinimalEditConflictProblem: problemOf(problemTypes.editConflict, { current_etag: etag }),
  TitleTakenProblem: problemOf(problemTypes.titleTaken, {
    existing: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title'],
      properties: { id, title },
    },
  }),
  NotFoundProblem: problemOf(problemTypes.notFound),
  PreconditionFailedProblem: problemOf(problemTypes.preconditionFailed),
  PreconditionRequiredProblem: problemOf(problemTypes.preconditionRequired),
  TooLargeProblem: problemOf(problemTypes.tooLarge),
  UnsupportedMediaTypeProblem: problemOf(problemTypes.unsupportedMediaType),
  IdempotencyKeyReusedProblem: problemOf(problemTypes.idempotencyKeyReused),
  IdempotencyKeyInFlightProblem: problemOf(problemTypes.idempotencyKeyInFlight),
  ForbiddenOriginProblem: problemOf(problemTypes.forbiddenOrigin),
  UnauthenticatedProblem: problemOf(problemTypes.unauthenticated),
  ForbiddenProblem: problemOf(problemTypes.forbidden),
  RateLimitedProblem: problemOf(problemTypes.rateLimited),
  MisdirectedRequestProblem: problemOf(problemTypes.misdirectedRequest),
  TooManyStreamsProblem: problemOf(problemTypes.tooManyStreams),
  ServerBusyProblem: problemOf(problemTypes.serverBusy),
  InternalProblem: problemOf(problemTypes.internal),
  StoreUnavailableProblem: problemOf(problemTypes.storeUnavailable),
  DocumentDeletedProblem: problemOf(problemTypes.documentDeleted, {
    deleted_at: timestamp,
    restore: {
      type: 'string',
      pattern: '^/api/trash/[A-Za-z0-9_-]+/restore$',
      description: 'POST here to bring the document back, then send the request again.',
    },
  }),
  TrashedDocumentSummary: {
    type: 'object',
    additionalProperties: false,
    required: [
      'id',
      'title',
      'version',
      'updated_at',
      'updated_by',
      'deleted_at',
      'deleted_by',
      'purge_at',
    ],
    properties: {
      id,
      title,
      version,
      updated_at: timestamp,
      updated_by: user,
      deleted_at: timestamp,
      deleted_by: {
        ...user,
        description:
          'Who deleted it: the signed-in account, or without accounts the Concord-User name sent with the DELETE; "" when none was given, or for a document deleted before this was kept.',
      },
      purge_at: {
        ...timestamp,
        description:
          'When the document is purged with its history (deleted_at plus CONCORD_TRASH_DAYS): restorable until then.',
      },
    },
  },
  TrashList: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'next_cursor'],
    properties: {
      items: { type: 'array', items: refSchema('TrashedDocumentSummary') },
      next_cursor: {
        type: ['string', 'null'],
        description: 'Pass as `cursor` for the next page; null on the last page. Opaque.',
      },
    },
  },
  Health: {
    type: 'object',
    additionalProperties: false,
    required: ['status'],
    properties: { status: { const: 'ok' } },
  },
  VersionEvent: {
    description: '`event: version`, `id: <version>` on GET /api/docs/{id}/events.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'etag', 'updated_by'],
    properties: { version, etag, updated_by: user },
  },
  DeletedEvent: {
    description:
      '`event: deleted` on GET /api/docs/{id}/events: moved to the trash. The stream stays open.',
    type: 'object',
    additionalProperties: false,
  },
  RestoredEvent: {
    description:
      '`event: restored`, `id: <version>` on GET /api/docs/{id}/events: back from the trash.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'etag', 'updated_by'],
    properties: { version, etag, updated_by: user },
  },
  ListChangeEvent: {
    description:
      '`event: created` (version 1), `event: version` or `event: restored` on GET /api/events.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'version', 'etag', 'updated_at', 'updated_by'],
    properties: { id, title, version, etag, updated_at: timestamp, updated_by: user },
  },
  ListDeletedEvent: {
    description: '`event: deleted` on GET /api/events.',
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id },
  },
} satisfies Record<string, JsonSchema>;
