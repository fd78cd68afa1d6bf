import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { DocumentDto } from '../../protocol/document.ts';
import { createApp } from '../create-app.ts';
import type { AppOptions } from '../create-app.ts';
import { openSqliteStore } from '../sqlite-store.ts';
import type { SqliteStore } from '../sqlite-store.ts';

/** An app on a fresh SQLite file in a temp folder, and helpers to drive and inspect it. */
export interface TestApp {
  app: Hono;
  store: SqliteStore;
  dir: string;
  /** Creates a document through the API; returns it with its ETag. */
  create(title?: string, body?: string): Promise<{ doc: DocumentDto; etag: string }>;
  /** PUTs `{ title, body }` as JSON with the given headers. */
  put(id: string, input: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Everything the store holds, to compare before and after a refused request. */
  snapshot(): Promise<unknown>;
  close(): Promise<void>;
}

let counter = 0;

/** Builds a `TestApp`. Call `close()` in `afterEach`. */
export function createTestApp(options: Partial<AppOptions> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-'));
  const store = openSqliteStore(join(dir, 'concord.db'));
  const app = createApp({ staticDir: join(dir, 'no-app'), ...options, store });
  return {
    app,
    store,
    dir,
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
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
