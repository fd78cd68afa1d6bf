/**
 * The SQLite schema, one step per entry. `PRAGMA user_version` records how many steps a
 * database has had; new steps are appended, never edited, so every database reaches the same
 * schema whatever version it starts from.
 */
export const sqliteMigrations: readonly string[] = [
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
];
