import { problemTypes } from '../../protocol/problem.ts';
import type { DocumentDeletedProblem } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';

/**
 * 409 to a save or delete of a document in the trash: a state-transition conflict (the
 * request is valid, but the document's state does not allow it), saying how to restore it.
 */
export function createDocumentDeletedProblem(id: string, deletedAt: string): ProblemError {
  const restore = `/api/trash/${id}/restore`;
  const problem: DocumentDeletedProblem = {
    type: problemTypes.documentDeleted,
    title: 'Document deleted',
    status: 409,
    detail:
      `This document was moved to the trash at ${deletedAt}. POST ${restore} brings it back ` +
      '(history and ETag unchanged); then send the request again.',
    deleted_at: deletedAt,
    restore,
  };
  return new ProblemError(problem);
}
