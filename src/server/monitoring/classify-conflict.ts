import { problemTypes } from '../../protocol/problem.ts';

/**
 * The kinds of conflict the server counts and logs: a save or delete against a stale version
 * (409 to `If-Match`), a failed `If-None-Match` (412), a title another document has, a write to
 * a document in the trash, and an `Idempotency-Key` sent again with another payload (422) or
 * while its first request runs (409).
 */
export const conflictKinds = [
  'stale-save',
  'stale-delete',
  'precondition-failed',
  'title-taken',
  'document-deleted',
  'idempotency-key-reused',
  'idempotency-key-in-flight',
] as const;

export type ConflictKind = (typeof conflictKinds)[number];

const kindsByProblemType = new Map<string, ConflictKind>([
  [problemTypes.preconditionFailed, 'precondition-failed'],
  [problemTypes.titleTaken, 'title-taken'],
  [problemTypes.documentDeleted, 'document-deleted'],
  [problemTypes.idempotencyKeyReused, 'idempotency-key-reused'],
  [problemTypes.idempotencyKeyInFlight, 'idempotency-key-in-flight'],
]);

/**
 * The conflict an answer of problem `type` to a `method` request is, or `undefined` when it is
 * none (a 404, a 400, …).
 *
 * @example classifyConflict(problemTypes.editConflict, 'PUT') // 'stale-save'
 */
export function classifyConflict(
  type: string | undefined,
  method: string,
): ConflictKind | undefined {
  if (type === problemTypes.editConflict)
    return method === 'DELETE' ? 'stale-delete' : 'stale-save';
  return type === undefined ? undefined : kindsByProblemType.get(type);
}
