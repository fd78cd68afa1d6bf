/** The sign-in page's path. */
export const signInPath = '/sign-in';

/**
 * Where to send a person to sign in from `path` (with its query): the sign-in page, remembering
 * where they were so that they come back to it (and to the draft kept there).
 *
 * @example toSignInPath('/docs/abc') // '/sign-in?next=%2Fdocs%2Fabc'
 */
export function toSignInPath(path: string): string {
  if (path === '/' || path.startsWith(signInPath)) return signInPath;
  return `${signInPath}?next=${encodeURIComponent(path)}`;
}

/**
 * Where to go once signed in, from the sign-in page's query: its `next` when that is a path of
 * this app, else the document list. Never another site (`//evil.example`, `https://…`, a
 * backslash some browsers read as a slash): an open redirect would make a phishing link look
 * like this server's.
 *
 * @example readNextPath('?next=%2Fdocs%2Fabc') // '/docs/abc'
 */
export function readNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if (next.startsWith(signInPath)) return '/';
  return next;
}
