import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import type { Problem } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const bob = { 'Concord-User': 'Bob' };

describe('PUT /api/docs/{id}', () => {
  it('answers 200 with a new ETag and the stored document', async () => {
    const { doc, etag } = await t.create('Plan', 'a\n');
    const res = await t.put(
      doc.id,
      { title: 'Plan ', body: 'a\nb\n' },
      { 'If-Match': etag, ...bob },
    );
    expect(res.status).toBe(200);
    const newEtag = res.headers.get('ETag');
    expect(newEtag).toMatch(/^"[^"]+"$/);
    expect(newEtag).not.toBe(etag);
    const saved = (await res.json()) as DocumentDto;
    expect(saved).toMatchObject({ id: doc.id, title: 'Plan', body: 'a\nb\n', version: 2 });
    expect(saved.updated_by).toBe('Bob');
    const got = await t.app.request(`/api/docs/${doc.id}`);
    expect(await got.json()).toEqual(saved);
    expect(got.headers.get('ETag')).toBe(newEtag);
  });

  it('answers 409 editConflict with current and current_etag when If-Match is stale, writing nothing', async () => {
    const { doc, etag } = await t.create('Plan', 'base');
    const first = await t.put(doc.id, { title: 'Plan', body: 'alice' }, { 'If-Match': etag });
    const before = await t.snapshot();
    const res = await t.put(doc.id, { title: 'Plan', body: 'bob' }, { 'If-Match': etag, ...bob });
    expect(res.status).toBe(409);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({
      type: problemTypes.editConflict,
      status: 409,
      current_etag: first.headers.get('ETag'),
    });
    expect(problem.current).toEqual(await first.json());
    expect(await t.snapshot()).toEqual(before);
  });

  it('leaves current out of the 409 when the request prefers return=minimal, naming it in ETag', async () => {
    const { doc, etag } = await t.create('Plan', 'base');
    const first = await t.put(doc.id, { title: 'Plan', body: 'alice' }, { 'If-Match': etag });
    const before = await t.snapshot();
    const res = await t.put(
      doc.id,
      { title: 'Plan', body: 'bob' },
      { 'If-Match': etag, Prefer: 'return=minimal', ...bob },
    );
    expect(res.status).toBe(409);
    expect(res.headers.get('Preference-Applied')).toBe('return=minimal');
    expect(res.headers.get('ETag')).toBe(first.headers.get('ETag'));
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({
      type: problemTypes.editConflict,
      status: 409,
      current_etag: first.headers.get('ETag'),
    });
    expect(problem).not.toHaveProperty('current');
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers 428 with how to resubmit when If-Match is missing', async () => {
    const { doc } = await t.create();
    const before = await t.snapshot();
    const res = await t.put(doc.id, { title: 'x', body: 'y' });
    expect(res.status).toBe(428);
    const problem = (await res.json()) as Problem;
    expect(problem.type).toBe(problemTypes.preconditionRequired);
    expect(problem.detail).toContain('If-Match');
    expect(await t.snapshot()).toEqual(before);
  });

  it('never matches a weak If-Match tag', async () => {
    const { doc, etag } = await t.create();
    const before = await t.snapshot();
    const res = await t.put(doc.id, { title: 'x', body: 'y' }, { 'If-Match': `W/${etag}` });
    expect(res.status).toBe(409);
    expect(await t.snapshot()).toEqual(before);
  });

  it('matches If-Match: * against any existing version', async () => {
    const { doc, etag } = await t.create();
    await t.put(doc.id, { title: doc.title, body: 'v2' }, { 'If-Match': etag });
    const res = await t.put(doc.id, { title: doc.title, body: 'v3' }, { 'If-Match': '*' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DocumentDto).version).toBe(3);
  });

  it('matches when any tag of an If-Match list is current', async () => {
    const { doc, etag } = await t.create();
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'v2' },
      { 'If-Match': `"old", ${etag}` },
    );
    expect(res.status).toBe(200);
  });

  it('answers 200, not 409, to a retry of a save that already landed', async () => {
    const { doc, etag } = await t.create('Plan', 'base');
    const input = { title: 'Plan', body: 'edited' };
    const first = await t.put(doc.id, input, { 'If-Match': etag, ...bob });
    const retry = await t.put(doc.id, input, { 'If-Match': etag, ...bob });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(await retry.json()).toEqual(await first.json());
    expect(await t.store.listVersions(doc.id)).toHaveLength(2);
  });

  it('answers 409 to a retry whose content differs from the save that landed', async () => {
    const { doc, etag } = await t.create('Plan', 'base');
    await t.put(doc.id, { title: 'Plan', body: 'edited' }, { 'If-Match': etag, ...bob });
    const other = await t.put(
      doc.id,
      { title: 'Plan', body: 'other' },
      { 'If-Match': etag, ...bob },
    );
    expect(other.status).toBe(409);
  });

  it('answers 409 to the same content from another person', async () => {
    const { doc, etag } = await t.create('Plan', 'base');
    await t.put(doc.id, { title: 'Plan', body: 'edited' }, { 'If-Match': etag, ...bob });
    const res = await t.put(
      doc.id,
      { title: 'Plan', body: 'edited' },
      { 'If-Match': etag, 'Concord-User': 'Alice' },
    );
    expect(res.status).toBe(409);
  });

  it('answers 409 titleTaken when renaming to another document’s title, writing nothing', async () => {
    const other = await t.create('Taken');
    const { doc, etag } = await t.create('Mine');
    const before = await t.snapshot();
    const res = await t.put(doc.id, { title: 'taken', body: '' }, { 'If-Match': etag });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      type: problemTypes.titleTaken,
      existing: { id: other.doc.id, title: 'Taken' },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('lets a document change the case of its own title', async () => {
    const { doc, etag } = await t.create('plan');
    const res = await t.put(doc.id, { title: 'Plan', body: '' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
  });

  it('answers 404 before 428 for an unknown document (RFC 9110 §13.2.1)', async () => {
    const res = await t.put('unknown', { title: 'x', body: 'y' });
    expect(res.status).toBe(404);
  });

  it('answers 400 before 428 for an invalid body (RFC 9110 §13.2.1)', async () => {
    const { doc } = await t.create();
    const res = await t.put(doc.id, { title: '', body: 'y' });
    expect(res.status).toBe(400);
  });

  it('answers 400 before 409 for an invalid body with a stale If-Match', async () => {
    const { doc } = await t.create();
    const res = await t.put(doc.id, { title: 5, body: 'y' }, { 'If-Match': '"stale"' });
    expect(res.status).toBe(400);
  });

  it('stores the Concord-User header, percent-decoded, as updated_by', async () => {
    const { doc, etag } = await t.create();
    const res = await t.put(
      doc.id,
      { title: doc.title, body: '' },
      { 'If-Match': etag, 'Concord-User': encodeURIComponent('José 山田') },
    );
    expect(((await res.json()) as DocumentDto).updated_by).toBe('José 山田');
  });
});

describe('GET /api/docs/{id}/versions', () => {
  it('lists every saved version newest first with its ETag', async () => {
    const { doc, etag } = await t.create();
    const v2 = await t.put(doc.id, { title: doc.title, body: 'v2' }, { 'If-Match': etag, ...bob });
    const res = await t.app.request(`/api/docs/${doc.id}/versions`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: unknown[] };
    expect(items).toEqual([
      {
        version: 2,
        etag: v2.headers.get('ETag'),
        updated_at: expect.any(String),
        updated_by: 'Bob',
        // 'v2' replaced the body: how much changed, in characters.
        change: { added: 2, removed: doc.body.length },
      },
      { version: 1, etag, updated_at: doc.updated_at, updated_by: '', change: null },
    ]);
  });

  it('answers 404 for an unknown document', async () => {
    expect((await t.app.request('/api/docs/nope/versions')).status).toBe(404);
  });
});

describe('GET /api/docs/{id}/versions/{n}', () => {
  it('answers an old version as immutable, with its own ETag', async () => {
    const { doc, etag } = await t.create('Plan', 'v1');
    await t.put(doc.id, { title: 'Plan 2', body: 'v2' }, { 'If-Match': etag });
    const res = await t.app.request(`/api/docs/${doc.id}/versions/1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    expect(await res.json()).toEqual(doc);
  });

  it('answers 304 when If-None-Match names that version', async () => {
    const { doc, etag } = await t.create();
    const res = await t.app.request(`/api/docs/${doc.id}/versions/1`, {
      headers: { 'If-None-Match': etag },
    });
    expect(res.status).toBe(304);
  });

  it.each(['0', '3', '01', '1.0', '-1', 'x', '99999999999999999999'])(
    'answers 404 for version %j',
    async (n) => {
      const { doc } = await t.create();
      const res = await t.app.request(`/api/docs/${doc.id}/versions/${n}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    },
  );
});
