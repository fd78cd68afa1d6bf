import { Hono } from 'hono';
import { problemTypes } from '../../../protocol/problem.ts';
import { containsControlCharacter } from '../../../protocol/contains-control-character.ts';
import type { AccountRole } from '../../store/account-store.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import {
  createForbiddenProblem,
  createUnauthenticatedProblem,
  readAccount,
} from '../../auth/authenticate.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { hashPassword } from '../../auth/hash-password.ts';
import { ProblemError } from '../problem-error.ts';
import { readJsonFields } from '../read-json-fields.ts';
import { requireAccountsMode, startSession } from './create-session-routes.ts';
import type { AccountRouteDeps } from './create-session-routes.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { json, problemResponse } from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';
import { accountAnswers } from '../openapi/openapi-accounts.ts';

// Letters and digits first, then also . _ @ -: names that read the same everywhere they are
// shown (no spaces to trim, no invisible characters), and fit an e-mail address's local part.
const usernamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

/** Why `username` cannot name an account; `undefined` when it can. */
export function checkUsername(username: string | undefined): string | undefined {
  if (!username) return 'is required';
  if (!usernamePattern.test(username) || containsControlCharacter(username)) {
    return 'must be 1 to 64 letters, digits and . _ @ -, starting with a letter or digit';
  }
  return undefined;
}

/** Why `password` cannot be one; `undefined` when it can. */
export function checkPassword(password: string | undefined): string | undefined {
  if (!password) return 'is required';
  // NIST SP 800-63B §3.1.1.2: at least 8 characters, and long passphrases allowed.
  if ([...password].length < 8) return 'must be at least 8 characters';
  if (password.length > 1024) return 'must be at most 1024 characters';
  return undefined;
}

const checkRole = (role: string | undefined) =>
  role === undefined || role === 'admin' || role === 'member'
    ? undefined
    : 'must be admin or member';

/**
 * `POST /api/users` `{ username, password, role? }`: the first account while none exists
 * (open to anyone, made admin, and signed in at once: 201 with the session cookie); after that
 * only an admin adds accounts (401 without a session, 403 for a member). A taken name: 409
 * `username-taken`.
 */
export function createUserRoutes(deps: AccountRouteDeps): Hono {
  const { accounts, auth, now } = deps;
  const routes = new Hono();

  routes.post('/', async (c) => {
    requireAccountsMode(auth);
    const input = await readJsonFields(c, {
      username: checkUsername,
      password: checkPassword,
      role: checkRole,
    });
    const account = readAccount(c);
    const first = !(await accounts.hasUsers());
    if (!first && !account) throw createUnauthenticatedProblem(c);
    if (!first && account?.role !== 'admin') {
      throw createForbiddenProblem('Only an admin adds accounts.');
    }
    const role: AccountRole = first
      ? 'admin'
      : ((input.role as AccountRole | undefined) ?? 'member');
    const user = {
      username: input.username!,
      password_hash: await hashPassword(input.password!, auth.scryptCost),
      role,
      created_at: now().toISOString(),
    };
    const outcome = await accounts.createUser(user, { onlyIfFirst: first });
    // Another first account won the race while this one hashed: this one needs an admin now.
    if (outcome.status === 'notFirst') throw createUnauthenticatedProblem(c);
    if (outcome.status === 'taken') {
      throw new ProblemError({
        type: problemTypes.usernameTaken,
        title: 'Username taken',
        status: 409,
        detail: `There is already an account named ${JSON.stringify(user.username)}.`,
      });
    }
    const body = { username: user.username, role, created_at: user.created_at };
    if (first) return startSession(c, deps, user.username, { status: 201, body });
    return createJsonResponse(body, 201);
  });
  describeOperation(routes, {
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
      '400': accountAnswers.invalidRequest,
      '401': accountAnswers.signInFirst,
      '403': problemResponse('Not an admin, or a cross-site request.', {
        anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')],
      }),
      '404': accountAnswers.noAccounts,
      '409': problemResponse('The username is taken.', refSchema('UsernameTakenProblem')),
      '415': accountAnswers.unsupportedMediaType,
      '429': accountAnswers.rateLimited,
    },
  });
  routes.all('/', answerMethodNotAllowed(['POST']));

  return routes;
}
