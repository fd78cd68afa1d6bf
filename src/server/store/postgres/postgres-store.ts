import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type {
  DocumentSummary,
  TrashedDocumentSummary,
  VersionEntry,
  VersionSummary,
} from '../../../protocol/document.ts';
import { generateETag, isLandedRetry, matchesExpected } from '../save-rules.ts';
import { toTitleKey } from '../../../protocol/to-title-key.ts';
import type { ChangeEvent } from '../../events/change-feed.ts';
import { ChangeHub } from '../../events/change-hub.ts';
import { PostgresAccountStore } from './postgres-account-store.ts';
import { cacheAccess } from '../../auth/cache-access.ts';
import type { CachedMemberStore } from '../../auth/cache-access.ts';
import { cacheCredentials } from '../../auth/cache-credentials.ts';
import type { CachedAccountStore } from '../../auth/cache-credentials.ts';
import { measureBodyChange } from '../body-delta.ts';
import { PostgresMemberStore } from './postgres-member-store.ts';
import { toUsernameKey } from '../account-store.ts';
import { keepSuperseded, keepWhole, rebuildBody } from '../kept-body.ts';
import { readDeltaChange, selectVersionPage } from '../read-delta-change.ts';
import type { VersionPageRow } from '../read-delta-change.ts';
import type { BodyForm } from '../kept-body.ts';
import { listenForChanges } from './listen-for-changes.ts';
import type { ChangeListening } from './listen-for-changes.ts';
import { migratePostgres } from './migrate-postgres.ts';
import type {
  CreateOutcome,
  DeleteOutcome,
  DocumentCursor,
  DocumentStore,
  Expected,
  IdempotentCreateOutcome,
  IdempotentRequest,
  RestoreOutcome,
  SaveOutcome,
  StoredDocument,
  StoredVersion,
  TrashCursor,
  VisibleTo,
  WriteInput,
} from '../store.ts';

export interface PostgresStoreOptions {
  /**
   * A schema to keep the tables in, created if missing (default: the connection's
   * `search_path`, normally `public`). Lets several Concord instances, or tests, share one
   * database; each hears only its own changes.
   */
  schema?: string;
  /** Connections in the pool (default 10). Each server process holds this many, plus one. */
  poolSize?: number;
}

/** Runs one statement and gives its rows. */
type Run = (text: string, values: unknown[]) => Promise<object[]>;

interface DocumentRow {
  id: string;
  title: string;
  body: Buffer;
  version: number;
  etag: string;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
}

/** A row of `selectCurrent`: the document, the tag of the version before, the trash column. */
type CurrentRow = DocumentRow & { previous_etag: string | null; deleted_at: Date | null };

// The current version of a document: metadata from `documents`, content from its version row,
// and the ETag of the version before (to recognise the retry of a save that landed).
const selectCurrent = `
  SELECT d.id, v.title, v.body, d.version, d.etag, d.created_at, d.updated_at, d.updated_by,
         (SELECT p.etag FROM document_versions p
          WHERE p.document_id = d.id AND p.version = d.version - 1) AS previous_etag,
         d.deleted_at
  FROM documents d
  JOIN document_versions v ON v.document_id = d.id AND v.version = d.version
  WHERE d.id = $1`;

// Each write is ONE statement, so it is one transaction however the connection is set up:
// the conditional UPDATE (the compare-and-swap), the history rows and the notification
// commit together or not at all. NOTIFY is transactional: listeners hear only commits.
// $2 is the ETag of the current version as the caller read it: the version saved over is
// re-kept as $11/$12 (a delta from the new body, or a snapshot: docs/decisions/0021), which
// is only right on top of exactly that version.
const saveStatement = `
  WITH swapped AS (
    UPDATE documents
    SET title = $3, version = version + 1, etag = $5, updated_at = $6, updated_by = $7,
      -- A look-alike kept by the title-key migration (its key: key, U+200B, id) keeps its key
      -- while its title does.
      title_key = CASE WHEN title_key = $4 || chr(8203) || id THEN title_key ELSE $4 END
    WHERE id = $1 AND deleted_at IS NULL AND etag = $2
    RETURNING id, version, created_at
  ), superseded AS (
    UPDATE document_versions v SET body_form = $11, body = $12
    FROM swapped WHERE v.document_id = swapped.id AND v.version = swapped.version - 1
  ), kept AS (
    INSERT INTO document_versions
      (document_id, version, etag, title, body_form, body, updated_at, updated_by)
    SELECT id, version, $5, $3, 'whole', $8, $6, $7 FROM swapped
  )
  SELECT version, created_at, pg_notify($9, json_build_object(
    'type', 'version', 'id', id, 'version', version, 'etag', $5::text, 'title', $3::text,
    'updated_at', $10::text, 'updated_by', $7::text)::text)
  FROM swapped`;

// A version's metadata, and the kept bodies from it up to the first that is not a delta (a
// snapshot, or the newest): what `rebuildBody` needs, oldest first, read in one snapshot.
const selectVersionChain = `
  WITH target AS (
    SELECT v.document_id, v.version FROM document_versions v
    JOIN documents d ON d.id = v.document_id
    WHERE v.document_id = $1 AND v.version = $2 AND d.deleted_at IS NULL
  ), chain_end AS (
    SELECT min(e.version) AS version FROM document_versions e JOIN target t
      ON e.document_id = t.document_id AND e.version >= t.version AND e.body_form <> 'delta'
  )
  SELECT c.document_id AS id, c.title, c.version, c.etag, d.created_at, c.updated_at,
         c.updated_by, c.body_form AS form, c.body AS content
  FROM document_versions c
  JOIN documents d ON d.id = c.document_id
  JOIN target t ON c.document_id = t.document_id
  JOIN chain_end e ON c.version BETWEEN t.version AND e.version
  ORDER BY c.version`;

const createStatement = `
  WITH created AS (
    INSERT INTO documents
      (id, title, title_key, version, etag, created_at, updated_at, updated_by, owner, owner_key)
    VALUES ($1, $2, $3, 1, $4, $5, $5, $6, $10, $11)
    ON CONFLICT (title_key) DO NOTHING
    RETURNING id
  ), kept AS (
    INSERT INTO document_versions
      (document_id, version, etag, title, body_form, body, updated_at, updated_by)
    SELECT id, 1, $4, $2, 'whole', $7, $5, $6 FROM created
  )
  SELECT pg_notify($8, json_build_object(
    'type', 'version', 'id', id, 'version', 1, 'etag', $4::text, 'title', $2::text,
    'updated_at', $9::text, 'updated_by', $6::text)::text)
  FROM created`;

// To the trash: the row and history stay, the title is freed.
const deleteStatement = `
  WITH gone AS (
    UPDATE documents SET deleted_at = $4, deleted_by = $5, title_key = NULL
    WHERE id = $1 AND deleted_at IS NULL AND ($2::text[] IS NULL OR etag = ANY ($2::text[]))
    RETURNING id
  )
  SELECT pg_notify($3, json_build_object('type', 'deleted', 'id', id)::text) FROM gone`;

// Out of the trash, if it is still there and still the version read ($3): $5 is the whole
// `restored` notification, built from that read.
const restoreStatement = `
  WITH restored AS (
    UPDATE documents SET deleted_at = NULL, deleted_by = NULL, title_key = $2
    WHERE id = $1 AND deleted_at IS NOT NULL AND etag = $3
    RETURNING id
  )
  SELECT pg_notify($4, $5) FROM restored`;

// `deleted_by` is NULL for a document trashed before it was kept (migration 8).
const trashColumns = `SELECT id, title, version, updated_at, updated_by, deleted_at,
  coalesce(deleted_by, '') AS deleted_by FROM documents`;

/**
 * Opens a `PostgresStore` on the database a `postgres://` URL names, brings its schema up to
 * date and starts listening for changes from every process on it. Throws when the database
 * cannot be reached or was written by a newer Concord.
 *
 * @example const store = await openPostgresStore('postgres://concord@db.internal/concord');
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    await store.ready;
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * The scale-out `DocumentStore` on PostgreSQL (node-postgres with a pool). Several server
 * processes may share one database: the compare-and-swap is a conditional `UPDATE`, and change
 * events reach every process through `LISTEN/NOTIFY`. Build it with `openPostgresStore`; the
 * constructor is for callers that cannot wait (it connects in the background, and every method
 * waits for `ready`).
 */
/**
 * Notifications on the change channel that are not document changes: a process deleted
 * credentials of an account, or changed a document's members (see the account and member
 * stores), so every process's caches must look them up again.
 */
type CacheNotice =
  { type: 'credentials-changed'; username_key: string } | { type: 'access-changed'; id: string };

export class PostgresStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #hub = new ChangeHub();
  readonly changes = this.#hub;
  /** Settles once the schema is migrated and the change listener is in place. */
  readonly ready: Promise<void>;
  readonly accounts: CachedAccountStore;
  readonly members: CachedMemberStore;
  #channel = '';
  #listening: ChangeListening | undefined;
  #closed = false;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    const { schema } = options;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,50}$/.test(schema)) {
      throw new Error(`schema must be a lower-case SQL identifier, not ${JSON.stringify(schema)}`);
    }
    const config: pg.ClientConfig = {
      connectionString: url,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    };
    this.#pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
    // An idle pooled connection that breaks (the database restarted) must not crash the
    // process; the pool replaces it on next use.
    this.#pool.on('error', (error) => console.error('concord: PostgreSQL connection lost', error));
    this.ready = this.#start(config, schema);
    // Every signed-in request looks its credential up: kept in memory briefly (cacheCredentials).
    this.accounts = cacheCredentials(
      new PostgresAccountStore(
        this.#pool,
        () => this.ready,
        () => this.#channel,
      ),
    );
    // And every request to a document looks up who may: kept likewise (cacheAccess).
    this.members = cacheAccess(
      new PostgresMemberStore(
        this.#pool,
        () => this.ready,
        () => this.#channel,
      ),
    );
    // Callers that use the store await `ready` through each method; this only keeps an
    // unobserved failure from crashing the process before they do.
    this.ready.catch(() => undefined);
  }

  async #start(config: pg.ClientConfig, schema: string | undefined): Promise<void> {
    const client = await this.#pool.connect();
    try {
      if (schema) await createSchemaOnce(client, schema);
      await migratePostgres(client);
      const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
      // One channel per schema, so that stores sharing a database hear only their own writes.
      this.#channel = `concord_changes_${rows[0]!.schema}`.slice(0, 63);
    } finally {
      client.release();
    }
    if (this.#closed) return;
    this.#listening = await listenForChanges(config, this.#channel, {
      publish: (event) => this.#hear(event),
    });
  }

  /**
   * A notification on the change channel: what another process (or this one) changed of
   * credentials or members empties the caches of it here; a change of a document goes to the
   * event streams. After a gap (`resync`) anything may have changed: both caches start over.
   */
  #hear(event: ChangeEvent | CacheNotice): void {
    if (event.type === 'credentials-changed') return this.accounts.forget(event.username_key);
    if (event.type === 'access-changed') return this.members.forget(event.id);
    if (event.type === 'resync') {
      this.accounts.forget();
      this.members.forget();
    }
    this.#hub.publish(event);
  }

  async listDocuments(
    page?: { limit: number; after?: DocumentCursor } & VisibleTo,
  ): Promise<DocumentSummary[]> {
    // COLLATE "C": ties on updated_at break by id bytewise, as SQLite does, whatever the
    // database's collation.
    const columns = 'SELECT id, title, version, updated_at, updated_by FROM documents';
    const values: unknown[] = [page?.limit ?? null];
    let where = `WHERE deleted_at IS NULL${selectVisible(page?.visibleTo, values)}`;
    const after = page?.after;
    if (after) {
      // The order is DESC then ASC, so a row comparison would not do: spell it out.
      values.push(after.updated_at, after.id);
      const [at, id] = [`$${values.length - 1}`, `$${values.length}`];
      where += ` AND (updated_at < ${at}::timestamptz
             OR (updated_at = ${at}::timestamptz AND id COLLATE "C" > ${id}))`;
    }
    const rows = await this.#query<Omit<DocumentSummary, 'updated_at'> & { updated_at: Date }>(
      `${columns} ${where} ORDER BY updated_at DESC, id COLLATE "C" LIMIT $1`,
      values,
    );
    return rows.map((row) => ({ ...row, updated_at: row.updated_at.toISOString() }));
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = await this.#selectCurrent(id);
    return row && row.deleted_at === null ? toStoredDocument(row) : undefined;
  }

  async createDocument(input: WriteInput): Promise<CreateOutcome> {
    await this.ready; // for #channel
    return this.#create((text, values) => this.#query(text, values), input);
  }

  async createDocumentOnce(
    input: WriteInput,
    request: IdempotentRequest,
  ): Promise<IdempotentCreateOutcome> {
    await this.ready;
    const client = await this.#pool.connect();
    const run: Run = async (text, values) => (await client.query(text, values)).rows;
    try {
      await client.query('BEGIN');
      await run('DELETE FROM idempotency_keys WHERE created_at < $1', [request.expiredBefore]);
      // Claim the key. A concurrent transaction holding the same key makes this wait for its
      // commit, and then do nothing: so a document is created once per key.
      const claimed = await run(
        `INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [request.key, request.fingerprint, input.at],
      );
      let outcome: IdempotentCreateOutcome;
      if (claimed.length === 0) {
        const [recorded] = await run(
          'SELECT fingerprint, outcome FROM idempotency_keys WHERE key = $1',
          [request.key],
        );
        const { fingerprint, outcome: json } = recorded as { fingerprint: string; outcome: string };
        outcome =
          fingerprint === request.fingerprint
            ? { ...(JSON.parse(json) as CreateOutcome), replayed: true }
            : { status: 'keyReused' };
      } else {
        const created = await this.#create(run, input);
        // Only a create is recorded: a refused one changed nothing, and the same key may
        // succeed once the title is free.
        if (created.status === 'created') {
          await run('UPDATE idempotency_keys SET outcome = $2 WHERE key = $1', [
            request.key,
            JSON.stringify(created),
          ]);
        } else {
          await run('DELETE FROM idempotency_keys WHERE key = $1', [request.key]);
        }
        outcome = { ...created, replayed: false };
      }
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The create itself, through `run` (the pool, or a connection inside a transaction). */
  async #create(run: Run, input: WriteInput): Promise<CreateOutcome> {
    const titleKey = toTitleKey(input.title);
    const owner = input.owner ?? null;
    for (;;) {
      const id = randomUUID();
      const etag = generateETag();
      const created = await run(createStatement, [
        ...[id, input.title, titleKey, etag, input.at, input.user],
        // updated_at as the API sends it (ISO 8601, UTC, milliseconds), for the list stream.
        ...[keepWhole(input.body).content, this.#channel, input.at.toISOString()],
        ...[owner, owner === null ? null : toUsernameKey(owner)],
      ]);
      if (created.length === 1) {
        const document: StoredDocument = {
          ...{ id, title: input.title, body: input.body, version: 1, etag },
          created_at: input.at.toISOString(),
          updated_at: input.at.toISOString(),
          updated_by: input.user,
        };
        return { status: 'created', document };
      }
      const [existing] = await run('SELECT id, title FROM documents WHERE title_key = $1', [
        titleKey,
      ]);
      if (existing)
        return { status: 'titleTaken', existing: existing as { id: string; title: string } };
      // The document holding the title was deleted in between: try again.
    }
  }

  async saveDocument(id: string, input: WriteInput & { expected: Expected }): Promise<SaveOutcome> {
    if (hasNul(id)) return { status: 'notFound' };
    await this.ready; // for #channel
    const titleKey = toTitleKey(input.title);
    const etag = generateETag();
    for (;;) {
      // Read first: the version saved over is re-kept against the new body, so the swap must
      // land on exactly the version read (a write in between: read again).
      const current = await this.#selectCurrent(id);
      if (!current) return { status: 'notFound' };
      if (current.deleted_at)
        return { status: 'trashed', deleted_at: current.deleted_at.toISOString() };
      if (!matchesExpected(input.expected, current.etag)) {
        // Either answer carries the current document: its body is decoded once, for both.
        const stored = toStoredDocument(current);
        if (isLandedRetry(stored, input, () => current.previous_etag))
          return { status: 'alreadySaved', document: stored };
        return { status: 'conflict', current: stored };
      }
      const superseded = keepSuperseded(current.version, current.body.toString('utf8'), input.body);
      let swapped: { version: number; created_at: Date }[];
      try {
        swapped = await this.#query(saveStatement, [
          ...[id, current.etag],
          ...[input.title, titleKey, etag, input.at, input.user],
          ...[keepWhole(input.body).content, this.#channel, input.at.toISOString()],
          ...[superseded.form, superseded.content],
        ]);
      } catch (error) {
        if (!isUniqueViolation(error, 'documents_title_key_key')) throw error;
        const existing = await this.#selectByTitleKey(titleKey);
        if (existing) return { status: 'titleTaken', existing };
        continue; // The other document was deleted meanwhile.
      }
      const row = swapped[0];
      if (row) {
        const document: StoredDocument = {
          ...{ id, title: input.title, body: input.body, version: row.version, etag },
          created_at: row.created_at.toISOString(),
          updated_at: input.at.toISOString(),
          updated_by: input.user,
        };
        return { status: 'saved', document };
      }
      // Another write landed between the read and the swap: decide again on the new state.
    }
  }

  async deleteDocument(
    id: string,
    expected: Expected,
    at: Date,
    by: string,
  ): Promise<DeleteOutcome> {
    if (hasNul(id)) return { status: 'notFound' };
    await this.ready; // for #channel
    const gone = await this.#query(deleteStatement, [
      id,
      expected === '*' ? null : expected,
      this.#channel,
      at,
      by,
    ]);
    if (gone.length === 1) return { status: 'deleted' };
    const current = await this.#selectCurrent(id);
    if (!current) return { status: 'notFound' };
    if (current.deleted_at)
      return { status: 'trashed', deleted_at: current.deleted_at.toISOString() };
    return { status: 'conflict', current: toStoredDocument(current) };
  }

  async listTrash(
    page: { limit: number; after?: TrashCursor } & VisibleTo,
  ): Promise<TrashedDocumentSummary[]> {
    const values: unknown[] = [page.limit];
    let where = `WHERE deleted_at IS NOT NULL${selectVisible(page.visibleTo, values)}`;
    const after = page.after;
    if (after) {
      values.push(after.deleted_at, after.id);
      const [at, id] = [`$${values.length - 1}`, `$${values.length}`];
      where += ` AND (deleted_at < ${at}::timestamptz
             OR (deleted_at = ${at}::timestamptz AND id COLLATE "C" > ${id}))`;
    }
    const rows = await this.#query<TrashRow>(
      `${trashColumns} ${where} ORDER BY deleted_at DESC, id COLLATE "C" LIMIT $1`,
      values,
    );
    return rows.map(toTrashedSummary);
  }

  async findInTrash(id: string): Promise<TrashedDocumentSummary | undefined> {
    if (hasNul(id)) return undefined;
    const rows = await this.#query<TrashRow>(
      `${trashColumns} WHERE id = $1 AND deleted_at IS NOT NULL`,
      [id],
    );
    return rows[0] && toTrashedSummary(rows[0]);
  }

  async restoreDocument(id: string): Promise<RestoreOutcome> {
    if (hasNul(id)) return { status: 'notFound' };
    await this.ready; // for #channel
    for (;;) {
      const row = await this.#selectCurrent(id);
      if (!row || !row.deleted_at) return { status: 'notFound' };
      const document = toStoredDocument(row);
      const { version, etag, title, updated_at, updated_by } = document;
      const event = { type: 'restored', id, version, etag, title, updated_at, updated_by };
      try {
        const restored = await this.#query(restoreStatement, [
          ...[id, toTitleKey(title), etag, this.#channel, JSON.stringify(event)],
        ]);
        // Nothing restored: another request restored it (or it was purged) meanwhile.
        return restored.length === 1 ? { status: 'restored', document } : { status: 'notFound' };
      } catch (error) {
        if (!isUniqueViolation(error, 'documents_title_key_key')) throw error;
        const existing = await this.#selectByTitleKey(toTitleKey(title));
        if (existing) return { status: 'titleTaken', existing };
        // The other document was deleted meanwhile: try again.
      }
    }
  }

  async purgeTrash(before: Date): Promise<number> {
    // Members are purged with their documents: what the access cache holds of them goes too,
    // before and after (a lookup under way meanwhile is not kept).
    this.members.forget();
    try {
      // Versions and members go with them (ON DELETE CASCADE).
      const rows = await this.#query('DELETE FROM documents WHERE deleted_at < $1 RETURNING id', [
        before,
      ]);
      return rows.length;
    } finally {
      this.members.forget();
    }
  }

  async listVersions(id: string): Promise<VersionSummary[] | undefined> {
    if (hasNul(id)) return undefined;
    // A document always has at least one version and they go together, so no rows means no
    // document; one statement sees one snapshot.
    const rows = await this.#query<Omit<VersionSummary, 'updated_at'> & { updated_at: Date }>(
      `SELECT v.version, v.etag, v.updated_at, v.updated_by
       FROM document_versions v JOIN documents d ON d.id = v.document_id
       WHERE v.document_id = $1 AND d.deleted_at IS NULL ORDER BY v.version DESC`,
      [id],
    );
    if (rows.length === 0) return undefined;
    return rows.map((row) => ({ ...row, updated_at: row.updated_at.toISOString() }));
  }

  async listVersionPage(
    id: string,
    page: { limit: number; before?: number },
  ): Promise<VersionEntry[] | undefined> {
    if (hasNul(id)) return undefined;
    const exists = await this.#query(
      'SELECT 1 FROM documents WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    if (exists.length === 0) return undefined;
    // One statement: the page and its predecessors' deltas come from one snapshot, so a save
    // that re-keeps the newest row meanwhile is seen whole or not at all.
    const rows = await this.#query<Omit<VersionPageRow, 'updated_at'> & { updated_at: Date }>(
      selectVersionPage(['$1', '$2::int', '$3']),
      [id, page.before ?? null, page.limit],
    );
    // A snapshot's neighbours are read whole; `null` if the document went to the trash since.
    const compareBodies = async (version: number) => {
      const [older, newer] = await Promise.all([
        this.getVersion(id, version - 1),
        this.getVersion(id, version),
      ]);
      return older && newer ? measureBodyChange(older.body, newer.body) : null;
    };
    return Promise.all(
      rows.map(async ({ before_form, before_delta, ...row }) => {
        const summary = { ...row, updated_at: row.updated_at.toISOString() };
        const measured = readDeltaChange({ ...summary, before_form, before_delta });
        const change = measured !== undefined ? measured : await compareBodies(summary.version);
        return { ...summary, change };
      }),
    );
  }

  async getVersion(id: string, version: number): Promise<StoredVersion | undefined> {
    if (hasNul(id) || !Number.isSafeInteger(version) || Math.abs(version) > 2 ** 31 - 1) {
      return undefined;
    }
    const rows = await this.#query<Omit<DocumentRow, 'body'> & { form: BodyForm; content: Buffer }>(
      selectVersionChain,
      [id, version],
    );
    const first = rows[0];
    if (!first) return undefined;
    return { ...toStoredDocument({ ...first, body: Buffer.alloc(0) }), body: rebuildBody(rows) };
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('the store is closed');
    await this.#query('SELECT 1 FROM documents LIMIT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.ready.catch(() => undefined);
    await this.#listening?.close();
    await this.#pool.end();
  }

  async #selectCurrent(id: string): Promise<CurrentRow | undefined> {
    if (hasNul(id)) return undefined;
    const rows = await this.#query<CurrentRow>(selectCurrent, [id]);
    return rows[0];
  }

  async #selectByTitleKey(titleKey: string): Promise<{ id: string; title: string } | undefined> {
    const rows = await this.#query<{ id: string; title: string }>(
      'SELECT id, title FROM documents WHERE title_key = $1',
      [titleKey],
    );
    return rows[0];
  }

  /**
   * Runs one statement on a pooled connection. Serialization failures and deadlocks are
   * retried: PostgreSQL itself raises them only at stricter isolation levels than the
   * default, but PostgreSQL-compatible distributed databases raise them for plain writes, and
   * a single statement that failed so has changed nothing.
   */
  async #query<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.#pool.query<Row>(text, values)).rows;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40001' && code !== '40P01')) throw error;
      }
    }
  }
}

/**
 * A retry of a save whose answer was lost: the request names the version before the current
 * one, and the current one holds exactly what the request would write (the same rule as the
 * SQLite store).
 */

interface TrashRow {
  id: string;
  title: string;
  version: number;
  updated_at: Date;
  updated_by: string;
  deleted_at: Date;
  deleted_by: string;
}

function toTrashedSummary(row: TrashRow): TrashedDocumentSummary {
  const { id, title, version, updated_by, deleted_by } = row;
  const updated_at = row.updated_at.toISOString();
  const deleted_at = row.deleted_at.toISOString();
  return { id, title, version, updated_at, updated_by, deleted_at, deleted_by };
}

function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    title: row.title,
    body: row.body.toString('utf8'),
    version: row.version,
    etag: row.etag,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    updated_by: row.updated_by,
  };
}

/** PostgreSQL text cannot hold U+0000, so an id containing it names no document. */
function hasNul(text: string): boolean {
  return text.includes('\0');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = error as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}

/**
 * `CREATE SCHEMA IF NOT EXISTS` is not atomic across sessions: two servers starting at once can
 * both pass the check, and the later one then fails on the catalogue's unique index (23505) or
 * as a duplicate schema (42P06). Either way the schema exists, which is all that was asked.
 */
async function createSchemaOnce(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

/**
 * The condition (to append to a WHERE) that keeps a list to what `visibleTo` may see:
 * documents without an owner, their own, and those shared with them. Its parameter is pushed
 * onto `values`.
 */
function selectVisible(visibleTo: string | undefined, values: unknown[]): string {
  if (visibleTo === undefined) return '';
  values.push(toUsernameKey(visibleTo));
  const key = `$${values.length}`;
  return ` AND (owner_key IS NULL OR owner_key = ${key}
     OR id IN (SELECT document_id FROM document_members WHERE username_key = ${key}))`;
}
