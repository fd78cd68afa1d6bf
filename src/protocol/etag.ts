/**
 * Entity-tag parsing and comparison, RFC 9110 §8.8.3.
 *
 * Tags are opaque: a client compares them, never looks inside.
 */

export interface EntityTag {
  weak: boolean;
  /** The opaque-tag with its quotes, e.g. `"abc"`. */
  opaque: string;
}

// etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
const entityTag = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/** Parses one entity-tag; `undefined` when malformed. */
export function parseEntityTag(value: string): EntityTag | undefined {
  const match = entityTag.exec(value.trim());
  if (!match) return undefined;
  return { weak: match[1] !== undefined, opaque: match[2]! };
}

/**
 * Parses an `If-Match` / `If-None-Match` field value: `*` or a comma-separated list of tags.
 * Returns `undefined` when any member is malformed.
 *
 * @example parseETagList('"a", W/"b"') // [{ weak: false, opaque: '"a"' }, { weak: true, opaque: '"b"' }]
 */
export function parseETagList(value: string): '*' | EntityTag[] | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  const tags: EntityTag[] = [];
  // Commas cannot appear inside an opaque-tag, so a plain split is exact.
  for (const member of trimmed.split(',')) {
    if (member.trim() === '') continue; // RFC 9110 §5.6.1: empty list elements are ignored
    const tag = parseEntityTag(member);
    if (!tag) return undefined;
    tags.push(tag);
  }
  return tags.length > 0 ? tags : undefined;
}

/** Strong comparison (RFC 9110 §8.8.3.2): both strong and the same opaque tag. */
export function strongMatch(a: EntityTag, b: EntityTag): boolean {
  return !a.weak && !b.weak && a.opaque === b.opaque;
}

/** Weak comparison (RFC 9110 §8.8.3.2): the same opaque tag, weak or not. */
export function weakMatch(a: EntityTag, b: EntityTag): boolean {
  return a.opaque === b.opaque;
}

/** Formats a strong tag from an opaque token that holds no `"`. */
export function formatStrongETag(token: string): string {
  return `"${token}"`;
}
