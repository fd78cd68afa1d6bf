import type Database from 'better-sqlite3';
import { keepVersion } from '../kept-body.ts';
import { keptLookAlikeMark, rekeyTitles } from '../rekey-titles.ts';
import type { TitledRow } from '../rekey-titles.ts';

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
  // 5: versions kept as reverse deltas with periodic snapshots instead of whole copies
  // (docs/decisions/0021): the newest version whole, older ones as `kept-body.ts` says. The
  // table is rebuilt (`body` turns from TEXT into a BLOB, which STRICT cannot alter) and
  // every history re-encoded, newest first, two versions in memory at a time.
  rebuildVersionBodies,
  // 6: accounts and their credentials (sessions, API tokens).
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
  // 7: per-document access. A document's creator owns it (NULL: created before accounts, open
  // to everyone signed in); members are given `editor` or `viewer`. Names are kept as the
  // account spells them and compared by toUsernameKey (the *_key columns).
  `
  ALTER TABLE documents ADD COLUMN owner TEXT;
  ALTER TABLE documents ADD COLUMN owner_key TEXT;
  CREATE INDEX documents_by_owner ON documents (owner_key) WHERE owner_key IS NOT NULL;

  CREATE TABLE document_members (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    username_key TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    PRIMARY KEY (document_id, username_key)
  ) STRICT;

  -- The list's filter: the documents shared with one person.
  CREATE INDEX document_members_by_user ON document_members (username_key, document_id);
  `,
  // 8: who moved a document to the trash (the trash page says so). NULL for one trashed before
  // this step, and for a document not in the trash.
  `
  ALTER TABLE documents ADD COLUMN deleted_by TEXT;
  `,
];

function rebuildVersionBodies(db: Database.Database): void {
  db.exec(`
  CREATE TABLE document_versions_next (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    etag TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    -- How \`body\` holds the text (kept-body.ts): 'whole' UTF-8 (the newest version), a
    -- deflated 'snapshot', or a 'delta' from the next version. Before \`body\`, so that finding
    -- where a chain ends reads no overflow pages.
    body_form TEXT NOT NULL CHECK (body_form IN ('whole', 'snapshot', 'delta')),
    body BLOB NOT NULL,
    PRIMARY KEY (document_id, version)
  ) STRICT;
  `);
  const histories = db
    .prepare<[], { id: string; newest: number }>(
      'SELECT document_id AS id, max(version) AS newest FROM document_versions GROUP BY document_id',
    )
    .all();
  const select = db
    .prepare<[string, number], string>(
      'SELECT body FROM document_versions WHERE document_id = ? AND version = ?',
    )
    .pluck();
  const versions = db
    .prepare<[string], number>(
      'SELECT version FROM document_versions WHERE document_id = ? ORDER BY version DESC',
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO document_versions_next
       SELECT document_id, version, etag, title, updated_at, updated_by, ?, ?
       FROM document_versions WHERE document_id = ? AND version = ?`,
  );
  for (const { id, newest } of histories) {
    let next: string | undefined;
    for (const version of versions.all(id)) {
      const body = select.get(id, version)!;
      const kept = keepVersion(version, newest, body, next);
      insert.run(kept.form, kept.content, id, version);
      next = body;
    }
  }
  db.exec(`
  DROP TABLE document_versions;
  ALTER TABLE document_versions_next RENAME TO document_versions;
  `);
}
