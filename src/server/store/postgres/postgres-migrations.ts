import type { PoolClient } from 'pg';
import { keepVersion } from '../kept-body.ts';
import { keptLookAlikeMark, rekeyTitles } from '../rekey-titles.ts';
import type { TitledRow } from '../rekey-titles.ts';

/** A migration step: SQL, or for what SQL cannot compute (`toTitleKey`), a function. */
export type PostgresMigration = string | ((client: PoolClient) => Promise<void>);

/**
 * The PostgreSQL schema, one step per entry, the same tables as `sqliteMigrations`. The table
 * `concord_migrations` records which steps a database has had; new steps are appended, never
 * edited. Plain PostgreSQL SQL (no extensions, no stored procedures), so that the schema also
 * fits PostgreSQL-compatible databases.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  // 1: documents (the current version's metadata) and their kept versions (the content).
  `
  CREATE TABLE documents (
    id text PRIMARY KEY,
    title text NOT NULL,
    -- toTitleKey(title), computed by the server: titles are unique case-insensitively and
    -- trimmed, by the same rule as on SQLite whatever the database's collation.
    title_key text NOT NULL UNIQUE,
    version integer NOT NULL,
    etag text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
  );

  CREATE INDEX documents_by_updated_at ON documents (updated_at DESC);

  CREATE TABLE document_versions (
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version integer NOT NULL,
    -- Random per version: a deleted and re-created document never shares an ETag.
    etag text NOT NULL UNIQUE,
    title text NOT NULL,
    -- UTF-8 bytes rather than text: PostgreSQL text cannot hold U+0000, which a body may
    -- contain (SQLite keeps it), and a store must give back exactly what it was given.
    body bytea NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    PRIMARY KEY (document_id, version)
  );
  `,
  // 2: Idempotency-Key records of creates, kept 24 hours (draft-ietf-httpapi-idempotency-key-header).
  `
  CREATE TABLE idempotency_keys (
    key text PRIMARY KEY,
    -- A digest of the payload first sent with the key.
    fingerprint text NOT NULL,
    -- The CreateOutcome first returned, as JSON text (not jsonb, which would reorder it), to
    -- be replayed exactly. NULL only inside the transaction that claimed the key.
    outcome text,
    created_at timestamptz NOT NULL
  );

  CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
  `,
  // 3: the trash. A deleted document keeps its row and history with `deleted_at` set, and
  // gives up its title: `title_key` is NULL in the trash (UNIQUE ignores NULLs).
  `
  ALTER TABLE documents
    ADD COLUMN deleted_at timestamptz,
    ALTER COLUMN title_key DROP NOT NULL,
    ADD CONSTRAINT documents_trash_frees_title
      CHECK ((deleted_at IS NULL) = (title_key IS NOT NULL));

  CREATE INDEX documents_in_trash ON documents (deleted_at DESC, id COLLATE "C")
    WHERE deleted_at IS NOT NULL;
  `,
  // 4: title keys by the look-alike rule, as SQLite's step 4: live keys moved aside first,
  // then each set in one statement.
  async (client) => {
    const { rows } = await client.query<TitledRow>(
      'SELECT id, title FROM documents WHERE title_key IS NOT NULL ORDER BY created_at, id COLLATE "C"',
    );
    await client.query('UPDATE documents SET title_key = $1 || id WHERE title_key IS NOT NULL', [
      keptLookAlikeMark,
    ]);
    const keys = rekeyTitles(rows);
    await client.query(
      `UPDATE documents d SET title_key = k.key
       FROM unnest($1::text[], $2::text[]) AS k (id, key) WHERE d.id = k.id`,
      [[...keys.keys()], [...keys.values()]],
    );
  },
  // 5: versions kept as reverse deltas with periodic snapshots instead of whole copies, as
  // SQLite's step 5 (docs/decisions/0021): `body_form` says how `body` holds the text, and
  // every history is re-encoded newest first, two versions in memory at a time.
  async (client) => {
    await client.query('ALTER TABLE document_versions ADD COLUMN body_form text');
    const { rows: histories } = await client.query<{ id: string; newest: number }>(
      'SELECT document_id AS id, max(version) AS newest FROM document_versions GROUP BY document_id',
    );
    for (const { id, newest } of histories) {
      const { rows: versions } = await client.query<{ version: number }>(
        'SELECT version FROM document_versions WHERE document_id = $1 ORDER BY version DESC',
        [id],
      );
      let next: string | undefined;
      for (const { version } of versions) {
        const { rows } = await client.query<{ body: Buffer }>(
          'SELECT body FROM document_versions WHERE document_id = $1 AND version = $2',
          [id, version],
        );
        const body = rows[0]!.body.toString('utf8');
        const kept = keepVersion(version, newest, body, next);
        await client.query(
          'UPDATE document_versions SET body_form = $3, body = $4 WHERE document_id = $1 AND version = $2',
          [id, version, kept.form, kept.content],
        );
        next = body;
      }
    }
    await client.query(`
      ALTER TABLE document_versions
        ALTER COLUMN body_form SET NOT NULL,
        ADD CONSTRAINT document_versions_body_form
          CHECK (body_form IN ('whole', 'snapshot', 'delta'));
      -- Snapshots and deltas are compressed already: TOAST would only spend time on them.
      ALTER TABLE document_versions ALTER COLUMN body SET STORAGE EXTERNAL;
    `);
  },
  // 6: accounts and their credentials (sessions, API tokens), as on SQLite.
  `
  CREATE TABLE IF NOT EXISTS users (
    -- toUsernameKey(username): names are unique by it and looked up by it.
    username_key text PRIMARY KEY,
    username text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'member')),
    created_at timestamptz NOT NULL
  );

  -- Sessions and API tokens. Only the SHA-256 of a secret is kept.
  CREATE TABLE IF NOT EXISTS credentials (
    secret_hash text PRIMARY KEY,
    id text NOT NULL UNIQUE,
    username_key text NOT NULL REFERENCES users (username_key) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('session', 'token')),
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz
  );

  CREATE INDEX IF NOT EXISTS credentials_by_user ON credentials (username_key, kind);
  `,
  // 7: per-document access, as on SQLite: the owner (NULL: created before accounts) and the
  // members, `editor` or `viewer`, compared by toUsernameKey.
  `
  ALTER TABLE documents ADD COLUMN owner text, ADD COLUMN owner_key text;
  CREATE INDEX documents_by_owner ON documents (owner_key) WHERE owner_key IS NOT NULL;

  CREATE TABLE document_members (
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    username_key text NOT NULL,
    username text NOT NULL,
    role text NOT NULL CHECK (role IN ('editor', 'viewer')),
    PRIMARY KEY (document_id, username_key)
  );

  CREATE INDEX document_members_by_user ON document_members (username_key, document_id);
  `,
  // 8: who moved a document to the trash, as on SQLite (NULL: trashed before this step, or not
  // in the trash).
  `
  ALTER TABLE documents ADD COLUMN deleted_by text;
  `,
];
