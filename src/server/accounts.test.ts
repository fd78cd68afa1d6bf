import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import type { AuthOptions } from './auth/auth-options.ts';
import { hashSecret } from './auth/issue-credential.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';
import {
  cheapScryptCost,
  createTestAccounts,
  postAccount,
  postSignIn,
  readSessionCookie,
} from './testing/sign-in-test-account.ts';

// The server as an attacker meets it: every way in without the right credentials.

const json = { 'Content-Type': 'application/json' };
let clock = new Date('2030-01-01T00:00:00.000Z');
let t: TestApp;
let cookies: Record<string, string>;

function open(auth: Partial<AuthOptions> = {}): TestApp {
  return createTestApp({
    now: () => clock,
    auth: { mode: 'accounts', scryptCost: cheapScryptCost, ...auth } as AuthOptions,
  });
}

const send = (path: string, init: RequestInit & { cookie?: string; token?: string } = {}) => {
  const { cookie, token, headers, ...rest } = init;
  return Promise.resolve(
    t.app.request(path, {
      ...rest,
      headers: {
        ...(rest.body !== undefined && json),
        ...(cookie && { Cookie: cookie }),
        ...(token && { Authorization: `Bearer ${token}` }),
        ...(headers as Record<string, string>),
      },
    }),
  );
};
const createDoc = async (cookie: string, title = 'Plan') => {
  const res = await send('/api/docs', {
    method: 'POST',
    body: JSON.stringify({ title, body: 'one\n' }),
    cookie,
  });
  expect(res.status).toBe(201);
  return { doc: (await res.json()) as DocumentDto, etag: res.headers.get('ETag')! };
};

beforeEach(async () => {
  clock = new Date('2030-01-01T00:00:00.000Z');
  t = open();
  cookies = await createTestAccounts(t.app, 'alice', ['bob']);
});
afterEach(() => t.close());

describe('accounts: signing in', () => {
  it('answers every API route 401 unauthenticated without a session, a forged one, or a swapped credential', async () => {
    const { doc, etag } = await createDoc(cookies.alice!);
    const routes: [string, string][] = [
      ['GET', '/api/docs'],
      ['POST', '/api/docs'],
      ['GET', `/api/docs/${doc.id}`],
      ['PUT', `/api/docs/${doc.id}`],
      ['DELETE', `/api/docs/${doc.id}`],
      ['GET', `/api/docs/${doc.id}/versions`],
      ['GET', `/api/docs/${doc.id}/versions/1`],
      ['GET', `/api/docs/${doc.id}/events`],
      ['GET', `/api/docs/${doc.id}/members`],
      ['PUT', `/api/docs/${doc.id}/members/bob`],
      ['DELETE', `/api/docs/${doc.id}/members/bob`],
      ['GET', '/api/events'],
      ['GET', '/api/trash'],
      ['POST', `/api/trash/${doc.id}/restore`],
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens'],
      ['DELETE', '/api/tokens/x'],
      ['DELETE', '/api/sessions'],
      ['GET', '/api/session'],
    ];
    const sessionSecret = cookies.alice!.split('=')[1]!;
    const forgeries: Record<string, string>[] = [
      {},
      { Cookie: 'concord_session=' + 'A'.repeat(43) },
      { Cookie: `concord_session=${sessionSecret}x` },
      // A session id sent as a token, and a made-up token.
      { Authorization: `Bearer ${sessionSecret}` },
      { Authorization: 'Bearer concord_' + 'A'.repeat(43) },
      { Authorization: 'Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ=' },
      // The header of the single-person mode means nothing with accounts.
      { 'Concord-User': 'alice' },
    ];
    for (const headers of forgeries) {
      for (const [method, path] of routes) {
        const body =
          method === 'POST' || method === 'PUT'
            ? JSON.stringify({ title: 'X', body: '' })
            : undefined;
        const res = await send(path, { method, body, headers: { 'If-Match': etag, ...headers } });
        expect(res.status, `${method} ${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="Concord"');
        expect(((await res.json()) as { type: string }).type).toBe(problemTypes.unauthenticated);
      }
    }
    // Nothing was changed by any of them.
    const stored = await send(`/api/docs/${doc.id}`, { cookie: cookies.alice });
    expect(stored.headers.get('ETag')).toBe(etag);
  });

  it('signs saves with the signed-in account, whatever Concord-User says', async () => {
    const { doc, etag } = await createDoc(cookies.alice!);
    expect(doc.updated_by).toBe('alice');
    const shared = await send(`/api/docs/${doc.id}/members/bob`, {
      method: 'PUT',
      cookie: cookies.alice,
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(shared.status).toBe(201);
    const saved = await send(`/api/docs/${doc.id}`, {
      method: 'PUT',
      cookie: cookies.bob,
      headers: { 'If-Match': etag, 'Concord-User': 'alice' },
      body: JSON.stringify({ title: 'Plan', body: 'two\n' }),
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as DocumentDto).updated_by).toBe('bob');
    const versions = (await (
      await send(`/api/docs/${doc.id}/versions`, { cookie: cookies.alice })
    ).json()) as {
      items: { updated_by: string }[];
    };
    expect(versions.items.map((v) => v.updated_by)).toEqual(['bob', 'alice']);
  });

  it('names the signed-in account as the deleter in the trash, whatever Concord-User says', async () => {
    const { doc, etag } = await createDoc(cookies.alice!);
    const deleted = await send(`/api/docs/${doc.id}`, {
      method: 'DELETE',
      cookie: cookies.alice,
      headers: { 'If-Match': etag, 'Concord-User': 'bob' },
    });
    expect(deleted.status).toBe(204);
    const trash = (await (await send('/api/trash', { cookie: cookies.alice })).json()) as {
      items: { id: string; deleted_by: string }[];
    };
    expect(trash.items).toMatchObject([{ id: doc.id, deleted_by: 'alice' }]);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure only over https or from a trusted proxy', async () => {
    const res = await postSignIn(t.app, 'bob', 'bob-password');
    expect(res.status).toBe(204);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(
      /^concord_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/,
    );
    const https = await t.app.request('https://localhost/api/session', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'bob', password: 'bob-password' }),
    });
    expect(https.headers.get('Set-Cookie')).toMatch(/; Secure$/);
    const forwarded = (address: string, t2: TestApp) =>
      t2.app.request(
        '/api/session',
        {
          method: 'POST',
          headers: { ...json, 'X-Forwarded-Proto': 'https' },
          body: JSON.stringify({ username: 'bob', password: 'bob-password' }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    // Claimed by any client: not believed.
    expect((await forwarded('10.0.0.9', t)).headers.get('Set-Cookie')).not.toMatch(/Secure/);
    const behindProxy = open({ trustedProxies: ['10.0.0.1'] });
    try {
      await createTestAccounts(behindProxy.app, 'bob');
      expect((await forwarded('::ffff:10.0.0.1', behindProxy)).headers.get('Set-Cookie')).toMatch(
        /; Secure$/,
      );
      expect((await forwarded('10.0.0.2', behindProxy)).headers.get('Set-Cookie')).not.toMatch(
        /Secure/,
      );
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await postSignIn(t.app, 'bob', 'alice-password');
    const unknown = await postSignIn(t.app, 'mallory', 'bob-password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
    expect(await wrong.json()).toEqual(await unknown.json());
    // Names are one account whatever their case.
    expect((await postSignIn(t.app, 'BOB', 'bob-password')).status).toBe(204);
  });

  it('throttles wrong passwords per account and per address, with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await postSignIn(t.app, 'bob', 'guess', `198.51.100.${i}`)).status).toBe(401);
    }
    // Even the right password waits: the guesser must not learn it is right.
    const stopped = await postSignIn(t.app, 'bob', 'bob-password', '198.51.100.99');
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await stopped.json()).toMatchObject({
      type: problemTypes.rateLimited,
      title: 'Too many sign-in attempts',
    });
    // Another account is not held up by bob's.
    expect((await postSignIn(t.app, 'alice', 'alice-password', '198.51.100.99')).status).toBe(204);
    // One address trying many accounts is stopped too.
    for (let i = 0; i < 20; i++) await postSignIn(t.app, `user${i}`, 'guess', '203.0.113.7');
    expect((await postSignIn(t.app, 'alice', 'alice-password', '203.0.113.7')).status).toBe(429);
  });

  it('ends a session at sign-out, and every session of the account at sign-out everywhere', async () => {
    const second = readSessionCookie(await postSignIn(t.app, 'alice', 'alice-password'));
    const token = (await (
      await send('/api/tokens', { method: 'POST', body: '{"name":"ci"}', cookie: second })
    ).json()) as {
      token: string;
    };
    const out = await send('/api/session', { method: 'DELETE', cookie: second });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^concord_session=; .*Max-Age=0/);
    expect((await send('/api/docs', { cookie: second })).status).toBe(401);
    expect((await send('/api/docs', { cookie: cookies.alice })).status).toBe(200);

    const third = readSessionCookie(await postSignIn(t.app, 'alice', 'alice-password'));
    expect((await send('/api/sessions', { method: 'DELETE', cookie: third })).status).toBe(204);
    for (const cookie of [cookies.alice, third]) {
      expect((await send('/api/docs', { cookie })).status).toBe(401);
    }
    // Others' sessions and the account's API tokens stay.
    expect((await send('/api/docs', { cookie: cookies.bob })).status).toBe(200);
    expect((await send('/api/docs', { token: token.token })).status).toBe(200);
  });

  it('ends a session once its days are over', async () => {
    expect((await send('/api/docs', { cookie: cookies.bob })).status).toBe(200);
    clock = new Date(clock.getTime() + 30 * 86_400_000 + 1000);
    const res = await send('/api/docs', { cookie: cookies.bob });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain(
      'has ended or is not valid',
    );
  });

  it('keeps only hashes: of passwords and of session and token secrets', async () => {
    const user = await t.store.accounts.findUser('bob');
    expect(user?.password_hash).toMatch(/^scrypt\$/);
    expect(user?.password_hash).not.toContain('bob-password');
    const secret = cookies.bob!.split('=')[1]!;
    const sessions = await t.store.accounts.listCredentials('bob', 'session', clock);
    expect(sessions.map((s) => s.secret_hash)).toContain(hashSecret(secret));
    expect(JSON.stringify(sessions)).not.toContain(secret);
  });
});

describe('accounts: API tokens', () => {
  it('acts as its account until revoked; shown once, listed without its secret', async () => {
    const made = await send('/api/tokens', {
      method: 'POST',
      body: '{"name":"deploy"}',
      cookie: cookies.bob,
    });
    expect(made.status).toBe(201);
    const { id, token } = (await made.json()) as { id: string; token: string };
    expect(token).toMatch(/^concord_[A-Za-z0-9_-]{43}$/);
    const saved = await send('/api/docs', {
      method: 'POST',
      token,
      body: JSON.stringify({ title: 'By script', body: '' }),
    });
    expect(((await saved.json()) as DocumentDto).updated_by).toBe('bob');
    const list = await (await send('/api/tokens', { cookie: cookies.bob })).text();
    expect(list).toContain('deploy');
    expect(list).not.toContain(token);
    // A token set as a cookie (by a page, say) signs no one in.
    expect(
      (await send('/api/docs', { headers: { Cookie: `concord_session=${token}` } })).status,
    ).toBe(401);
    // Another account cannot see or revoke it.
    expect(await (await send('/api/tokens', { cookie: cookies.alice })).json()).toEqual({
      items: [],
    });
    expect(
      (await send(`/api/tokens/${id}`, { method: 'DELETE', cookie: cookies.alice })).status,
    ).toBe(404);
    expect((await send('/api/docs', { token })).status).toBe(200);
    expect(
      (await send(`/api/tokens/${id}`, { method: 'DELETE', cookie: cookies.bob })).status,
    ).toBe(204);
    expect((await send('/api/docs', { token })).status).toBe(401);
  });
});

describe('accounts: the first account and later ones', () => {
  it('makes the first account an admin while none exists, and only once when two race', async () => {
    const fresh = open();
    try {
      const before = await fresh.app.request('/api/session');
      expect(await before.json()).toMatchObject({ status: 401, setup_required: true });
      const [a, b] = await Promise.all([
        postAccount(fresh.app, { username: 'first', password: 'first-password', role: 'member' }),
        postAccount(fresh.app, { username: 'second', password: 'second-password' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 401]);
      const winner = a.status === 201 ? a : b;
      expect(await winner.json()).toMatchObject({ role: 'admin' });
      const who = await fresh.app.request('/api/session', {
        headers: { Cookie: readSessionCookie(winner) },
      });
      expect(await who.json()).toMatchObject({ role: 'admin', auth: 'accounts' });
      const after = await fresh.app.request('/api/session');
      expect(await after.json()).toMatchObject({ setup_required: false });
    } finally {
      await fresh.close();
    }
  });

  it("lets only an admin add accounts: not a member, not a stranger, not another site's page", async () => {
    const carol = { username: 'carol', password: 'carol-password' };
    expect((await postAccount(t.app, carol)).status).toBe(401);
    expect((await postAccount(t.app, carol, cookies.bob)).status).toBe(403);
    const crossSite = await send('/api/users', {
      method: 'POST',
      cookie: cookies.alice,
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: JSON.stringify(carol),
    });
    expect(crossSite.status).toBe(403);
    expect(await t.store.accounts.findUser('carol')).toBeUndefined();
    expect((await postAccount(t.app, carol, cookies.alice)).status).toBe(201);
    expect((await postAccount(t.app, { ...carol, username: 'CAROL' }, cookies.alice)).status).toBe(
      409,
    );
    const weak = await postAccount(t.app, { username: 'dave', password: 'short' }, cookies.alice);
    expect(await weak.json()).toMatchObject({
      status: 400,
      invalid_params: [{ name: 'password' }],
    });
  });
});

describe('accounts: cross-site requests carrying the cookie', () => {
  it('refuses POST, PUT and DELETE from another site and changes nothing', async () => {
    const { doc, etag } = await createDoc(cookies.alice!);
    const before = await t.snapshot();
    const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const attempts: RequestInit[] = [
      { method: 'POST', body: JSON.stringify({ title: 'Spam', body: '' }) },
      { method: 'PUT', body: JSON.stringify({ title: 'Plan', body: 'defaced' }) },
      { method: 'DELETE' },
    ];
    for (const init of attempts) {
      const path = init.method === 'POST' ? '/api/docs' : `/api/docs/${doc.id}`;
      const res = await send(path, {
        ...init,
        cookie: cookies.alice,
        headers: { ...evil, 'If-Match': etag },
      });
      expect(res.status, init.method).toBe(403);
      expect(((await res.json()) as { type: string }).type).toBe(problemTypes.forbiddenOrigin);
    }
    // A form post (no Fetch Metadata, a foreign Origin) is refused too.
    const form = await send(`/api/docs/${doc.id}`, {
      method: 'PUT',
      cookie: cookies.alice,
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain', 'If-Match': etag },
      body: 'title=x',
    });
    expect(form.status).toBe(403);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('single sign-on behind a proxy', () => {
  it('believes the identity header from the trusted proxy only', async () => {
    const proxied = createTestApp({
      auth: { mode: 'proxy', proxyHeader: 'X-Forwarded-User', trustedProxies: ['10.0.0.1'] },
    });
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    // A request as @hono/node-server hands it over: Node's stream, headers and socket.
    const create = (address: string, headers: Record<string, string>) => {
      const body = JSON.stringify({ title: `T ${address}`, body: '' });
      const all = { 'content-type': 'application/json', ...lowercase(headers) };
      const incoming = Object.assign(Readable.from([Buffer.from(body)]), {
        headers: all,
        socket: { remoteAddress: address },
      });
      return proxied.app.request('/api/docs', { method: 'POST', headers: all, body }, { incoming });
    };
    try {
      const viaProxy = await create('10.0.0.1', { 'X-Forwarded-User': 'erin@example.com' });
      expect(viaProxy.status).toBe(201);
      expect(((await viaProxy.json()) as DocumentDto).updated_by).toBe('erin@example.com');
      expect((await create('10.0.0.2', { 'X-Forwarded-User': 'erin@example.com' })).status).toBe(
        401,
      );
      expect((await create('10.0.0.1', {})).status).toBe(401);
      const who = await proxied.app.request(
        '/api/session',
        { headers: { 'X-Forwarded-User': 'erin@example.com' } },
        from('10.0.0.1'),
      );
      expect(await who.json()).toMatchObject({ username: 'erin@example.com', auth: 'proxy' });
      // There is no password sign-in to attack.
      expect((await postSignIn(proxied.app, 'erin', 'whatever', '10.0.0.1')).status).toBe(404);
    } finally {
      await proxied.close();
    }
  });
});

function lowercase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
