import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { once } from 'node:events';
import { request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRequestHeader } from './read-request-header.ts';

// What the app reads of a request must not depend on whether it came over a real port (Node's
// parsed headers) or through `app.request` (a fetch Request).
const app = new Hono().get('/echo', (c) =>
  c.json({
    ifMatch: readRequestHeader(c, 'If-Match') ?? null,
    user: readRequestHeader(c, 'concord-user') ?? null,
    absent: readRequestHeader(c, 'Idempotency-Key') ?? null,
  }),
);

let server: Server;
let port: number;
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** GETs /echo over the port with raw header lines, so a header can be sent twice. */
function echoOverPort(rawHeaders: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Raw header lines replace Node's defaults, Host included.
    const headers = ['Host', `127.0.0.1:${port}`, ...rawHeaders];
    const req = request({ port, host: '127.0.0.1', path: '/echo', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(JSON.parse(text));
        else reject(new Error(`${res.statusCode}: ${text}`));
      });
    });
    req.on('error', reject).end();
  });
}

describe('readRequestHeader', () => {
  it('reads the same over a real port as in app.request, whatever the case of the name', async () => {
    const headers = { 'If-Match': '"a"', 'Concord-User': 'Ann' };
    const expected = { ifMatch: '"a"', user: 'Ann', absent: null };
    expect(await (await app.request('/echo', { headers })).json()).toEqual(expected);
    expect(await echoOverPort(['if-match', '"a"', 'CONCORD-USER', 'Ann'])).toEqual(expected);
  });

  it('joins a repeated list header with ", " over a real port, as a fetch Headers does', async () => {
    const twice = ['If-Match', '"a"', 'If-Match', '"b"'];
    expect(await echoOverPort(twice)).toMatchObject({ ifMatch: '"a", "b"' });
    const headers = new Headers([
      ['If-Match', '"a"'],
      ['If-Match', '"b"'],
    ]);
    expect(await (await app.request('/echo', { headers })).json()).toMatchObject({
      ifMatch: '"a", "b"',
    });
  });
});
