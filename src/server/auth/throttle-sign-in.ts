/** How many failed sign-ins are allowed within `windowMs`, per account and per address. */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/**
 * Five wrong passwords for one account, or twenty from one address, in fifteen minutes: a
 * person who mistypes is not stopped, a guesser gets a few hundred tries a day at most.
 */
export const defaultSignInLimits: SignInLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
};

/** What the throttle says about a sign-in about to be tried. */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts failed sign-ins; see `createSignInThrottle`. */
export interface SignInThrottle {
  /** Whether a sign-in to `account` from `address` may be tried now. */
  check(account: string, address: string): ThrottleVerdict;
  /** Records a wrong password (or unknown account) for both. */
  recordFailure(account: string, address: string): void;
  /** Forgets the account's failures: its owner got in. The address's stay. */
  recordSuccess(account: string): void;
}

// Past this many keys, expired ones are swept before adding: a flood of made-up account
// names cannot grow the maps without bound.
const sweepAbove = 10_000;

/**
 * Failed sign-ins in a sliding window, per account (against guessing one password from many
 * addresses) and per address (against trying many accounts from one). In memory: each server
 * process counts its own, which multiplies the limits by the number of processes at most.
 *
 * @example
 * const throttle = createSignInThrottle(defaultSignInLimits, () => Date.now());
 * if (!throttle.check('alice', '203.0.113.9').allowed) answer429();
 */
export function createSignInThrottle(limits: SignInLimits, clock: () => number): SignInThrottle {
  const byAccount = new Map<string, number[]>();
  const byAddress = new Map<string, number[]>();

  const recent = (map: Map<string, number[]>, key: string, now: number): number[] => {
    const times = (map.get(key) ?? []).filter((t) => t > now - limits.windowMs);
    if (times.length === 0) map.delete(key);
    else map.set(key, times);
    return times;
  };
  const waitFor = (times: number[], limit: number, now: number): number => {
    if (times.length < limit) return 0;
    // Allowed again once the oldest failure that still counts leaves the window.
    return times[times.length - limit]! + limits.windowMs - now;
  };
  const add = (map: Map<string, number[]>, key: string, now: number) => {
    if (map.size > sweepAbove) for (const k of [...map.keys()]) recent(map, k, now);
    const times = recent(map, key, now);
    times.push(now);
    map.set(key, times);
  };

  return {
    check(account, address) {
      const now = clock();
      const waitMs = Math.max(
        waitFor(recent(byAccount, account, now), limits.perAccount, now),
        waitFor(recent(byAddress, address, now), limits.perAddress, now),
      );
      return waitMs > 0
        ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
        : { allowed: true };
    },
    recordFailure(account, address) {
      const now = clock();
      add(byAccount, account, now);
      add(byAddress, address, now);
    },
    recordSuccess(account) {
      byAccount.delete(account);
    },
  };
}
