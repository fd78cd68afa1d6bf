import { fileURLToPath } from 'node:url';
import { defaultSqlitePath, openSqliteStore } from './sqlite-store.ts';
import type { DocumentStore } from './store.ts';

/**
 * Opens the store a `DATABASE_URL` names: a SQLite file path, with or without a `file:`
 * prefix (`file:./data/concord.db`, `file:///srv/concord.db`), or `:memory:`. Empty or
 * undefined means `./data/concord.db`. `postgres://` is recognised and refused until the
 * PostgreSQL adapter exists, so a misconfigured deployment fails loudly instead of writing to
 * a file called "postgres:".
 *
 * @example const store = await openStore(process.env.DATABASE_URL);
 */
export async function openStore(databaseUrl: string | undefined): Promise<DocumentStore> {
  const url = databaseUrl?.trim() || defaultSqlitePath;
  if (/^postgres(ql)?:/i.test(url)) {
    throw new Error('PostgreSQL is not supported yet; set DATABASE_URL to a SQLite file path.');
  }
  return openSqliteStore(toSqlitePath(url));
}

function toSqlitePath(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (url.startsWith('file:')) return url.slice('file:'.length);
  return url;
}
