import type { ScryptCost } from './hash-password.ts';
import type { SignInLimits } from './throttle-sign-in.ts';

/**
 * How the server knows who is asking:
 * - `accounts` (the default): accounts in the store, a session cookie or an API token;
 * - `proxy`: single sign-on in a reverse proxy (oauth2-proxy and the like) that puts the
 *   signed-in person's name in `proxyHeader`, believed only on connections from
 *   `trustedProxies`;
 * - `off`: one person on their own machine, no sign-in; saves are signed with the
 *   `Concord-User` header as before. The CLI allows it only on a loopback address.
 */
export type AuthMode = 'accounts' | 'proxy' | 'off';

/** `createApp`'s `auth` option. */
export interface AuthOptions {
  mode: AuthMode;
  /** `proxy` mode: the header with the person's name (e.g. `X-Forwarded-User`). */
  proxyHeader?: string;
  /**
   * Addresses of reverse proxies in front of the server: their `X-Forwarded-For` and
   * `X-Forwarded-Proto` are believed (client address for the sign-in throttle, `Secure`
   * cookies), and in `proxy` mode their identity header.
   */
  trustedProxies?: readonly string[];
  /** Days a session lasts (default 30). */
  sessionDays?: number;
  /** scrypt's cost for new passwords (default `defaultScryptCost`; tests pass a cheap one). */
  scryptCost?: ScryptCost;
  /** Failed sign-ins allowed (default `defaultSignInLimits`). */
  signInLimits?: SignInLimits;
}

/** The header oauth2-proxy sets with `--set-xauthrequest` / `--pass-user-headers`. */
export const defaultProxyHeader = 'X-Forwarded-User';

export const defaultSessionDays = 30;
