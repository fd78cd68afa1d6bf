import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp | undefined;
let server: Server | undefined;
const open: ClientRequest[] = [];
afterEach(async () => {
  for (const req of open.splice(0)) req.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await t?.close();
});

async function listen(caps: { perClient: number; total: number }): Promise<number> {
  t = createTestApp({ rateLimit: false, eventStreamCaps: caps });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

interface Opened {
  status: number;
  res: IncomingMessage;
  body: () => Promise<string>;
}

/**
 * GETs `path` from the loopback address `from` (all of 127.0.0.0/8 reaches this host on
 * Linux, so each stands for a client of its own), on a connection of its own.
 */
function get(port: number, path: string, from = '127.0.0.1'): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = request(
      { port, host: '127.0.0.1', localAddress: from, path, agent: false },
      (res) => {
        const body = async () => {
          let text = '';
          for await (const chunk of res) text += String(chunk);
          return text;
        };
        resolve({ status: res.statusCode!, res, body });
      },
    );
    open.push(req);
    req.on('error', reject).end();
  });
}

describe('event stream caps', () => {
  it('answers 429 past the per-client cap and 503 past the total, and frees places as streams end', async () => {
    const port = await listen({ perClient: 3, total: 5 });
    const { doc } = await t!.create();
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await get(port, `/api/docs/${doc.id}/events`));
    expect(first.map((o) => o.status)).toEqual([200, 200, 200]);

    const refused = await get(port, '/api/events');
    expect(refused.status).toBe(429);
    expect(refused.res.headers['retry-after']).toBe('10');
    expect(refused.res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(await refused.body())).toMatchObject({
      type: problemTypes.tooManyStreams,
      status: 429,
    });

    // Two more clients fill the total; the next one, with none open, is refused with 503.
    expect((await get(port, '/api/events', '127.0.0.2')).status).toBe(200);
    expect((await get(port, '/api/events', '127.0.0.3')).status).toBe(200);
    const busy = await get(port, '/api/events', '127.0.0.4');
    expect(busy.status).toBe(503);
    expect(busy.res.headers['retry-after']).toBe('10');
    expect(JSON.parse(await busy.body())).toMatchObject({ type: problemTypes.serverBusy });

    // A client that goes away frees its place.
    first[0]!.res.destroy();
    await expect.poll(async () => (await get(port, '/api/events', '127.0.0.4')).status).toBe(200);
  });

  it('does not count HEAD, which opens no stream', async () => {
    t = createTestApp({ eventStreamCaps: { perClient: 1, total: 1 } });
    for (let i = 0; i < 3; i++) {
      expect((await t.app.request('/api/events', { method: 'HEAD' })).status).toBe(200);
    }
    const res = await t.app.request('/api/events');
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });

  it('drops a client that stops reading instead of holding its events without end', async () => {
    t = createTestApp({ rateLimit: false });
    const { doc, etag } = await t.create('Stuck', 'x');
    const listeners = t.store.changes.size;
    const stuck = await t.app.request('/api/events'); // its body is never read
    expect(t.store.changes.size).toBe(listeners + 1);
    // Each event carries a long title: some 300 of them pass the 64 KiB a stream may hold.
    let current = etag;
    for (let i = 0; i < 400; i++) {
      const title = `Stuck ${i} ${'x'.repeat(180)}`;
      const res = await t.put(doc.id, { title, body: 'x' }, { 'If-Match': current });
      current = res.headers.get('ETag')!;
    }
    await t.store.changes.settle();
    expect(t.store.changes.size).toBe(listeners);
    // What was queued before the drop may still come; then the stream errors, never ends.
    const reader = stuck.body!.getReader();
    const readToEnd = async () => {
      for (;;) if ((await reader.read()).done) return 'ended';
    };
    await expect(readToEnd()).rejects.toThrow(/stopped reading/);
    // 400 saves one after another: seconds on PostgreSQL when the machine is busy.
  }, 30_000);
});

describe('fan-out to many streams (bounded stress, 127.0.0.1 only)', () => {
  it('refuses streams past the caps, and a save answers about as fast with them open as without', async () => {
    const perClient = 250;
    const clients = 4;
    const port = await listen({ perClient, total: perClient * clients });
    const { doc, etag } = await t!.create('Busy', 'v0');
    let current = etag;
    /** The median time of five saves, each once the previous one's events are delivered. */
    const timeSaves = async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        await t!.store.changes.settle();
        const start = performance.now();
        const res = await t!.put(doc.id, { title: 'Busy', body: `v${i}` }, { 'If-Match': current });
        times.push(performance.now() - start);
        expect(res.status).toBe(200);
        current = res.headers.get('ETag')!;
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const quiet = await timeSaves();

    // Each client opens 10 more than its cap, half of them on the document's stream.
    const answers: number[] = [];
    for (let c = 0; c < clients; c++) {
      const from = `127.0.0.${c + 10}`;
      const batch = Array.from({ length: perClient + 10 }, (_, i) =>
        get(port, i % 2 ? '/api/events' : `/api/docs/${doc.id}/events`, from),
      );
      answers.push(...(await Promise.all(batch)).map((o) => o.status));
    }
    expect(answers.filter((s) => s === 200)).toHaveLength(perClient * clients);
    expect(answers.filter((s) => s === 429)).toHaveLength(10 * clients);
    expect((await get(port, '/api/events', '127.0.0.99')).status).toBe(503);

    // With 1000 streams open. Writing to each before answering took about 100 ms here; the
    // bound leaves room for a shared CI machine.
    const busy = await timeSaves();
    expect(busy).toBeLessThan(quiet * 3 + 15);
  }, 30_000);
});
