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
  for (const pair of header.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === sessionCookieName) return value.join('=') || undefined;
  }
  return undefined;
}
