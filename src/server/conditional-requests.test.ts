import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import type { Problem } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

// The conditional-request rules of RFC 9110 §13 as Concord applies them, beyond the basics
// covered next to each route.

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const get = (path: string, headers: Record<string, string>) => t.app.request(path, { headers });
const del = (path: string, headers: Record<string, string>) =>
  t.app.request(path, { method: 'DELETE', headers });

async function expectProblem(res: Response, status: number, type: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const problem = (await res.json()) as Problem;
  expect(problem).toMatchObject({ type, status });
  return problem;
}

describe('If-Match on GET (RFC 9110 §13.1.1)', () => {
  it('answers 200 when If-Match names the current version', async () => {
    const { doc, etag } = await t.create();
    expect((await get(`/api/docs/${doc.id}`, { 'If-Match': `"x", ${etag}` })).status).toBe(200);
  });

  it('answers 412 when If-Match names no current version', async () => {
    const { doc } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-Match': '"old"' });
    await expectProblem(res, 412, problemTypes.preconditionFailed);
  });

  it('answers 412 to the weak form of the current tag, since If-Match compares strongly', async () => {
    const { doc, etag } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-Match': `W/${etag}` });
    await expectProblem(res, 412, problemTypes.preconditionFailed);
  });

  it('answers 200 to If-Match: * on an existing document', async () => {
    const { doc } = await t.create();
    expect((await get(`/api/docs/${doc.id}`, { 'If-Match': '*' })).status).toBe(200);
  });

  it('answers 404 before 412 for an unknown document (RFC 9110 §13.2.1)', async () => {
    const res = await get('/api/docs/unknown', { 'If-Match': '"x"' });
    await expectProblem(res, 404, problemTypes.notFound);
  });

  it('answers 412 to an old version fetched with a stale If-Match', async () => {
    const { doc } = await t.create();
    const res = await get(`/api/docs/${doc.id}/versions/1`, { 'If-Match': '"old"' });
    await expectProblem(res, 412, problemTypes.preconditionFailed);
  });
});

describe('If-None-Match on GET (RFC 9110 §13.1.2)', () => {
  it('answers 304 to If-None-Match: * on an existing document', async () => {
    const { doc, etag } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-None-Match': '*' });
    expect(res.status).toBe(304);
    expect(res.headers.get('ETag')).toBe(etag);
  });

  it('answers 304 to HEAD with the validators a 200 would carry (RFC 9110 §15.4.5)', async () => {
    const { doc, etag } = await t.create();
    const full = await t.app.request(`/api/docs/${doc.id}`, { method: 'HEAD' });
    const res = await t.app.request(`/api/docs/${doc.id}`, {
      method: 'HEAD',
      headers: { 'If-None-Match': etag },
    });
    expect(res.status).toBe(304);
    for (const name of ['ETag', 'Cache-Control']) {
      expect(res.headers.get(name)).toBe(full.headers.get(name));
    }
  });

  it('answers 304 for a version whose tag is listed, with its immutable caching', async () => {
    const { doc, etag } = await t.create();
    const res = await get(`/api/docs/${doc.id}/versions/1`, { 'If-None-Match': `"a", ${etag}` });
    expect(res.status).toBe(304);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
  });

  it('answers 400 to a malformed If-None-Match rather than guessing', async () => {
    const { doc } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-None-Match': 'abc' });
    await expectProblem(res, 400, problemTypes.invalidPrecondition);
  });

  it('evaluates If-Match before If-None-Match (RFC 9110 §13.2.2): 412, not 304', async () => {
    const { doc, etag } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-Match': '"old"', 'If-None-Match': etag });
    await expectProblem(res, 412, problemTypes.preconditionFailed);
  });

  it('answers 304 when If-Match and If-None-Match both name the current version', async () => {
    const { doc, etag } = await t.create();
    const res = await get(`/api/docs/${doc.id}`, { 'If-Match': etag, 'If-None-Match': etag });
    expect(res.status).toBe(304);
  });
});

describe('If-None-Match on writes (RFC 9110 §13.2.2 step 3)', () => {
  it('answers 412 to a save with If-None-Match: * on an existing document, writing nothing', async () => {
    const { doc, etag } = await t.create();
    const before = await t.snapshot();
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'x' },
      { 'If-Match': etag, 'If-None-Match': '*' },
    );
    await expectProblem(res, 412, problemTypes.preconditionFailed);
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers 412 to a save whose If-None-Match names the current version', async () => {
    const { doc, etag } = await t.create();
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'x' },
      { 'If-Match': `W/"a", ${etag}`, 'If-None-Match': `W/${etag}` },
    );
    await expectProblem(res, 412, problemTypes.preconditionFailed);
  });

  it('saves when If-None-Match names only other versions', async () => {
    const { doc } = await t.create();
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'x' },
      { 'If-Match': '*', 'If-None-Match': '"other"' },
    );
    expect(res.status).toBe(200);
  });

  it('answers 409 with the current document, not 412, when If-Match is stale too', async () => {
    const { doc, etag } = await t.create();
    await t.put(doc.id, { title: doc.title, body: 'new' }, { 'If-Match': etag });
    const res = await t.put(
      doc.id,
      { title: doc.title, body: 'x' },
      { 'If-Match': etag, 'If-None-Match': '*' },
    );
    const problem = await expectProblem(res, 409, problemTypes.editConflict);
    expect(problem.current).toMatchObject({ version: 2 });
  });

  it('answers 412 to a delete with If-None-Match: *, keeping the document', async () => {
    const { doc, etag } = await t.create();
    const res = await del(`/api/docs/${doc.id}`, { 'If-Match': etag, 'If-None-Match': '*' });
    await expectProblem(res, 412, problemTypes.preconditionFailed);
    expect((await t.app.request(`/api/docs/${doc.id}`)).status).toBe(200);
  });
});

describe('the order of answers to a save (RFC 9110 §13.2.1)', () => {
  // Each request is wrong in one way; on an unknown document the 404 comes first.
  const wrongSaves: {
    name: string;
    status: number;
    type: string;
    input: unknown;
    headers: (etag: string) => Record<string, string>;
  }[] = [
    {
      name: 'malformed JSON',
      status: 400,
      type: problemTypes.invalidBody,
      input: '{"title": ',
      headers: (etag) => ({ 'If-Match': etag }),
    },
    {
      name: 'not JSON',
      status: 415,
      type: problemTypes.unsupportedMediaType,
      input: 'title=a',
      headers: (etag) => ({ 'If-Match': etag, 'Content-Type': 'text/plain' }),
    },
    {
      name: 'no If-Match',
      status: 428,
      type: problemTypes.preconditionRequired,
      input: { title: 'T', body: 'b' },
      headers: () => ({}),
    },
    {
      name: 'a malformed If-Match',
      status: 400,
      type: problemTypes.invalidPrecondition,
      input: { title: 'T', body: 'b' },
      headers: () => ({ 'If-Match': 'abc' }),
    },
    {
      name: 'a malformed Concord-User',
      status: 400,
      type: problemTypes.invalidBody,
      input: { title: 'T', body: 'b' },
      headers: (etag) => ({ 'If-Match': etag, 'Concord-User': '%ZZ' }),
    },
  ];

  it.each(wrongSaves)('answers $status to $name, writing nothing', async (wrong) => {
    const { doc, etag } = await t.create();
    const before = await t.snapshot();
    await expectProblem(
      await t.put(doc.id, wrong.input, wrong.headers(etag)),
      wrong.status,
      wrong.type,
    );
    expect(await t.snapshot()).toEqual(before);
  });

  it.each(wrongSaves)(
    'answers 404, not $status, to $name on an unknown document',
    async (wrong) => {
      const { etag } = await t.create();
      const res = await t.put('unknown', wrong.input, wrong.headers(etag));
      await expectProblem(res, 404, problemTypes.notFound);
    },
  );

  it('answers 404 to a well-formed save of an unknown document, whatever If-Match says', async () => {
    await expectProblem(
      await t.put('unknown', { title: 'T', body: 'b' }, { 'If-Match': '*' }),
      404,
      problemTypes.notFound,
    );
  });
});

describe('DELETE guarded like PUT', () => {
  it('deletes with If-Match: * whatever the current version', async () => {
    const { doc } = await t.create();
    expect((await del(`/api/docs/${doc.id}`, { 'If-Match': '*' })).status).toBe(204);
  });

  it('deletes when any tag of an If-Match list is current', async () => {
    const { doc, etag } = await t.create();
    expect((await del(`/api/docs/${doc.id}`, { 'If-Match': `"a", ${etag}` })).status).toBe(204);
  });

  it('never deletes on a weak If-Match tag', async () => {
    const { doc, etag } = await t.create();
    const res = await del(`/api/docs/${doc.id}`, { 'If-Match': `W/${etag}` });
    await expectProblem(res, 409, problemTypes.editConflict);
  });

  it('answers 404 before 428 for an unknown document (RFC 9110 §13.2.1)', async () => {
    const res = await del('/api/docs/unknown', {});
    await expectProblem(res, 404, problemTypes.notFound);
  });

  it('answers 400 to a malformed If-Match, keeping the document', async () => {
    const { doc } = await t.create();
    const res = await del(`/api/docs/${doc.id}`, { 'If-Match': 'W/abc' });
    await expectProblem(res, 400, problemTypes.invalidPrecondition);
    expect((await t.app.request(`/api/docs/${doc.id}`)).status).toBe(200);
  });

  it('tells how to resubmit in the 428 of a delete', async () => {
    const { doc } = await t.create();
    const problem = await expectProblem(
      await del(`/api/docs/${doc.id}`, {}),
      428,
      problemTypes.preconditionRequired,
    );
    expect(problem.detail).toContain(`If-Match`);
    expect(problem.detail).toContain(`GET /api/docs/${doc.id}`);
  });
});
