/** A committed change to one document, as `GET /api/docs/{id}/events` relays it. */
export type ChangeEvent =
  | { type: 'version'; id: string; version: number; etag: string; updated_by: string }
  | { type: 'deleted'; id: string };

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Where writes are announced. The SQLite store publishes after each commit; a PostgreSQL store
 * would publish what arrives by LISTEN/NOTIFY, so every process hears every write.
 */
export interface ChangeFeed {
  /** Calls `listener` for each change to document `id`; returns the unsubscribe function. */
  subscribe(id: string, listener: ChangeListener): () => void;
}
