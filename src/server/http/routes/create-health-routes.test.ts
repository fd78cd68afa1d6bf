import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problemTypes } from '../../../protocol/problem.ts';
import { createApp } from '../../create-app.ts';
import { healthTimeoutMs } from './create-health-routes.ts';
import type { DocumentStore } from '../../store/store.ts';
import { createTestApp } from '../../testing/create-test-app.ts';
import type { TestApp } from '../../testing/create-test-app.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe('GET /healthz', () => {
  it('answers 200 when the store answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with a problem when the store is gone', async () => {
    await t.store.close();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    expect(((await res.json()) as { type: string }).type).toBe(problemTypes.storeUnavailable);
  });

  it(`answers 503 when the store takes longer than ${healthTimeoutMs} ms`, async () => {
    vi.useFakeTimers();
    try {
      const hanging = { ...t.store, ping: () => new Promise<void>(() => {}) } as DocumentStore;
      const app = createApp({ store: hanging, staticDir: null });
      const answer = app.request('/healthz');
      await vi.advanceTimersByTimeAsync(healthTimeoutMs);
      expect((await answer).status).toBe(503);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 405 to other methods', async () => {
    const res = await t.app.request('/healthz', { method: 'POST' });
    expect(res.status).toBe(405);
  });
});
