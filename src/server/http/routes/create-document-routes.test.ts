import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto, DocumentSummary } from '../../../protocol/document.ts';
import { problemTypes } from '../../../protocol/problem.ts';
import type { Problem } from '../../../protocol/problem.ts';
import { createTestApp } from '../../testing/create-test-app.ts';
import type { TestApp } from '../../testing/create-test-app.ts';

let t: TestApp;
let clock: Date;
beforeEach(() => {
  clock = new Date('2030-01-01T00:00:00.000Z');
  t = createTestApp({ now: () => clock });
});
afterEach(() => t.close());

const json = { 'Content-Type': 'application/json' };
const tick = () => (clock = new Date(clock.getTime() + 1000));

describe('GET /api/docs', () => {
  it('answers an empty list when there are no documents', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], next_cursor: null });
  });

  it('lists documents most recently updated first', async () => {
    const a = await t.create('A');
    tick();
    await t.create('B');
    tick();
    await t.put(a.doc.id, { title: 'A', body: 'new' }, { 'If-Match': a.etag });
    const { items } = (await (await t.app.request('/api/docs')).json()) as {
      items: DocumentSummary[];
    };
    expect(items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(items[0]).toEqual({
      id: a.doc.id,
      title: 'A',
      version: 2,
      updated_at: '2030-01-01T00:00:02.000Z',
      updated_by: '',
    });
  });
});

describe('POST /api/docs', () => {
  it('answers 201 with Location, ETag and the document', async () => {
    const res = await t.app.request('/api/docs', {
      method: 'POST',
      headers: { ...json, 'Concord-User': encodeURIComponent('Zoë') },
      body: JSON.stringify({ title: '  Plan  ', body: '' }),
    });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as DocumentDto;
    expect(doc).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      title: 'Plan',
      body: '',
      version: 1,
      created_at: '2030-01-01T00:00:00.000Z',
      updated_at: '2030-01-01T00:00:00.000Z',
      updated_by: 'Zoë',
    });
    expect(res.headers.get('Location')).toBe(`/api/docs/${doc.id}`);
    expect(res.headers.get('ETag')).toMatch(/^"[^"]+"$/);
  });

  it('answers 409 titleTaken with the existing document for a title used in another case', async () => {
    const { doc } = await t.create('Plan');
    const before = await t.snapshot();
    const res = await t.app.request('/api/docs', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: ' PLAN ', body: 'x' }),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({
      type: problemTypes.titleTaken,
      status: 409,
      existing: { id: doc.id, title: 'Plan' },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('gives each document a different id and ETag', async () => {
    const a = await t.create('A');
    const b = await t.create('B');
    expect(a.doc.id).not.toBe(b.doc.id);
    expect(a.etag).not.toBe(b.etag);
  });
});

describe('GET /api/docs/{id}', () => {
  it('answers the document with a strong ETag and Cache-Control: no-cache', async () => {
    const { doc, etag } = await t.create('A', 'text');
    const res = await t.app.request(`/api/docs/${doc.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(doc);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(res.headers.get('ETag')).not.toMatch(/^W\//);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers 304 with the ETag when If-None-Match matches', async () => {
    const { doc, etag } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}`, {
      headers: { 'If-None-Match': `"other", ${etag}` },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe('');
  });

  it('compares If-None-Match weakly, so a weak tag of the current version gives 304', async () => {
    const { doc, etag } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}`, {
      headers: { 'If-None-Match': `W/${etag}` },
    });
    expect(res.status).toBe(304);
  });

  it('answers 200 when If-None-Match names an older version', async () => {
    const { doc, etag } = await t.create();
    await t.put(doc.id, { title: doc.title, body: 'new' }, { 'If-Match': etag });
    const res = await t.app.request(`/api/docs/${doc.id}`, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(200);
  });

  it('answers 404 problem for an unknown document', async () => {
    const res = await t.app.request('/api/docs/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: problemTypes.notFound, status: 404 });
  });

  it('answers HEAD like GET without a body', async () => {
    const { doc, etag } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(await res.text()).toBe('');
  });
});

describe('DELETE /api/docs/{id}', () => {
  it('answers 204 and the document is gone with its history', async () => {
    const { doc, etag } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': etag },
    });
    expect(res.status).toBe(204);
    expect((await t.app.request(`/api/docs/${doc.id}`)).status).toBe(404);
    expect((await t.app.request(`/api/docs/${doc.id}/versions`)).status).toBe(404);
  });

  it('answers 428 when If-Match is missing, and keeps the document', async () => {
    const { doc } = await t.create();
    const before = await t.snapshot();
    const res = await t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE' });
    expect(res.status).toBe(428);
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers 409 editConflict with the current document when If-Match is stale', async () => {
    const { doc, etag } = await t.create();
    const saved = await t.put(doc.id, { title: doc.title, body: 'new' }, { 'If-Match': etag });
    const before = await t.snapshot();
    const res = await t.app.request(`/api/docs/${doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': etag },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      type: problemTypes.editConflict,
      current: { id: doc.id, body: 'new', version: 2 },
      current_etag: saved.headers.get('ETag'),
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('never lets an ETag of a deleted document match its re-created namesake', async () => {
    const first = await t.create('Same');
    await t.app.request(`/api/docs/${first.doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': first.etag },
    });
    const second = await t.create('Same');
    expect(second.etag).not.toBe(first.etag);
    const res = await t.put(
      second.doc.id,
      { title: 'Same', body: 'x' },
      { 'If-Match': first.etag },
    );
    expect(res.status).toBe(409);
  });
});
