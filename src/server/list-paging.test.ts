import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import { pageLimits } from './http/routes/create-collection-routes.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

interface Page {
  items: DocumentSummary[];
  next_cursor: string | null;
}

let t: TestApp;
let clock: Date;
beforeEach(() => {
  clock = new Date('2030-01-01T00:00:00.000Z');
  t = createTestApp({ now: () => clock });
});
afterEach(() => t.close());

async function getPage(query: string): Promise<{ res: Response; page: Page }> {
  const res = await t.app.request(`/api/docs${query}`);
  return { res, page: (await res.clone().json()) as Page };
}

/** Creates `count` documents; every second one shares its `updated_at` with the one before. */
async function createDocuments(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) clock = new Date(clock.getTime() + 1000);
    await t.create(`Doc ${i}`);
  }
}

describe('GET /api/docs paging', () => {
  it('walks every document once, newest first, following next_cursor', async () => {
    await createDocuments(7);
    const all = (await getPage('')).page.items;
    const seen: DocumentSummary[] = [];
    let query = '?limit=3';
    for (;;) {
      const { page } = await getPage(query);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      if (!page.next_cursor) break;
      query = `?limit=3&cursor=${page.next_cursor}`;
    }
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(7);
  });

  it('links the next page with Link: rel="next" (RFC 8288)', async () => {
    await createDocuments(3);
    const { res, page } = await getPage('?limit=2');
    expect(res.headers.get('Link')).toBe(
      `</api/docs?limit=2&cursor=${page.next_cursor}>; rel="next"`,
    );
    const next = await t.app.request(/<([^>]+)>/.exec(res.headers.get('Link')!)![1]!);
    expect(((await next.json()) as Page).items).toHaveLength(1);
  });

  it('answers next_cursor null and no Link on the last page', async () => {
    await createDocuments(2);
    const { res, page } = await getPage('?limit=2');
    expect(page.next_cursor).toBeNull();
    expect(res.headers.get('Link')).toBeNull();
  });

  it(`answers at most ${pageLimits.default} documents when no limit is given`, async () => {
    await createDocuments(3);
    const { page } = await getPage('');
    expect(page.items).toHaveLength(3);
    expect(page.next_cursor).toBeNull();
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=-1', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=1.5', 'limit'],
    [`?limit=${pageLimits.max + 1}`, 'limit'],
    ['?limit=1&limit=2', 'limit'],
    ['?cursor=not-a-cursor', 'cursor'],
    [`?cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`, 'cursor'],
    ['?cursor=%00', 'cursor'],
  ])('answers 400 invalid_params for %s', async (query, name) => {
    const res = await t.app.request(`/api/docs${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      type: problemTypes.invalidQuery,
      invalid_params: [{ name, reason: expect.any(String) }],
    });
  });
});
