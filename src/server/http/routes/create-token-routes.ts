import { Hono } from 'hono';
import { containsControlCharacter } from '../../../protocol/contains-control-character.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createForbiddenProblem, readAccount } from '../../auth/authenticate.ts';
import type { Account } from '../../auth/authenticate.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { createNotFoundProblem } from '../create-not-found-problem.ts';
import { requireAccountsMode } from './create-session-routes.ts';
import type { AccountRouteDeps } from './create-session-routes.ts';
import { issueCredential } from '../../auth/issue-credential.ts';
import { readJsonFields } from '../read-json-fields.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { json, problemResponse } from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';
import { accountAnswers } from '../openapi/openapi-accounts.ts';

const checkName = (name: string | undefined) =>
  name === undefined || (name.length <= 100 && !containsControlCharacter(name))
    ? undefined
    : 'must be at most 100 characters, without control characters';

/**
 * `/api/tokens`: API tokens for scripts (`Authorization: Bearer <token>`), each acting as the
 * account that made it. `POST { name? }` → 201 `{ id, name, token, created_at }`, the token
 * shown this once (only its hash is kept); `GET` lists them without secrets; `DELETE
 * /api/tokens/{id}` revokes one. Made only from a signed-in session: a leaked token cannot
 * mint more.
 */
export function createTokenRoutes(deps: AccountRouteDeps): Hono {
  const { accounts, auth, now } = deps;
  const routes = new Hono();

  routes.get('/', async (c) => {
    const account = requireSession(readAccount(c), auth);
    const tokens = await accounts.listCredentials(account.username, 'token', now());
    const items = tokens.map(({ id, name, created_at }) => ({ id, name, created_at }));
    return createJsonResponse({ items }, 200, { 'Cache-Control': 'no-store' });
  });
  describeOperation(routes, {
    operationId: 'listTokens',
    summary: "The signed-in account's API tokens (without their secrets).",
    responses: {
      '200': {
        description: 'The tokens.',
        headers: { 'Cache-Control': accountAnswers.noStore },
        content: json(refSchema('TokenList')),
      },
      '401': accountAnswers.signInFirst,
      '403': accountAnswers.forbidden,
      '429': accountAnswers.rateLimited,
    },
  });

  routes.post('/', async (c) => {
    const account = requireSession(readAccount(c), auth);
    const input = await readJsonFields(c, { name: checkName });
    const name = input.name?.trim() ?? '';
    const token = await issueCredential(accounts, {
      username: account.username,
      kind: 'token',
      name,
      at: now(),
    });
    const body = { id: token.id, name, token: token.secret, created_at: token.created_at };
    return createJsonResponse(body, 201, { 'Cache-Control': 'no-store' });
  });
  describeOperation(routes, {
    operationId: 'createToken',
    summary: 'Make an API token for scripts (from a signed-in session); shown this once.',
    requestBody: {
      required: true,
      content: json({ type: 'object', properties: { name: { type: 'string', maxLength: 100 } } }),
    },
    responses: {
      '201': {
        description: 'The token.',
        headers: { 'Cache-Control': accountAnswers.noStore },
        content: json(refSchema('NewToken')),
      },
      '401': accountAnswers.signInFirst,
      '403': problemResponse('Asked with a token rather than a session, or cross-site.', {
        anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')],
      }),
      '429': accountAnswers.rateLimited,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD', 'POST']));

  routes.delete('/:id', async (c) => {
    const account = requireSession(readAccount(c), auth);
    const id = c.req.param('id');
    // Another account's token id is answered like an unknown one: ids tell nothing.
    if (!(await accounts.deleteCredentialById(account.username, id))) {
      throw createNotFoundProblem(`You have no API token with id ${id}.`);
    }
    return c.body(null, 204);
  });
  describeOperation(routes, {
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
      '401': accountAnswers.signInFirst,
      '404': problemResponse('You have no token with this id.', refSchema('NotFoundProblem')),
      '429': accountAnswers.rateLimited,
    },
  });
  routes.all('/:id', answerMethodNotAllowed(['DELETE']));

  return routes;
}

function requireSession(account: Account | undefined, auth: AccountRouteDeps['auth']): Account {
  requireAccountsMode(auth);
  // The middleware lets no request without an account this far.
  if (!account) throw new Error('token routes reached without an account');
  if (account.via !== 'session') {
    throw createForbiddenProblem('API tokens are made and listed from a signed-in session.');
  }
  return account;
}
