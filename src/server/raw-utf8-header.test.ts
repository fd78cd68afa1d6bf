import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeUserName } from '../protocol/encode-user-name.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

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

/** A PUT over a raw socket whose `Concord-User` value is exactly `user`'s bytes. */
async function putWithRawUser(
  port: number,
  id: string,
  etag: string,
  user: Buffer,
): Promise<{ status: number; body: string }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const body = JSON.stringify({ title: 'Raw', body: 'saved' });
  socket.write(
    Buffer.concat([
      Buffer.from(
        `PUT /api/docs/${id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n` +
          `Content-Type: application/json\r\nIf-Match: ${etag}\r\nContent-Length: ${body.length}\r\nConcord-User: `,
      ),
      user,
      Buffer.from(`\r\n\r\n${body}`),
    ]),
  );
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  await once(socket, 'close');
  return { status: Number(text.slice(9, 12)), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}

describe('raw UTF-8 in Concord-User', () => {
  it('reads a name sent as raw UTF-8 bytes as UTF-8, not as mojibake', async () => {
    const port = await listen();
    const { doc, etag } = await t!.create('Raw', 'v1');
    const res = await putWithRawUser(port, doc.id, etag, Buffer.from('Zoë 李', 'utf8'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ updated_by: 'Zoë 李' });
    expect((await t!.store.getDocument(doc.id))?.updated_by).toBe('Zoë 李');
  });

  it('refuses bytes that are not UTF-8 (a Latin-1 name) with 400, and saves nothing', async () => {
    const port = await listen();
    const { doc, etag } = await t!.create('Raw', 'v1');
    const before = await t!.snapshot();
    const res = await putWithRawUser(port, doc.id, etag, Buffer.from('Zoë', 'latin1'));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      invalid_params: [{ name: 'Concord-User' }],
    });
    expect(await t!.snapshot()).toEqual(before);
  });
});

describe('decodeUserName', () => {
  it.each([
    ['Zo%C3%AB', 'Zoë'],
    ['Zo\u00c3\u00ab', 'Zoë'],
    ['Zo\u00eb', undefined],
    ['\u00e2\u0080\u00ae', '\u202e'],
    ['Zo\u00c3', undefined],
  ])('%j → %j', (value, expected) => {
    expect(decodeUserName(value)).toBe(expected);
  });
});
