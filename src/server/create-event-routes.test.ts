import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp;
let shutdown: AbortController;
beforeEach(() => {
  shutdown = new AbortController();
  t = createTestApp({ keepAliveMs: 20, signal: shutdown.signal });
});
afterEach(() => t.close());

/** Opens the event stream of `id` and reads it as text, event by event. */
async function openEvents(id: string) {
  const res = await t.app.request(`/api/docs/${id}/events`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    res,
    /** Reads until `fragment` has arrived; returns everything read so far. */
    async waitFor(fragment: string): Promise<string> {
      while (!text.includes(fragment)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`stream ended before ${JSON.stringify(fragment)}:\n${text}`);
        text += value;
      }
      return text;
    },
    /** Reads to the end of the stream. */
    async readToEnd(): Promise<string> {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += value;
      }
    },
    cancel: () => reader.cancel(),
  };
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

  it('sends deleted and ends the stream when the document is deleted', async () => {
    const { doc, etag } = await t.create();
    const events = await openEvents(doc.id);
    await events.waitFor('id: 1\n');
    await t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    expect(await events.readToEnd()).toMatch(/event: deleted\ndata: \{\}\n\n$/);
    expect(t.store.changes.size).toBe(0);
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
