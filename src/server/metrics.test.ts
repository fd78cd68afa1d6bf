import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { problemTypes } from '../protocol/problem.ts';
import { readSample, startObservedServer } from './testing/start-observed-server.ts';
import type { ObservedServer } from './testing/start-observed-server.ts';

let s: ObservedServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const json = { 'Content-Type': 'application/json' };
const conflicts = (kind: string) => `concord_conflicts_total{kind="${kind}"}`;
const resolutions = (how: string) => `concord_conflict_resolutions_total{how="${how}"}`;

async function start(options: Parameters<typeof startObservedServer>[0] = {}) {
  s = await startObservedServer(options);
  return s;
}

/** Creates a document over HTTP; returns it with its ETag. */
async function create(base: string, title: string, body = 'one\n') {
  const res = await fetch(`${base}/api/docs`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title, body }),
  });
  expect(res.status).toBe(201);
  return { doc: (await res.json()) as DocumentDto, etag: res.headers.get('ETag')! };
}

function put(base: string, id: string, input: object, headers: Record<string, string>) {
  return fetch(`${base}/api/docs/${id}`, {
    method: 'PUT',
    headers: { ...json, ...headers },
    body: JSON.stringify(input),
  });
}

/** How much each sample moved across `act`, scraping `/metrics` before and after. */
async function measure(server: ObservedServer, samples: string[], act: () => Promise<void>) {
  const before = await server.scrape();
  await act();
  const after = await server.scrape();
  return Object.fromEntries(
    samples.map((name) => [name, (readSample(after, name) ?? 0) - (readSample(before, name) ?? 0)]),
  );
}

describe('GET /metrics counts conflicts', () => {
  it('by kind stale-save when a save meets a newer version (409)', async () => {
    const { base, ...server } = await start();
    const { doc, etag } = await create(base, 'Plan');
    expect(
      (await put(base, doc.id, { title: 'Plan', body: 'A' }, { 'If-Match': etag })).status,
    ).toBe(200);
    const moved = await measure({ base, ...server }, [conflicts('stale-save')], async () => {
      const stale = await put(base, doc.id, { title: 'Plan', body: 'B' }, { 'If-Match': etag });
      expect(stale.status).toBe(409);
    });
    expect(moved).toEqual({ [conflicts('stale-save')]: 1 });
  });

  it('every kind starts at 0, so the first conflict of a kind shows as an increase', async () => {
    const server = await start();
    const text = await server.scrape();
    for (const kind of ['stale-save', 'title-taken', 'document-deleted', 'idempotency-key-reused'])
      expect(readSample(text, conflicts(kind))).toBe(0);
  });

  it('by kind title-taken, on a create and on a rename', async () => {
    const server = await start();
    const { base } = server;
    await create(base, 'Plan');
    const other = await create(base, 'Notes');
    const moved = await measure(server, [conflicts('title-taken')], async () => {
      const created = await fetch(`${base}/api/docs`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title: ' plan ', body: '' }),
      });
      expect(created.status).toBe(409);
      const renamed = await put(
        base,
        other.doc.id,
        { title: 'PLAN', body: '' },
        { 'If-Match': other.etag },
      );
      expect(renamed.status).toBe(409);
    });
    expect(moved).toEqual({ [conflicts('title-taken')]: 2 });
  });

  it('by kind document-deleted, for a save to a document in the trash', async () => {
    const server = await start();
    const { base } = server;
    const { doc, etag } = await create(base, 'Plan');
    const deleted = await fetch(`${base}/api/docs/${doc.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': etag },
    });
    expect(deleted.status).toBe(204);
    const moved = await measure(
      server,
      [conflicts('document-deleted'), conflicts('stale-save')],
      async () => {
        const res = await put(base, doc.id, { title: 'Plan', body: 'late' }, { 'If-Match': etag });
        expect(res.status).toBe(409);
        expect(((await res.json()) as { type: string }).type).toBe(problemTypes.documentDeleted);
      },
    );
    expect(moved).toEqual({ [conflicts('document-deleted')]: 1, [conflicts('stale-save')]: 0 });
  });

  it('by kind idempotency-key-reused, for a key sent again with another payload (422)', async () => {
    const server = await start();
    const { base } = server;
    const send = (title: string) =>
      fetch(`${base}/api/docs`, {
        method: 'POST',
        headers: { ...json, 'Idempotency-Key': 'key-1' },
        body: JSON.stringify({ title, body: '' }),
      });
    expect((await send('First')).status).toBe(201);
    const moved = await measure(server, [conflicts('idempotency-key-reused')], async () => {
      expect((await send('First')).status).toBe(201); // a replay is no conflict
      expect((await send('Second')).status).toBe(422);
    });
    expect(moved).toEqual({ [conflicts('idempotency-key-reused')]: 1 });
  });
});

describe('GET /metrics counts resolutions', () => {
  it('by the Concord-Resolution a resolving save carries, once it lands', async () => {
    const server = await start();
    const { base } = server;
    const { doc, etag } = await create(base, 'Plan');
    const moved = await measure(
      server,
      [resolutions('kept-mine'), resolutions('auto-merged'), resolutions('resolved')],
      async () => {
        const theirs = await put(
          base,
          doc.id,
          { title: 'Plan', body: 'theirs' },
          { 'If-Match': etag },
        );
        const theirsEtag = theirs.headers.get('ETag')!;
        // Refused: a resolution that did not land resolves nothing.
        const refused = await put(
          base,
          doc.id,
          { title: 'Plan', body: 'mine' },
          { 'If-Match': etag, 'Concord-Resolution': 'kept-mine' },
        );
        expect(refused.status).toBe(409);
        const kept = await put(
          base,
          doc.id,
          { title: 'Plan', body: 'mine' },
          { 'If-Match': theirsEtag, 'Concord-Resolution': 'kept-mine' },
        );
        expect(kept.status).toBe(200);
      },
    );
    expect(moved).toEqual({
      [resolutions('kept-mine')]: 1,
      [resolutions('auto-merged')]: 0,
      [resolutions('resolved')]: 0,
    });
  });

  it('answers 400 to an unknown Concord-Resolution, and saves and counts nothing', async () => {
    const server = await start();
    const { base, t } = server;
    const { doc, etag } = await create(base, 'Plan');
    const before = await t.snapshot();
    const moved = await measure(server, [resolutions('resolved')], async () => {
      const res = await put(
        base,
        doc.id,
        { title: 'Plan', body: 'changed' },
        { 'If-Match': etag, 'Concord-Resolution': 'resolved-by-magic' },
      );
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { invalid_params: { name: string }[] };
      expect(problem.invalid_params.map((p) => p.name)).toEqual(['Concord-Resolution']);
    });
    expect(moved).toEqual({ [resolutions('resolved')]: 0 });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('GET /metrics', () => {
  it('counts requests by route pattern, method and status, with a latency histogram', async () => {
    const server = await start();
    const { doc } = await create(server.base, 'Plan');
    await fetch(`${server.base}/api/docs/${doc.id}`);
    await fetch(`${server.base}/api/docs/nothing-here`);
    const text = await server.scrape();
    const route = 'route="/api/docs/:id",method="GET"';
    expect(readSample(text, `concord_http_requests_total{${route},status="200"}`)).toBe(1);
    expect(readSample(text, `concord_http_requests_total{${route},status="404"}`)).toBe(1);
    expect(readSample(text, `concord_http_request_duration_seconds_count{${route}}`)).toBe(2);
    expect(readSample(text, `concord_http_request_duration_seconds_bucket{le="10",${route}}`)).toBe(
      2,
    );
  });

  it('never names a document: no id, title or raw path in any label', async () => {
    const server = await start();
    const { doc, etag } = await create(server.base, 'Secret plans');
    await put(server.base, doc.id, { title: 'Secret plans', body: 'x' }, { 'If-Match': 'stale' });
    await put(server.base, doc.id, { title: 'Secret plans', body: 'y' }, { 'If-Match': etag });
    const text = await server.scrape();
    expect(text).not.toContain(doc.id);
    expect(text).not.toContain('Secret');
  });

  it('gauges open event streams by route, down again when the client goes away', async () => {
    const server = await start();
    const { doc } = await create(server.base, 'Plan');
    const gauge = (route: string) => `concord_event_streams_open{route="${route}"}`;
    const listening = new AbortController();
    const open = (path: string) => fetch(`${server.base}${path}`, { signal: listening.signal });
    expect((await open(`/api/docs/${doc.id}/events`)).status).toBe(200);
    expect((await open('/api/events')).status).toBe(200);
    const text = await server.scrape();
    expect(readSample(text, gauge('/api/docs/:id/events'))).toBe(1);
    expect(readSample(text, gauge('/api/events'))).toBe(1);
    listening.abort();
    await expect
      .poll(async () => {
        const after = await server.scrape();
        return [
          readSample(after, gauge('/api/docs/:id/events')),
          readSample(after, gauge('/api/events')),
        ];
      })
      .toEqual([0, 0]);
  });

  it('exports the process metrics when asked (as concord serve does)', async () => {
    const server = await start({ processMetrics: true });
    const text = await server.scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('GET /metrics access', () => {
  it('answers loopback without a token, but not a request relayed by a proxy (403)', async () => {
    const server = await start();
    const local = await fetch(`${server.base}/metrics`);
    expect(local.status).toBe(200);
    expect(local.headers.get('Content-Type')).toContain('text/plain');
    expect(local.headers.get('Cache-Control')).toBe('no-store');
    const proxied = await fetch(`${server.base}/metrics`, {
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    });
    expect(proxied.status).toBe(403);
    expect(((await proxied.json()) as { type: string }).type).toBe(problemTypes.forbidden);
  });

  it('refuses another address without a token (403)', async () => {
    const server = await start();
    const res = await server.t.app.request(
      '/metrics',
      {},
      {
        incoming: { socket: { remoteAddress: '10.0.0.9' } },
      },
    );
    expect(res.status).toBe(403);
  });

  it('with CONCORD_METRICS_TOKEN, wants the bearer token from everyone (401 otherwise)', async () => {
    const server = await start({ metricsToken: 's3cret-token' });
    const none = await fetch(`${server.base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toContain('Bearer');
    const wrong = await fetch(`${server.base}/metrics`, {
      headers: { Authorization: 'Bearer guess' },
    });
    expect(wrong.status).toBe(401);
    const right = await server.t.app.request(
      '/metrics',
      { headers: { Authorization: 'Bearer s3cret-token' } },
      { incoming: { socket: { remoteAddress: '10.0.0.9' } } },
    );
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('concord_conflicts_total');
  });
});
