/**
 * The lengths of the common start and end of two texts, not overlapping: what an edit left
 * untouched on either side of it, found in one scan before anything is diffed.
 *
 * @example measureCommonEnds('abc', 'abXbc'); // { prefix: 2, suffix: 1 }
 */
export function measureCommonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  )
    suffix++;
  return { prefix, suffix };
}
