import { randomBytes } from 'node:crypto';
import { formatStrongETag } from '../../protocol/etag.ts';
import type { Expected, WriteInput } from './store.ts';

// The rules of a guarded write that every store follows, written once: what a store does in SQL
// differs, what it decides must not.

/** A fresh strong ETag: 144 random bits, so tags never repeat, across documents or deletes. */
export function generateETag(): string {
  return formatStrongETag(randomBytes(18).toString('base64url'));
}

/**
 * Whether an `If-Match` (already parsed: `*` or strong tags) lets a write replace the version
 * tagged `etag`. `*` matches any existing document (RFC 9110 §13.1.1).
 *
 * @example matchesExpected(['"a"', '"b"'], '"b"') // true
 */
export function matchesExpected(expected: Expected, etag: string): boolean {
  return expected === '*' || expected.includes(etag);
}

/** What a landed-retry check needs of the current version. */
export interface CurrentFacts {
  version: number;
  title: string;
  body: string;
  updated_by: string;
}

/**
 * Whether a save whose `If-Match` no longer matches is the retry of a save that already landed
 * (its first answer was lost): the current version is exactly what it sends, by the same
 * person, and it was guarded by the version before the current one. Such a retry is answered
 * 200 with the stored document, not 409 (design.md, "HTTP contract"). `previousETag` reads the
 * ETag of the version before the current one, only when the cheap checks pass.
 *
 * @example isLandedRetry(current, { ...input, expected: ['"v1"'] }, () => '"v1"') // true when v2 is input
 */
export function isLandedRetry(
  current: CurrentFacts,
  input: WriteInput & { expected: Expected },
  previousETag: () => string | null | undefined,
): boolean {
  if (input.expected === '*' || current.version < 2) return false;
  if (current.title !== input.title || current.updated_by !== input.user) return false;
  if (current.body !== input.body) return false;
  const previous = previousETag();
  return typeof previous === 'string' && input.expected.includes(previous);
}
