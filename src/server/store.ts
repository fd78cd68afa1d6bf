import type { DocumentDto, DocumentSummary, VersionSummary } from '../protocol/document.ts';
import type { ChangeFeed } from './change-feed.ts';

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
  | { status: 'conflict'; current: StoredDocument }
  | { status: 'titleTaken'; existing: { id: string; title: string } };

export type DeleteOutcome =
  { status: 'deleted' } | { status: 'notFound' } | { status: 'conflict'; current: StoredDocument };

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
  /** Every document, most recently updated first. */
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** Creates version 1 with a fresh id and ETag, unless another document has the title. */
  createDocument(input: WriteInput): Promise<CreateOutcome>;
  /**
   * Writes a new version if the current one matches `expected`. When it does not, but the
   * current version is exactly what this save would have written on top of a version matching
   * `expected`, answers `alreadySaved` (a retry whose first answer was lost).
   */
  saveDocument(id: string, input: WriteInput & { expected: Expected }): Promise<SaveOutcome>;
  /** Deletes the document and its history if the current version matches `expected`. */
  deleteDocument(id: string, expected: Expected): Promise<DeleteOutcome>;
  /** Every kept version, newest first; `undefined` when the document does not exist. */
  listVersions(id: string): Promise<VersionSummary[] | undefined>;
  getVersion(id: string, version: number): Promise<StoredVersion | undefined>;
  /** Tells subscribers about every committed write, from this process or (later) others. */
  readonly changes: ChangeFeed;
  /** Releases the connection; the store is unusable afterwards. */
  close(): Promise<void>;
}
