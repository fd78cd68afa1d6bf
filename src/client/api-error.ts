import {
  documentDeletedType,
  idempotencyKeyInFlightType,
  isDocumentDeleted,
  isEditConflict,
  isTitleTaken,
  titleTakenType,
  type DocumentDeletedProblem,
  type EditConflictProblem,
  type Problem,
  type TitleTakenProblem,
} from '../protocol/index.ts';

/**
 * Every failed Concord request, carrying the HTTP status and the parsed problem+json body
 * (RFC 9457) when the server sent one. Recognise a kind of failure by `status` and
 * `problem.type`, never by the message text.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** The `ETag` response header, when present (a 412 may carry the current one). */
    readonly etag: string | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed with status ${status}`);
  }
}

/** A save refused because the document changed since it was loaded: 409 or 412. */
export interface SaveConflictError extends ApiError {
  readonly status: 409 | 412;
}

// 409s of Concord's that are not lost updates: merging would not help, the person must act.
const otherConflictTypes: ReadonlySet<string> = new Set([
  titleTakenType,
  idempotencyKeyInFlightType,
  // The document is in the trash: there is no newer version to merge with, only a restore.
  documentDeletedType,
]);

/**
 * Whether an error is a lost-update conflict. Concord answers 409 with the current document;
 * other servers answer 412, often with no body: treat both alike (design.md, "HTTP contract").
 * A 409 whose problem type says it is something else (a title already used) is not one.
 */
export function isSaveConflict(error: unknown): error is SaveConflictError {
  return error instanceof ApiError && isLostUpdateAnswer(error.status, error.problem?.type);
}

/**
 * Whether an answer with this status and problem type refuses a save as a lost update (412, or
 * a 409 that is not one of Concord's other conflicts), the rule of {@link isSaveConflict}.
 */
export function isLostUpdateAnswer(status: number, problemType: string | undefined): boolean {
  if (status === 412) return true;
  return status === 409 && !otherConflictTypes.has(problemType ?? '');
}

/** The edit-conflict problem of a conflict error, when the server sent the current document. */
export function conflictProblemOf(error: unknown): EditConflictProblem | undefined {
  if (!(error instanceof ApiError) || !isSaveConflict(error)) return undefined;
  return isEditConflict(error.problem) ? error.problem : undefined;
}

/** The problem of a create or rename refused because another document has the title. */
export function titleTakenProblemOf(error: unknown): TitleTakenProblem | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  return isTitleTaken(error.problem) ? error.problem : undefined;
}

/** The problem of a save or delete refused because the document is in the trash. */
export function documentDeletedProblemOf(error: unknown): DocumentDeletedProblem | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  return isDocumentDeleted(error.problem) ? error.problem : undefined;
}
