/** A stored document as the API returns it (`GET /api/docs/{id}`, and after a save). */
export interface DocumentDto {
  id: string;
  title: string;
  body: string;
  /** 1 for a new document, +1 for every save. */
  version: number;
  /** ISO 8601 timestamps. */
  created_at: string;
  updated_at: string;
  /** The name the saving person gave ("Your name"), or "" when none. */
  updated_by: string;
}

/** One row of `GET /api/docs`. */
export interface DocumentSummary {
  id: string;
  title: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** One row of `GET /api/trash`: a deleted document, until it is restored or purged. */
export interface TrashedDocumentSummary extends DocumentSummary {
  /** When it was deleted (ISO 8601, UTC). */
  deleted_at: string;
  /**
   * Who deleted it: the signed-in account (or, without accounts, the name the deleting person
   * gave); "" when none was given, or for a document deleted before Concord kept it.
   */
  deleted_by: string;
}

/** One row of `GET /api/trash` as sent: a deleted document, and when it will be purged. */
export interface TrashEntry extends TrashedDocumentSummary {
  /** When it is purged with its history (ISO 8601, UTC): restorable until then. */
  purge_at: string;
}

/** One row of `GET /api/docs/{id}/versions`, newest first. */
export interface VersionSummary {
  version: number;
  etag: string;
  updated_at: string;
  updated_by: string;
}

/**
 * How much a version changed its body from the version before: characters (UTF-16 code units,
 * as JavaScript counts `length`) that it added and that it removed. A replaced word counts
 * in both.
 */
export interface VersionChange {
  added: number;
  removed: number;
}

/** One row of a page of `GET /api/docs/{id}/versions`: a version and how much it changed. */
export interface VersionEntry extends VersionSummary {
  /** `null` for version 1, which has nothing before it. */
  change: VersionChange | null;
}

/** A page of `GET /api/docs/{id}/versions`, newest first. */
export interface VersionPage {
  items: VersionEntry[];
  /** Pass as `cursor` for the next (older) page; `null` on the last page. Opaque. */
  next_cursor: string | null;
}

/** The body of `POST /api/docs` and `PUT /api/docs/{id}`. */
export interface DocumentInput {
  title: string;
  body: string;
}

/** Limits every client and the server agree on. */
export const limits = {
  /** Longest title, in UTF-16 code units, after trimming. */
  titleMaxLength: 200,
  /** Largest request body the server accepts, in bytes. */
  maxBodyBytes: 5 * 1024 * 1024,
  /** Longest "Your name" sent in the `Concord-User` header. */
  userNameMaxLength: 100,
} as const;

/**
 * The request header that carries the saving person's name, percent-encoded
 * (header values are ISO-8859-1 on the wire; names are not).
 */
export const userHeader = 'Concord-User';
