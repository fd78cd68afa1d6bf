import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../../protocol/problem.ts';
import { guardHost, isAllowedHost } from './guard-host.ts';
import type { AppOptions } from '../create-app.ts';
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

/** The app on a real loopback port; returns the port. */
async function listen(options: Partial<AppOptions> = {}): Promise<number> {
  t = createTestApp({ rateLimit: false, ...options });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request over the port with exactly these headers (Host included), as a rebinding page's. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject).end(body);
  });
}

describe('Host allow-list (DNS rebinding)', () => {
  it('answers 421 to a PUT from a rebinding page (forged Host and Origin) and changes nothing', async () => {
    const port = await listen();
    const { doc, etag } = await t!.create('Rebound', 'secret');
    const before = await t!.snapshot();
    // The page at http://rebind.evil.example:<port> had its name resolve to 127.0.0.1: the
    // browser then sends its own name as Host and calls the request same-origin.
    const page = `rebind.evil.example:${port}`;
    const res = await send(
      port,
      'PUT',
      `/api/docs/${doc.id}`,
      {
        Host: page,
        Origin: `http://${page}`,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json',
        'If-Match': '*',
      },
      JSON.stringify({ title: 'Owned', body: 'overwritten' }),
    );
    expect(res.status).toBe(421);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.text)).toMatchObject({
      type: problemTypes.misdirectedRequest,
      status: 421,
    });
    expect(await t!.snapshot()).toEqual(before);
    // Nor can it read: the same page's GET is refused too.
    const read = await send(port, 'GET', `/api/docs/${doc.id}`, { Host: page });
    expect(read.status).toBe(421);
    expect(read.text).not.toContain('secret');
    // The app's own address still works, with the ETag it had.
    const own = await send(port, 'GET', `/api/docs/${doc.id}`, { Host: `127.0.0.1:${port}` });
    expect([own.status, own.headers.etag]).toEqual([200, etag]);
  });

  it('answers 421 to an absolute-form target naming another host, whatever Host says', async () => {
    const port = await listen();
    const res = await send(port, 'GET', 'http://evil.example/api/docs', {
      Host: `127.0.0.1:${port}`,
    });
    expect(res.status).toBe(421);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'app.localhost', '10.1.2.3', 'localhost.'])(
    'answers for %s on any port (the Vite dev proxy forwards its own port)',
    async (name) => {
      const port = await listen();
      const res = await send(port, 'GET', '/api/docs', { Host: `${name}:5173` });
      expect(res.status).toBe(200);
    },
  );

  it('answers for the names in allowedHosts, and for subdomains of a leading-dot entry', async () => {
    const port = await listen({ allowedHosts: ['docs.example.com', '.team.example'] });
    const statuses = [];
    for (const host of ['docs.example.com', 'a.team.example', 'team.example', 'example.com']) {
      statuses.push((await send(port, 'GET', '/api/docs', { Host: host })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 421]);
  });

  it('answers 421 in app.request too, where the host comes from the URL', async () => {
    t = createTestApp();
    const res = await t.app.request('http://evil.example/api/docs');
    expect(res.status).toBe(421);
    expect((await t.app.request('/api/docs')).status).toBe(200);
  });

  it('refuses a malformed allowed host when the app is built', () => {
    expect(() => guardHost(['https://docs.example.com'])).toThrow(/not a host name/);
  });
});

describe('isAllowedHost', () => {
  it.each([
    ['127.0.0.1:8080', true],
    ['[::1]:8080', true],
    ['::1', false],
    ['localhost:', false],
    ['evil.example', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isAllowedHost(host, [])).toBe(expected);
  });
});
