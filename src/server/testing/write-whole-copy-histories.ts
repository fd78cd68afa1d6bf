import Database from 'better-sqlite3';
import pg from 'pg';
import { toTitleKey } from '../../protocol/to-title-key.ts';
import { postgresMigrations } from '../store/postgres/postgres-migrations.ts';
import { sqliteMigrations } from '../store/sqlite/sqlite-migrations.ts';

/** One document's history: the bodies of versions 1, 2, … */
export interface WholeCopyHistory {
  id: string;
  title: string;
  bodies: readonly string[];
}

// Schema 4 is the last to keep every version whole (step 5 re-encodes them).
const wholeCopySteps = 4;

/**
 * Writes a SQLite file at `path` as Concord kept it before migration 5: schema 4, every
 * version's body whole. For the migration's tests and bench/storage.ts's "before".
 */
export function writeWholeCopySqlite(path: string, histories: readonly WholeCopyHistory[]): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    for (const step of sqliteMigrations.slice(0, wholeCopySteps)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`user_version = ${wholeCopySteps}`);
    const document = db.prepare(
      `INSERT INTO documents (id, title, title_key, version, etag, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, '')`,
    );
    const version = db.prepare(
      `INSERT INTO document_versions (document_id, version, etag, title, body, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, '')`,
    );
    for (const { id, title, bodies } of histories) {
      const at = (n: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, n)).toISOString();
      db.transaction(() => {
        document.run(
          id,
          title,
          toTitleKey(title),
          bodies.length,
          etagOf(id, bodies.length),
          at(1),
          at(bodies.length),
        );
        bodies.forEach((body, i) =>
          version.run(id, i + 1, etagOf(id, i + 1), title, body, at(i + 1)),
        );
      })();
    }
  } finally {
    db.close();
  }
}

/** The same on PostgreSQL, in `schema` (created) of the database `url` names. */
export async function writeWholeCopyPostgres(
  url: string,
  schema: string,
  histories: readonly WholeCopyHistory[],
): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(
      'CREATE TABLE concord_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const [i, step] of postgresMigrations.slice(0, wholeCopySteps).entries()) {
      if (typeof step === 'string') await client.query(step);
      else await step(client as unknown as pg.PoolClient);
      await client.query('INSERT INTO concord_migrations (version) VALUES ($1)', [i + 1]);
    }
    for (const { id, title, bodies } of histories) {
      const at = (n: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, n));
      await client.query(
        `INSERT INTO documents (id, title, title_key, version, etag, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '')`,
        [
          id,
          title,
          toTitleKey(title),
          bodies.length,
          etagOf(id, bodies.length),
          at(1),
          at(bodies.length),
        ],
      );
      for (const [i, body] of bodies.entries()) {
        await client.query(
          `INSERT INTO document_versions (document_id, version, etag, title, body, updated_at, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, '')`,
          [id, i + 1, etagOf(id, i + 1), title, Buffer.from(body, 'utf8'), at(i + 1)],
        );
      }
    }
  } finally {
    await client.end();
  }
}

/** The ETag these helpers give version `version` of `id`. */
export function etagOf(id: string, version: number): string {
  return `"${id}-${version}"`;
}
