/** The sign-in page's path. */
export const signInPath = '/sign-in';

/** The sign-in page's query: where to go once signed in, always a path of this app. */
export interface SignInSearch {
  next?: string;
}

/**
 * The sign-in page's query for a person sent there from `path` (with its query): remembering
 * where they were so that they come back to it (and to the draft kept there).
 *
 * @example toSignInSearch('/docs/abc') // { next: '/docs/abc' }, the URL '/sign-in?next=%2Fdocs%2Fabc'
 */
export function toSignInSearch(path: string): SignInSearch {
  if (path === '/' || path.startsWith(signInPath)) return {};
  return { next: path };
}

/**
 * The sign-in page's query as the router reads it (its `validateSearch`): `next` only when it
 * is a path of this app. Never another site (`//evil.example`, `https://…`, a backslash some
 * browsers read as a slash): an open redirect would make a phishing link look like this
 * server's. Without a `next`, a person signed in goes to the document list.
 *
 * @example readSignInSearch({ next: '/docs/abc' }) // { next: '/docs/abc' }
 */
export function readSignInSearch(search: Record<string, unknown>): SignInSearch {
  const { next } = search;
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return {};
  if (next.includes('\\') || next.startsWith(signInPath)) return {};
  return { next };
}
