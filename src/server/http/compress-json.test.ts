import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseCoding } from './compress-json.ts';
import { createTestApp } from '../testing/create-test-app.ts';
import type { TestApp } from '../testing/create-test-app.ts';

let t: TestApp | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await t?.close();
});

async function listen(): Promise<number> {
  t = createTestApp({ rateLimit: false });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** GETs `path` over the port, giving back the raw bytes as sent (Node's client decodes nothing). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject).end();
  });
}

describe('compressed JSON answers', () => {
  it('compresses a large list with br or gzip, and it decodes to the same JSON', async () => {
    const port = await listen();
    for (let i = 0; i < 60; i++) await t!.create(`Document number ${i}`);
    const plain = await get(port, '/api/docs?limit=100');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const json = JSON.parse(plain.bytes.toString('utf8')) as unknown;

    const br = await get(port, '/api/docs?limit=100', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(json);

    const gz = await get(port, '/api/docs?limit=100', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8'))).toEqual(json);
  });

  it('keeps a large document its ETag, so a guarded save still matches', async () => {
    const port = await listen();
    const { doc, etag } = await t!.create('Long', 'line\n'.repeat(2000));
    const res = await get(port, `/api/docs/${doc.id}`, { 'Accept-Encoding': 'gzip' });
    expect([res.status, res.headers['content-encoding'], res.headers.etag]).toEqual([
      200,
      'gzip',
      etag,
    ]);
    expect(JSON.parse(gunzipSync(res.bytes).toString('utf8'))).toMatchObject({ id: doc.id });
  });

  it('leaves small answers and event streams as they are', async () => {
    const port = await listen();
    const { doc } = await t!.create('Short', 'x');
    const small = await get(port, `/api/docs/${doc.id}`, { 'Accept-Encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const events = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', path: '/api/events', headers: { 'Accept-Encoding': 'gzip' } },
        (res) => {
          resolve(res.headers);
          res.destroy();
        },
      );
      req.on('error', reject).end();
    });
    expect(events['content-type']).toMatch(/^text\/event-stream/);
    expect(events['content-encoding']).toBeUndefined();
  });
});

describe('chooseCoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br;q=0', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['deflate', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(chooseCoding(header)).toBe(expected);
  });
});
