import type { Context } from 'hono';
import { readRequestHeader } from '../http/read-request-header.ts';

/** The session cookie's name. */
export const sessionCookieName = 'concord_session';

/**
 * `Set-Cookie` for a session (RFC 6265 §4.1): `HttpOnly` so page scripts cannot read it,
 * `SameSite=Lax` so other sites' pages cannot send it with a POST/PUT/DELETE, `Secure` when
 * the person came over https, `Path=/` for the API and the app alike.
 */
export function formatSessionCookie(
  secret: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${sessionCookieName}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(options.maxAgeSeconds)}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that makes the browser drop the session cookie (signing out). */
export function formatClearedSessionCookie(secure: boolean): string {
  return formatSessionCookie('', { secure, maxAgeSeconds: 0 });
}

/** The session secret from the request's `Cookie` header; `undefined` when there is none. */
export function readSessionSecret(c: Context): string | undefined {
  const header = readRequestHeader(c, 'Cookie');
  if (!header) return undefined;
  // Scanned, not split into arrays: this runs on every signed-in request.
  for (let start = 0; start < header.length;) {
    const semicolon = header.indexOf(';', start);
    const end = semicolon === -1 ? header.length : semicolon;
    const pair = header.slice(start, end).trim();
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (name === sessionCookieName)
      return (equals === -1 ? '' : pair.slice(equals + 1)) || undefined;
    start = end + 1;
  }
  return undefined;
}
