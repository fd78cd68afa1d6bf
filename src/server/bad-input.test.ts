import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import type { Problem } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

// One app for the whole table: every row must leave the store exactly as it was.
let t: TestApp;
let id: string;
let etag: string;
beforeAll(async () => {
  t = createTestApp();
  ({
    doc: { id },
    etag,
  } = await t.create('Existing', 'body'));
});
afterAll(() => t.close());

interface Case {
  name: string;
  method?: string;
  path?: () => string;
  headers?: () => Record<string, string>;
  body?: BodyInit;
  status: number;
  type: string;
  /** An `invalid_params` entry the answer must name. */
  param?: string;
}

const json = { 'Content-Type': 'application/json' };
const put =
  (extra: Record<string, string> = {}) =>
  () => ({ ...json, 'If-Match': etag, ...extra });
const docPath = () => `/api/docs/${id}`;
const ok = JSON.stringify({ title: 'New', body: '' });

const cases: Case[] = [
  {
    name: 'malformed JSON',
    body: '{"title": "x",',
    status: 400,
    type: problemTypes.invalidBody,
    param: '',
  },
  { name: 'an empty body', body: '', status: 400, type: problemTypes.invalidBody, param: '' },
  { name: 'a JSON array', body: '[]', status: 400, type: problemTypes.invalidBody, param: '' },
  { name: 'JSON null', body: 'null', status: 400, type: problemTypes.invalidBody, param: '' },
  {
    name: 'a missing title',
    body: '{"body":""}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a missing body',
    body: '{"title":"x"}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'body',
  },
  {
    name: 'a numeric title',
    body: '{"title":1,"body":""}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a null body',
    body: '{"title":"x","body":null}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'body',
  },
  {
    name: 'an extra field',
    body: '{"title":"x","body":"","version":3}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'version',
  },
  {
    name: 'a blank title',
    body: '{"title":"   ","body":""}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a title over the length limit',
    body: JSON.stringify({ title: 'x'.repeat(limits.titleMaxLength + 1), body: '' }),
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a control character in the title',
    body: '{"title":"a\\u0007b","body":""}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a newline in the title',
    body: '{"title":"a\\nb","body":""}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'title',
  },
  {
    name: 'a lone surrogate in the body',
    body: '{"title":"x","body":"\\ud800"}',
    status: 400,
    type: problemTypes.invalidBody,
    param: 'body',
  },
  {
    name: 'invalid UTF-8',
    body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    status: 400,
    type: problemTypes.invalidBody,
    param: '',
  },
  {
    name: 'a text/plain body',
    headers: put({ 'Content-Type': 'text/plain' }),
    body: ok,
    status: 415,
    type: problemTypes.unsupportedMediaType,
  },
  {
    name: 'a form body',
    headers: put({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: 'title=x',
    status: 415,
    type: problemTypes.unsupportedMediaType,
  },
  {
    name: 'JSON in another charset',
    headers: put({ 'Content-Type': 'application/json; charset=latin1' }),
    body: ok,
    status: 415,
    type: problemTypes.unsupportedMediaType,
  },
  {
    name: 'a body over the size limit',
    body: JSON.stringify({ title: 'x', body: 'y'.repeat(limits.maxBodyBytes) }),
    status: 413,
    type: problemTypes.tooLarge,
  },
  {
    name: 'a malformed If-Match',
    headers: put({ 'If-Match': 'abc' }),
    body: ok,
    status: 400,
    type: problemTypes.invalidPrecondition,
  },
  {
    name: 'an empty If-Match',
    headers: put({ 'If-Match': '' }),
    body: ok,
    status: 400,
    type: problemTypes.invalidPrecondition,
  },
  {
    name: 'a malformed Concord-User',
    headers: put({ 'Concord-User': '%E0%A4%A' }),
    body: ok,
    status: 400,
    type: problemTypes.invalidBody,
    param: 'Concord-User',
  },
  {
    name: 'a Concord-User with a control character',
    headers: put({ 'Concord-User': 'a%0Ab' }),
    body: ok,
    status: 400,
    type: problemTypes.invalidBody,
    param: 'Concord-User',
  },
  { name: 'a path with ..', path: () => '/api/docs/..', status: 404, type: problemTypes.notFound },
  {
    name: 'an encoded slash in the id',
    path: () => `/api/docs/${id}%2F..`,
    status: 404,
    type: problemTypes.notFound,
  },
  {
    name: 'a NUL in the id',
    path: () => `/api/docs/${id}%00`,
    status: 404,
    type: problemTypes.notFound,
  },
  {
    name: 'an unknown id',
    path: () => '/api/docs/does-not-exist',
    status: 404,
    type: problemTypes.notFound,
  },
  {
    name: 'an unknown API path',
    path: () => '/api/nothing',
    status: 404,
    type: problemTypes.notFound,
  },
  {
    name: 'PATCH on a document',
    method: 'PATCH',
    status: 405,
    type: problemTypes.methodNotAllowed,
  },
  {
    name: 'PUT on the list',
    method: 'PUT',
    path: () => '/api/docs',
    status: 405,
    type: problemTypes.methodNotAllowed,
  },
  {
    name: 'POST on a version',
    method: 'POST',
    path: () => `/api/docs/${id}/versions/1`,
    status: 405,
    type: problemTypes.methodNotAllowed,
  },
];

describe('bad input', () => {
  it.each(cases)('answers $status $name and changes nothing', async (c) => {
    const before = await t.snapshot();
    const res = await t.app.request(c.path?.() ?? docPath(), {
      method: c.method ?? 'PUT',
      headers: c.headers?.() ?? put()(),
      body: c.body ?? ok,
    });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({ type: c.type, status: c.status, title: expect.any(String) });
    if (c.param !== undefined) {
      expect(problem.invalid_params).toContainEqual({ name: c.param, reason: expect.any(String) });
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers 405 with Allow listing the methods of the path', async () => {
    const res = await t.app.request(docPath(), { method: 'PATCH' });
    expect(res.headers.get('Allow')).toBe('GET, HEAD, PUT, DELETE, OPTIONS');
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const res = await t.app.request('/api/docs', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('answers 413 from a chunked body without Content-Length as soon as it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit: the server must stop reading, not buffer it all.
        if (sent++ > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request(docPath(), {
      method: 'PUT',
      headers: put()(),
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(20);
  });

  it('names the accepted type in Accept-Post when a create is not JSON', async () => {
    const res = await t.app.request('/api/docs', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('Accept-Post')).toBe('application/json');
  });
});
