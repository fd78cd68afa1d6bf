import { fileURLToPath } from 'node:url';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { defaultSqlitePath, openSqliteStore } from './sqlite/sqlite-store.ts';
import type { DocumentStore } from './store.ts';

/**
 * Opens the store a `DATABASE_URL` names: a SQLite file path, with or without a `file:`
 * prefix (`file:./data/concord.db`, `file:///srv/concord.db`), or `:memory:`. Empty or
 * undefined means `./data/concord.db`. A `postgres://` or `postgresql://` URL opens the
 * PostgreSQL store (and fails if the database cannot be reached).
 *
 * @example const store = await openStore(process.env.DATABASE_URL);
 */
export async function openStore(databaseUrl: string | undefined): Promise<DocumentStore> {
  const url = databaseUrl?.trim() || defaultSqlitePath;
  if (/^postgres(ql)?:/i.test(url)) return openPostgresStore(url);
  return openSqliteStore(toSqlitePath(url));
}

function toSqlitePath(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (url.startsWith('file:')) return url.slice('file:'.length);
  return url;
}
