import { problemTypes } from '../../../protocol/problem.ts';
import type { OpenApiHeader, OpenApiPathItem, OpenApiResponse } from './openapi.ts';
import { refSchema } from './openapi-schemas.ts';
import type { JsonSchema } from './openapi-schemas.ts';

// The accounts part of the OpenAPI description (issue 13): signing in and out, accounts, API
// tokens, and the 401 every other /api operation answers without them.

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
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
const signInFirst = problemResponse(
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

/** The schemas `accountPaths` refers to, merged into `components.schemas`. */
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

/** The account operations, keyed by path (each also answers 421: see `withMisdirected`). */
export const accountPaths: Record<string, OpenApiPathItem> = {
  '/api/session': {
    get: {
      operationId: 'getSession',
      summary: 'Who is signed in.',
      responses: {
        '200': {
          description: 'The signed-in account.',
          headers: { 'Cache-Control': noStore },
          content: json(refSchema('Session')),
        },
        '401': problemResponse(
          'Not signed in; `setup_required` says whether the first account is still to be made.',
          refSchema('NotSignedInProblem'),
        ),
        '429': rateLimited,
      },
    },
    post: {
      operationId: 'signIn',
      summary: 'Sign in with a username and password.',
      requestBody: { required: true, content: json(refSchema('SignIn')) },
      responses: {
        '204': { description: 'Signed in.', headers: { 'Set-Cookie': setCookie } },
        '400': invalidRequest,
        '401': problemResponse('Wrong username or password.', refSchema('UnauthenticatedProblem')),
        '403': forbiddenOrigin,
        '404': noAccounts,
        '415': unsupportedMediaType,
        '429': rateLimited,
      },
    },
    delete: {
      operationId: 'signOut',
      summary: 'Sign this session out (204 also when not signed in).',
      responses: {
        '204': { description: 'Signed out.', headers: { 'Set-Cookie': clearCookie } },
        '403': forbiddenOrigin,
        '429': rateLimited,
      },
    },
  },
  '/api/sessions': {
    delete: {
      operationId: 'signOutEverywhere',
      summary: 'Sign out every session of the account (API tokens stay until revoked).',
      responses: {
        '204': { description: 'Signed out everywhere.', headers: { 'Set-Cookie': clearCookie } },
        '401': signInFirst,
        '403': forbiddenOrigin,
        '429': rateLimited,
      },
    },
  },
  '/api/users': {
    post: {
      operationId: 'createAccount',
      summary:
        'Make an account: the first one (an admin, signed in at once) while none exists, ' +
        'later ones as an admin.',
      requestBody: { required: true, content: json(refSchema('NewAccount')) },
      responses: {
        '201': {
          description: 'Made (the first account also gets its session cookie).',
          content: json(refSchema('Account')),
        },
        '400': invalidRequest,
        '401': signInFirst,
        '403': problemResponse('Not an admin, or a cross-site request.', {
          anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')],
        }),
        '404': noAccounts,
        '409': problemResponse('The username is taken.', refSchema('UsernameTakenProblem')),
        '415': unsupportedMediaType,
        '429': rateLimited,
      },
    },
  },
  '/api/tokens': {
    get: {
      operationId: 'listTokens',
      summary: "The signed-in account's API tokens (without their secrets).",
      responses: {
        '200': {
          description: 'The tokens.',
          headers: { 'Cache-Control': noStore },
          content: json(refSchema('TokenList')),
        },
        '401': signInFirst,
        '403': forbidden,
        '429': rateLimited,
      },
    },
    post: {
      operationId: 'createToken',
      summary: 'Make an API token for scripts (from a signed-in session); shown this once.',
      requestBody: {
        required: true,
        content: json({ type: 'object', properties: { name: { type: 'string', maxLength: 100 } } }),
      },
      responses: {
        '201': {
          description: 'The token.',
          headers: { 'Cache-Control': noStore },
          content: json(refSchema('NewToken')),
        },
        '401': signInFirst,
        '403': problemResponse('Asked with a token rather than a session, or cross-site.', {
          anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')],
        }),
        '429': rateLimited,
      },
    },
  },
  '/api/tokens/{id}': {
    delete: {
      operationId: 'revokeToken',
      summary: 'Revoke one of your API tokens.',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'The token id.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '204': { description: 'Revoked.' },
        '401': signInFirst,
        '404': problemResponse('You have no token with this id.', refSchema('NotFoundProblem')),
        '429': rateLimited,
      },
    },
  },
};

/**
 * `paths` with a 401 on every `/api` operation that needs a session or token (all but the
 * account paths, which say their own, and the description itself).
 */
export function withSignInRequired(
  paths: Record<string, OpenApiPathItem>,
): Record<string, OpenApiPathItem> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      if (
        !path.startsWith('/api/docs') &&
        !path.startsWith('/api/trash') &&
        path !== '/api/events'
      ) {
        return [path, item];
      }
      return [
        path,
        Object.fromEntries(
          Object.entries(item).map(([method, operation]) => [
            method,
            { ...operation, responses: { '401': signInFirst, ...operation.responses } },
          ]),
        ),
      ];
    }),
  );
}
