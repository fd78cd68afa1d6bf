import type {
  DocumentDto,
  DocumentSummary,
  TrashedDocumentSummary,
  VersionEntry,
  VersionSummary,
} from '../../protocol/document.ts';
import type { AccountStore } from './account-store.ts';
import type { ChangeFeed } from '../events/change-feed.ts';
import type { MemberStore } from './member-store.ts';

/** A document as a store holds it: the wire shape plus the strong ETag of its current version. */
export interface StoredDocument extends DocumentDto {
  /** The entity-tag as sent on the wire, quotes included, e.g. `"Zx3…"`. */
  etag: string;
}

/** One kept version of a document; immutable once written. */
export type StoredVersion = StoredDocument;

/**
 * What a conditional write must find to go ahead (RFC 9110 §13.1.1): `*` for any current
 * version, or the strong tags of which the current version must be one. Weak tags never
 * match `If-Match`, so callers leave them out; an empty list never matches.
 */
export type Expected = '*' | readonly string[];

/** A new document's content and who wrote it. The title is already validated and trimmed. */
export interface WriteInput {
  title: string;
  body: string;
  /** Stored as `updated_by`; `''` when the person gave no name. */
  user: string;
  /** When the write happens; stored as `created_at` / `updated_at`. */
  at: Date;
  /**
   * Creates only: the signed-in creator, who owns the document. Absent or `null` without
   * accounts (`CONCORD_AUTH=off`): an ownerless document is open to everyone signed in.
   */
  owner?: string | null;
}

/**
 * Lists for one person only (`listDocuments`, `listTrash`): the documents they own, are a
 * member of, or that have no owner. Absent: every document (`CONCORD_AUTH=off`).
 */
export interface VisibleTo {
  visibleTo?: string;
}

export type CreateOutcome =
  | { status: 'created'; document: StoredDocument }
  | { status: 'titleTaken'; existing: { id: string; title: string } };

export type SaveOutcome =
  | { status: 'saved'; document: StoredDocument }
  /**
   * The same save already landed (its answer was lost and the client retried): nothing was
   * written and `document` is the version that save produced.
   */
  | { status: 'alreadySaved'; document: StoredDocument }
  | { status: 'notFound' }
  /** The document is in the trash: nothing was written (whatever `expected` said). */
  | { status: 'trashed'; deleted_at: string }
  | { status: 'conflict'; current: StoredDocument }
  | { status: 'titleTaken'; existing: { id: string; title: string } };

/**
 * A create sent with an `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): the key,
 * what was asked under it, and how long keys are kept.
 */
export interface IdempotentRequest {
  /** The key as the client sent it (at most 255 printable ASCII characters). */
  key: string;
  /** A digest of the request's payload (title, body, user): equal payloads, equal digests. */
  fingerprint: string;
  /** Keys recorded before this instant have expired: treat them as never recorded. */
  expiredBefore: Date;
}

export type IdempotentCreateOutcome =
  /** `replayed`: the key was recorded with this payload; this is the first call's outcome. */
  | (CreateOutcome & { replayed: boolean })
  /** The key was recorded with another payload; nothing was written. */
  | { status: 'keyReused' };

/** Where a page of `listDocuments` starts: after this row of the previous page. */
export interface DocumentCursor {
  updated_at: string;
  id: string;
}

export type DeleteOutcome =
  | { status: 'deleted' }
  | { status: 'notFound' }
  | { status: 'trashed'; deleted_at: string }
  | { status: 'conflict'; current: StoredDocument };

/** Where a page of `listTrash` starts: after this row of the previous page. */
export interface TrashCursor {
  deleted_at: string;
  id: string;
}

export type RestoreOutcome =
  | { status: 'restored'; document: StoredDocument }
  /** Not in the trash: it never existed, was purged, or is not deleted. */
  | { status: 'notFound' }
  /** A live document took the title while this one was in the trash; nothing was changed. */
  | { status: 'titleTaken'; existing: { id: string; title: string } };

/**
 * Where documents live. Every method is async so that a networked store (PostgreSQL) fits the
 * same shape as the embedded SQLite one. Expected outcomes (a conflict, a taken title) are
 * values; only broken invariants and I/O failures throw.
 *
 * Writes are compare-and-swap: `saveDocument` and `deleteDocument` check `expected` against the
 * current version and write in one transaction, so two writers holding the same ETag can never
 * both succeed.
 */
export interface DocumentStore {
  /**
   * Documents, most recently updated first (ties: by id, bytewise ascending). Without `page`,
   * all of them; with it, at most `page.limit`, starting strictly after `page.after` in that
   * order (keyset paging: `(updated_at, id) < (after.updated_at, after.id)` by the order above).
   */
  listDocuments(
    page?: { limit: number; after?: DocumentCursor } & VisibleTo,
  ): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** Creates version 1 with a fresh id and ETag, unless another document has the title. */
  createDocument(input: WriteInput): Promise<CreateOutcome>;
  /**
   * `createDocument` at most once per `request.key`, for `Idempotency-Key` on `POST /api/docs`.
   * In ONE transaction, together with the create itself:
   *
   * 1. Key records made before `request.expiredBefore` count as absent (and may be deleted).
   * 2. If `request.key` is recorded with the same `fingerprint`: returns the recorded outcome,
   *    exactly as first returned (the same document snapshot and ETag, or the same
   *    `titleTaken`), with `replayed: true`; writes nothing, announces nothing. If it is
   *    recorded with another fingerprint: returns `keyReused`, writes nothing.
   * 3. Otherwise: does what `createDocument` does and records `{ key, fingerprint, outcome,
   *    recorded at input.at }` for both `created` and `titleTaken`, with `replayed: false`.
   *
   * The record and the document commit together or not at all, so a key never names a create
   * that did not happen. Two calls with one key racing (other processes) must serialize on
   * the key: the later one sees the earlier's record and replays it; a document is created
   * once. (SQLite: the IMMEDIATE transaction. PostgreSQL: e.g. claim the key first with
   * `INSERT … ON CONFLICT (key) DO NOTHING` in the same transaction, which waits for a
   * concurrent holder's commit, then read the record.)
   */
  createDocumentOnce(
    input: WriteInput,
    request: IdempotentRequest,
  ): Promise<IdempotentCreateOutcome>;
  /**
   * Writes a new version if the current one matches `expected`. When it does not, but the
   * current version is exactly what this save would have written on top of a version matching
   * `expected`, answers `alreadySaved` (a retry whose first answer was lost).
   */
  saveDocument(id: string, input: WriteInput & { expected: Expected }): Promise<SaveOutcome>;
  /**
   * Moves the document to the trash at `at`, deleted `by` that person ("" for no name), if its
   * current version matches `expected`. It
   * keeps its history and id, but leaves the list and frees its title; every method but the
   * trash's own then treats it as absent (`getDocument` gives `undefined`), except that saves
   * and deletes answer `trashed`.
   */
  deleteDocument(id: string, expected: Expected, at: Date, by: string): Promise<DeleteOutcome>;
  /**
   * Documents in the trash, most recently deleted first (ties: by id, bytewise ascending), at
   * most `page.limit`, starting strictly after `page.after` in that order.
   */
  listTrash(
    page: { limit: number; after?: TrashCursor } & VisibleTo,
  ): Promise<TrashedDocumentSummary[]>;
  /** The trashed document `id`'s summary; `undefined` when it is not in the trash. */
  findInTrash(id: string): Promise<TrashedDocumentSummary | undefined>;
  /**
   * Takes the document out of the trash as it was, history, version and ETag unchanged, unless
   * a live document has its title now. Announces a `restored` change.
   */
  restoreDocument(id: string): Promise<RestoreOutcome>;
  /** Deletes for good, with their history and members, the documents trashed before `before`; their count. */
  purgeTrash(before: Date): Promise<number>;
  /** Every kept version, newest first; `undefined` when the document does not exist. */
  listVersions(id: string): Promise<VersionSummary[] | undefined>;
  /**
   * A page of versions, newest first: at most `page.limit`, older than `page.before` when it is
   * given, each with how much it changed from the one before (read off the older one's
   * reverse delta; only a version whose predecessor is a snapshot rebuilds the two bodies).
   * `undefined` when the document does not exist. `listVersions` stays for callers that want
   * every version without the measure (the event stream's replay).
   */
  listVersionPage(
    id: string,
    page: { limit: number; before?: number },
  ): Promise<VersionEntry[] | undefined>;
  getVersion(id: string, version: number): Promise<StoredVersion | undefined>;
  /**
   * A cheap query that reaches the database (for `GET /healthz`); rejects when the store cannot
   * answer.
   */
  ping(): Promise<void>;
  /** Tells subscribers about every committed write, from this process or (later) others. */
  readonly changes: ChangeFeed;
  /** Accounts, sessions and API tokens, in the same database. */
  readonly accounts: AccountStore;
  /** Who each document is shared with, in the same database. */
  readonly members: MemberStore;
  /** Releases the connection; the store is unusable afterwards. */
  close(): Promise<void>;
}
