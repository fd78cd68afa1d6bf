import { formatWhen } from './format-when.ts';

/**
 * Who deleted a document in the trash, and when, for its row; only when, for a document deleted
 * without a name (or before Concord kept the deleter).
 *
 * @example describeDeletion({ deleted_by: 'Alice', deleted_at: '2030-01-01T10:32:00Z' })
 * // 'Deleted by Alice, 1 Jan 2030, 10:32' (the time in the reader's locale)
 */
export function describeDeletion(entry: { deleted_by: string; deleted_at: string }): string {
  const when = formatWhen(entry.deleted_at);
  return entry.deleted_by ? `Deleted by ${entry.deleted_by}, ${when}` : `Deleted ${when}`;
}
