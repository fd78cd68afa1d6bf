import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import type { AppOptions } from './create-app.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp | undefined;
afterEach(() => t?.close());

function start(options: Partial<AppOptions> = {}): TestApp {
  t = createTestApp(options);
  return t;
}

const json = { 'Content-Type': 'application/json' };
const evil = 'https://evil.example';
const wiki = 'https://wiki.example.com';
const crossSite = (origin: string) => ({ Origin: origin, 'Sec-Fetch-Site': 'cross-site' });

/** The connection details @hono/node-server passes as `c.env`, for a given client address. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function expectSecurityHeaders(res: Response): void {
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on every answer: 200, 201, 304, 4xx problems, 429 and event streams', async () => {
    const { app, create } = start({ rateLimit: { burst: 1, perSecond: 1 } });
    // The rate limit is per address: each request below comes from its own.
    const { doc, etag } = await create();
    const answers = [
      await app.request('/api/docs', {}, from('10.0.0.1')),
      await app.request(
        `/api/docs/${doc.id}`,
        { headers: { 'If-None-Match': etag } },
        from('10.0.0.2'),
      ),
      await app.request('/api/docs/nope', {}, from('10.0.0.3')),
      await app.request(`/api/docs/${doc.id}`, { method: 'PATCH' }, from('10.0.0.4')),
      await app.request(`/api/docs/${doc.id}/events`, { method: 'HEAD' }, from('10.0.0.5')),
    ];
    answers.push(await app.request('/api/docs', {}, from('10.0.0.1')));
    expect(answers.map((res) => res.status)).toEqual([200, 304, 404, 405, 200, 429]);
    answers.forEach(expectSecurityHeaders);
  });
});

describe('security headers over a real port', () => {
  // Behind @hono/node-server they are set on Node's response, not on each answer.
  it('are on every answer: 200, 201, 304, 404, 405, 409 and event streams, beside their own headers', async () => {
    const { app } = start({ rateLimit: false });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await once(server, 'listening');
    const events = new AbortController();
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const created = await fetch(`${base}/api/docs`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title: 'Headers', body: 'one' }),
      });
      const { id } = (await created.json()) as { id: string };
      const etag = created.headers.get('ETag')!;
      const put = (ifMatch: string, body: string) =>
        fetch(`${base}/api/docs/${id}`, {
          method: 'PUT',
          headers: { ...json, 'If-Match': ifMatch },
          body: JSON.stringify({ title: 'Headers', body }),
        });
      const saved = await put(etag, 'two');
      const answers = [
        created,
        saved,
        await fetch(`${base}/api/docs/${id}`, {
          headers: { 'If-None-Match': saved.headers.get('ETag')! },
        }),
        await fetch(`${base}/api/docs/nope`),
        await fetch(`${base}/api/docs/${id}`, { method: 'PATCH' }),
        await put(etag, 'stale'),
        await fetch(`${base}/api/docs/${id}/events`, { signal: events.signal }),
      ];
      expect(answers.map((res) => res.status)).toEqual([201, 200, 304, 404, 405, 409, 200]);
      answers.forEach(expectSecurityHeaders);
      expect(created.headers.get('Location')).toBe(`/api/docs/${id}`);
      expect(saved.headers.get('ETag')).toMatch(/^"[\w-]+"$/);
      expect(answers[4]!.headers.get('Allow')).toContain('PUT');
      expect(answers[5]!.headers.get('Content-Type')).toBe('application/problem+json');
      expect(answers[6]!.headers.get('Content-Type')).toContain('text/event-stream');
    } finally {
      events.abort();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('cross-site request refusal (CSRF)', () => {
  it.each([
    ['POST', '/api/docs'],
    ['PUT', '/api/docs/{id}'],
    ['DELETE', '/api/docs/{id}'],
  ])('answers 403 to a cross-site %s and changes nothing', async (method, pathTemplate) => {
    const { app, create, snapshot } = start();
    const { doc, etag } = await create();
    const before = await snapshot();
    const res = await app.request(pathTemplate.replace('{id}', doc.id), {
      method,
      headers: { ...json, 'If-Match': etag, ...crossSite(evil) },
      body: method === 'DELETE' ? undefined : JSON.stringify({ title: 'X', body: '' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: problemTypes.forbiddenOrigin, status: 403 });
    expect(await snapshot()).toEqual(before);
  });

  it('answers 403 to an Origin of another host when the browser sends no Sec-Fetch-Site', async () => {
    const { app } = start({ allowedHosts: ['concord.local'] });
    const res = await app.request('http://concord.local/api/docs', {
      method: 'POST',
      headers: { ...json, Origin: evil, Host: 'concord.local' },
      body: JSON.stringify({ title: 'X', body: '' }),
    });
    expect(res.status).toBe(403);
  });

  it('answers 403 to Origin: null (a sandboxed page or a file)', async () => {
    const { app } = start();
    const res = await app.request('/api/docs', {
      method: 'POST',
      headers: { ...json, Origin: 'null' },
      body: JSON.stringify({ title: 'X', body: '' }),
    });
    expect(res.status).toBe(403);
  });

  it("accepts writes from the app's own pages, by Sec-Fetch-Site or by Origin", async () => {
    const { app } = start({ allowedHosts: ['concord.local'] });
    const bySite = await app.request('http://concord.local/api/docs', {
      method: 'POST',
      headers: { ...json, Origin: 'http://concord.local', 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ title: 'A', body: '' }),
    });
    const byOrigin = await app.request('http://concord.local/api/docs', {
      method: 'POST',
      headers: { ...json, Origin: 'http://concord.local', Host: 'concord.local' },
      body: JSON.stringify({ title: 'B', body: '' }),
    });
    expect([bySite.status, byOrigin.status]).toEqual([201, 201]);
  });

  it('accepts writes from programs, which send neither Origin nor Sec-Fetch-Site', async () => {
    const { app } = start();
    const res = await app.request('/api/docs', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'A', body: '' }),
    });
    expect(res.status).toBe(201);
  });

  it('lets a cross-site page read nothing, but does not refuse a safe GET', async () => {
    const { app } = start();
    const res = await app.request('/api/docs', { headers: crossSite(evil) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control headers, even to a preflight', async () => {
    const { app } = start();
    const res = await app.request('/api/docs', {
      method: 'OPTIONS',
      headers: { Origin: wiki, 'Access-Control-Request-Method': 'POST' },
    });
    expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
      [],
    );
  });

  it('answers a preflight from an allowed origin, allowing the headers a guarded save needs', async () => {
    const { app } = start({ corsOrigins: [wiki] });
    const res = await app.request('/api/docs/abc', {
      method: 'OPTIONS',
      headers: {
        Origin: wiki,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'if-match, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(wiki);
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    const allowed = res.headers.get('Access-Control-Allow-Headers')!.split(', ');
    for (const name of ['If-Match', 'If-None-Match', 'Idempotency-Key', 'Content-Type']) {
      expect(allowed).toContain(name);
    }
    expect(allowed).toContain('Concord-User');
    expect(allowed).toContain('Concord-Resolution');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('lets an allowed origin save and read the new ETag and Location', async () => {
    const { app } = start({ corsOrigins: [wiki] });
    const res = await app.request('/api/docs', {
      method: 'POST',
      headers: { ...json, ...crossSite(wiki) },
      body: JSON.stringify({ title: 'A', body: '' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(wiki);
    const exposed = res.headers.get('Access-Control-Expose-Headers')!.split(', ');
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Location', 'X-Request-Id']));
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('keeps refusing origins that are not on the list', async () => {
    const { app } = start({ corsOrigins: [wiki] });
    const preflight = await app.request('/api/docs', {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const res = await app.request('/api/docs', {
      method: 'POST',
      headers: { ...json, ...crossSite(evil) },
      body: JSON.stringify({ title: 'A', body: '' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('refuses a malformed origin in the allow-list when the app is built', () => {
    expect(() => start({ corsOrigins: ['wiki.example.com'] })).toThrow(/origin/);
  });
});

describe('rate limit', () => {
  it('answers 429 problem with Retry-After once a client used its burst, until tokens refill', async () => {
    let clock = new Date('2030-01-01T00:00:00Z');
    const { app } = start({ now: () => clock, rateLimit: { burst: 3, perSecond: 0.5 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await app.request('/api/docs', {}, from('10.0.0.9'))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.request('/api/docs', {}, from('10.0.0.9'));
    expect(limited.headers.get('Retry-After')).toBe('2');
    expect(await limited.json()).toMatchObject({ type: problemTypes.rateLimited, status: 429 });
    clock = new Date(clock.getTime() + 2000);
    expect((await app.request('/api/docs', {}, from('10.0.0.9'))).status).toBe(200);
  });

  it('counts each client address on its own', async () => {
    const { app } = start({ rateLimit: { burst: 1, perSecond: 0.001 } });
    expect((await app.request('/api/docs', {}, from('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/api/docs', {}, from('10.0.0.1'))).status).toBe(429);
    expect((await app.request('/api/docs', {}, from('10.0.0.2'))).status).toBe(200);
  });

  it('does not throttle 1000 requests in a burst by default', async () => {
    const { app } = start();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () => app.request('/api/docs/x', {}, from('10.0.0.1'))),
    );
    expect(answers.filter((res) => res.status === 429)).toHaveLength(0);
    // 1000 reads of a real store: on a loaded machine (PostgreSQL) this takes more than the default 5 s.
  }, 30_000);

  it('reads the client address from the real connection', async () => {
    const { app } = start({ rateLimit: { burst: 1, perSecond: 0.001 } });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const first = await fetch(`${base}/api/docs`);
      const second = await fetch(`${base}/api/docs`);
      expect([first.status, second.status]).toEqual([200, 429]);
      // In-process requests have no connection, so they are another client.
      expect((await app.request('/api/docs')).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('can be turned off', async () => {
    const { app } = start({ rateLimit: false });
    const answers = await Promise.all(
      Array.from({ length: 2500 }, () => app.request('/api/nothing', {}, from('10.0.0.1'))),
    );
    expect(answers.filter((res) => res.status === 429)).toHaveLength(0);
  });
});
