import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto, TrashedDocumentSummary } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import type { Problem } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

// The trash on both stores: DELETE moves a document there with its history, GET /api/trash
// lists it, POST /api/trash/{id}/restore brings it back, and the retention period purges it.

const dayMs = 24 * 60 * 60 * 1000;
let clock: number;
let t: TestApp;
beforeEach(() => {
  clock = Date.parse('2030-01-01T00:00:00.000Z');
  t = createTestApp({ now: () => new Date(clock) });
});
afterEach(() => t.close());

const del = (id: string, etag?: string, user?: string) =>
  t.app.request(`/api/docs/${id}`, {
    method: 'DELETE',
    headers: { ...(etag && { 'If-Match': etag }), ...(user && { 'Concord-User': user }) },
  });
const restore = (id: string) => t.app.request(`/api/trash/${id}/restore`, { method: 'POST' });
const listTrash = async (query = '') => {
  const res = await t.app.request(`/api/trash${query}`);
  expect(res.status).toBe(200);
  return {
    res,
    body: (await res.json()) as { items: TrashedDocumentSummary[]; next_cursor: string | null },
  };
};
const versionsOf = async (id: string) => (await t.store.listVersions(id))?.length;

/** A document saved twice (two versions), then deleted. */
async function createTrashed(title = 'Plan') {
  const { doc, etag } = await t.create(title, 'one\n');
  const saved = await t.put(doc.id, { title, body: 'two\n' }, { 'If-Match': etag });
  const savedEtag = saved.headers.get('ETag')!;
  clock += 1000;
  expect((await del(doc.id, savedEtag)).status).toBe(204);
  return { doc, etag: savedEtag };
}

describe('DELETE /api/docs/{id}', () => {
  it('moves the document to the trash: gone from the API, listed in the trash', async () => {
    const { doc } = await createTrashed();
    expect((await t.app.request(`/api/docs/${doc.id}`)).status).toBe(404);
    expect((await t.app.request(`/api/docs/${doc.id}/versions`)).status).toBe(404);
    expect(await t.store.listDocuments()).toEqual([]);
    const { body } = await listTrash();
    expect(body).toEqual({
      items: [
        {
          id: doc.id,
          title: 'Plan',
          version: 2,
          updated_at: '2030-01-01T00:00:00.000Z',
          updated_by: '',
          deleted_at: '2030-01-01T00:00:01.000Z',
          // Deleted without a name: nobody to name.
          deleted_by: '',
          purge_at: '2030-01-31T00:00:01.000Z',
        },
      ],
      next_cursor: null,
    });
  });

  it('keeps who deleted it: the name sent with the DELETE, and the next deleter’s after a restore', async () => {
    const { doc, etag } = await t.create('Plan', 'one\n');
    expect((await del(doc.id, etag, 'Dana')).status).toBe(204);
    expect((await listTrash()).body.items).toMatchObject([{ id: doc.id, deleted_by: 'Dana' }]);
    expect((await t.store.findInTrash(doc.id))?.deleted_by).toBe('Dana');
    expect((await restore(doc.id)).status).toBe(200);
    expect((await del(doc.id, etag, 'Eve')).status).toBe(204);
    expect((await listTrash()).body.items).toMatchObject([{ id: doc.id, deleted_by: 'Eve' }]);
  });

  it('answers 400 to a malformed Concord-User and deletes nothing', async () => {
    const { doc, etag } = await t.create('Plan', 'one\n');
    const res = await del(doc.id, etag, '%E0%A4%A');
    expect(res.status).toBe(400);
    expect((await t.app.request(`/api/docs/${doc.id}`)).status).toBe(200);
    expect((await listTrash()).body.items).toEqual([]);
  });

  it('frees the title while the document is in the trash', async () => {
    await createTrashed('Plan');
    const res = await t.app.request('/api/docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'plan', body: '' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('a save or delete aimed at a document in the trash', () => {
  it('answers 409 document-deleted with how to restore it, and changes nothing', async () => {
    const { doc, etag } = await createTrashed();
    const before = await t.store.findInTrash(doc.id);
    const save = await t.put(doc.id, { title: 'Plan', body: 'mine\n' }, { 'If-Match': etag });
    expect(save.status).toBe(409);
    expect(save.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await save.json()) as Problem;
    expect(problem).toMatchObject({
      type: problemTypes.documentDeleted,
      status: 409,
      deleted_at: '2030-01-01T00:00:01.000Z',
      restore: `/api/trash/${doc.id}/restore`,
    });
    expect(problem.detail).toContain(`POST /api/trash/${doc.id}/restore`);
    expect((await del(doc.id, etag)).status, 'delete').toBe(409);
    expect(await t.store.findInTrash(doc.id)).toEqual(before);
    expect(await versionsOf(doc.id)).toBeUndefined();
  });

  it('answers 409 document-deleted before asking for If-Match (no If-Match could help)', async () => {
    const { doc } = await createTrashed();
    const save = await t.put(doc.id, { title: 'Plan', body: 'mine\n' });
    expect(save.status).toBe(409);
    expect(((await save.json()) as Problem).type).toBe(problemTypes.documentDeleted);
    const remove = await del(doc.id);
    expect(((await remove.json()) as Problem).type).toBe(problemTypes.documentDeleted);
  });

  it('keeps 404 for a document that never existed', async () => {
    const res = await t.put('never', { title: 'Plan', body: '' }, { 'If-Match': '*' });
    expect(res.status).toBe(404);
    expect((await del('never', '*')).status).toBe(404);
    expect((await restore('never')).status).toBe(404);
  });
});

describe('POST /api/trash/{id}/restore', () => {
  it('brings the document back with its history, version and ETag', async () => {
    const { doc, etag } = await createTrashed();
    const res = await restore(doc.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(((await res.json()) as DocumentDto).body).toBe('two\n');
    const current = await t.app.request(`/api/docs/${doc.id}`);
    expect(current.status).toBe(200);
    expect(current.headers.get('ETag')).toBe(etag);
    expect(await versionsOf(doc.id)).toBe(2);
    expect((await listTrash()).body.items).toEqual([]);
    // And it can be saved again, against the same ETag.
    const saved = await t.put(doc.id, { title: 'Plan', body: 'three\n' }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    expect(await versionsOf(doc.id)).toBe(3);
  });

  it('answers 409 title-taken with existing when another document took the title', async () => {
    const { doc } = await createTrashed('Plan');
    const { doc: other } = await t.create('PLAN');
    const res = await restore(doc.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      type: problemTypes.titleTaken,
      existing: { id: other.id, title: 'PLAN' },
    });
    expect((await listTrash()).body.items.map((item) => item.id)).toEqual([doc.id]);
  });

  it('answers 404 for a live document, and 405 to GET', async () => {
    const { doc } = await t.create();
    expect((await restore(doc.id)).status).toBe(404);
    const get = await t.app.request(`/api/trash/${doc.id}/restore`);
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST, OPTIONS');
  });
});

describe('GET /api/trash', () => {
  it('pages like the document list, most recently deleted first', async () => {
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C']) ids.push((await createTrashed(title)).doc.id);
    const first = await listTrash('?limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const cursor = first.body.next_cursor!;
    expect(first.res.headers.get('Link')).toBe(`</api/trash?limit=2&cursor=${cursor}>; rel="next"`);
    const second = await listTrash(`?limit=2&cursor=${cursor}`);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: ids[0] })],
      next_cursor: null,
    });
    expect((await t.app.request('/api/trash?limit=0')).status).toBe(400);
  });
});

describe('the retention period', () => {
  it('purges a document 30 days after its delete, with its history', async () => {
    const { doc, etag } = await createTrashed();
    clock += 30 * dayMs; // 30 days after the delete, to the millisecond
    expect((await listTrash()).body.items).toHaveLength(1);
    clock += 1;
    // Past the period it is gone for every request, before any purge ran…
    const save = await t.put(doc.id, { title: 'Plan', body: 'mine\n' }, { 'If-Match': etag });
    expect(save.status).toBe(404);
    expect((await restore(doc.id)).status).toBe(404);
    expect((await listTrash()).body.items).toEqual([]);
    // …and purged from the store, versions too.
    expect(await t.store.findInTrash(doc.id)).toBeUndefined();
    expect(await t.store.getVersion(doc.id, 1)).toBeUndefined();
  });

  it('follows trashDays (CONCORD_TRASH_DAYS)', async () => {
    const short = createTestApp({ now: () => new Date(clock), trashDays: 1 });
    try {
      const { doc, etag } = await short.create('Plan');
      await short.app.request(`/api/docs/${doc.id}`, {
        method: 'DELETE',
        headers: { 'If-Match': etag },
      });
      const listed = (await (await short.app.request('/api/trash')).json()) as {
        items: { purge_at: string }[];
      };
      expect(listed.items[0]?.purge_at).toBe(new Date(clock + dayMs).toISOString());
      clock += dayMs + 1;
      const res = await short.app.request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
      expect(res.status).toBe(404);
      expect(await short.store.findInTrash(doc.id)).toBeUndefined();
    } finally {
      await short.close();
    }
  });
});
