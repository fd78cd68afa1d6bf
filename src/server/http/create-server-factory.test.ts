import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServerFactory, defaultServerTimeouts } from './create-server-factory.ts';
import { createTestApp } from '../testing/create-test-app.ts';
import type { TestApp } from '../testing/create-test-app.ts';

let t: TestApp | undefined;
let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await t?.close();
});

// Short enough for a test; the defaults are checked below.
const timeouts = { headersMs: 400, requestMs: 1200, keepAliveMs: 400, checkEveryMs: 100 };

async function listen(): Promise<number> {
  t = createTestApp({ rateLimit: false });
  server = serve({
    fetch: t.app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    createServer: createServerFactory(timeouts),
  }) as Server;
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A raw TCP connection, and a promise of everything it received by the time it closed. */
async function open(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await once(socket, 'connect');
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(text)));
  return { socket, closed };
}

/** Milliseconds from now until `promise` settles. */
async function timeUntil<T>(promise: Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await promise;
  return { ms: performance.now() - start, value };
}

describe('timeouts against slow clients (raw sockets)', () => {
  it('closes a connection whose headers never end, with 408', async () => {
    const port = await listen();
    const { socket, closed } = await open(port);
    socket.write(`GET /api/docs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`);
    const trickle = setInterval(() => socket.write('a'), 100); // bytes keep coming, slowly
    const { ms, value } = await timeUntil(closed);
    clearInterval(trickle);
    expect(value).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(timeouts.headersMs + 1000);
  });

  it('cuts a body that trickles in, and saves nothing', async () => {
    const port = await listen();
    const { doc, etag } = await t!.create('Slow', 'v1');
    const before = await t!.snapshot();
    const errors = vi.spyOn(console, 'error');
    const { socket, closed } = await open(port);
    const body = JSON.stringify({ title: 'Slow', body: 'x'.repeat(1000) });
    socket.write(
      `PUT /api/docs/${doc.id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `If-Match: ${etag}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    const trickle = setInterval(() => socket.write(body[sent++] ?? ''), 50);
    const { ms, value } = await timeUntil(closed);
    clearInterval(trickle);
    expect(ms).toBeLessThan(timeouts.requestMs + 1000);
    expect(sent).toBeLessThan(body.length);
    expect(value).not.toMatch(/^HTTP\/1\.1 200/);
    expect(await t!.snapshot()).toEqual(before);
    expect(errors).not.toHaveBeenCalled();
  });

  it('closes an idle keep-alive connection after its last answer', async () => {
    const port = await listen();
    const { socket, closed } = await open(port);
    socket.write(`GET /api/docs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const { ms, value } = await timeUntil(closed);
    expect(value).toMatch(/^HTTP\/1\.1 200/);
    // Node waits a second past keepAliveTimeout, for the client's own timer to fire first.
    expect(ms).toBeLessThan(timeouts.keepAliveMs + 1000 + 500);
  });

  it('keeps an event stream open past every timeout: its request is complete', async () => {
    const port = await listen();
    const { socket, closed } = await open(port);
    let ended = false;
    void closed.then(() => (ended = true));
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, timeouts.requestMs + 500));
    expect(ended).toBe(false);
  });

  it('bounds slow clients by default to seconds, not minutes', () => {
    const made = createServerFactory()({});
    expect([made.headersTimeout, made.requestTimeout, made.keepAliveTimeout]).toEqual([
      10_000, 30_000, 5_000,
    ]);
    expect(defaultServerTimeouts.keepAliveMs).toBeLessThan(defaultServerTimeouts.headersMs);
  });
});
