import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VersionEntry, VersionPage } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import { pageLimits } from './http/routes/create-collection-routes.ts';
import { snapshotInterval } from './store/kept-body.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';
import { encodeVersionCursor } from './http/version-cursor.ts';

// The store contract and the route: GET /api/docs/{id}/versions in pages, each version with how
// much it changed. Runs on SQLite and on PostgreSQL.
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

/** A document whose version n (from 1) has body `bodies[n - 1]`; its id. */
async function createHistory(bodies: readonly string[]): Promise<string> {
  const { doc, etag: first } = await t.create(undefined, bodies[0]);
  let etag = first;
  for (const body of bodies.slice(1)) {
    const res = await t.put(doc.id, { title: doc.title, body }, { 'If-Match': etag });
    if (res.status !== 200) throw new Error(`save answered ${res.status}`);
    etag = res.headers.get('ETag')!;
  }
  return doc.id;
}

async function getPage(path: string): Promise<{ res: Response; page: VersionPage }> {
  const res = await t.app.request(path);
  return { res, page: (await res.clone().json()) as VersionPage };
}

/** Bodies `count` long, each one word changed from the one before. */
function wordEdits(count: number): string[] {
  const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
  return Array.from({ length: count }, (_, n) => {
    if (n > 0) words[(n * 7) % words.length] = `edit${n}`;
    return words.join(' ');
  });
}

describe('GET /api/docs/{id}/versions paging', () => {
  it('walks every version once, newest first, following next_cursor and Link', async () => {
    const id = await createHistory(wordEdits(7));
    const seen: VersionEntry[] = [];
    let path: string | undefined = `/api/docs/${id}/versions?limit=3`;
    while (path) {
      const { res, page } = await getPage(path);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      const link = res.headers.get('Link');
      if (page.next_cursor) {
        expect(link).toBe(
          `</api/docs/${id}/versions?limit=3&cursor=${page.next_cursor}>; rel="next"`,
        );
      } else expect(link).toBeNull();
      path = link ? /<([^>]+)>/.exec(link)![1] : undefined;
    }
    expect(seen.map((v) => v.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const all = (await t.store.listVersions(id))!;
    expect(seen.map(({ change: _, ...summary }) => summary)).toEqual(all);
  });

  it(`answers at most ${pageLimits.default} versions when no limit is given`, async () => {
    const { doc, etag } = await t.create('Many', 'v1');
    let tag = etag;
    for (let n = 2; n <= pageLimits.default + 1; n++) {
      const res = await t.put(doc.id, { title: 'Many', body: `v${n}` }, { 'If-Match': tag });
      tag = res.headers.get('ETag')!;
    }
    const { page } = await getPage(`/api/docs/${doc.id}/versions`);
    expect(page.items).toHaveLength(pageLimits.default);
    expect(page.items[0]!.version).toBe(pageLimits.default + 1);
    const rest = await getPage(`/api/docs/${doc.id}/versions?cursor=${page.next_cursor}`);
    expect(rest.page).toMatchObject({ items: [{ version: 1, change: null }], next_cursor: null });
  }, 30_000);

  it('says how much each version changed, null for the first', async () => {
    const id = await createHistory(['a cat', 'a big hat', 'a big hat, twice', '']);
    const { page } = await getPage(`/api/docs/${id}/versions`);
    expect(page.items.map((v) => [v.version, v.change])).toEqual([
      [4, { added: 0, removed: 16 }],
      [3, { added: 7, removed: 0 }],
      [2, { added: 5, removed: 1 }],
      [1, null],
    ]);
  });

  it('measures a version after a snapshot and after a rewrite as well as after a delta', async () => {
    const bodies = wordEdits(snapshotInterval + 3);
    bodies.push('an entirely different text, rewritten from the first word to the last');
    const id = await createHistory(bodies);
    const { page } = await getPage(`/api/docs/${id}/versions?limit=1000`);
    const changes = new Map(page.items.map((v) => [v.version, v.change]));
    // Version 64 is kept as a snapshot; 65 is measured by comparing the two bodies.
    for (const n of [2, snapshotInterval, snapshotInterval + 1, snapshotInterval + 3]) {
      const change = changes.get(n)!;
      expect(change.added, `version ${n}`).toBeGreaterThan(0);
      expect(change.removed, `version ${n}`).toBeGreaterThan(0);
      expect(change.added - change.removed).toBe(bodies[n - 1]!.length - bodies[n - 2]!.length);
    }
    const rewrite = changes.get(bodies.length)!;
    expect(rewrite.added - rewrite.removed).toBe(bodies.at(-1)!.length - bodies.at(-2)!.length);
  }, 30_000);

  it('answers 404 for an unknown or trashed document', async () => {
    expect((await t.app.request('/api/docs/nope/versions')).status).toBe(404);
    const { doc, etag } = await t.create();
    await t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    expect((await t.app.request(`/api/docs/${doc.id}/versions?limit=1`)).status).toBe(404);
    expect(await t.store.listVersionPage(doc.id, { limit: 1 })).toBeUndefined();
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    [`?limit=${pageLimits.max + 1}`, 'limit'],
    ['?limit=1&limit=2', 'limit'],
    ['?cursor=not-a-cursor', 'cursor'],
    ['?cursor=%00', 'cursor'],
    [`?cursor=${Buffer.from('["v",0]').toString('base64url')}`, 'cursor'],
    [`?cursor=${Buffer.from('["v",1.5]').toString('base64url')}`, 'cursor'],
    [`?cursor=${Buffer.from('["v",2147483648]').toString('base64url')}`, 'cursor'],
    [`?cursor=${Buffer.from('["2030-01-01T00:00:00.000Z","x"]').toString('base64url')}`, 'cursor'],
  ])('answers 400 invalid_params for %s and changes nothing', async (query, name) => {
    const id = await createHistory(['one', 'two']);
    const before = await t.snapshot();
    const res = await t.app.request(`/api/docs/${id}/versions${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: problemTypes.invalidQuery,
      invalid_params: [{ name, reason: expect.any(String) }],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers an empty last page for a cursor past the oldest version', async () => {
    const id = await createHistory(['one', 'two']);
    const { res, page } = await getPage(
      `/api/docs/${id}/versions?cursor=${encodeVersionCursor(1)}`,
    );
    expect(res.status).toBe(200);
    expect(page).toEqual({ items: [], next_cursor: null });
  });
});
