import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/problem.ts';
import { idempotencyKeyLifetimeMs } from './http/routes/create-collection-routes.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

// Idempotency-Key on POST /api/docs, per draft-ietf-httpapi-idempotency-key-header-06 §2.

let t: TestApp;
let clock: Date;
beforeEach(() => {
  clock = new Date('2030-01-01T00:00:00.000Z');
  t = createTestApp({ now: () => clock });
});
afterEach(() => t.close());

function post(key: string | undefined, input: unknown, user?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  if (user !== undefined) headers['Concord-User'] = user;
  return Promise.resolve(
    t.app.request('/api/docs', { method: 'POST', headers, body: JSON.stringify(input) }),
  );
}

/** Status, the headers a client reads, and the body: what "the same answer" means. */
async function describeAnswer(res: Response) {
  const headers = ['Content-Type', 'Location', 'Content-Location', 'ETag', 'Cache-Control'].map(
    (name) => [name, res.headers.get(name)],
  );
  return { status: res.status, headers, body: await res.text() };
}

describe('Idempotency-Key on POST /api/docs', () => {
  it('replays the first answer (status, headers, body) to the same key and payload, creating once', async () => {
    const first = await post('k-1', { title: 'Plan', body: 'x' });
    clock = new Date(clock.getTime() + 5000);
    const again = await post('k-1', { title: 'Plan', body: 'x' });
    expect(first.status).toBe(201);
    expect(await describeAnswer(again)).toEqual(await describeAnswer(first));
    expect(await t.store.listDocuments()).toHaveLength(1);
  });

  it('replays the first answer even after the document was saved again', async () => {
    const first = await post('k-1', { title: 'Plan', body: 'x' });
    const firstAnswer = await describeAnswer(first.clone());
    const { id } = (await first.json()) as { id: string };
    await t.put(id, { title: 'Plan', body: 'y' }, { 'If-Match': first.headers.get('ETag')! });
    expect(await describeAnswer(await post('k-1', { title: 'Plan', body: 'x' }))).toEqual(
      firstAnswer,
    );
  });

  it('accepts the key as a structured-field string and as a bare token alike', async () => {
    const first = await post('"k-2"', { title: 'Plan', body: '' });
    const again = await post('k-2', { title: 'Plan', body: '' });
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'));
  });

  it('answers 422 to the same key with another payload, writing nothing', async () => {
    await post('k-1', { title: 'Plan', body: 'x' });
    const before = await t.snapshot();
    const res = await post('k-1', { title: 'Other', body: 'x' });
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: problemTypes.idempotencyKeyReused });
    expect(await t.snapshot()).toEqual(before);
  });

  it('counts the Concord-User as part of the payload', async () => {
    await post('k-1', { title: 'Plan', body: 'x' }, 'Alice');
    expect((await post('k-1', { title: 'Plan', body: 'x' }, 'Bob')).status).toBe(422);
  });

  it('answers 409 with Retry-After while the first request with the key is still running', async () => {
    let finishBody!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":"Slow",'));
        finishBody = () => {
          controller.enqueue(new TextEncoder().encode('"body":""}'));
          controller.close();
        };
      },
    });
    const first = t.app.request('/api/docs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-slow' },
      body,
      duplex: 'half',
    } as RequestInit);
    const second = await post('k-slow', { title: 'Slow', body: '' });
    expect(second.status).toBe(409);
    expect(second.headers.get('Retry-After')).toBe('1');
    expect(await second.json()).toMatchObject({ type: problemTypes.idempotencyKeyInFlight });
    finishBody();
    expect((await first).status).toBe(201);
    // Once the first is answered, the key replays.
    expect((await post('k-slow', { title: 'Slow', body: '' })).status).toBe(201);
    expect(await t.store.listDocuments()).toHaveLength(1);
  });

  it('records nothing for a create refused as title-taken: the key may succeed later', async () => {
    const { doc, etag } = await t.create('Plan');
    const before = await t.snapshot();
    const first = await post('k-1', { title: 'plan', body: '' });
    expect(first.status).toBe(409);
    expect(await t.snapshot()).toEqual(before);
    // The title is freed (the holder renamed); the retry with the same key now creates.
    await t.put(doc.id, { title: 'Old plan', body: '' }, { 'If-Match': etag });
    const retry = await post('k-1', { title: 'plan', body: '' });
    expect(retry.status).toBe(201);
    expect(await describeAnswer(await post('k-1', { title: 'plan', body: '' }))).toEqual(
      await describeAnswer(retry),
    );
  });

  it('keeps a key for 24 hours, then forgets it', async () => {
    await post('k-1', { title: 'Plan', body: 'x' });
    clock = new Date(clock.getTime() + idempotencyKeyLifetimeMs - 1);
    expect((await post('k-1', { title: 'Other', body: 'x' })).status).toBe(422);
    clock = new Date(clock.getTime() + 2);
    const res = await post('k-1', { title: 'Other', body: 'x' });
    expect(res.status).toBe(201);
    expect(await t.store.listDocuments()).toHaveLength(2);
  });

  it('creates a new document for each request without a key', async () => {
    await post(undefined, { title: 'A', body: '' });
    await post(undefined, { title: 'B', body: '' });
    expect(await t.store.listDocuments()).toHaveLength(2);
  });

  it('does not remember a key whose request was refused as invalid', async () => {
    expect((await post('k-1', { title: '' })).status).toBe(400);
    expect((await post('k-1', { title: 'Plan', body: '' })).status).toBe(201);
  });

  it.each([['""'], ['x'.repeat(256)], ['a b'], ['"unterminated']])(
    'answers 400 to the malformed key %j',
    async (key) => {
      const res = await post(key, { title: 'Plan', body: '' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        invalid_params: [{ name: 'Idempotency-Key', reason: expect.any(String) }],
      });
      expect(await t.store.listDocuments()).toHaveLength(0);
    },
  );
});
