import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';
import { readStreamText } from './testing/read-stream-text.ts';
import { createDocAs, createSendAs, shareAs } from './testing/send-as.ts';
import type { SendAs } from './testing/send-as.ts';
import { cheapScryptCost, createTestAccounts } from './testing/sign-in-test-account.ts';

// Per-document access as an attacker meets it: another person's session, a viewer's, none.
// alice is the first account (an admin); bob and carol are members.

let t: TestApp;
let send: SendAs;
let cookies: Record<string, string>;
const edit = (etag: string, body = 'changed\n', title = 'Plan') => ({
  method: 'PUT',
  headers: { 'If-Match': etag },
  body: JSON.stringify({ title, body }),
});

beforeEach(async () => {
  t = createTestApp({
    keepAliveMs: 20,
    auth: { mode: 'accounts', scryptCost: cheapScryptCost },
  });
  send = createSendAs(t.app);
  cookies = await createTestAccounts(t.app, 'alice', ['bob', 'carol']);
});
afterEach(() => t.close());

/** Every route of one document, as [method, path, body?]. */
function documentRoutes(id: string, etag: string): [string, string, RequestInit][] {
  return [
    ['GET', `/api/docs/${id}`, {}],
    ['HEAD', `/api/docs/${id}`, {}],
    ['PUT', `/api/docs/${id}`, edit(etag)],
    ['DELETE', `/api/docs/${id}`, { method: 'DELETE', headers: { 'If-Match': etag } }],
    ['GET', `/api/docs/${id}/versions`, {}],
    ['GET', `/api/docs/${id}/versions/1`, {}],
    ['GET', `/api/docs/${id}/events`, {}],
    ['GET', `/api/docs/${id}/members`, {}],
    ['PUT', `/api/docs/${id}/members/carol`, { body: JSON.stringify({ role: 'editor' }) }],
    ['DELETE', `/api/docs/${id}/members/carol`, {}],
    ['POST', `/api/trash/${id}/restore`, {}],
  ];
}

describe('a document not shared with you', () => {
  it('answers every route 404, worded as for a document that does not exist, and changes nothing', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    const before = await t.snapshot();
    for (const [method, path, init] of documentRoutes(doc.id, etag)) {
      const res = await send(path, { method, ...init, cookie: cookies.bob });
      expect(res.status, `${method} ${path}`).toBe(404);
      if (method === 'HEAD') continue;
      const problem = (await res.json()) as { type: string; detail: string };
      expect(problem.type).toBe(problemTypes.notFound);
      expect(problem.detail, `${method} ${path}`).toBe(`There is no document "${doc.id}".`);
      // The same answer as for an id that names nothing: nothing tells the two apart.
      const none = await send(path.replace(doc.id, 'no-such-document'), {
        method,
        ...init,
        cookie: cookies.bob,
      });
      expect(none.status).toBe(404);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('gives an admin nothing extra on someone else’s document', async () => {
    const { doc } = await createDocAs(send, cookies.bob!, 'Bob’s notes');
    expect((await send(`/api/docs/${doc.id}`, { cookie: cookies.alice })).status).toBe(404);
  });

  it('answers 401 to every route without a session', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    for (const [method, path, init] of documentRoutes(doc.id, etag)) {
      const res = await send(path, { method, ...init });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('keeps it out of the list and the trash, and pages what is left whole', async () => {
    const shared = await createDocAs(send, cookies.alice!, 'Shared');
    await shareAs(send, cookies.alice!, shared.doc.id, 'bob', 'viewer');
    for (let n = 0; n < 3; n++) await createDocAs(send, cookies.alice!, `Private ${n}`);
    for (let n = 0; n < 3; n++) await createDocAs(send, cookies.bob!, `Bob ${n}`);
    const seen: string[] = [];
    for (let path = '/api/docs?limit=2'; ;) {
      const page = (await (await send(path, { cookie: cookies.bob })).json()) as {
        items: DocumentDto[];
        next_cursor: string | null;
      };
      seen.push(...page.items.map((item) => item.title));
      if (!page.next_cursor) break;
      path = `/api/docs?limit=2&cursor=${page.next_cursor}`;
    }
    expect(seen).toEqual(['Bob 2', 'Bob 1', 'Bob 0', 'Shared']);

    const privateDoc = await createDocAs(send, cookies.alice!, 'Private to delete');
    await send(`/api/docs/${privateDoc.doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': privateDoc.etag },
      cookie: cookies.alice,
    });
    const trash = (await (await send('/api/trash', { cookie: cookies.bob })).json()) as {
      items: unknown[];
    };
    expect(trash.items).toEqual([]);
    const alices = (await (await send('/api/trash', { cookie: cookies.alice })).json()) as {
      items: { title: string }[];
    };
    expect(alices.items.map((item) => item.title)).toEqual(['Private to delete']);
  });
});

describe('a document shared with you to view', () => {
  it('can be read, its history and events followed, and not changed: 403 naming its owner', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    expect((await shareAs(send, cookies.alice!, doc.id, 'bob', 'viewer')).status).toBe(201);
    const before = await t.snapshot();
    for (const [method, path, init] of documentRoutes(doc.id, etag)) {
      if (path.endsWith('/restore') || path.endsWith('/events')) continue;
      const res = await send(path, { method, ...init, cookie: cookies.bob });
      if (method === 'GET' || method === 'HEAD') {
        expect(res.status, `${method} ${path}`).toBe(200);
        continue;
      }
      expect(res.status, `${method} ${path}`).toBe(403);
      const problem = (await res.json()) as { type: string; detail: string };
      expect(problem.type).toBe(problemTypes.forbidden);
      expect(problem.detail).toMatch(/alice/);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('may not restore it from the trash; its owner may', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    await shareAs(send, cookies.alice!, doc.id, 'bob', 'viewer');
    const init = { method: 'DELETE', headers: { 'If-Match': etag } };
    expect((await send(`/api/docs/${doc.id}`, { ...init, cookie: cookies.alice })).status).toBe(
      204,
    );
    const restore = `/api/trash/${doc.id}/restore`;
    expect((await send(restore, { method: 'POST', cookie: cookies.bob })).status).toBe(403);
    expect((await send(restore, { method: 'POST', cookie: cookies.alice })).status).toBe(200);
  });

  it('lets an editor save, signed as themselves', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    await shareAs(send, cookies.alice!, doc.id, 'bob', 'editor');
    const res = await send(`/api/docs/${doc.id}`, { ...edit(etag), cookie: cookies.bob });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DocumentDto).updated_by).toBe('bob');
  });
});

/** Opens an event stream as `cookie` and reads it as text. */
async function openStream(path: string, cookie: string) {
  const res = await send(path, { cookie });
  expect(res.status).toBe(200);
  return readStreamText(res);
}

describe('the cost of access', () => {
  it('is one lookup per request, for a document and for its history alike', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    const findAccess = vi.spyOn(t.store.members, 'findAccess');
    expect((await send(`/api/docs/${doc.id}`, { cookie: cookies.alice })).status).toBe(200);
    expect(findAccess).toHaveBeenCalledTimes(1);
    const saved = await send(`/api/docs/${doc.id}`, { ...edit(etag), cookie: cookies.alice });
    expect(saved.status).toBe(200);
    expect(findAccess).toHaveBeenCalledTimes(2);
    await send(`/api/docs/${doc.id}/versions`, { cookie: cookies.alice });
    expect(findAccess).toHaveBeenCalledTimes(3);
  });
});

describe('event streams', () => {
  it('tell the list only of documents one may see', async () => {
    const stream = await openStream('/api/events', cookies.bob!);
    const secret = await createDocAs(send, cookies.alice!, 'Secret');
    const secretSave = { ...edit(secret.etag, 'changed\n', 'Secret'), cookie: cookies.alice };
    expect((await send(`/api/docs/${secret.doc.id}`, secretSave)).status).toBe(200);
    const shared = await createDocAs(send, cookies.alice!, 'Shared later');
    expect((await shareAs(send, cookies.alice!, shared.doc.id, 'bob', 'viewer')).status).toBe(201);
    // Each keeps its own title: two documents may not share one (that save would get 409).
    const sharedSave = { ...edit(shared.etag, 'changed\n', 'Shared later'), cookie: cookies.alice };
    const sharedRes = await send(`/api/docs/${shared.doc.id}`, sharedSave);
    expect(sharedRes.status, await sharedRes.clone().text()).toBe(200);
    // Bob hears of the shared one's save; of the secret one, neither its create nor its save.
    const text = await stream.waitFor(`"id":"${shared.doc.id}"`);
    expect(text).not.toContain(secret.doc.id);
    expect(text).not.toContain('Secret');
    await stream.cancel();
  });

  it('end a document’s stream once it is no longer shared, before its next save', async () => {
    const { doc, etag } = await createDocAs(send, cookies.alice!, 'Plan');
    await shareAs(send, cookies.alice!, doc.id, 'bob', 'viewer');
    const stream = await openStream(`/api/docs/${doc.id}/events`, cookies.bob!);
    await stream.waitFor('id: 1\n');
    const removed = await send(`/api/docs/${doc.id}/members/bob`, {
      method: 'DELETE',
      cookie: cookies.alice,
    });
    expect(removed.status).toBe(204);
    await send(`/api/docs/${doc.id}`, { ...edit(etag), cookie: cookies.alice });
    expect(await stream.readToEnd()).not.toContain('id: 2\n');
    expect((await send(`/api/docs/${doc.id}/events`, { cookie: cookies.bob })).status).toBe(404);
  });
});
