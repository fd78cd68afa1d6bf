import { afterEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp;
afterEach(() => t.close());

const json = { 'Content-Type': 'application/json' };

async function post(title: string, headers: Record<string, string> = {}): Promise<Response> {
  return t.app.request('/api/docs', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ title, body: 'copy' }),
  });
}

describe('title look-alikes', () => {
  it.each([
    ['a zero-width space', 'Café Pl\u200ban'],
    ['a zero-width joiner and a BOM', '\ufeffCafé Plan\u200d'],
    ['a right-to-left override', '\u202eCafé Plan\u202c'],
    ['decomposed accents (NFD)', 'Cafe\u0301 Plan'],
    ['fullwidth letters', 'Ｃａｆé Ｐｌａｎ'],
    ['other case and a no-break space', 'CAFÉ\u00a0PLAN'],
  ])('answers 409 title-taken to a create with %s, and stores nothing', async (_, lookAlike) => {
    t = createTestApp();
    const { doc } = await t.create('Café Plan');
    const before = await t.snapshot();
    const res = await post(lookAlike);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      type: problemTypes.titleTaken,
      existing: { id: doc.id, title: 'Café Plan' },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers 409 to a rename onto a look-alike, and keeps a title as typed', async () => {
    t = createTestApp();
    const { doc: plan } = await t.create('Plan');
    const { doc: other, etag } = await t.create('Pl\u00e1n');
    const before = await t.snapshot();
    const res = await t.put(other.id, { title: 'ＰＬＡＮ', body: 'x' }, { 'If-Match': etag });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ existing: { id: plan.id } });
    expect(await t.snapshot()).toEqual(before);
    // A title that only looks different to the rule is stored exactly as typed.
    const typed = '\u202eﬁle\u202c';
    const created = await post(typed);
    expect(created.status).toBe(201);
    expect(((await created.json()) as { title: string }).title).toBe(typed);
  });

  it.each(['\u200b', '\u200b\u2060\u200c', '\u202e\u202c', ' \u00ad '])(
    'answers 400 to a title of invisible characters only (%j), and stores nothing',
    async (title) => {
      t = createTestApp();
      const before = await t.snapshot();
      const res = await post(title);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        invalid_params: [{ name: 'title', reason: 'must contain a visible character' }],
      });
      expect(await t.snapshot()).toEqual(before);
    },
  );
});
