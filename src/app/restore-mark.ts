import { ApiError, titleTakenProblemOf } from '../client/index.ts';
import { describeError } from './describe-error.ts';

/**
 * What this tab knows after it brought its document back from the trash. The editor flow's own
 * "deleted" mark (a save answered 409 `document-deleted`) stays set once set, so after a restore
 * only the event stream can say the document was deleted again: and only once the stream has
 * itself followed the restore (`streamSawRestore`), since until then it still says "deleted".
 */
export interface RestoreMark {
  streamSawRestore: boolean;
}

/** The mark of a restore that just landed, given what the event stream says now. */
export function markRestore(streamSaysDeleted: boolean): RestoreMark {
  return { streamSawRestore: !streamSaysDeleted };
}

/** The mark as the event stream moves on (it says "not deleted" once it hears `restored`). */
export function followStream(mark: RestoreMark, streamSaysDeleted: boolean): RestoreMark {
  return mark.streamSawRestore || streamSaysDeleted ? mark : { streamSawRestore: true };
}

/**
 * Whether the editor shows "This document was deleted" (with "Restore and save" and "Save as a
 * new document"): when the flow or the stream says so, unless this tab restored it since.
 *
 * @example
 * isDeletedShown(true, true, null); // true: deleted, not restored
 * isDeletedShown(true, true, markRestore(true)); // false: restored, the stream not caught up
 */
export function isDeletedShown(
  flowSaysDeleted: boolean,
  streamSaysDeleted: boolean,
  mark: RestoreMark | null,
): boolean {
  if (!mark) return flowSaysDeleted || streamSaysDeleted;
  return mark.streamSawRestore && streamSaysDeleted;
}

/**
 * Why a document could not come back from the trash, in words.
 *
 * @example describeRestoreFailure(titleTakenError) // 'Not restored: another document is now called “Plan”. …'
 */
export function describeRestoreFailure(error: unknown): string {
  const taken = titleTakenProblemOf(error);
  if (taken)
    return `Not restored: another document is now called “${taken.existing.title}”. Rename that one first, or keep this text as a new document.`;
  if (error instanceof ApiError && error.status === 404)
    return 'Not restored: it is no longer in the trash (it was purged).';
  return `Not restored: ${describeError(error)}`;
}
