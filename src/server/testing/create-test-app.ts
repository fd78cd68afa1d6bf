import { join } from 'node:path';
import type { Hono } from 'hono';
import type { DocumentDto } from '../../protocol/document.ts';
import { createApp } from '../create-app.ts';
import type { AppOptions } from '../create-app.ts';
import { createTestStore } from './create-test-store.ts';
import type { TestStore, TestStoreKind } from './create-test-store.ts';

/**
 * An app on a fresh store — a SQLite file in a temp folder, or a schema of its own on the test
 * PostgreSQL (see `createTestStore`) — and helpers to drive and inspect it.
 */
export interface TestApp {
  app: Hono;
  kind: TestStoreKind;
  store: TestStore['store'];
  dir: string;
  /** Opens the same store from another process; see `TestStore.databaseUrl`. */
  databaseUrl: string;
  /** Creates a document through the API; returns it with its ETag. */
  create(title?: string, body?: string): Promise<{ doc: DocumentDto; etag: string }>;
  /** PUTs `{ title, body }` as JSON with the given headers. */
  put(id: string, input: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Everything the store holds, to compare before and after a refused request. */
  snapshot(): Promise<unknown>;
  close(): Promise<void>;
}

let counter = 0;

/** Builds a `TestApp` on the run's store (or `kind`). Call `close()` in `afterEach`. */
export function createTestApp(
  options: Partial<AppOptions> & { kind?: TestStoreKind } = {},
): TestApp {
  const { kind, ...appOptions } = options;
  const testStore = createTestStore(kind);
  const { store, dir, databaseUrl } = testStore;
  // Without accounts unless a test asks for them: the document tests are about documents.
  const app = createApp({
    staticDir: join(dir, 'no-app'),
    auth: { mode: 'off' },
    ...appOptions,
    store,
  });
  return {
    app,
    kind: testStore.kind,
    store,
    dir,
    databaseUrl,
    async create(title = `Doc ${++counter}`, body = 'one\ntwo\n') {
      const res = await app.request('/api/docs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, body }),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}`);
      return { doc: (await res.json()) as DocumentDto, etag: res.headers.get('ETag')! };
    },
    async put(id, input, headers = {}) {
      return app.request(`/api/docs/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof input === 'string' ? input : JSON.stringify(input),
      });
    },
    async snapshot() {
      const docs = await store.listDocuments();
      return Promise.all(
        docs.map(async (d) => ({
          document: await store.getDocument(d.id),
          versions: await store.listVersions(d.id),
        })),
      );
    },
    close: () => testStore.close(),
  };
}
