/** Versions shown on one page of the history. */
export const versionsPerPage = 20;

/**
 * One page of a newest-first list: its items, and whether there are pages before and after.
 * A page past the end is the last page, so a list that shrank never shows an empty page.
 *
 * @example pageOf([5, 4, 3, 2, 1], 1, 2) // { items: [3, 2], page: 1, pages: 3, hasPrevious: true, hasNext: true }
 */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = versionsPerPage,
): { items: T[]; page: number; pages: number; hasPrevious: boolean; hasNext: boolean } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return {
    items: items.slice(at * size, at * size + size),
    page: at,
    pages,
    hasPrevious: at > 0,
    hasNext: at < pages - 1,
  };
}
