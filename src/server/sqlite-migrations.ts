import type Database from 'better-sqlite3';
import { keptLookAlikeMark, rekeyTitles } from './rekey-titles.ts';
import type { TitledRow } from './rekey-titles.ts';

/** A migration step: SQL, or for what SQL cannot compute (`toTitleKey`), a function. */
export type SqliteMigration = string | ((db: Database.Database) => void);

/**
 * The SQLite schema, one step per entry. `PRAGMA user_version` records how many steps a
 * database has had; new steps are appended, never edited, so every database reaches the same
 * schema whatever version it starts from.
 */
export const sqliteMigrations: readonly SqliteMigration[] = [
  // 1: documents (the current version's metadata) and their kept versions (the content).
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    -- toTitleKey(title): titles are unique case-insensitively and trimmed.
    title_key TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    etag TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  ) STRICT;

  CREATE INDEX documents_by_updated_at ON documents (updated_at DESC);

  CREATE TABLE document_versions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    -- Random per version: a deleted and re-created document never shares an ETag.
    etag TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
  ) STRICT;
  `,
  // 2: Idempotency-Key records of creates, kept 24 hours (draft-ietf-httpapi-idempotency-key-header).
  `
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    -- A digest of the payload first sent with the key.
    fingerprint TEXT NOT NULL,
    -- The CreateOutcome first returned, as JSON, to be replayed exactly.
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
  `,
  // 3: the trash. A deleted document keeps its row and history with `deleted_at` set, and
  // gives up its title: `title_key` becomes nullable (NULL in the trash; UNIQUE ignores NULLs).
  // SQLite cannot drop NOT NULL in place, so the table is rebuilt
  // (https://www.sqlite.org/lang_altertable.html#otheralter); `migrateSqlite` turns foreign
  // keys off around it, so dropping the old table does not cascade to the versions.
  `
  CREATE TABLE documents_next (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    -- toTitleKey(title) while live; NULL in the trash.
    title_key TEXT UNIQUE,
    version INTEGER NOT NULL,
    etag TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    -- When it was moved to the trash; NULL while live.
    deleted_at TEXT,
    CHECK ((deleted_at IS NULL) = (title_key IS NOT NULL))
  ) STRICT;

  INSERT INTO documents_next (id, title, title_key, version, etag, created_at, updated_at, updated_by)
    SELECT id, title, title_key, version, etag, created_at, updated_at, updated_by FROM documents;
  DROP TABLE documents;
  ALTER TABLE documents_next RENAME TO documents;

  CREATE INDEX documents_by_updated_at ON documents (updated_at DESC);
  CREATE INDEX documents_in_trash ON documents (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
  `,
  // 4: title keys by the look-alike rule (zero-width and bidi characters dropped, NFKC, case
  // folded). Every live key is first moved aside (a mark and the id: unique), so that no
  // update collides with a key not yet rewritten.
  (db) => {
    const rows = db
      .prepare<[], TitledRow>(
        'SELECT id, title FROM documents WHERE title_key IS NOT NULL ORDER BY created_at, id',
      )
      .all();
    db.prepare('UPDATE documents SET title_key = ? || id WHERE title_key IS NOT NULL').run(
      keptLookAlikeMark,
    );
    const update = db.prepare('UPDATE documents SET title_key = ? WHERE id = ?');
    for (const [id, key] of rekeyTitles(rows)) update.run(key, id);
  },
  // Accounts helper's step (after the storage helper's; renumber at merge): accounts and their
  // credentials. IF NOT EXISTS, so that the step is harmless wherever a merge puts it.
  `
  CREATE TABLE IF NOT EXISTS users (
    -- toUsernameKey(username): names are unique by it and looked up by it.
    username_key TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    created_at TEXT NOT NULL
  ) STRICT;

  -- Sessions and API tokens. Only the SHA-256 of a secret is kept.
  CREATE TABLE IF NOT EXISTS credentials (
    secret_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    username_key TEXT NOT NULL REFERENCES users (username_key) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'token')),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT
  ) STRICT;

  CREATE INDEX IF NOT EXISTS credentials_by_user ON credentials (username_key, kind);
  `,
];
