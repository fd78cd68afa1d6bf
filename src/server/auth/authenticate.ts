import type { Context, MiddlewareHandler } from 'hono';
import { containsControlCharacter } from '../../protocol/contains-control-character.ts';
import { limits } from '../../protocol/document.ts';
import { problemTypes } from '../../protocol/problem.ts';
import type { AccountRole, AccountStore, CredentialKind } from '../store/account-store.ts';
import { defaultProxyHeader } from './auth-options.ts';
import type { AuthOptions } from './auth-options.ts';
import { rememberHashes } from './issue-credential.ts';
import { ProblemError } from '../http/problem-error.ts';
import { isFromTrustedProxy } from '../http/read-peer-address.ts';
import { readRequestHeader } from '../http/read-request-header.ts';
import { readSessionSecret } from './session-cookie.ts';

/** Who a request was authenticated as. */
export interface Account {
  username: string;
  role: AccountRole;
  /** How: a session cookie, an API token, or the single sign-on proxy's header. */
  via: CredentialKind | 'proxy';
  /** The credential's stored hash (sessions and tokens), to sign this one out. */
  secretHash?: string;
}

// In the request's context, which every sub-app of one request shares: a context variable
// (a Map of the context's own) rather than a WeakMap keyed by the request, whose entries V8's
// garbage collector treats as ephemerons — two such entries a request cost ~2–4 µs of a
// signed-in GET's ~63 µs of server CPU (`bench/server-cpu.ts`).
declare module 'hono' {
  interface ContextVariableMap {
    /** The account the request was authenticated as (`authenticate`). */
    'concord.account': Account;
  }
}

/** The account the request was authenticated as; `undefined` when none (or auth is off). */
export function readAccount(c: Context): Account | undefined {
  return c.get('concord.account');
}

/**
 * Routes open without an account: signing in and out, who-am-I (which itself answers 401, saying
 * whether a first account is needed), the first account (the route checks), and the API's
 * description.
 */
function isOpenRoute(method: string, path: string): boolean {
  if (path === '/api/session') return method !== 'PUT' && method !== 'PATCH';
  if (path === '/api/users') return method === 'POST';
  return path === '/api/openapi.json';
}

/**
 * Authenticates every `/api` request by a session cookie or `Authorization: Bearer` token (or,
 * in `proxy` mode, the proxy's identity header from a trusted address), and answers 401
 * `unauthenticated` to any without one, except on the open routes. In `off` mode it does
 * nothing: one person, no accounts.
 */
export function authenticate(
  options: AuthOptions,
  store: AccountStore,
  clock: () => Date,
): MiddlewareHandler {
  if (options.mode === 'off') return (_c, next) => next();
  const trustedProxies = options.trustedProxies ?? [];
  const proxyHeader = options.proxyHeader ?? defaultProxyHeader;
  const hashSecret = rememberHashes();
  return async (c, next) => {
    const account =
      options.mode === 'proxy'
        ? readProxyAccount(c, proxyHeader, trustedProxies)
        : await findAccount(c, store, clock(), hashSecret);
    if (account) c.set('concord.account', account);
    else if (!isOpenRoute(c.req.method, c.req.path)) throw createUnauthenticatedProblem(c);
    return next();
  };
}

/** 401 `unauthenticated` (RFC 9110 §15.5.2, with the `WWW-Authenticate` it requires). */
export function createUnauthenticatedProblem(
  c: Context,
  extra: Record<string, unknown> = {},
): ProblemError {
  const gaveCredentials =
    readSessionSecret(c) !== undefined || readRequestHeader(c, 'Authorization') !== undefined;
  return new ProblemError(
    {
      type: problemTypes.unauthenticated,
      title: 'Sign in first',
      status: 401,
      detail: gaveCredentials
        ? 'The session or token sent has ended or is not valid: sign in again.'
        : 'Sign in (POST /api/session) or send an API token as Authorization: Bearer <token>.',
      ...extra,
    },
    { 'WWW-Authenticate': 'Bearer realm="Concord"' },
  );
}

/** 403 `forbidden`: signed in, but not allowed this. */
export function createForbiddenProblem(detail: string): ProblemError {
  return new ProblemError({
    type: problemTypes.forbidden,
    title: 'Not allowed',
    status: 403,
    detail,
  });
}

async function findAccount(
  c: Context,
  store: AccountStore,
  now: Date,
  hashSecret: (secret: string) => string,
): Promise<Account | undefined> {
  // A token when one is sent, else the cookie: a script's token is never overridden by a
  // cookie its HTTP library happened to keep.
  const authorization = readRequestHeader(c, 'Authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const secret = authorization ? bearer : readSessionSecret(c);
  if (!secret || secret.length > 200) return undefined;
  const secretHash = hashSecret(secret);
  const found = await store.findCredential(secretHash, now);
  // A token must come as a token and a session as a cookie: a session id pasted into a
  // script, or a token set as a cookie by a page, signs no one in.
  const expected: CredentialKind = authorization ? 'token' : 'session';
  if (!found || found.kind !== expected) return undefined;
  return { username: found.username, role: found.role, via: found.kind, secretHash };
}

function readProxyAccount(
  c: Context,
  header: string,
  trustedProxies: readonly string[],
): Account | undefined {
  // From anywhere else the header is whatever the client wrote: never read it.
  if (!isFromTrustedProxy(c, trustedProxies)) return undefined;
  const name = readRequestHeader(c, header)?.trim();
  // A name that could not be shown as `updated_by` is no identity.
  if (!name || name.length > limits.userNameMaxLength || containsControlCharacter(name)) {
    return undefined;
  }
  return { username: name, role: 'member', via: 'proxy' };
}
