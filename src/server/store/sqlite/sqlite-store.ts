import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  DocumentSummary,
  TrashedDocumentSummary,
  VersionEntry,
  VersionSummary,
} from '../../../protocol/document.ts';
import { measureBodyChange } from '../body-delta.ts';
import { readDeltaChange, selectVersionPage } from '../read-delta-change.ts';
import type { VersionPageRow } from '../read-delta-change.ts';
import { generateETag, isLandedRetry, matchesExpected } from '../save-rules.ts';
import { toTitleKey } from '../../../protocol/to-title-key.ts';
import { ChangeHub } from '../../events/change-hub.ts';
import { createStatementCache, type PrepareStatement } from '../statement-cache.ts';
import { SqliteAccountStore } from './sqlite-account-store.ts';
import { cacheAccess } from '../../auth/cache-access.ts';
import type { CachedMemberStore } from '../../auth/cache-access.ts';
import { cacheCredentials } from '../../auth/cache-credentials.ts';
import type { CachedAccountStore } from '../../auth/cache-credentials.ts';
import { SqliteMemberStore } from './sqlite-member-store.ts';
import { toUsernameKey } from '../account-store.ts';
import { GroupCommit } from '../group-commit.ts';
import { keepSuperseded, keepWhole, rebuildBody } from '../kept-body.ts';
import type { KeptBody } from '../kept-body.ts';
import { migrateSqlite } from './migrate-sqlite.ts';
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

/**
 * A row of `selectCurrent`: the document (its body as the newest version keeps it: whole
 * UTF-8), and whether it is in the trash.
 */
type CurrentRow = Omit<StoredDocument, 'body'> & { body: Buffer; deleted_at: string | null };

// `deleted_by` is NULL for a document trashed before it was kept (migration 8).
const trashColumns = `SELECT id, title, version, updated_at, updated_by, deleted_at,
  coalesce(deleted_by, '') AS deleted_by FROM documents`;

/** Where `openSqliteStore` keeps its file when told nothing else. */
export const defaultSqlitePath = './data/concord.db';

// The current version of a document: metadata from `documents`, content from its version row
// (the newest, always kept whole). `deleted_at` is set when it is in the trash, which callers
// check.
const selectCurrent = `
  SELECT d.id, v.title, v.body, d.version, d.etag, d.created_at, d.updated_at, d.updated_by,
         d.deleted_at
  FROM documents d
  JOIN document_versions v ON v.document_id = d.id AND v.version = d.version
  WHERE d.id = ?`;

/**
 * Opens (creating if needed) a SQLite database and brings its schema up to date. Pass
 * `':memory:'` for a throwaway store; a file path's folder is created.
 *
 * Durability: WAL with `synchronous = FULL`, so a save that was answered survives a crash of
 * the process and of the machine (https://www.sqlite.org/pragma.html#pragma_synchronous).
 *
 * @example const store = openSqliteStore('./data/concord.db');
 */
export function openSqliteStore(path: string = defaultSqlitePath): SqliteStore {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (a second server, a backup) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  return new SqliteStore(db);
}

/** The embedded `DocumentStore` on better-sqlite3. Build it with `openSqliteStore`. */
export class SqliteStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #commits: GroupCommit;
  readonly #prepare: PrepareStatement;
  readonly #hub = new ChangeHub();
  readonly changes = this.#hub;
  readonly accounts: CachedAccountStore;
  readonly members: CachedMemberStore;

  constructor(db: Database.Database) {
    this.#db = db;
    // One cache for the connection: the account store's statements are compiled once too.
    this.#prepare = createStatementCache(db);
    // Every signed-in request looks its credential up: kept in memory briefly (cacheCredentials).
    this.accounts = cacheCredentials(new SqliteAccountStore(db, this.#prepare));
    // And every request to a document looks up who may: kept likewise (cacheAccess).
    this.members = cacheAccess(new SqliteMemberStore(this.#prepare));
    this.#commits = new GroupCommit(db);
  }

  async listDocuments(
    page?: { limit: number; after?: DocumentCursor } & VisibleTo,
  ): Promise<DocumentSummary[]> {
    const columns = 'SELECT id, title, version, updated_at, updated_by FROM documents';
    const [visible, params] = selectVisible(page?.visibleTo);
    let where = `WHERE deleted_at IS NULL${visible}`;
    const order = 'ORDER BY updated_at DESC, id';
    if (!page)
      return this.#prepare<unknown[], DocumentSummary>(`${columns} ${where} ${order}`).all();
    if (page.after) {
      const { updated_at, id } = page.after;
      // Row values compare lexicographically, but the order is DESC then ASC, so spell it out.
      where += ' AND (updated_at < ? OR (updated_at = ? AND id > ?))';
      params.push(updated_at, updated_at, id);
    }
    return this.#prepare<unknown[], DocumentSummary>(`${columns} ${where} ${order} LIMIT ?`).all(
      ...params,
      page.limit,
    );
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const current = this.#selectCurrent(id);
    return current && current.deleted_at === null ? toStoredDocument(current) : undefined;
  }

  async createDocument(input: WriteInput): Promise<CreateOutcome> {
    // Group commits begin IMMEDIATE, taking the write lock before reading, so the title check
    // and the insert see one state even with several processes on the file.
    const outcome = await this.#commits.run(() => this.#create(input));
    if (outcome.status === 'created') this.#announce(outcome.document);
    return outcome;
  }

  async createDocumentOnce(
    input: WriteInput,
    request: IdempotentRequest,
  ): Promise<IdempotentCreateOutcome> {
    const outcome = await this.#commits.run((): IdempotentCreateOutcome => {
      this.#prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(
        request.expiredBefore.toISOString(),
      );
      const recorded = this.#prepare<[string], { fingerprint: string; outcome: string }>(
        'SELECT fingerprint, outcome FROM idempotency_keys WHERE key = ?',
      ).get(request.key);
      if (recorded) {
        if (recorded.fingerprint !== request.fingerprint) return { status: 'keyReused' };
        return { ...(JSON.parse(recorded.outcome) as CreateOutcome), replayed: true };
      }
      const created = this.#create(input);
      // Only a create is recorded: a refused one changed nothing, and the same key may
      // succeed once the title is free.
      if (created.status !== 'created') return { ...created, replayed: false };
      this.#prepare(
        'INSERT INTO idempotency_keys (key, fingerprint, outcome, created_at) VALUES (?, ?, ?, ?)',
      ).run(request.key, request.fingerprint, JSON.stringify(created), input.at.toISOString());
      return { ...created, replayed: false };
    });
    if (outcome.status === 'created' && !outcome.replayed) this.#announce(outcome.document);
    return outcome;
  }

  /** The create itself; call inside a write transaction. */
  #create(input: WriteInput): CreateOutcome {
    const existing = this.#selectByTitleKey(toTitleKey(input.title));
    if (existing) return { status: 'titleTaken', existing };
    const id = randomUUID();
    const at = input.at.toISOString();
    const etag = generateETag();
    const owner = input.owner ?? null;
    this.#prepare(
      `INSERT INTO documents
         (id, title, title_key, version, etag, created_at, updated_at, updated_by, owner, owner_key)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    ).run(
      ...[id, input.title, toTitleKey(input.title), etag, at, at, input.user],
      ...[owner, owner === null ? null : toUsernameKey(owner)],
    );
    this.#insertVersion(id, 1, etag, input);
    return { status: 'created', document: toStoredDocument(this.#selectCurrent(id)!) };
  }

  async saveDocument(id: string, input: WriteInput & { expected: Expected }): Promise<SaveOutcome> {
    const outcome = await this.#commits.run((): SaveOutcome => {
      const row = this.#selectCurrent(id);
      if (!row) return { status: 'notFound' };
      if (row.deleted_at !== null) return { status: 'trashed', deleted_at: row.deleted_at };
      const current = toStoredDocument(row);
      if (!matchesExpected(input.expected, current.etag)) {
        if (this.#isLandedRetry(current, input))
          return { status: 'alreadySaved', document: current };
        return { status: 'conflict', current };
      }
      const titleKey = toTitleKey(input.title);
      if (titleKey !== toTitleKey(current.title)) {
        const existing = this.#selectByTitleKey(titleKey);
        if (existing) return { status: 'titleTaken', existing };
      }
      const version = current.version + 1;
      const etag = generateETag();
      const updated_at = input.at.toISOString();
      // The WHERE on etag repeats the check above inside the statement: the swap is
      // conditional even if this code is ever called outside a transaction.
      const { changes } = this.#prepare(
        // A look-alike kept by the title-key migration (its key: key, U+200B, id) keeps its
        // key while its title does.
        `UPDATE documents SET title = ?,
             title_key = CASE WHEN title_key = ? || char(8203) || id THEN title_key ELSE ? END,
             version = ?, etag = ?, updated_at = ?, updated_by = ?
             WHERE id = ? AND etag = ?`,
      ).run(
        input.title,
        titleKey,
        titleKey,
        version,
        etag,
        updated_at,
        input.user,
        id,
        current.etag,
      );
      if (changes !== 1) throw new Error(`compare-and-swap of ${id} lost its row`);
      // The version saved over is no longer the newest: kept as a delta from the new one, or
      // a snapshot (docs/decisions/0021).
      const superseded = keepSuperseded(current.version, current.body, input.body);
      this.#prepare(
        'UPDATE document_versions SET body_form = ?, body = ? WHERE document_id = ? AND version = ?',
      ).run(superseded.form, superseded.content, id, current.version);
      this.#insertVersion(id, version, etag, input);
      const { title, body, user: updated_by } = input;
      const document = { ...current, title, body, version, etag, updated_at, updated_by };
      return { status: 'saved', document };
    });
    if (outcome.status === 'saved') this.#announce(outcome.document);
    return outcome;
  }

  async deleteDocument(
    id: string,
    expected: Expected,
    at: Date,
    by: string,
  ): Promise<DeleteOutcome> {
    const outcome = await this.#commits.run((): DeleteOutcome => {
      const row = this.#selectCurrent(id);
      if (!row) return { status: 'notFound' };
      if (row.deleted_at !== null) return { status: 'trashed', deleted_at: row.deleted_at };
      if (!matchesExpected(expected, row.etag))
        return { status: 'conflict', current: toStoredDocument(row) };
      // To the trash: the history stays, the title is freed.
      this.#prepare(
        'UPDATE documents SET deleted_at = ?, deleted_by = ?, title_key = NULL WHERE id = ? AND etag = ?',
      ).run(at.toISOString(), by, id, row.etag);
      return { status: 'deleted' };
    });
    if (outcome.status === 'deleted') this.#hub.publish({ type: 'deleted', id });
    return outcome;
  }

  async listTrash(
    page: { limit: number; after?: TrashCursor } & VisibleTo,
  ): Promise<TrashedDocumentSummary[]> {
    const [visible, params] = selectVisible(page.visibleTo);
    let where = `WHERE deleted_at IS NOT NULL${visible}`;
    if (page.after) {
      const { deleted_at, id } = page.after;
      where += ' AND (deleted_at < ? OR (deleted_at = ? AND id > ?))';
      params.push(deleted_at, deleted_at, id);
    }
    return this.#prepare<unknown[], TrashedDocumentSummary>(
      `${trashColumns} ${where} ORDER BY deleted_at DESC, id LIMIT ?`,
    ).all(...params, page.limit);
  }

  async findInTrash(id: string): Promise<TrashedDocumentSummary | undefined> {
    return this.#prepare<[string], TrashedDocumentSummary>(
      `${trashColumns} WHERE id = ? AND deleted_at IS NOT NULL`,
    ).get(id);
  }

  async restoreDocument(id: string): Promise<RestoreOutcome> {
    const outcome = await this.#commits.run((): RestoreOutcome => {
      const row = this.#selectCurrent(id);
      if (!row || row.deleted_at === null) return { status: 'notFound' };
      const titleKey = toTitleKey(row.title);
      const existing = this.#selectByTitleKey(titleKey);
      if (existing) return { status: 'titleTaken', existing };
      this.#prepare(
        'UPDATE documents SET deleted_at = NULL, deleted_by = NULL, title_key = ? WHERE id = ? AND deleted_at IS NOT NULL',
      ).run(titleKey, id);
      return { status: 'restored', document: toStoredDocument(row) };
    });
    if (outcome.status === 'restored') {
      const { version, etag, title, updated_at, updated_by } = outcome.document;
      this.#hub.publish({ type: 'restored', id, version, etag, title, updated_at, updated_by });
    }
    return outcome;
  }

  async purgeTrash(before: Date): Promise<number> {
    // Members are purged with their documents: what the access cache holds of them goes too,
    // before and after (a lookup under way meanwhile is not kept).
    this.members.forget();
    try {
      // Versions and members go with them (ON DELETE CASCADE).
      return await this.#commits.run(
        () =>
          this.#prepare('DELETE FROM documents WHERE deleted_at < ?').run(before.toISOString())
            .changes,
      );
    } finally {
      this.members.forget();
    }
  }

  async listVersions(id: string): Promise<VersionSummary[] | undefined> {
    return this.#db
      .transaction(() => {
        const exists = this.#prepare(
          'SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL',
        ).get(id);
        if (!exists) return undefined;
        return this.#prepare<[string], VersionSummary>(
          `SELECT version, etag, updated_at, updated_by FROM document_versions
             WHERE document_id = ? ORDER BY version DESC`,
        ).all(id);
      })
      .deferred();
  }

  async listVersionPage(
    id: string,
    page: { limit: number; before?: number },
  ): Promise<VersionEntry[] | undefined> {
    return this.#db
      .transaction((): VersionEntry[] | undefined => {
        const exists = this.#prepare(
          'SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL',
        ).get(id);
        if (!exists) return undefined;
        const rows = this.#prepare<
          [{ id: string; before: number | null; limit: number }],
          VersionPageRow
        >(selectVersionPage(['@id', '@before', '@limit'])).all({
          id,
          before: page.before ?? null,
          limit: page.limit,
        });
        const readBody = (n: number) => rebuildBody(this.#selectChain(id, n));
        return rows.map(({ before_form, before_delta, ...summary }) => {
          const measured = readDeltaChange({ ...summary, before_form, before_delta });
          const change =
            measured !== undefined
              ? measured
              : measureBodyChange(readBody(summary.version - 1), readBody(summary.version));
          return { ...summary, change };
        });
      })
      .deferred();
  }

  async getVersion(id: string, version: number): Promise<StoredVersion | undefined> {
    // One read transaction: another process's save rewrites the row a chain ends on.
    return this.#db
      .transaction((): StoredVersion | undefined => {
        const meta = this.#prepare<[string, number], Omit<StoredVersion, 'body'>>(
          `SELECT d.id, v.title, v.version, v.etag, d.created_at, v.updated_at, v.updated_by
             FROM document_versions v JOIN documents d ON d.id = v.document_id
             WHERE v.document_id = ? AND v.version = ? AND d.deleted_at IS NULL`,
        ).get(id, version);
        if (!meta) return undefined;
        return { ...meta, body: rebuildBody(this.#selectChain(id, version)) };
      })
      .deferred();
  }

  /**
   * The kept bodies from `version` up to the first one that is not a delta (a snapshot, or
   * the newest): what `rebuildBody` needs. At most `snapshotInterval` rows.
   */
  #selectChain(id: string, version: number): KeptBody[] {
    const end = this.#prepare<[string, number], { end: number }>(
      `SELECT min(version) AS end FROM document_versions
         WHERE document_id = ? AND version >= ? AND body_form <> 'delta'`,
    ).get(id, version)!.end;
    return this.#prepare<[string, number, number], KeptBody>(
      `SELECT body_form AS form, body AS content FROM document_versions
         WHERE document_id = ? AND version BETWEEN ? AND ? ORDER BY version`,
    ).all(id, version, end);
  }

  async ping(): Promise<void> {
    // Reads the schema too, so a file that lost its tables is not called healthy.
    this.#prepare('SELECT 1 FROM documents LIMIT 1').get();
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    // Writes still queued are committed (and answered) before the connection goes.
    this.#commits.flush();
    this.#db.close();
  }

  /**
   * A retry of a save whose answer was lost: the request names the version before the current
   * one, and the current one holds exactly what the request would write.
   */
  #isLandedRetry(current: StoredDocument, input: WriteInput & { expected: Expected }): boolean {
    return isLandedRetry(
      current,
      input,
      () =>
        this.#prepare<[string, number], { etag: string }>(
          'SELECT etag FROM document_versions WHERE document_id = ? AND version = ?',
        ).get(current.id, current.version - 1)?.etag,
    );
  }

  #selectCurrent(id: string): CurrentRow | undefined {
    return this.#prepare<[string], CurrentRow>(selectCurrent).get(id);
  }

  #selectByTitleKey(titleKey: string): { id: string; title: string } | undefined {
    return this.#prepare<[string], { id: string; title: string }>(
      'SELECT id, title FROM documents WHERE title_key = ?',
    ).get(titleKey);
  }

  /** Writes the new newest version, kept whole. */
  #insertVersion(id: string, version: number, etag: string, input: WriteInput): void {
    const { form, content } = keepWhole(input.body);
    this.#prepare(
      `INSERT INTO document_versions
         (document_id, version, etag, title, body_form, body, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, version, etag, input.title, form, content, input.at.toISOString(), input.user);
  }

  #announce(document: StoredDocument): void {
    this.#hub.publish({
      type: 'version',
      id: document.id,
      version: document.version,
      etag: document.etag,
      title: document.title,
      updated_at: document.updated_at,
      updated_by: document.updated_by,
    });
  }
}

/** The document of a `selectCurrent` row, without the trash column. */
function toStoredDocument(row: CurrentRow): StoredDocument {
  const { id, title, version, etag, created_at, updated_at, updated_by } = row;
  const body = row.body.toString('utf8');
  return { id, title, body, version, etag, created_at, updated_at, updated_by };
}

/**
 * The condition (to append to a WHERE) and its parameters that keep a list to what `visibleTo`
 * may see: documents without an owner, their own, and those shared with them.
 */
function selectVisible(visibleTo: string | undefined): [string, unknown[]] {
  if (visibleTo === undefined) return ['', []];
  const key = toUsernameKey(visibleTo);
  return [
    ` AND (owner_key IS NULL OR owner_key = ?
       OR id IN (SELECT document_id FROM document_members WHERE username_key = ?))`,
    [key, key],
  ];
}
