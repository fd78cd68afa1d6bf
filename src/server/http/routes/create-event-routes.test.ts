import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/create-test-app.ts';
import type { TestApp } from '../../testing/create-test-app.ts';
import { readStreamText } from '../../testing/read-stream-text.ts';

let t: TestApp;
let shutdown: AbortController;
beforeEach(() => {
  shutdown = new AbortController();
  t = createTestApp({ keepAliveMs: 20, signal: shutdown.signal });
});
afterEach(() => t.close());

/** Opens the event stream of `id` and reads it as text, event by event. */
async function openEvents(id: string, headers: Record<string, string> = {}) {
  return openStream(`/api/docs/${id}/events`, headers);
}

/** Opens any event stream and reads it as text, event by event. */
async function openStream(path: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, { headers });
  return { res, ...readStreamText(res) };
}

describe('GET /api/docs/{id}/events', () => {
  it('answers text/event-stream starting with the current version', async () => {
    const { doc, etag } = await t.create();
    const events = await openEvents(doc.id);
    expect(events.res.status).toBe(200);
    expect(events.res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(events.res.headers.get('Cache-Control')).toBe('no-cache');
    const first = `event: version\nid: 1\ndata: ${JSON.stringify({ version: 1, etag, updated_by: '' })}\n\n`;
    expect(await events.waitFor(first)).toMatch(/^retry: \d+\n\n/);
    await events.cancel();
  });

  it('sends a version event when someone saves', async () => {
    const { doc, etag } = await t.create();
    const events = await openEvents(doc.id);
    await events.waitFor('id: 1\n');
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'new' },
      { 'If-Match': etag, 'Concord-User': 'Bob' },
    );
    const text = await events.waitFor('id: 2\n');
    const data = JSON.stringify({ version: 2, etag: res.headers.get('ETag'), updated_by: 'Bob' });
    expect(text).toContain(`event: version\nid: 2\ndata: ${data}\n\n`);
    await events.cancel();
  });

  it('sends deleted when the document goes to the trash, and restored when it comes back', async () => {
    const { doc, etag } = await t.create();
    const events = await openEvents(doc.id);
    await events.waitFor('id: 1\n');
    await t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    await events.waitFor('event: deleted\ndata: {}\n\n');
    await t.app.request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    const data = JSON.stringify({ version: 1, etag, updated_by: '' });
    await events.waitFor(`event: restored\nid: 1\ndata: ${data}\n\n`);
    await events.cancel();
    expect(t.store.changes.size).toBe(0);
  });

  it('starts with deleted for a document in the trash', async () => {
    const { doc, etag } = await t.create();
    await t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    const events = await openEvents(doc.id);
    expect(events.res.status).toBe(200);
    await events.waitFor('event: deleted\n');
    await events.cancel();
  });

  it('sends keep-alive comments while nothing happens', async () => {
    const { doc } = await t.create();
    const events = await openEvents(doc.id);
    expect(await events.waitFor(': keep-alive\n\n')).toContain(': keep-alive');
    await events.cancel();
  });

  it('stops listening when the client goes away', async () => {
    const { doc } = await t.create();
    const events = await openEvents(doc.id);
    await events.waitFor('id: 1\n');
    expect(t.store.changes.size).toBe(1);
    await events.cancel();
    expect(t.store.changes.size).toBe(0);
  });

  it('ends every stream when the shutdown signal is aborted', async () => {
    const { doc } = await t.create();
    const events = await openEvents(doc.id);
    await events.waitFor('id: 1\n');
    shutdown.abort();
    await events.readToEnd();
    expect(t.store.changes.size).toBe(0);
  });

  it('answers HEAD without subscribing', async () => {
    const { doc } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}/events`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/event-stream');
    expect(t.store.changes.size).toBe(0);
  });

  it('answers 404 problem for an unknown document', async () => {
    const res = await t.app.request('/api/docs/nope/events');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('Last-Event-ID resume of GET /api/docs/{id}/events', () => {
  /** A document with versions 1 to 4; returns it and each version's ETag. */
  async function createWithVersions() {
    const { doc, etag } = await t.create();
    const etags = [etag];
    for (let body = 2; body <= 4; body++) {
      const res = await t.put(
        doc.id,
        { title: doc.title, body: `v${body}` },
        { 'If-Match': etags.at(-1)! },
      );
      etags.push(res.headers.get('ETag')!);
    }
    return { doc, etags };
  }

  it('replays every version after Last-Event-ID in order, then live ones', async () => {
    const { doc, etags } = await createWithVersions();
    const events = await openEvents(doc.id, { 'Last-Event-ID': '2' });
    await events.waitFor('id: 4\n');
    await t.put(doc.id, { title: doc.title, body: 'v5' }, { 'If-Match': etags[3]! });
    const text = await events.waitFor('id: 5\n');
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['3', '4', '5']);
    expect(text).toContain(
      `data: ${JSON.stringify({ version: 3, etag: etags[2], updated_by: '' })}`,
    );
    await events.cancel();
  });

  it('sends nothing old when Last-Event-ID is already the current version', async () => {
    const { doc, etags } = await createWithVersions();
    const events = await openEvents(doc.id, { 'Last-Event-ID': '4' });
    await t.put(doc.id, { title: doc.title, body: 'v5' }, { 'If-Match': etags[3]! });
    const text = await events.waitFor('id: 5\n');
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['5']);
    await events.cancel();
  });

  it('ignores a Last-Event-ID that names no version and starts from the current one', async () => {
    const { doc } = await createWithVersions();
    const events = await openEvents(doc.id, { 'Last-Event-ID': 'abc' });
    const text = await events.waitFor('id: 4\n');
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['4']);
    await events.cancel();
  });
});

describe('after changes may have been missed (a resync)', () => {
  it('ends every event stream, document and list, so that their clients catch up as they reconnect', async () => {
    const { doc } = await t.create();
    const [one, other, list] = [
      await openEvents(doc.id),
      await openEvents(doc.id),
      await openStream('/api/events'),
    ];
    await Promise.all([one.waitFor('id: 1\n'), other.waitFor('id: 1\n'), list.waitFor('retry:')]);
    expect(t.store.changes.size).toBe(3);
    t.store.changes.publish({ type: 'resync' });
    await Promise.all([one.readToEnd(), other.readToEnd(), list.readToEnd()]);
    expect(t.store.changes.size).toBe(0);
  });
});

describe('GET /api/events', () => {
  it('streams created, version and deleted events of every document, with their list fields', async () => {
    const events = await openStream('/api/events');
    expect(events.res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    await events.waitFor('retry:');
    const { doc, etag } = await t.create('Plan', 'a');
    const saved = await t.put(
      doc.id,
      { title: 'Plan B', body: 'b' },
      { 'If-Match': etag, 'Concord-User': 'Bob' },
    );
    const saveEtag = saved.headers.get('ETag')!;
    const savedDoc = (await saved.json()) as { updated_at: string };
    await t.app.request(`/api/docs/${doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': saveEtag },
    });
    const text = await events.waitFor('event: deleted');
    const created = {
      id: doc.id,
      title: 'Plan',
      version: 1,
      etag,
      updated_at: doc.updated_at,
      updated_by: '',
    };
    const version = {
      id: doc.id,
      title: 'Plan B',
      version: 2,
      etag: saveEtag,
      updated_at: savedDoc.updated_at,
      updated_by: 'Bob',
    };
    expect(text).toContain(`event: created\ndata: ${JSON.stringify(created)}\n\n`);
    expect(text).toContain(`event: version\ndata: ${JSON.stringify(version)}\n\n`);
    expect(
      await events.waitFor(`event: deleted\ndata: ${JSON.stringify({ id: doc.id })}\n\n`),
    ).toBeTruthy();
    await t.app.request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    expect(
      await events.waitFor(`event: restored\ndata: ${JSON.stringify(version)}\n\n`),
    ).toBeTruthy();
    await events.cancel();
    expect(t.store.changes.size).toBe(0);
  });

  it('sends keep-alives and ends when the shutdown signal is aborted', async () => {
    const events = await openStream('/api/events');
    await events.waitFor(': keep-alive\n\n');
    shutdown.abort();
    await events.readToEnd();
    expect(t.store.changes.size).toBe(0);
  });

  it('answers HEAD without subscribing, and 405 to POST', async () => {
    const head = await t.app.request('/api/events', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(t.store.changes.size).toBe(0);
    expect((await t.app.request('/api/events', { method: 'POST' })).status).toBe(405);
  });
});
