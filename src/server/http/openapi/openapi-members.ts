import type {
  OpenApiHeader,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiResponse,
} from './openapi.ts';
import { refSchema } from './openapi-schemas.ts';
import type { JsonSchema } from './openapi-schemas.ts';

// The sharing part of the OpenAPI description (issue 13 item 2): who a document is shared with.

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const problemResponse = (description: string, schema: JsonSchema): OpenApiResponse => ({
  description,
  content: { 'application/problem+json': { schema } },
});
const username: JsonSchema = { type: 'string', minLength: 1 };

/** The schemas `describeMemberPaths` refers to, merged into `components.schemas`. */
export const memberSchemas: Record<string, JsonSchema> = {
  Member: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'role'],
    properties: { username, role: { enum: ['owner', 'editor', 'viewer'] } },
  },
  MemberList: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'your_role'],
    properties: {
      items: {
        type: 'array',
        description: 'The owner first (none for a document from before accounts), then members.',
        items: refSchema('Member'),
      },
      your_role: { enum: ['owner', 'editor', 'viewer'] },
    },
  },
  MemberInput: {
    type: 'object',
    required: ['role'],
    properties: { role: { enum: ['editor', 'viewer'] } },
  },
};

/** What the member paths share with the rest of the description. */
export interface SharedParts {
  idParameter: OpenApiParameter;
  misdirected: OpenApiResponse;
  rateLimited: OpenApiResponse;
  internalError: OpenApiResponse;
  noCache: OpenApiHeader;
}

/** `/api/docs/{id}/members` and `/api/docs/{id}/members/{username}`. */
export function describeMemberPaths(shared: SharedParts): Record<string, OpenApiPathItem> {
  const { idParameter, misdirected, rateLimited, internalError, noCache } = shared;
  const usernameParameter: OpenApiParameter = {
    name: 'username',
    in: 'path',
    required: true,
    description: 'An account name (compared case-insensitively).',
    schema: { type: 'string' },
  };
  const notFound = problemResponse(
    'No such document, or one not shared with you (answered alike); no such account; or ' +
      '(DELETE) no such member.',
    refSchema('NotFoundProblem'),
  );
  const forbidden = problemResponse(
    'Not the owner (only the owner changes members); a document from before accounts (no ' +
      "owner); no accounts (CONCORD_AUTH=off); or another site's page.",
    { anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')] },
  );
  const ownerRole = problemResponse(
    "The owner's own role (it cannot change); or a body without a valid role.",
    refSchema('InvalidRequestProblem'),
  );
  const always = { '421': misdirected, '429': rateLimited, default: internalError };
  return {
    '/api/docs/{id}/members': {
      get: {
        operationId: 'listMembers',
        summary: 'Who the document is shared with, and your role.',
        description: 'Without accounts (CONCORD_AUTH=off): no one, and `your_role` editor.',
        parameters: [idParameter],
        responses: {
          '200': {
            description: 'The owner and members.',
            headers: { 'Cache-Control': noCache },
            content: json(refSchema('MemberList')),
          },
          '404': notFound,
          ...always,
        },
      },
    },
    '/api/docs/{id}/members/{username}': {
      put: {
        operationId: 'setMember',
        summary: 'Share the document with an account as viewer or editor (the owner only).',
        parameters: [idParameter, usernameParameter],
        requestBody: { required: true, content: json(refSchema('MemberInput')) },
        responses: {
          '200': {
            description: 'Their role changed (or already was this one).',
            content: json(refSchema('Member')),
          },
          '201': {
            description: 'Newly shared with them.',
            headers: {
              Location: {
                description: 'This member.',
                required: true,
                schema: { type: 'string' },
              },
            },
            content: json(refSchema('Member')),
          },
          '400': ownerRole,
          '403': forbidden,
          '404': notFound,
          '415': problemResponse('Not application/json.', refSchema('UnsupportedMediaTypeProblem')),
          ...always,
        },
      },
      delete: {
        operationId: 'removeMember',
        summary: 'Stop sharing the document with an account (the owner only).',
        parameters: [idParameter, usernameParameter],
        responses: {
          '204': { description: 'No longer shared with them.' },
          '400': ownerRole,
          '403': forbidden,
          '404': notFound,
          ...always,
        },
      },
    },
  };
}
