import fc from 'fast-check';
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
const create =
  (extra: Record<string, string> = {}) =>
  () => ({ ...json, ...extra });
const invalid = (name: string, body: BodyInit, param = ''): Case => ({
  name,
  body,
  status: 400,
  type: problemTypes.invalidBody,
  param,
});
const invalidCreate = (name: string, body: BodyInit, param = ''): Case => ({
  ...invalid(`a create with ${name}`, body, param),
  method: 'POST',
  path: () => '/api/docs',
  headers: create(),
});
const notFound = (name: string, path: string): Case => ({
  name,
  method: 'GET',
  path: () => path.replace('{id}', id),
  status: 404,
  type: problemTypes.notFound,
});
const malformedTag = (header: string, value: string, method = 'PUT'): Case => ({
  name: `${method} with ${header}: ${value}`,
  method,
  headers: put({ [header]: value }),
  status: 400,
  type: problemTypes.invalidPrecondition,
});
const notAllowed = (method: string, path: string): Case => ({
  name: `${method} on ${path}`,
  method,
  path: () => path.replace('{id}', id),
  status: 405,
  type: problemTypes.methodNotAllowed,
});
const unsupported = (contentType: string | undefined, method = 'PUT'): Case => ({
  name: `a ${method} with Content-Type ${contentType ?? '(none)'}`,
  method,
  path: () => (method === 'POST' ? '/api/docs' : docPath()),
  headers: () => {
    const headers: Record<string, string> = { 'If-Match': etag };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    return headers;
  },
  body: method === 'POST' ? ok : new Blob([ok]),
  status: 415,
  type: problemTypes.unsupportedMediaType,
});

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

  // Malformed JSON and wrong shapes, on create as on save.
  invalidCreate('malformed JSON', '{"title": "x"'),
  invalidCreate('a trailing comma', '{"title":"x","body":"",}'),
  invalidCreate('single-quoted JSON', "{'title':'x','body':''}"),
  invalidCreate('a bare string', '"x"'),
  invalidCreate('a number', '42'),
  invalidCreate('an empty object', '{}', 'title'),
  invalidCreate('an array title', '{"title":["x"],"body":""}', 'title'),
  invalidCreate('an object body', '{"title":"x","body":{"text":""}}', 'body'),
  invalidCreate('a numeric body', '{"title":"x","body":3}', 'body'),
  invalidCreate('a boolean title', '{"title":true,"body":""}', 'title'),
  invalidCreate('an extra id', '{"id":"mine","title":"x","body":""}', 'id'),
  invalidCreate(
    'a __proto__ member',
    '{"title":"x","body":"","__proto__":{"admin":true}}',
    '__proto__',
  ),
  invalidCreate('JSON nested 100 000 deep', '['.repeat(100_000) + ']'.repeat(100_000)),
  invalidCreate('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  invalidCreate('an overlong UTF-8 encoding', new Uint8Array([0x22, 0xc0, 0xaf, 0x22])),
  invalidCreate('a UTF-8-encoded surrogate', new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])),
  invalidCreate('a DEL in the title', '{"title":"a\\u007fb","body":""}', 'title'),
  invalidCreate('a C1 control in the title', '{"title":"a\\u0085b","body":""}', 'title'),
  invalidCreate('a tab in the title', '{"title":"a\\tb","body":""}', 'title'),
  invalidCreate('a NUL in the title', '{"title":"a\\u0000b","body":""}', 'title'),
  invalidCreate(
    'a title of 10 000 characters',
    JSON.stringify({ title: 'é'.repeat(10_000), body: '' }),
    'title',
  ),
  {
    name: 'a create over the size limit',
    method: 'POST',
    path: () => '/api/docs',
    headers: create(),
    body: JSON.stringify({ title: 'x', body: 'y'.repeat(limits.maxBodyBytes) }),
    status: 413,
    type: problemTypes.tooLarge,
  },
  {
    name: 'a malformed Idempotency-Key',
    method: 'POST',
    path: () => '/api/docs',
    headers: create({ 'Idempotency-Key': '"a" "b"' }),
    status: 400,
    type: problemTypes.invalidBody,
    param: 'Idempotency-Key',
  },
  {
    name: 'a Concord-User over the length limit',
    headers: put({ 'Concord-User': 'x'.repeat(limits.userNameMaxLength + 1) }),
    status: 400,
    type: problemTypes.invalidBody,
    param: 'Concord-User',
  },

  // Media types.
  unsupported(undefined),
  unsupported(undefined, 'POST'),
  unsupported('multipart/form-data; boundary=x', 'POST'),
  unsupported('text/plain', 'POST'),
  unsupported('application/json; charset=utf-16'),
  unsupported('application/jsonx'),
  unsupported('application/xml'),

  // Paths that try to escape or confuse the id.
  notFound('an encoded ..', '/api/docs/%2e%2e'),
  notFound('an encoded path to /etc/passwd', '/api/docs/..%2F..%2Fetc%2Fpasswd'),
  notFound('an encoded slash before versions', '/api/docs/a%2Fb/versions'),
  notFound('a lone NUL as the id', '/api/docs/%00'),
  notFound('a backslash in the id', '/api/docs/a%5Cb'),
  notFound('an id of 101 characters', `/api/docs/${'a'.repeat(101)}`),
  notFound('a non-ASCII id', '/api/docs/%C3%A9'),
  notFound('a broken percent-encoding in the id', '/api/docs/%E0%A4%A'),
  notFound('version 0', '/api/docs/{id}/versions/0'),
  notFound('version 01', '/api/docs/{id}/versions/01'),
  notFound('version -1', '/api/docs/{id}/versions/-1'),
  notFound('version 1e0', '/api/docs/{id}/versions/1e0'),
  notFound('a version past 2^53', '/api/docs/{id}/versions/99999999999999999999'),
  notFound('events of a NUL id', '/api/docs/%00/events'),

  // Malformed preconditions.
  malformedTag('If-Match', '"unterminated'),
  malformedTag('If-Match', 'W/'),
  malformedTag('If-Match', '"a" "b"'),
  malformedTag('If-Match', '*, "a"'),
  malformedTag('If-Match', '"a"b'),
  malformedTag('If-Match', 'W/"a", ,abc'),
  malformedTag('If-None-Match', 'abc'),
  malformedTag('If-None-Match', '"x', 'GET'),
  malformedTag('If-Match', "'single'", 'DELETE'),

  // Methods.
  notAllowed('PATCH', '/api/docs'),
  notAllowed('DELETE', '/api/docs'),
  notAllowed('PUT', '/api/docs/{id}/versions'),
  notAllowed('DELETE', '/api/docs/{id}/versions/1'),
  notAllowed('PUT', '/api/docs/{id}/events'),
  notAllowed('POST', '/api/events'),
  notAllowed('PROPFIND', '/api/docs/{id}'),
  {
    name: 'a bad page limit',
    method: 'GET',
    path: () => '/api/docs?limit=0',
    status: 400,
    type: problemTypes.invalidQuery,
    param: 'limit',
  },
];

describe('bad input', () => {
  it.each(cases)('answers $status $name and changes nothing', async (c) => {
    const before = await t.snapshot();
    const method = c.method ?? 'PUT';
    const res = await t.app.request(c.path?.() ?? docPath(), {
      method,
      headers: c.headers?.() ?? put()(),
      body: ['GET', 'HEAD'].includes(method) ? undefined : (c.body ?? ok),
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

/** Whether `value` can be sent as a header value at all (fetch refuses NUL, CR, LF, …). */
function isSendable(value: string): boolean {
  try {
    new Headers({ 'X-Test': value });
    return true;
  } catch {
    return false;
  }
}

describe('any input', () => {
  const headerValue = fc.string({ maxLength: 40 }).filter(isSendable);

  it('never answers 5xx to any JSON value or header sent with a save, and writes nothing stale', async () => {
    const before = await t.snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.record({
          // Anything but `*`, which would rightly let a valid body save.
          'If-Match': fc.oneof(
            headerValue.filter((v) => v.trim() !== '*'),
            fc.constant('"stale"'),
          ),
          'If-None-Match': headerValue,
          'Concord-User': headerValue,
        }),
        async (value, headers) => {
          const res = await t.put(id, JSON.stringify(value), headers);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    expect(await t.snapshot()).toEqual(before);
  });

  it('never answers 5xx to any id, version or query in the path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.string({ maxLength: 10 }), async (a, b) => {
        for (const path of [
          `/api/docs/${encodeURIComponent(a)}`,
          `/api/docs/${encodeURIComponent(a)}/versions/${encodeURIComponent(b)}`,
          `/api/docs?limit=${encodeURIComponent(b)}&cursor=${encodeURIComponent(a)}`,
        ]) {
          const res = await t.app.request(path, { method: 'GET' });
          expect(res.status).toBeLessThan(500);
        }
      }),
      { numRuns: 300 },
    );
  });
});
