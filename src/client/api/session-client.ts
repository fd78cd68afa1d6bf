import { readError } from './concord-client.ts';

/** Who is signed in, as `GET /api/session` says. */
export interface SessionInfo {
  username: string;
  role: 'admin' | 'member';
  /** How the server signs people in: accounts, a single sign-on proxy, or not at all. */
  auth: 'accounts' | 'proxy' | 'off';
}

/** What the app knows about the session. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; session: SessionInfo }
  /** `setupRequired`: no account exists yet, the first is to be made. */
  | { status: 'signedOut'; setupRequired: boolean };

const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * The session state from an answer of `GET /api/session`: 200 is signed in, 401 signed out
 * (with whether the first account is still to be made); anything else is an error to show.
 *
 * @example toSessionState(401, { setup_required: true }) // { status: 'signedOut', setupRequired: true }
 */
export function toSessionState(status: number, body: unknown): SessionState | undefined {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (status === 200 && typeof record.username === 'string') {
    return { status: 'signedIn', session: record as unknown as SessionInfo };
  }
  if (status === 401) return { status: 'signedOut', setupRequired: record.setup_required === true };
  return undefined;
}

/** `GET /api/session`; throws an `ApiError` for an answer that is neither 200 nor 401. */
export async function fetchSession(baseUrl = ''): Promise<SessionState> {
  const response = await fetch(`${baseUrl}/api/session`, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  const state = toSessionState(
    response.status,
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  if (!state) throw await readError(response);
  return state;
}

/** `POST /api/session`: signs in (the server sets the session cookie); throws an `ApiError`. */
export async function signIn(username: string, password: string, baseUrl = ''): Promise<void> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await readError(response);
}

/** `POST /api/users` while none exists: makes the first account and signs it in. */
export async function createFirstAccount(
  username: string,
  password: string,
  baseUrl = '',
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await readError(response);
}

/** `DELETE /api/session`: signs this session out. */
export async function signOut(baseUrl = ''): Promise<void> {
  const response = await fetch(`${baseUrl}/api/session`, { method: 'DELETE' });
  if (!response.ok) throw await readError(response);
}
