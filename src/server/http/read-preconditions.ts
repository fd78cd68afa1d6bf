import type { Context } from 'hono';
import { parseETagList, weakMatch } from '../../protocol/etag.ts';
import type { EntityTag } from '../../protocol/etag.ts';
import { problemTypes } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';
import type { Expected } from '../store/store.ts';
import { readRequestHeader } from './read-request-header.ts';

/** A write's preconditions, as read from `If-Match` and `If-None-Match`. */
export interface WritePreconditions {
  /** `If-Match` as sent: `*`, or the strong tags of which the current version must be one. */
  ifMatch: Expected;
  /** `If-None-Match` as sent, if it was: `*`, or tags the current version must not be. */
  ifNoneMatch?: Expected;
}

/**
 * Reads `If-Match` (required) and `If-None-Match` (optional) of a state-changing request on
 * `path`. Throws 428 when `If-Match` is missing (RFC 6585 §3) and 400 when either header is
 * malformed.
 *
 * Weak tags are dropped from `If-Match`, which uses the strong comparison (RFC 9110 §13.1.1), so
 * a list of only weak tags matches nothing. `If-None-Match` uses the weak comparison (§13.1.2),
 * so its tags are kept whatever their weakness.
 */
export function readWritePreconditions(c: Context, path: string): WritePreconditions {
  const ifMatchTags = readTagList(c, 'If-Match');
  const ifNoneMatchTags = readTagList(c, 'If-None-Match');
  if (ifMatchTags === undefined) {
    throw new ProblemError({
      type: problemTypes.preconditionRequired,
      title: 'Precondition required',
      status: 428,
      detail:
        `Send If-Match with the ETag of the version you edited, e.g. If-Match: "…" as received ` +
        `from GET ${path}, and resubmit. Then the save cannot overwrite a newer version unseen.`,
    });
  }
  const ifMatch: Expected =
    ifMatchTags === '*' ? '*' : ifMatchTags.filter((t) => !t.weak).map((t) => t.opaque);
  if (ifNoneMatchTags === undefined) return { ifMatch };
  return {
    ifMatch,
    ifNoneMatch: ifNoneMatchTags === '*' ? '*' : ifNoneMatchTags.map((t) => t.opaque),
  };
}

/**
 * Folds a write's preconditions into the one `expected` that the store's compare-and-swap
 * checks atomically with the write. Without `If-None-Match` that is `If-Match` as it is and
 * `current` is not needed (so a save reads the document once, in the store's transaction);
 * with it, `current` is the version just read, and 412 is thrown when `If-None-Match` already
 * fails on it (RFC 9110 §13.2.2 step 3: `*`, or a listed tag, on an existing document).
 */
export function foldPreconditions(
  { ifMatch, ifNoneMatch }: WritePreconditions,
  current: { etag: string },
): Expected {
  if (ifNoneMatch === undefined) return ifMatch;
  // Step 1 (If-Match) is the store's; when it would fail, its 409 comes first.
  if (!matchesExpected(ifMatch, current.etag)) return ifMatch;
  if (ifNoneMatch === '*' || ifNoneMatch.includes(current.etag)) {
    throw createPreconditionFailedProblem(
      'If-None-Match matches the current version of this document; nothing was changed.',
    );
  }
  // `*` cannot be narrowed by a list, but the version just read can: if another save lands
  // before the write, the compare-and-swap refuses it as stale.
  return ifMatch === '*' ? [current.etag] : ifMatch.filter((t) => !ifNoneMatch.includes(t));
}

/** Whether the version tagged `etag` satisfies `expected` (strong comparison, RFC 9110 §13.1.1). */
export function matchesExpected(expected: Expected, etag: string): boolean {
  return expected === '*' || expected.includes(etag);
}

/**
 * Evaluates a GET's or HEAD's preconditions on the representation tagged `etag`, in the order
 * of RFC 9110 §13.2.2: `If-Match` (strong comparison; false: 412), then `If-None-Match` (weak
 * comparison; true: answer 304). Returns `'notModified'` for a 304, or `'ok'`. Throws 400 for a
 * malformed header and 412 for a failed `If-Match`.
 */
export function evaluateReadPreconditions(c: Context, etag: string): 'ok' | 'notModified' {
  const ifMatch = readTagList(c, 'If-Match');
  const ifNoneMatch = readTagList(c, 'If-None-Match');
  const current: EntityTag = { weak: false, opaque: etag };
  // Step 1. `*` matches because the representation exists.
  if (ifMatch !== undefined && ifMatch !== '*') {
    if (!ifMatch.some((tag) => !tag.weak && tag.opaque === etag)) {
      throw createPreconditionFailedProblem('If-Match names no current version of this resource.');
    }
  }
  // Step 3 (step 2, If-Unmodified-Since, does not apply: Concord sends no Last-Modified).
  if (ifNoneMatch === '*') return 'notModified';
  if (ifNoneMatch?.some((tag) => weakMatch(tag, current))) return 'notModified';
  return 'ok';
}

/** 412: a precondition other than the stale `If-Match` of a write (which answers 409) failed. */
export function createPreconditionFailedProblem(detail: string): ProblemError {
  return new ProblemError({
    type: problemTypes.preconditionFailed,
    title: 'Precondition failed',
    status: 412,
    detail,
  });
}

/** A tag-list header: `undefined` when absent, `*` or the tags; 400 when malformed. */
function readTagList(
  c: Context,
  name: 'If-Match' | 'If-None-Match',
): '*' | EntityTag[] | undefined {
  const value = readRequestHeader(c, name);
  if (value === undefined) return undefined;
  const tags = parseETagList(value);
  if (tags === undefined) {
    throw new ProblemError({
      type: problemTypes.invalidPrecondition,
      title: `Malformed ${name}`,
      status: 400,
      detail: `${name} must be * or a comma-separated list of entity-tags such as "abc" (RFC 9110 §8.8.3).`,
    });
  }
  return tags;
}
