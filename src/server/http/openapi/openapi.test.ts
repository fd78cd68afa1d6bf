import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../create-app.ts';
import { createLogger } from '../../monitoring/create-logger.ts';
import { createMonitoring } from '../../monitoring/create-monitoring.ts';
import type { DocumentStore } from '../../store/store.ts';
import type { JsonSchema } from './openapi-schemas.ts';
import type { OpenApiDocument, OpenApiMethod, OpenApiResponse } from './openapi-parts.ts';
import { createTestApp } from '../../testing/create-test-app.ts';
import {
  cheapScryptCost,
  createTestAccounts,
  postAccount,
  postSignIn,
  readSessionCookie,
} from '../../testing/sign-in-test-account.ts';
import type { TestApp } from '../../testing/create-test-app.ts';

// Keeps the description true: real requests for every documented operation and status, each
// answer checked against the description (status, headers, media type, body schema). The
// description is the one a real app serves, generated from the operations its routes declare.

const served = createTestApp();
const openApiDocument = (await (
  await served.app.request('/api/openapi.json')
).json()) as OpenApiDocument;
await served.close();

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schemaBase = 'https://concord.dev/openapi/schemas/';
/** The description's `#/components/schemas/X` refs, as ids Ajv can resolve. */
const toAjv = (schema: JsonSchema): JsonSchema =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${schemaBase}`));
for (const [name, schema] of Object.entries(openApiDocument.components.schemas)) {
  ajv.addSchema({ ...toAjv(schema), $id: `${schemaBase}${name}` });
}
const validators = new Map<JsonSchema, ValidateFunction>();
function validate(schema: JsonSchema, value: unknown, what: string): void {
  let check = validators.get(schema);
  if (!check) validators.set(schema, (check = ajv.compile(toAjv(schema))));
  if (!check(value)) {
    throw new Error(
      `${what} does not match its schema: ${ajv.errorsText(check.errors)}\n${JSON.stringify(value)}`,
    );
  }
}

type Operation = `${OpenApiMethod} ${string}`;
const documented = new Set<string>();
for (const [path, item] of Object.entries(openApiDocument.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    for (const status of Object.keys(operation.responses))
      documented.add(`${method} ${path} ${status}`);
  }
}
const checked = new Set<string>();

/** Checks `res` against what `operation` documents for its status; returns the parsed body. */
async function expectDocumented(operation: Operation, res: Response): Promise<unknown> {
  const [method, path] = operation.split(' ') as [OpenApiMethod, string];
  const responses = openApiDocument.paths[path]?.[method]?.responses ?? {};
  // A 5xx is what `default` describes, unless the operation lists it.
  const status =
    String(res.status) in responses || res.status < 500 ? String(res.status) : 'default';
  const response: OpenApiResponse | undefined = responses[status];
  const where = `${operation} → ${res.status}`;
  if (!response) throw new Error(`${where} is not documented:\n${await res.text()}`);
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const value = res.headers.get(name);
    if (value === null) {
      expect(header.required ?? false, `${where}: header ${name} is required`).toBe(false);
    } else {
      validate(header.schema, value, `${where}: header ${name}`);
    }
  }
  checked.add(`${operation} ${status}`);
  if (!response.content) {
    expect(await res.text(), `${where} has no body`).toBe('');
    return undefined;
  }
  const mediaType = (res.headers.get('Content-Type') ?? '').split(';')[0]!;
  const declared = response.content[mediaType];
  if (!declared)
    throw new Error(
      `${where}: ${mediaType} is not one of ${Object.keys(response.content).join(', ')}`,
    );
  if (mediaType === 'text/event-stream') return res;
  if (mediaType === 'text/plain') {
    const text = await res.text();
    validate(declared.schema, text, `${where}: body`);
    return text;
  }
  const body: unknown = await res.json();
  validate(declared.schema, body, `${where}: body`);
  return body;
}

/** Reads a stream until `until` arrives; returns its events as `{ event, data }`. */
async function readEvents(res: Response, until: string) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes(until)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  return [...text.matchAll(/^event: (\w+)\n(?:id: .*\n)?data: (.*)$/gm)].map((m) => ({
    event: m[1]!,
    data: JSON.parse(m[2]!) as unknown,
  }));
}

const schema = (name: string): JsonSchema => openApiDocument.components.schemas[name]!;

let t: TestApp;
let doc: { id: string; title: string };
let etag: string;
beforeEach(async () => {
  t = createTestApp({ keepAliveMs: 10_000 });
  ({ doc, etag } = await t.create('Plan', 'one\n'));
});
afterEach(() => t.close());

const json = { 'Content-Type': 'application/json' };
const input = (title = 'Plan', body = 'two\n') => JSON.stringify({ title, body });
const docPath = () => `/api/docs/${doc.id}`;
const request = (path: string, init: RequestInit = {}) =>
  Promise.resolve(t.app.request(path, init));
const put = (headers: Record<string, string>, body = input()) =>
  request(docPath(), { method: 'PUT', headers: { ...json, ...headers }, body });
const post = (headers: Record<string, string> = {}, body = input('Other')) =>
  request('/api/docs', { method: 'POST', headers: { ...json, ...headers }, body });
const del = (headers: Record<string, string>) => request(docPath(), { method: 'DELETE', headers });
const crossSite = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
const huge = input('x', 'y'.repeat(6 * 1024 * 1024));

const cases: [Operation, number, () => Promise<Response>][] = [
  ['get /api/docs', 200, () => request('/api/docs?limit=1')],
  ['get /api/docs', 400, () => request('/api/docs?limit=0')],
  ['post /api/docs', 201, () => post({ 'Idempotency-Key': 'k' })],
  ['post /api/docs', 400, () => post({}, '{')],
  ['post /api/docs', 403, () => post(crossSite)],
  ['post /api/docs', 409, () => post({}, input('PLAN'))],
  ['post /api/docs', 413, () => post({}, huge)],
  ['post /api/docs', 415, () => post({ 'Content-Type': 'text/plain' })],
  [
    'post /api/docs',
    422,
    async () => {
      await post({ 'Idempotency-Key': 'k' });
      return post({ 'Idempotency-Key': 'k' }, input('Else'));
    },
  ],
  ['get /api/docs/{id}', 200, () => request(docPath())],
  ['get /api/docs/{id}', 304, () => request(docPath(), { headers: { 'If-None-Match': etag } })],
  ['get /api/docs/{id}', 400, () => request(docPath(), { headers: { 'If-None-Match': 'x' } })],
  ['get /api/docs/{id}', 404, () => request('/api/docs/nope')],
  ['get /api/docs/{id}', 412, () => request(docPath(), { headers: { 'If-Match': '"old"' } })],
  ['put /api/docs/{id}', 200, () => put({ 'If-Match': etag })],
  ['put /api/docs/{id}', 400, () => put({ 'If-Match': etag }, '{"title":1}')],
  ['put /api/docs/{id}', 403, () => put({ 'If-Match': etag, ...crossSite })],
  [
    'put /api/docs/{id}',
    404,
    () => request('/api/docs/nope', { method: 'PUT', headers: json, body: input() }),
  ],
  ['put /api/docs/{id}', 409, () => put({ 'If-Match': '"stale"' })],
  ['put /api/docs/{id}', 409, () => put({ 'If-Match': '"stale"', Prefer: 'return=minimal' })],
  ['put /api/docs/{id}', 412, () => put({ 'If-Match': etag, 'If-None-Match': '*' })],
  ['put /api/docs/{id}', 413, () => put({ 'If-Match': etag }, huge)],
  ['put /api/docs/{id}', 415, () => put({ 'If-Match': etag, 'Content-Type': 'text/plain' })],
  ['put /api/docs/{id}', 428, () => put({})],
  ['delete /api/docs/{id}', 204, () => del({ 'If-Match': etag })],
  ['delete /api/docs/{id}', 400, () => del({ 'If-Match': 'x' })],
  ['delete /api/docs/{id}', 403, () => del({ 'If-Match': etag, ...crossSite })],
  ['delete /api/docs/{id}', 404, () => request('/api/docs/nope', { method: 'DELETE' })],
  ['delete /api/docs/{id}', 409, () => del({ 'If-Match': '"stale"' })],
  ['delete /api/docs/{id}', 412, () => del({ 'If-Match': etag, 'If-None-Match': etag })],
  ['delete /api/docs/{id}', 428, () => del({})],
  ['get /api/docs/{id}/versions', 200, () => request(`${docPath()}/versions`)],
  ['get /api/docs/{id}/versions', 400, () => request(`${docPath()}/versions?limit=0`)],
  ['get /api/docs/{id}/versions', 404, () => request('/api/docs/nope/versions')],
  ['get /api/docs/{id}/versions/{n}', 200, () => request(`${docPath()}/versions/1`)],
  [
    'get /api/docs/{id}/versions/{n}',
    304,
    () => request(`${docPath()}/versions/1`, { headers: { 'If-None-Match': etag } }),
  ],
  [
    'get /api/docs/{id}/versions/{n}',
    400,
    () => request(`${docPath()}/versions/1`, { headers: { 'If-Match': 'x' } }),
  ],
  ['get /api/docs/{id}/versions/{n}', 404, () => request(`${docPath()}/versions/2`)],
  [
    'get /api/docs/{id}/versions/{n}',
    412,
    () => request(`${docPath()}/versions/1`, { headers: { 'If-Match': '"old"' } }),
  ],
  ['get /api/docs/{id}/events', 404, () => request('/api/docs/nope/events')],
  ['get /api/openapi.json', 200, () => request('/api/openapi.json')],
  ['get /api/trash', 200, () => request('/api/trash?limit=1')],
  ['get /api/trash', 400, () => request('/api/trash?cursor=x')],
  [
    'post /api/trash/{id}/restore',
    200,
    async () => {
      await del({ 'If-Match': etag });
      return request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    },
  ],
  [
    'post /api/trash/{id}/restore',
    403,
    () => request(`/api/trash/${doc.id}/restore`, { method: 'POST', headers: crossSite }),
  ],
  [
    'post /api/trash/{id}/restore',
    404,
    () => request('/api/trash/nope/restore', { method: 'POST' }),
  ],
  [
    'post /api/trash/{id}/restore',
    409,
    async () => {
      await del({ 'If-Match': etag });
      await post({}, input('PLAN'));
      return request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    },
  ],
  ['get /healthz', 200, () => request('/healthz')],
  [
    'get /healthz',
    503,
    async () => {
      await t.store.close(); // afterEach's close is then a no-op
      return request('/healthz');
    },
  ],
];

describe('the OpenAPI description', () => {
  it.each(cases)('documents %s → %i', async (operation, status, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    await expectDocumented(operation, res);
  });

  it('documents the 409 of a create whose Idempotency-Key is still in flight', async () => {
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        finish = () => {
          controller.enqueue(new TextEncoder().encode(input('Slow')));
          controller.close();
        };
      },
    });
    const first = request('/api/docs', {
      method: 'POST',
      headers: { ...json, 'Idempotency-Key': 'slow' },
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await post({ 'Idempotency-Key': 'slow' }, input('Slow'));
    expect(res.status).toBe(409);
    await expectDocumented('post /api/docs', res);
    finish();
    expect((await first).status).toBe(201);
  });

  it('documents the 409 document-deleted of a save and a delete aimed at the trash', async () => {
    await del({ 'If-Match': etag });
    const save = await put({ 'If-Match': etag });
    expect(save.status).toBe(409);
    await expectDocumented('put /api/docs/{id}', save);
    const again = await del({ 'If-Match': etag });
    expect(again.status).toBe(409);
    await expectDocumented('delete /api/docs/{id}', again);
  });

  it('documents the 409 of a save whose new title is taken', async () => {
    await t.create('Taken');
    const res = await put({ 'If-Match': etag }, input('taken'));
    expect(res.status).toBe(409);
    await expectDocumented('put /api/docs/{id}', res);
  });

  it('documents the events of GET /api/docs/{id}/events', async () => {
    const res = await request(`${docPath()}/events`);
    expect(res.status).toBe(200);
    await expectDocumented('get /api/docs/{id}/events', res);
    const saved = await put({ 'If-Match': etag });
    await del({ 'If-Match': saved.headers.get('ETag')! });
    await request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    const events = await readEvents(res, 'event: restored');
    expect(events.map((e) => e.event)).toEqual(['version', 'version', 'deleted', 'restored']);
    const schemas: Record<string, string> = {
      version: 'VersionEvent',
      deleted: 'DeletedEvent',
      restored: 'RestoredEvent',
    };
    for (const { event, data } of events) validate(schema(schemas[event]!), data, event);
  });

  it('documents the events of GET /api/events', async () => {
    const res = await request('/api/events');
    expect(res.status).toBe(200);
    await expectDocumented('get /api/events', res);
    const created = await post();
    const saved = await put({ 'If-Match': etag });
    await del({ 'If-Match': saved.headers.get('ETag')! });
    await request(`/api/trash/${doc.id}/restore`, { method: 'POST' });
    expect(created.status).toBe(201);
    // On PostgreSQL the notification of the document made before subscribing may come late.
    const events = (await readEvents(res, 'event: restored')).filter(
      (e) => !(e.event === 'created' && (e.data as { id: string }).id === doc.id),
    );
    expect(events.map((e) => e.event)).toEqual(['created', 'version', 'deleted', 'restored']);
    for (const { event, data } of events) {
      validate(schema(event === 'deleted' ? 'ListDeletedEvent' : 'ListChangeEvent'), data, event);
    }
  });

  it('documents a 429 with Retry-After for every operation', async () => {
    const limited = createTestApp({ rateLimit: { burst: 1, perSecond: 0.001 } });
    try {
      for (const [path, item] of Object.entries(openApiDocument.paths)) {
        for (const method of Object.keys(item) as OpenApiMethod[]) {
          await limited.app.request('/api/docs'); // uses up the burst
          const res = await limited.app.request(path.replace('{id}', 'x').replace('{n}', '1'), {
            method: method.toUpperCase(),
          });
          expect(res.status).toBe(429);
          await expectDocumented(`${method} ${path}`, res);
        }
      }
    } finally {
      await limited.close();
    }
  });

  it('documents a 421 for every operation, to a Host the server does not answer for', async () => {
    for (const [path, item] of Object.entries(openApiDocument.paths)) {
      for (const method of Object.keys(item) as OpenApiMethod[]) {
        const url = `http://rebind.evil.example${path.replace('{id}', doc.id).replace('{n}', '1')}`;
        const res = await request(url, { method: method.toUpperCase() });
        expect(res.status).toBe(421);
        await expectDocumented(`${method} ${path}`, res);
      }
    }
  });

  it('documents the 429 and 503 of the event streams past their caps', async () => {
    const capped = createTestApp({ eventStreamCaps: { perClient: 1, total: 2 } });
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const open: Response[] = [];
    try {
      const { doc: other } = await capped.create('Capped');
      for (const [path, address] of [
        [`/api/docs/${other.id}/events`, '10.0.0.1'],
        ['/api/events', '10.0.0.2'],
      ] as const) {
        open.push(await capped.app.request(path, {}, from(address)));
      }
      for (const [operation, path] of [
        ['get /api/docs/{id}/events', `/api/docs/${other.id}/events`],
        ['get /api/events', '/api/events'],
      ] as const) {
        const perClient = await capped.app.request(path, {}, from('10.0.0.1'));
        expect(perClient.status).toBe(429);
        await expectDocumented(operation, perClient);
        const total = await capped.app.request(path, {}, from('10.0.0.3'));
        expect(total.status).toBe(503);
        await expectDocumented(operation, total);
      }
    } finally {
      await Promise.all(open.map((res) => res.body?.cancel()));
      await capped.close();
    }
  });

  it('documents the 500 of every operation that reaches a failing store', async () => {
    // Every read and write of this store fails, as a database that went away would.
    const failing = new Proxy(t.store, {
      get(store, name, receiver) {
        const value: unknown = Reflect.get(store, name, receiver);
        if (name === 'changes' || typeof value !== 'function') return value;
        return () => Promise.reject(new Error('the database went away'));
      },
    }) as DocumentStore;
    const logged: string[] = [];
    const logger = createLogger({ level: 'error', destination: { write: (l) => logged.push(l) } });
    const app = createApp({
      store: failing,
      staticDir: null,
      auth: { mode: 'off' },
      monitoring: createMonitoring({ logger }),
    });

    const id = doc.id;
    const write = { ...json, 'If-Match': etag };
    const requests: [Operation, string, RequestInit][] = [
      ['get /api/docs', '/api/docs', {}],
      ['post /api/docs', '/api/docs', { method: 'POST', headers: json, body: input('New') }],
      ['get /api/docs/{id}', `/api/docs/${id}`, {}],
      ['put /api/docs/{id}', `/api/docs/${id}`, { method: 'PUT', headers: write, body: input() }],
      ['delete /api/docs/{id}', `/api/docs/${id}`, { method: 'DELETE', headers: write }],
      ['get /api/docs/{id}/versions', `/api/docs/${id}/versions`, {}],
      ['get /api/docs/{id}/versions/{n}', `/api/docs/${id}/versions/1`, {}],
      ['get /api/docs/{id}/events', `/api/docs/${id}/events`, {}],
      ['get /api/trash', '/api/trash', {}],
      ['post /api/trash/{id}/restore', `/api/trash/${id}/restore`, { method: 'POST' }],
    ];
    for (const [operation, path, init] of requests) {
      const res = await app.request(path, init);
      expect(res.status, operation).toBe(500);
      const problem = (await expectDocumented(operation, res)) as { detail: string };
      expect(problem.detail).not.toContain('went away'); // nothing of the fault leaks
    }
    expect(logged).toHaveLength(requests.length);
  });

  it('documents /metrics: 200 on loopback or with the token, 401 without it, 403 elsewhere', async () => {
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const local = await t.app.request('/metrics', {}, from('127.0.0.1'));
    expect(await expectDocumented('get /metrics', local)).toContain('concord_conflicts_total');
    const elsewhere = await t.app.request('/metrics', {}, from('10.0.0.1'));
    await expectDocumented('get /metrics', elsewhere);
    const monitoring = createMonitoring({ metricsToken: 'token' });
    const guarded = createApp({ store: t.store, staticDir: null, monitoring });
    const withoutToken = await guarded.request('/metrics', {}, from('127.0.0.1'));
    expect(withoutToken.status).toBe(401);
    await expectDocumented('get /metrics', withoutToken);
    const withToken = await guarded.request('/metrics', {
      headers: { Authorization: 'Bearer token' },
    });
    expect(withToken.status).toBe(200);
  });

  it('documents a 401 for every operation that needs a session or token', async () => {
    const guarded = createTestApp({ auth: { mode: 'accounts', scryptCost: cheapScryptCost } });
    try {
      for (const [path, item] of Object.entries(openApiDocument.paths)) {
        // Below, with reasons; /metrics has a token of its own.
        if (['/api/session', '/api/users', '/metrics'].includes(path)) continue;
        for (const [method, operation] of Object.entries(item) as [
          OpenApiMethod,
          { responses: object },
        ][]) {
          if (!('401' in operation.responses)) continue;
          const url = path.replace('{id}', 'x').replace('{n}', '1');
          const res = await guarded.app.request(url, { method: method.toUpperCase() });
          expect(res.status, `${method} ${path}`).toBe(401);
          await expectDocumented(`${method} ${path}`, res);
        }
      }
    } finally {
      await guarded.close();
    }
  });

  it('documents signing in and out, accounts and API tokens', async () => {
    const a = createTestApp({
      auth: {
        mode: 'accounts',
        scryptCost: cheapScryptCost,
        signInLimits: { perAccount: 2, perAddress: 100, windowMs: 60_000 },
      },
    });
    const send = (path: string, init: RequestInit = {}, cookie?: string, token?: string) =>
      Promise.resolve(
        a.app.request(path, {
          ...init,
          headers: {
            ...(init.body !== undefined && json),
            ...(cookie && { Cookie: cookie }),
            ...(token && { Authorization: `Bearer ${token}` }),
            ...(init.headers as Record<string, string>),
          },
        }),
      );
    const expectAnswer = async (operation: Operation, status: number, res: Response) => {
      expect(res.status, operation).toBe(status);
      return expectDocumented(operation, res);
    };
    try {
      await expectAnswer('get /api/session', 401, await send('/api/session'));
      const { alice: admin } = await createTestAccounts(a.app, 'alice');
      await expectAnswer('get /api/session', 200, await send('/api/session', {}, admin));
      const account = (name: string, password = 'long enough') =>
        JSON.stringify({ username: name, password });
      const users = (body: string, cookie?: string, headers = {}) =>
        send('/api/users', { method: 'POST', body, headers }, cookie);
      await expectAnswer('post /api/users', 201, await users(account('bob'), admin));
      await expectAnswer('post /api/users', 400, await users(account(' bad name'), admin));
      await expectAnswer('post /api/users', 401, await users(account('carol')));
      await expectAnswer('post /api/users', 409, await users(account('BOB'), admin));
      await expectAnswer(
        'post /api/users',
        415,
        await send(
          '/api/users',
          { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } },
          admin,
        ),
      );
      const bob = readSessionCookie(await postSignIn(a.app, 'bob', 'long enough'));
      await expectAnswer('post /api/users', 403, await users(account('carol'), bob));

      const signIn = (body: string, headers = {}) =>
        send('/api/session', { method: 'POST', body, headers });
      await expectAnswer('post /api/session', 204, await signIn(account('bob')));
      await expectAnswer('post /api/session', 400, await signIn('{}'));
      await expectAnswer(
        'post /api/session',
        415,
        await send('/api/session', {
          method: 'POST',
          body: 'x',
          headers: { 'Content-Type': 'text/plain' },
        }),
      );
      await expectAnswer('post /api/session', 403, await signIn(account('bob'), crossSite));
      await expectAnswer('post /api/session', 401, await signIn(account('bob', 'wrong one')));
      await signIn(account('bob', 'wrong again'));
      await expectAnswer('post /api/session', 429, await signIn(account('bob')));
      await expectAnswer('post /api/session', 404, await postSignIn(t.app, 'bob', 'long enough'));
      await expectAnswer(
        'post /api/users',
        404,
        await postAccount(t.app, { username: 'bob', password: 'long enough' }),
      );

      const tokens = (cookie?: string, token?: string) =>
        send('/api/tokens', { method: 'POST', body: '{"name":"script"}' }, cookie, token);
      const made = (await expectAnswer('post /api/tokens', 201, await tokens(bob))) as {
        id: string;
        token: string;
      };
      await expectAnswer('post /api/tokens', 401, await tokens());
      await expectAnswer('post /api/tokens', 403, await tokens(undefined, made.token));
      await expectAnswer('get /api/tokens', 200, await send('/api/tokens', {}, bob));
      await expectAnswer(
        'get /api/tokens',
        403,
        await send('/api/tokens', {}, undefined, made.token),
      );
      const revoke = (id: string) => send(`/api/tokens/${id}`, { method: 'DELETE' }, bob);
      await expectAnswer('delete /api/tokens/{id}', 204, await revoke(made.id));
      await expectAnswer('delete /api/tokens/{id}', 404, await revoke(made.id));

      const out = (path: string, cookie?: string, headers = {}) =>
        send(path, { method: 'DELETE', headers }, cookie);
      await expectAnswer('delete /api/session', 403, await out('/api/session', bob, crossSite));
      await expectAnswer('delete /api/session', 204, await out('/api/session', bob));
      await expectAnswer('delete /api/sessions', 403, await out('/api/sessions', admin, crossSite));
      await expectAnswer('delete /api/sessions', 204, await out('/api/sessions', admin));
    } finally {
      await a.close();
    }
  });

  it('documents sharing: members, and what a viewer and a stranger are answered', async () => {
    const shared = createTestApp({ auth: { mode: 'accounts', scryptCost: cheapScryptCost } });
    try {
      const { alice, bob } = await createTestAccounts(shared.app, 'alice', ['bob', 'carol']);
      const as = (cookie: string | undefined, path: string, init: RequestInit = {}) =>
        Promise.resolve(
          shared.app.request(path, {
            ...init,
            headers: { ...json, ...(cookie && { Cookie: cookie }), ...(init.headers as object) },
          }),
        );
      const created = await as(alice, '/api/docs', { method: 'POST', body: input('Shared') });
      const { id } = (await created.json()) as { id: string };
      const tag = created.headers.get('ETag')!;
      const member = (name: string) => `/api/docs/${id}/members/${name}`;
      const role = (value: string) => ({ method: 'PUT', body: JSON.stringify({ role: value }) });
      const checks: [Operation, number, () => Promise<Response>][] = [
        [
          'put /api/docs/{id}/members/{username}',
          201,
          () => as(alice, member('bob'), role('viewer')),
        ],
        [
          'put /api/docs/{id}/members/{username}',
          200,
          () => as(alice, member('bob'), role('viewer')),
        ],
        [
          'put /api/docs/{id}/members/{username}',
          400,
          () => as(alice, member('alice'), role('viewer')),
        ],
        [
          'put /api/docs/{id}/members/{username}',
          403,
          () => as(bob, member('carol'), role('viewer')),
        ],
        [
          'put /api/docs/{id}/members/{username}',
          404,
          () => as(alice, member('mallory'), role('viewer')),
        ],
        [
          'put /api/docs/{id}/members/{username}',
          415,
          () =>
            as(alice, member('carol'), {
              ...role('viewer'),
              headers: { 'Content-Type': 'text/plain' },
            }),
        ],
        ['get /api/docs/{id}/members', 200, () => as(bob, `/api/docs/${id}/members`)],
        ['get /api/docs/{id}/members', 404, () => as(alice, '/api/docs/nope/members')],
        [
          'put /api/docs/{id}',
          403,
          () =>
            as(bob, `/api/docs/${id}`, {
              method: 'PUT',
              body: input(),
              headers: { 'If-Match': tag },
            }),
        ],
        [
          'delete /api/docs/{id}',
          403,
          () => as(bob, `/api/docs/${id}`, { method: 'DELETE', headers: { 'If-Match': tag } }),
        ],
        [
          'delete /api/docs/{id}/members/{username}',
          400,
          () => as(alice, member('alice'), { method: 'DELETE' }),
        ],
        [
          'delete /api/docs/{id}/members/{username}',
          403,
          () => as(bob, member('bob'), { method: 'DELETE' }),
        ],
        [
          'delete /api/docs/{id}/members/{username}',
          404,
          () => as(alice, member('carol'), { method: 'DELETE' }),
        ],
        [
          'delete /api/docs/{id}/members/{username}',
          204,
          () => as(alice, member('bob'), { method: 'DELETE' }),
        ],
        ['get /api/docs/{id}', 404, () => as(bob, `/api/docs/${id}`)],
      ];
      for (const [operation, status, send] of checks) {
        const res = await send();
        expect(res.status, operation).toBe(status);
        await expectDocumented(operation, res);
      }

      // A store whose sharing tables fail: every member operation answers the documented 500.
      const failingMembers = new Proxy(shared.store.members, {
        get: () => () => Promise.reject(new Error('the database went away')),
      });
      const failing = new Proxy(shared.store, {
        get: (store, name, receiver) =>
          name === 'members' ? failingMembers : (Reflect.get(store, name, receiver) as unknown),
      }) as DocumentStore;
      const app = createApp({
        store: failing,
        staticDir: null,
        auth: { mode: 'accounts', scryptCost: cheapScryptCost },
      });
      for (const [operation, path, init] of [
        ['get /api/docs/{id}/members', `/api/docs/${id}/members`, {}],
        ['put /api/docs/{id}/members/{username}', member('bob'), role('editor')],
        ['delete /api/docs/{id}/members/{username}', member('bob'), { method: 'DELETE' }],
      ] as [Operation, string, RequestInit][]) {
        const res = await app.request(path, { ...init, headers: { ...json, Cookie: alice! } });
        expect(res.status, operation).toBe(500);
        await expectDocumented(operation, res);
      }
    } finally {
      await shared.close();
    }
  });

  it('is served at GET /api/openapi.json as OpenAPI 3.1, the same by every app', async () => {
    const res = await request('/api/openapi.json');
    expect(await res.json()).toEqual(openApiDocument);
    expect(openApiDocument.openapi).toBe('3.1.0');
  });

  it('lists every API route the app answers', () => {
    const routes = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && /^\/(api\/|healthz$|metrics$)/.test(r.path))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const operations = new Set(
      Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
    expect([...routes].sort()).toEqual([...operations].sort());
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(openApiDocument.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Last in the file (tests of a file run in order): everything above has been checked.
  it('was checked above for every documented status of every operation', () => {
    expect([...documented].filter((key) => !checked.has(key))).toEqual([]);
  });
});
