import { ApiError, conflictProblemOf, documentDeletedProblemOf } from '../client/index.ts';
import { describeError } from './describe-error.ts';

/**
 * What a refused delete means for the person: `undefined` when the document is in the trash
 * all the same (someone else deleted it first, so the person's wish is done), else the sentence
 * to show. A newer save meanwhile is never deleted unseen: the person looks at it first.
 *
 * @example describeDeleteFailure(staleError) // 'Not deleted: Bob saved version 3 since …'
 */
export function describeDeleteFailure(error: unknown): string | undefined {
  if (documentDeletedProblemOf(error)) return undefined;
  const conflict = conflictProblemOf(error);
  if (conflict) {
    const { version, updated_by: by } = conflict.current;
    return `Not deleted: ${by || 'someone'} saved version ${version} since you opened it. Look at their changes first; then delete it if you still want to.`;
  }
  if (error instanceof ApiError && error.status === 404)
    return 'This document no longer exists (it was deleted and purged from the trash).';
  return `Not deleted: ${describeError(error)}`;
}
