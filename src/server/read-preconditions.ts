import type { Context } from 'hono';
import { parseETagList, weakMatch } from '../protocol/etag.ts';
import { problemTypes } from '../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';
import type { Expected } from './store.ts';

/**
 * Reads `If-Match` for a state-changing request on `path`. Returns what the store's
 * compare-and-swap must find: `*`, or the strong tags listed. Weak tags are dropped because
 * `If-Match` uses the strong comparison (RFC 9110 §13.1.1), so a list of only weak tags
 * matches nothing. Throws 428 when the header is missing (RFC 6585 §3) and 400 when malformed.
 */
export function readIfMatch(c: Context, path: string): Expected {
  const value = c.req.header('If-Match');
  if (value === undefined) {
    throw new ProblemError({
      type: problemTypes.preconditionRequired,
      title: 'Precondition required',
      status: 428,
      detail:
        `Send If-Match with the ETag of the version you edited, e.g. If-Match: "…" as received ` +
        `from GET ${path}. Then the save cannot overwrite a newer version unseen.`,
    });
  }
  const tags = parseETagList(value);
  if (tags === undefined) {
    throw new ProblemError({
      type: problemTypes.invalidPrecondition,
      title: 'Malformed If-Match',
      status: 400,
      detail: 'If-Match must be * or a comma-separated list of entity-tags such as "abc".',
    });
  }
  if (tags === '*') return '*';
  return tags.filter((tag) => !tag.weak).map((tag) => tag.opaque);
}

/**
 * Whether `If-None-Match` matches the representation tagged `etag`, using the weak comparison
 * (RFC 9110 §13.1.2): then a GET answers 304. A malformed header is ignored, not refused.
 */
export function matchesIfNoneMatch(c: Context, etag: string): boolean {
  const value = c.req.header('If-None-Match');
  if (value === undefined) return false;
  const tags = parseETagList(value);
  if (tags === undefined) return false;
  if (tags === '*') return true;
  const current = { weak: false, opaque: etag };
  return tags.some((tag) => weakMatch(tag, current));
}
