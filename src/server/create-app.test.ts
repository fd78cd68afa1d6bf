import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './monitoring/create-logger.ts';
import { createMonitoring } from './monitoring/create-monitoring.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('createApp', () => {
  it('sends security headers on every answer, errors included', async () => {
    t = createTestApp();
    for (const path of ['/api/docs', '/api/docs/nope', '/nothing']) {
      const res = await t.app.request(path);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    }
  });

  it('answers a problem 404 for any path when no app is built', async () => {
    t = createTestApp();
    const res = await t.app.request('/docs/abc');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('answers a logged 500 problem, not a crash, when the store fails', async () => {
    const errors: string[] = [];
    const logger = createLogger({ level: 'error', destination: { write: (l) => errors.push(l) } });
    t = createTestApp({ monitoring: createMonitoring({ logger }) });
    await t.store.close();
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(errors).toHaveLength(1);
  });
});

describe('the built app', () => {
  function createAppWithBuild(): TestApp {
    const base = createTestApp();
    const dir = join(base.dir, 'app');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Concord</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    void base.close; // keep the temp folder until the second app is closed
    const withApp = createTestApp({ staticDir: dir });
    const close = withApp.close;
    withApp.close = async () => {
      await close();
      await base.close();
    };
    return withApp;
  }

  it('serves index.html for / with Cache-Control: no-cache', async () => {
    t = createAppWithBuild();
    const res = await t.app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Concord</title>');
  });

  it('serves index.html for a client-side route such as /docs/abc', async () => {
    t = createAppWithBuild();
    const res = await t.app.request('/docs/abc');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Concord</title>');
  });

  it('serves hashed assets as immutable', async () => {
    t = createAppWithBuild();
    const res = await t.app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('javascript');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
  });

  it('answers 404, not the app, for a missing asset', async () => {
    t = createAppWithBuild();
    expect((await t.app.request('/assets/gone-123.js')).status).toBe(404);
  });

  it('keeps answering the API with problems, not the app', async () => {
    t = createAppWithBuild();
    const res = await t.app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});
