import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';
import { createDocAs, createSendAs, shareAs } from './testing/send-as.ts';
import type { SendAs } from './testing/send-as.ts';
import { cheapScryptCost, createTestAccounts } from './testing/sign-in-test-account.ts';

let t: TestApp;
let send: SendAs;
let cookies: Record<string, string>;

beforeEach(async () => {
  t = createTestApp({ auth: { mode: 'accounts', scryptCost: cheapScryptCost } });
  send = createSendAs(t.app);
  cookies = await createTestAccounts(t.app, 'alice', ['Bob', 'carol']);
});
afterEach(() => t.close());

const readMembers = async (id: string, cookie: string) =>
  (await (await send(`/api/docs/${id}/members`, { cookie })).json()) as unknown;

describe('/api/docs/{id}/members', () => {
  it('shares with 201, changes a role with 200, removes with 204; lists the owner first', async () => {
    const { doc } = await createDocAs(send, cookies.alice!, 'Plan');
    expect(await readMembers(doc.id, cookies.alice!)).toEqual({
      items: [{ username: 'alice', role: 'owner' }],
      your_role: 'owner',
    });
    // The name as the account spells it, whatever case it was asked in.
    const shared = await shareAs(send, cookies.alice!, doc.id, 'bob', 'viewer');
    expect(shared.status).toBe(201);
    expect(await shared.json()).toEqual({ username: 'Bob', role: 'viewer' });
    expect((await shareAs(send, cookies.alice!, doc.id, 'carol', 'editor')).status).toBe(201);
    expect((await shareAs(send, cookies.alice!, doc.id, 'BOB', 'editor')).status).toBe(200);
    expect(await readMembers(doc.id, cookies.Bob!)).toEqual({
      items: [
        { username: 'alice', role: 'owner' },
        { username: 'Bob', role: 'editor' },
        { username: 'carol', role: 'editor' },
      ],
      your_role: 'editor',
    });
    const removed = await send(`/api/docs/${doc.id}/members/carol`, {
      method: 'DELETE',
      cookie: cookies.alice,
    });
    expect(removed.status).toBe(204);
    expect((await send(`/api/docs/${doc.id}`, { cookie: cookies.carol })).status).toBe(404);
  });

  it('lets only the owner change members: 403 to an editor, naming the owner', async () => {
    const { doc } = await createDocAs(send, cookies.alice!, 'Plan');
    await shareAs(send, cookies.alice!, doc.id, 'bob', 'editor');
    const res = await shareAs(send, cookies.Bob!, doc.id, 'carol', 'editor');
    expect(res.status).toBe(403);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toBe(problemTypes.forbidden);
    expect(problem.detail).toBe(
      'Only alice, who owns this document, may change who it is shared with.',
    );
    const removal = await send(`/api/docs/${doc.id}/members/bob`, {
      method: 'DELETE',
      cookie: cookies.Bob,
    });
    expect(removal.status).toBe(403);
    expect(await t.store.members.listMembers(doc.id)).toEqual([
      { username: 'Bob', role: 'editor' },
    ]);
  });

  it('refuses clearly, changing nothing: the owner’s role, an unknown account, a bad role', async () => {
    const { doc } = await createDocAs(send, cookies.alice!, 'Plan');
    const owner = await shareAs(send, cookies.alice!, doc.id, 'Alice', 'viewer');
    expect(owner.status).toBe(400);
    expect(((await owner.json()) as { invalid_params: unknown }).invalid_params).toEqual([
      {
        name: 'username',
        reason: "is alice, who owns this document: the owner's role cannot be changed",
      },
    ]);
    const unknown = await shareAs(send, cookies.alice!, doc.id, 'mallory', 'viewer');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toBe(
      'There is no account named "mallory".',
    );
    const badRole = await send(`/api/docs/${doc.id}/members/bob`, {
      method: 'PUT',
      body: JSON.stringify({ role: 'owner' }),
      cookie: cookies.alice,
    });
    expect(badRole.status).toBe(400);
    const notJson = await send(`/api/docs/${doc.id}/members/bob`, {
      method: 'PUT',
      body: 'role=viewer',
      headers: { 'Content-Type': 'text/plain' },
      cookie: cookies.alice,
    });
    expect(notJson.status).toBe(415);
    const notMember = await send(`/api/docs/${doc.id}/members/carol`, {
      method: 'DELETE',
      cookie: cookies.alice,
    });
    expect(notMember.status).toBe(404);
    expect(
      (await send(`/api/docs/${doc.id}/members`, { method: 'POST', cookie: cookies.alice })).status,
    ).toBe(405);
    expect(await t.store.members.listMembers(doc.id)).toEqual([]);
  });

  it('cannot share a document from before accounts: everyone signed in edits it already', async () => {
    const created = await t.store.createDocument({
      title: 'Old',
      body: 'from before\n',
      user: '',
      at: new Date(),
    });
    if (created.status !== 'created') throw new Error(created.status);
    const id = created.document.id;
    expect(await readMembers(id, cookies.carol!)).toEqual({ items: [], your_role: 'editor' });
    const res = await shareAs(send, cookies.alice!, id, 'bob', 'viewer');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/no owner/);
  });
});

describe('/api/docs/{id}/members without accounts (CONCORD_AUTH=off)', () => {
  it('lists no one and refuses to share with 403, saying why', async () => {
    const off = createTestApp();
    try {
      const { doc } = await off.create('Plan');
      const list = await off.app.request(`/api/docs/${doc.id}/members`);
      expect(await list.json()).toEqual({ items: [], your_role: 'editor' });
      const res = await off.app.request(`/api/docs/${doc.id}/members/bob`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'viewer' }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/CONCORD_AUTH=off/);
      expect((await off.app.request('/api/docs/nothing/members')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
