import type { DocumentStore } from './store.ts';

/** Days a deleted document stays in the trash when `CONCORD_TRASH_DAYS` says nothing. */
export const defaultTrashDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * How long deleted documents are kept, by the app's clock. A document trashed longer ago counts
 * as purged from that moment on (404 everywhere) even before `purge` has removed it, so the
 * answer never depends on when the last purge ran.
 */
export interface TrashRetention {
  /** Whether a document deleted at `deletedAt` (ISO 8601) is past the retention period. */
  isExpired(deletedAt: string): boolean;
  /** When a document deleted at `deletedAt` is purged (ISO 8601): listed until then, gone after. */
  purgeAt(deletedAt: string): string;
  /** Deletes for good every document past the retention period, with its history. */
  purge(): Promise<void>;
}

/**
 * The retention of `store`'s trash: `days` after the delete, by `now`.
 *
 * @example const trash = createTrashRetention(store, () => new Date(), defaultTrashDays);
 */
export function createTrashRetention(
  store: Pick<DocumentStore, 'purgeTrash'>,
  now: () => Date,
  days: number,
): TrashRetention {
  const cutoff = () => new Date(now().getTime() - days * dayMs);
  return {
    isExpired: (deletedAt) => Date.parse(deletedAt) < cutoff().getTime(),
    purgeAt: (deletedAt) => new Date(Date.parse(deletedAt) + days * dayMs).toISOString(),
    purge: async () => {
      await store.purgeTrash(cutoff());
    },
  };
}
