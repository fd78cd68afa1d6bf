/** What a `version` or `restored` event says of the document's current version. */
interface VersionMetadata {
  id: string;
  version: number;
  etag: string;
  title: string;
  updated_at: string;
  updated_by: string;
}

/**
 * A committed change to one document, as the event streams relay it. A `version` event with
 * `version: 1` is a create. Every field is needed: the list stream sends `title` and
 * `updated_at` so a document list can update in place.
 */
export type ChangeEvent =
  | ({ type: 'version' } & VersionMetadata)
  /** Moved to the trash. */
  | { type: 'deleted'; id: string }
  /** Back from the trash, as it was: its current version's metadata. */
  | ({ type: 'restored' } & VersionMetadata)
  /**
   * Changes may have been missed: a store's change listener lost its connection and is back.
   * Delivered to every listener. The event streams end on it, and their clients reconnect and
   * catch up as after any drop (Last-Event-ID replay of a document's versions; a fresh list).
   */
  | { type: 'resync' };

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Where writes are announced. The SQLite store publishes after each commit; a PostgreSQL store
 * would publish what arrives by LISTEN/NOTIFY, so every process hears every write.
 */
export interface ChangeFeed {
  /** Calls `listener` for each change to document `id`; returns the unsubscribe function. */
  subscribe(id: string, listener: ChangeListener): () => void;
  /** Calls `listener` for each change to any document; returns the unsubscribe function. */
  subscribeAll(listener: ChangeListener): () => void;
}
