import { toUsernameKey } from '../store/account-store.ts';
import { createForgetting } from './create-forgetting.ts';
import type {
  AccountStore,
  CreateUserOutcome,
  CredentialKind,
  FoundCredential,
  StoredCredential,
  StoredUser,
} from '../store/account-store.ts';

/** How `cacheCredentials` keeps what it found. */
export interface CredentialCacheOptions {
  /**
   * Milliseconds a found credential is answered from memory (default 1 000). Every change made
   * through the cached store takes effect at once; this bounds only changes it cannot see
   * (another process on the same database, an edit by hand).
   */
  ttlMs?: number;
  /** Credentials kept at most (default 10 000); past it the oldest are dropped first. */
  maxEntries?: number;
  /** A monotonic clock in milliseconds, for the time to live; tests pass a fake one. */
  clock?: () => number;
}

/** An `AccountStore` that answers `findCredential` from memory; `forget` drops what it holds. */
export interface CachedAccountStore extends AccountStore {
  /**
   * Drops the cached credentials of the account with this `toUsernameKey` (all of them when
   * `undefined`), so that its next request is looked up again: for a change made elsewhere,
   * such as a sign-out heard from another process.
   */
  forget(usernameKey?: string): void;
}

interface Entry {
  found: FoundCredential;
  /** `found.expires_at` in milliseconds since the epoch (`null`: never), read once. */
  expiresMs: number | null;
  usernameKey: string;
  /** `clock()` when it was looked up. */
  at: number;
}

/**
 * Wraps `accounts` so that a credential found once signs its requests in from memory for a
 * short time: every signed-in request looks its session or token up, which under load was the
 * largest cost accounts added (`npm run bench:server`). Only found credentials are kept, so a
 * stream of made-up cookies fills nothing. Expiry is still checked on every request.
 *
 * Signing out (`deleteCredential`), signing out everywhere (`deleteCredentials`) and revoking
 * a token (`deleteCredentialById`) through the wrapper drop the cached entries before and after
 * the store's delete, and a lookup that was under way meanwhile is not kept (an epoch counter):
 * the next request with that credential is refused, as without the cache. A change to an
 * account's role, or deleting an account, must call `forget` likewise.
 *
 * @example
 * const accounts = cacheCredentials(new SqliteAccountStore(db));
 * await accounts.findCredential(hash, new Date()); // the store's answer, then memory's for 1 s
 */
export function cacheCredentials(
  accounts: AccountStore,
  options: CredentialCacheOptions = {},
): CachedAccountStore {
  const { ttlMs = 1_000, maxEntries = 10_000, clock = () => performance.now() } = options;
  const entries = new Map<string, Entry>();
  const { forget, around, begin, unchangedSince } = createForgetting(
    (usernameKey?: string, secretHash?: string) => {
      if (secretHash !== undefined) entries.delete(secretHash);
      else if (usernameKey === undefined) entries.clear();
      else
        for (const [hash, entry] of entries)
          if (entry.usernameKey === usernameKey) entries.delete(hash);
    },
  );

  return {
    forget: (usernameKey) => forget(usernameKey),

    async findCredential(secretHash: string, now: Date): Promise<FoundCredential | undefined> {
      const cached = entries.get(secretHash);
      if (cached && clock() - cached.at < ttlMs) {
        const expires = cached.expiresMs;
        if (expires === null || expires > now.getTime()) return cached.found;
        entries.delete(secretHash);
        return undefined;
      }
      const began = begin();
      const found = await accounts.findCredential(secretHash, now);
      if (!found) entries.delete(secretHash);
      else if (unchangedSince(began)) {
        entries.delete(secretHash); // re-inserted last, so the oldest stay first in line
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        const { expires_at: expires, username } = found;
        const expiresMs = expires === null ? null : Date.parse(expires);
        entries.set(secretHash, {
          found,
          expiresMs,
          usernameKey: toUsernameKey(username),
          at: clock(),
        });
      }
      return found;
    },

    deleteCredential: (secretHash: string): Promise<boolean> =>
      around(() => accounts.deleteCredential(secretHash), undefined, secretHash),
    deleteCredentialById: (username: string, id: string): Promise<boolean> =>
      around(() => accounts.deleteCredentialById(username, id), toUsernameKey(username)),
    deleteCredentials: (username: string, kind: CredentialKind): Promise<number> =>
      around(() => accounts.deleteCredentials(username, kind), toUsernameKey(username)),

    hasUsers: (): Promise<boolean> => accounts.hasUsers(),
    createUser: (user: StoredUser, options: { onlyIfFirst: boolean }): Promise<CreateUserOutcome> =>
      accounts.createUser(user, options),
    findUser: (username: string): Promise<StoredUser | undefined> => accounts.findUser(username),
    addCredential: (credential: StoredCredential): Promise<void> =>
      accounts.addCredential(credential),
    listCredentials: (
      username: string,
      kind: CredentialKind,
      now: Date,
    ): Promise<StoredCredential[]> => accounts.listCredentials(username, kind, now),
  };
}
