import { problemTypes } from '../../../protocol/problem.ts';
import type { OpenApiHeader, OpenApiResponse } from './openapi-parts.ts';
import { refSchema } from './openapi-schemas.ts';
import type { JsonSchema } from './openapi-schemas.ts';

// The accounts part of the OpenAPI description (issue 13): signing in and out, accounts, API
// tokens, and the 401 every other /api operation answers without them.

const problemResponse = (description: string, schema: JsonSchema): OpenApiResponse => ({
  description,
  content: { 'application/problem+json': { schema } },
});
const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
const role: JsonSchema = { enum: ['admin', 'member'] };
const noStore: OpenApiHeader = {
  description: 'Never cached.',
  required: true,
  schema: { const: 'no-store' },
};
const setCookie: OpenApiHeader = {
  description: 'The session cookie: HttpOnly, SameSite=Lax, Secure over https.',
  required: true,
  schema: { type: 'string', pattern: '^concord_session=[A-Za-z0-9_-]+; .*HttpOnly; SameSite=Lax' },
};
const clearCookie: OpenApiHeader = {
  description: 'Drops the session cookie.',
  required: true,
  schema: { type: 'string', pattern: '^concord_session=; .*Max-Age=0' },
};
const retryAfter: OpenApiHeader = {
  description: 'Seconds to wait.',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
};
/** The 401 of every `/api` operation that needs a session or token. */
export const signInFirst = problemResponse(
  'No valid session cookie or API token (`Authorization: Bearer`): sign in first.',
  refSchema('UnauthenticatedProblem'),
);
const forbidden = problemResponse(
  'Signed in, but not allowed this.',
  refSchema('ForbiddenProblem'),
);
const invalidRequest = problemResponse(
  'Malformed JSON or wrong fields (400, with invalid_params).',
  refSchema('InvalidRequestProblem'),
);
const unsupportedMediaType = problemResponse(
  'Not application/json.',
  refSchema('UnsupportedMediaTypeProblem'),
);
const forbiddenOrigin = problemResponse(
  "A state-changing request from another site's page.",
  refSchema('ForbiddenOriginProblem'),
);
const rateLimited: OpenApiResponse = {
  ...problemResponse(
    'Too many requests from this client, or (signing in) too many wrong passwords for the ' +
      'account or from the address.',
    refSchema('RateLimitedProblem'),
  ),
  headers: { 'Retry-After': retryAfter },
};
const noAccounts = problemResponse(
  'This server signs people in otherwise (CONCORD_AUTH=proxy or off).',
  refSchema('NotFoundProblem'),
);

/** The schemas the account routes' operations refer to, merged into `components.schemas`. */
export const accountSchemas: Record<string, JsonSchema> = {
  Session: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'role', 'auth'],
    properties: {
      username: { type: 'string' },
      role,
      auth: {
        enum: ['accounts', 'proxy', 'off'],
        description: 'How this server signs people in (CONCORD_AUTH).',
      },
    },
  },
  NotSignedInProblem: {
    allOf: [
      refSchema('UnauthenticatedProblem'),
      {
        type: 'object',
        required: ['setup_required'],
        properties: {
          setup_required: {
            type: 'boolean',
            description: 'No account exists yet: POST /api/users makes the first one.',
          },
        },
      },
    ],
  },
  SignIn: {
    type: 'object',
    required: ['username', 'password'],
    properties: { username: { type: 'string' }, password: { type: 'string' } },
  },
  NewAccount: {
    type: 'object',
    required: ['username', 'password'],
    properties: {
      username: { type: 'string', pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}$' },
      password: { type: 'string', minLength: 8, maxLength: 1024 },
      role,
    },
  },
  Account: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'role', 'created_at'],
    properties: { username: { type: 'string' }, role, created_at: timestamp },
  },
  UsernameTakenProblem: {
    allOf: [
      refSchema('Problem'),
      {
        type: 'object',
        required: ['type'],
        properties: { type: { const: problemTypes.usernameTaken } },
      },
    ],
  },
  NewToken: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'token', 'created_at'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      token: { type: 'string', pattern: '^concord_[A-Za-z0-9_-]{43}$', description: 'Shown once.' },
      created_at: timestamp,
    },
  },
  TokenList: {
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'created_at'],
          properties: { id: { type: 'string' }, name: { type: 'string' }, created_at: timestamp },
        },
      },
    },
  },
};

/** The answers the account routes' operations share. */
export const accountAnswers = {
  noStore,
  setCookie,
  clearCookie,
  signInFirst,
  forbidden,
  invalidRequest,
  unsupportedMediaType,
  forbiddenOrigin,
  rateLimited,
  noAccounts,
};
