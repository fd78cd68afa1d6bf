import { Hono } from 'hono';
import type { Context } from 'hono';
import { problemTypes } from '../../../protocol/problem.ts';
import { toUsernameKey } from '../../store/account-store.ts';
import type { AccountStore } from '../../store/account-store.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { defaultSessionDays } from '../../auth/auth-options.ts';
import type { AuthOptions } from '../../auth/auth-options.ts';
import { createUnauthenticatedProblem, readAccount } from '../../auth/authenticate.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { hashPassword, verifyPassword } from '../../auth/hash-password.ts';
import { issueCredential } from '../../auth/issue-credential.ts';
import { ProblemError } from '../problem-error.ts';
import { readJsonFields } from '../read-json-fields.ts';
import { isSecureRequest, readPeerAddress } from '../read-peer-address.ts';
import { readUser } from '../read-user.ts';
import { formatClearedSessionCookie, formatSessionCookie } from '../../auth/session-cookie.ts';
import type { SignInThrottle } from '../../auth/throttle-sign-in.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { json, problemResponse } from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';
import { accountAnswers } from '../openapi/openapi-accounts.ts';

/** What the account routes share. */
export interface AccountRouteDeps {
  accounts: AccountStore;
  auth: AuthOptions;
  now: () => Date;
  throttle: SignInThrottle;
}

const required = (value: string | undefined) => (value ? undefined : 'is required');

/**
 * `/api/session`: `POST` signs in (`{ username, password }` → 204 and the session cookie),
 * `GET` says who is signed in (401 `unauthenticated` with `setup_required` when no account
 * exists yet), `DELETE` signs this session out. `DELETE /api/sessions` signs out every session
 * of the account (sign out everywhere); API tokens stay until revoked.
 */
export function createSessionRoutes(deps: AccountRouteDeps): Hono {
  const { accounts, auth, throttle } = deps;
  const routes = new Hono();
  const trustedProxies = auth.trustedProxies ?? [];

  routes.get('/session', async (c) => {
    if (auth.mode === 'off') {
      return createJsonResponse({ username: readUser(c), role: 'admin', auth: auth.mode }, 200, {
        'Cache-Control': 'no-store',
      });
    }
    const account = readAccount(c);
    if (!account) {
      const setupRequired = auth.mode === 'accounts' && !(await accounts.hasUsers());
      throw createUnauthenticatedProblem(c, { setup_required: setupRequired });
    }
    return createJsonResponse(
      { username: account.username, role: account.role, auth: auth.mode },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
  describeOperation(routes, {
    operationId: 'getSession',
    summary: 'Who is signed in.',
    responses: {
      '200': {
        description: 'The signed-in account.',
        headers: { 'Cache-Control': accountAnswers.noStore },
        content: json(refSchema('Session')),
      },
      '401': problemResponse(
        'Not signed in; `setup_required` says whether the first account is still to be made.',
        refSchema('NotSignedInProblem'),
      ),
      '429': accountAnswers.rateLimited,
    },
  });

  routes.post('/session', async (c) => {
    requireAccountsMode(auth);
    const input = await readJsonFields(c, { username: required, password: required });
    const username = input.username!;
    const key = toUsernameKey(username);
    const address = readPeerAddress(c, trustedProxies);
    const verdict = throttle.check(key, address);
    if (!verdict.allowed) throw createThrottledProblem(verdict.retryAfterSeconds);
    const user = await accounts.findUser(username);
    // An unknown name costs the same scrypt as a wrong password, so timing does not tell
    // which names exist.
    const matches = await verifyPassword(
      input.password!,
      user?.password_hash ?? (await dummyHash(auth)),
    );
    if (!user || !matches) {
      throttle.recordFailure(key, address);
      throw new ProblemError(
        {
          type: problemTypes.unauthenticated,
          title: 'Wrong username or password',
          status: 401,
          detail: 'The username or the password is not right.',
        },
        { 'WWW-Authenticate': 'Bearer realm="Concord"' },
      );
    }
    throttle.recordSuccess(key);
    return startSession(c, deps, user.username);
  });
  describeOperation(routes, {
    operationId: 'signIn',
    summary: 'Sign in with a username and password.',
    requestBody: { required: true, content: json(refSchema('SignIn')) },
    responses: {
      '204': { description: 'Signed in.', headers: { 'Set-Cookie': accountAnswers.setCookie } },
      '400': accountAnswers.invalidRequest,
      '401': problemResponse('Wrong username or password.', refSchema('UnauthenticatedProblem')),
      '403': accountAnswers.forbiddenOrigin,
      '404': accountAnswers.noAccounts,
      '415': accountAnswers.unsupportedMediaType,
      '429': accountAnswers.rateLimited,
    },
  });

  routes.delete('/session', async (c) => {
    const account = readAccount(c);
    if (account?.via === 'session' && account.secretHash) {
      await accounts.deleteCredential(account.secretHash);
    }
    return c.body(null, 204, {
      'Set-Cookie': formatClearedSessionCookie(isSecureRequest(c, trustedProxies)),
    });
  });
  describeOperation(routes, {
    operationId: 'signOut',
    summary: 'Sign this session out (204 also when not signed in).',
    responses: {
      '204': { description: 'Signed out.', headers: { 'Set-Cookie': accountAnswers.clearCookie } },
      '403': accountAnswers.forbiddenOrigin,
      '429': accountAnswers.rateLimited,
    },
  });
  routes.all('/session', answerMethodNotAllowed(['GET', 'HEAD', 'POST', 'DELETE']));

  routes.delete('/sessions', async (c) => {
    const account = readAccount(c);
    if (account && account.via !== 'proxy') {
      await accounts.deleteCredentials(account.username, 'session');
    }
    return c.body(null, 204, {
      'Set-Cookie': formatClearedSessionCookie(isSecureRequest(c, trustedProxies)),
    });
  });
  describeOperation(routes, {
    operationId: 'signOutEverywhere',
    summary: 'Sign out every session of the account (API tokens stay until revoked).',
    responses: {
      '204': {
        description: 'Signed out everywhere.',
        headers: { 'Set-Cookie': accountAnswers.clearCookie },
      },
      '401': accountAnswers.signInFirst,
      '403': accountAnswers.forbiddenOrigin,
      '429': accountAnswers.rateLimited,
    },
  });
  routes.all('/sessions', answerMethodNotAllowed(['DELETE']));

  return routes;
}

/** Issues a session for `username` and answers `status` with its cookie (and `body`). */
export async function startSession(
  c: Context,
  deps: AccountRouteDeps,
  username: string,
  answer?: { status: number; body: unknown },
): Promise<Response> {
  const lifetimeMs = (deps.auth.sessionDays ?? defaultSessionDays) * 86_400_000;
  const session = await issueCredential(deps.accounts, {
    username,
    kind: 'session',
    at: deps.now(),
    lifetimeMs,
  });
  const headers = {
    'Set-Cookie': formatSessionCookie(session.secret, {
      secure: isSecureRequest(c, deps.auth.trustedProxies ?? []),
      maxAgeSeconds: lifetimeMs / 1000,
    }),
    'Cache-Control': 'no-store',
  };
  if (!answer) return c.body(null, 204, headers);
  return createJsonResponse(answer.body, answer.status, headers);
}

/** 404 to the account routes when accounts are not how this server signs people in. */
export function requireAccountsMode(auth: AuthOptions): void {
  if (auth.mode === 'accounts') return;
  throw new ProblemError({
    type: problemTypes.notFound,
    title: 'No accounts here',
    status: 404,
    detail:
      auth.mode === 'proxy'
        ? 'This server signs people in through the single sign-on proxy in front of it.'
        : 'This server runs without accounts (CONCORD_AUTH=off).',
  });
}

function createThrottledProblem(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    {
      type: problemTypes.rateLimited,
      title: 'Too many sign-in attempts',
      status: 429,
      detail: `Too many wrong passwords for this account or from this address: try again in ${formatWait(retryAfterSeconds)}.`,
      retry_after: retryAfterSeconds,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

// One hash per cost, made on first need, to verify against when the account does not exist.
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(auth: AuthOptions): Promise<string> {
  const key = JSON.stringify(auth.scryptCost ?? null);
  let hash = dummyHashes.get(key);
  if (!hash) dummyHashes.set(key, (hash = hashPassword('not a password', auth.scryptCost)));
  return hash;
}
