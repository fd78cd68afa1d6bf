import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { ChangeHub } from '../events/change-hub.ts';
import { PostgresStore } from '../store/postgres/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { DocumentStore } from '../store/store.ts';

/** The stores the contract tests run against. */
export type TestStoreKind = 'sqlite' | 'postgres';

/** A fresh, empty store for one test, and how to throw it away. */
export interface TestStore {
  kind: TestStoreKind;
  /** Both stores announce through a `ChangeHub`, whose `size` tests read. */
  store: DocumentStore & { readonly changes: ChangeHub };
  /** A temp folder the test may use; holds the SQLite file (`concord.db`) on SQLite. */
  dir: string;
  /**
   * A `DATABASE_URL` that opens this same store from another process (`openStore`,
   * `concord serve --db`): the SQLite file, or a PostgreSQL URL whose `search_path` is the
   * test's schema.
   */
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The store this test run is for: the Vitest project `postgres` sets `CONCORD_TEST_STORE`
 * (see vitest.config.ts), every other run uses SQLite.
 */
export function currentTestStoreKind(): TestStoreKind {
  return process.env.CONCORD_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Opens an empty store of `kind`. Synchronous, so `beforeEach` can build an app at once: on
 * PostgreSQL the store lives in a schema of its own in the cluster the global setup started
 * (`postgres-global-setup.ts`), and connects in the background.
 *
 * @example const { store, close } = createTestStore('postgres');
 */
export function createTestStore(kind: TestStoreKind = currentTestStoreKind()): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    const databaseUrl = join(dir, 'concord.db');
    const store = openSqliteStore(databaseUrl);
    return {
      kind,
      store,
      dir,
      databaseUrl,
      async close() {
        await store.close();
        removeDir();
      },
    };
  }
  const url = readTestPostgresUrl();
  const schema = `t_${randomBytes(8).toString('hex')}`;
  const store = new PostgresStore(url, { schema });
  return {
    kind,
    store,
    dir,
    databaseUrl: `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async close() {
      await store.close();
      await dropSchema(url, schema);
      removeDir();
    },
  };
}

/** The URL of the run's PostgreSQL cluster; throws outside the `postgres` Vitest project. */
export function readTestPostgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('No test PostgreSQL: run this file in the Vitest project "postgres".');
  return url;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `postgres-global-setup.ts`: a superuser URL of the run's throwaway cluster. */
    postgresUrl: string;
  }
}
