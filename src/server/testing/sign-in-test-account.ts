import type { Hono } from 'hono';

/** A cheap scrypt for tests: real hashing, a thousandth of the work. */
export const cheapScryptCost = { N: 1024, r: 8, p: 1 };

const json = { 'Content-Type': 'application/json' };

/** The `Cookie` header that sends the session a `Set-Cookie` answer started. */
export function readSessionCookie(res: Response): string {
  const setCookie = res.headers.get('Set-Cookie') ?? '';
  const pair = setCookie.split(';')[0]!;
  if (!pair.startsWith('concord_session=') || pair === 'concord_session=') {
    throw new Error(`no session cookie in ${res.status} answer: ${setCookie}`);
  }
  return pair;
}

/** `POST /api/users` as `as` (a Cookie header) or, without it, as the first account. */
export function postAccount(
  app: Hono,
  account: { username: string; password: string; role?: string },
  as?: string,
): Promise<Response> {
  return Promise.resolve(
    app.request('/api/users', {
      method: 'POST',
      headers: { ...json, ...(as && { Cookie: as }) },
      body: JSON.stringify(account),
    }),
  );
}

/** `POST /api/session`; `address` fakes the connection's remote address. */
export function postSignIn(
  app: Hono,
  username: string,
  password: string,
  address = '192.0.2.1',
): Promise<Response> {
  return Promise.resolve(
    app.request(
      '/api/session',
      { method: 'POST', headers: json, body: JSON.stringify({ username, password }) },
      { incoming: { socket: { remoteAddress: address } } },
    ),
  );
}

/**
 * Makes the first account (an admin) and, signed in as it, the `others` (members); returns each
 * one's session `Cookie` header by name.
 *
 * @example const { alice, bob } = await createTestAccounts(t.app, 'alice', ['bob']);
 */
export async function createTestAccounts(
  app: Hono,
  admin: string,
  others: string[] = [],
): Promise<Record<string, string>> {
  const first = await postAccount(app, { username: admin, password: `${admin}-password` });
  if (first.status !== 201) throw new Error(`first account answered ${first.status}`);
  const cookies: Record<string, string> = { [admin]: readSessionCookie(first) };
  for (const name of others) {
    const made = await postAccount(
      app,
      { username: name, password: `${name}-password` },
      cookies[admin],
    );
    if (made.status !== 201) throw new Error(`account ${name} answered ${made.status}`);
    const signedIn = await postSignIn(app, name, `${name}-password`);
    cookies[name] = readSessionCookie(signedIn);
  }
  return cookies;
}
