import { isIP } from 'node:net';
import type { AuthOptions } from '../server/auth/auth-options.ts';
import { defaultProxyHeader } from '../server/auth/auth-options.ts';

/**
 * The `auth` option of `concord serve` from the environment, or the message to refuse to start
 * with:
 * - `CONCORD_AUTH`: `accounts` (default), `proxy` or `off`;
 * - `CONCORD_AUTH_PROXY_HEADER`: the identity header in `proxy` mode (default X-Forwarded-User);
 * - `CONCORD_TRUSTED_PROXIES`: addresses of the reverse proxies in front (commas or spaces);
 *   required in `proxy` mode;
 * - `CONCORD_SESSION_DAYS`: how long a session lasts (default 30).
 *
 * `off` is refused unless `host` is a loopback address: without accounts anyone who can reach
 * the port could read and overwrite every document.
 */
export function readAuthOptions(env: NodeJS.ProcessEnv, host: string): AuthOptions | string {
  const mode = env.CONCORD_AUTH?.trim().toLowerCase() || 'accounts';
  const trustedProxies = (env.CONCORD_TRUSTED_PROXIES ?? '').split(/[\s,]+/).filter(Boolean);
  const badProxy = trustedProxies.find((address) => isIP(address) === 0);
  if (badProxy !== undefined) {
    return `CONCORD_TRUSTED_PROXIES holds "${badProxy}", not an IP address like 10.0.0.5`;
  }
  const daysText = env.CONCORD_SESSION_DAYS?.trim() || '30';
  const sessionDays = Number(daysText);
  if (!/^\d+(\.\d+)?$/.test(daysText) || !(sessionDays > 0)) {
    return `CONCORD_SESSION_DAYS must be a number of days (e.g. 30), not "${daysText}"`;
  }
  if (mode === 'accounts') return { mode, trustedProxies, sessionDays };
  if (mode === 'off') {
    if (!isLoopback(host)) {
      return `CONCORD_AUTH=off lets anyone who reaches the server read and change every document, so it is allowed only on a loopback address (--host 127.0.0.1), not on ${host}. For a team, leave CONCORD_AUTH unset (accounts) or use CONCORD_AUTH=proxy behind single sign-on.`;
    }
    return { mode };
  }
  if (mode === 'proxy') {
    if (trustedProxies.length === 0) {
      return 'CONCORD_AUTH=proxy needs CONCORD_TRUSTED_PROXIES: the addresses of the proxies whose identity header is to be believed (from anywhere else it would be forged).';
    }
    const proxyHeader = env.CONCORD_AUTH_PROXY_HEADER?.trim() || defaultProxyHeader;
    if (!/^[A-Za-z0-9-]+$/.test(proxyHeader)) {
      return `CONCORD_AUTH_PROXY_HEADER must be a header name like X-Forwarded-User, not "${proxyHeader}"`;
    }
    return { mode, proxyHeader, trustedProxies, sessionDays };
  }
  return `CONCORD_AUTH must be accounts, proxy or off, not "${env.CONCORD_AUTH}"`;
}

/** Whether `host` (as given to --host) only listens on this machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
