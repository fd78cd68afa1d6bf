import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { createLogger } from './monitoring/create-logger.ts';
import { startObservedServer } from './testing/start-observed-server.ts';
import type { ObservedServer } from './testing/start-observed-server.ts';

let s: ObservedServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const json = { 'Content-Type': 'application/json' };

/** The log lines whose route is `route`. */
const linesOf = (server: ObservedServer, route: string) =>
  server.lines.filter((line) => line.route === route);

describe('the request log', () => {
  it('writes one JSON line per request: id, method, route pattern, status, latency, document, conflict', async () => {
    s = await startObservedServer();
    const created = await fetch(`${s.base}/api/docs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Plan', body: 'one' }),
    });
    const { id } = (await created.json()) as DocumentDto;
    const stale = await fetch(`${s.base}/api/docs/${id}`, {
      method: 'PUT',
      headers: { ...json, 'If-Match': '"stale"', 'X-Request-Id': 'proxy-42' },
      body: JSON.stringify({ title: 'Plan', body: 'two' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('X-Request-Id')).toBe('proxy-42');

    const [create, save] = s.lines;
    expect(s.lines).toHaveLength(2);
    expect(create).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/api/docs',
      status: 201,
      document_id: id,
      msg: 'POST /api/docs 201',
    });
    expect(create!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('X-Request-Id')).toBe(create!.request_id);
    expect(save).toMatchObject({
      request_id: 'proxy-42',
      method: 'PUT',
      route: '/api/docs/:id',
      status: 409,
      document_id: id,
      conflict: 'stale-save',
    });
    expect(typeof save!.latency_ms).toBe('number');
    expect(typeof save!.time).toBe('string');
  });

  it('holds no body, title, user name, cookie, Authorization or query', async () => {
    s = await startObservedServer();
    const secrets = {
      Authorization: 'Bearer token-ABC123',
      Cookie: 'session=cookie-XYZ789',
      'Concord-User': 'Ann%20Person',
    };
    const created = await fetch(`${s.base}/api/docs?note=query-QQQ`, {
      method: 'POST',
      headers: { ...json, ...secrets },
      body: JSON.stringify({ title: 'Title-TTT', body: 'Body-BBB' }),
    });
    const { id } = (await created.json()) as DocumentDto;
    const etag = created.headers.get('ETag')!;
    await fetch(`${s.base}/api/docs/${id}`, {
      method: 'PUT',
      headers: { ...json, ...secrets, 'If-Match': etag },
      body: JSON.stringify({ title: 'Title-TTT', body: 'Body-BBB and more' }),
    });
    await fetch(`${s.base}/api/docs/${id}`, {
      method: 'PUT',
      headers: { ...json, 'If-Match': etag },
      body: JSON.stringify({ title: 'Title-TTT', body: 'Body-BBB, stale' }),
    });
    expect(s.lines).toHaveLength(3);
    for (const secret of ['ABC123', 'XYZ789', 'Ann', 'TTT', 'BBB', 'QQQ', 'If-Match', etag]) {
      expect(s.text()).not.toContain(secret);
    }
  });

  it('writes one plain line, not a stack trace, when an upload is broken off', async () => {
    s = await startObservedServer();
    const server = s;
    const created = await fetch(`${s.base}/api/docs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Plan', body: 'one' }),
    });
    const { id } = (await created.json()) as DocumentDto;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const socket = connect(Number(new URL(s.base).port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `PUT /api/docs/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `If-Match: "x"\r\nContent-Length: 100000\r\n\r\n{"title":"Plan","body":"half`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await expect.poll(() => linesOf(server, '/api/docs/:id').length).toBe(1);
      const [line] = linesOf(server, '/api/docs/:id');
      expect(line).toMatchObject({ level: 'info', status: 499, aborted: true, document_id: id });
      expect(line).not.toHaveProperty('err');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('logs a fault (500) once, at error level, with its stack', async () => {
    s = await startObservedServer();
    await s.t.store.close();
    const res = await fetch(`${s.base}/api/docs`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('stack');
    expect(s.lines).toHaveLength(1);
    const [line] = s.lines;
    expect(line).toMatchObject({ level: 'error', status: 500, route: '/api/docs' });
    expect((line!.err as { stack: string }).stack).toContain('Error');
  });

  it('logs a resolving save with how it resolved', async () => {
    s = await startObservedServer();
    const created = await fetch(`${s.base}/api/docs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Plan', body: 'one' }),
    });
    const { id } = (await created.json()) as DocumentDto;
    await fetch(`${s.base}/api/docs/${id}`, {
      method: 'PUT',
      headers: {
        ...json,
        'If-Match': created.headers.get('ETag')!,
        'Concord-Resolution': 'auto-merged',
      },
      body: JSON.stringify({ title: 'Plan', body: 'merged' }),
    });
    expect(s.lines[1]).toMatchObject({ status: 200, resolution: 'auto-merged' });
  });

  it('logs probes that succeed (/healthz, /metrics) at debug only', async () => {
    s = await startObservedServer();
    await fetch(`${s.base}/healthz`);
    await s.scrape();
    expect(s.lines.map((line) => [line.route, line.level])).toEqual([
      ['/healthz', 'debug'],
      ['/metrics', 'debug'],
    ]);
  });
});

describe('createLogger', () => {
  it('writes nothing below its level', () => {
    const written: string[] = [];
    const logger = createLogger({
      level: 'warn',
      destination: { write: (l) => void written.push(l) },
    });
    logger.info('not this');
    logger.warn('this');
    expect(written.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['this']);
  });
});
