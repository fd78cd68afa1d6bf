import type { Context } from 'hono';
import { readClientAddress } from './read-client-address.ts';
import { readRequestHeader } from './read-request-header.ts';

/** An address as `remoteAddress` gives it, with IPv4-mapped IPv6 (`::ffff:10.0.0.1`) unmapped. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Whether the connection comes from one of `trustedProxies` (addresses, compared normalized). */
export function isFromTrustedProxy(c: Context, trustedProxies: readonly string[]): boolean {
  if (trustedProxies.length === 0) return false;
  const peer = normalizeAddress(readClientAddress(c));
  return trustedProxies.some((proxy) => normalizeAddress(proxy) === peer);
}

/**
 * The address of the person sending the request: the connection's, or behind one of
 * `trustedProxies` the last address it appended to `X-Forwarded-For` (the one before it is
 * whatever the client claimed, so it is not read).
 */
export function readPeerAddress(c: Context, trustedProxies: readonly string[]): string {
  const connection = normalizeAddress(readClientAddress(c));
  if (!isFromTrustedProxy(c, trustedProxies)) return connection;
  const forwarded = readRequestHeader(c, 'X-Forwarded-For')?.split(',').at(-1)?.trim();
  return forwarded ? normalizeAddress(forwarded) : connection;
}

/**
 * Whether the person reached the server over https: the request's own URL, or a trusted
 * proxy's `X-Forwarded-Proto`. Decides the session cookie's `Secure` attribute.
 */
export function isSecureRequest(c: Context, trustedProxies: readonly string[]): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!isFromTrustedProxy(c, trustedProxies)) return false;
  return readRequestHeader(c, 'X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
