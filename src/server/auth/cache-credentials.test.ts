import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore, FoundCredential, StoredCredential } from '../store/account-store.ts';
import { cacheCredentials } from './cache-credentials.ts';
import type { CachedAccountStore } from './cache-credentials.ts';
import Database from 'better-sqlite3';
import { migrateSqlite } from '../store/sqlite/migrate-sqlite.ts';
import { SqliteAccountStore } from '../store/sqlite/sqlite-account-store.ts';

// A signed-in request looks its credential up through this cache: what a person does to end a
// session must take effect on the very next request, whatever the cache held.

const now = new Date('2030-01-01T00:00:00.000Z');
const credential = (secretHash: string, over: Partial<StoredCredential> = {}) => ({
  id: `id-${secretHash}`,
  secret_hash: secretHash,
  username: 'Alice',
  kind: 'session' as const,
  name: '',
  created_at: now.toISOString(),
  expires_at: '2030-01-31T00:00:00.000Z',
  ...over,
});

let db: Database.Database;
let inner: SqliteAccountStore;
let lookups: number;
let time: number;
let accounts: CachedAccountStore;

/** The SQLite account store, counting the lookups that reach it. */
function countLookups(inner: AccountStore): AccountStore {
  return {
    hasUsers: () => inner.hasUsers(),
    createUser: (user, options) => inner.createUser(user, options),
    findUser: (username) => inner.findUser(username),
    addCredential: (c) => inner.addCredential(c),
    findCredential: (hash, at) => {
      lookups++;
      return inner.findCredential(hash, at);
    },
    listCredentials: (username, kind, at) => inner.listCredentials(username, kind, at),
    deleteCredential: (hash) => inner.deleteCredential(hash),
    deleteCredentialById: (username, id) => inner.deleteCredentialById(username, id),
    deleteCredentials: (username, kind) => inner.deleteCredentials(username, kind),
  };
}

beforeEach(async () => {
  db = new Database(':memory:');
  migrateSqlite(db);
  inner = new SqliteAccountStore(db);
  lookups = 0;
  time = 0;
  accounts = cacheCredentials(countLookups(inner), { clock: () => time });
  for (const username of ['Alice', 'Bob']) {
    const user = { username, password_hash: 'x', role: 'member' as const, created_at: '' };
    await accounts.createUser(user, { onlyIfFirst: false });
  }
  await accounts.addCredential(credential('alice-laptop'));
  await accounts.addCredential(credential('alice-phone'));
  await accounts.addCredential(credential('alice-token', { kind: 'token', expires_at: null }));
  await accounts.addCredential(credential('bob-laptop', { username: 'Bob' }));
});
afterEach(() => db.close());

describe('cacheCredentials', () => {
  it('looks a session up once while it is fresh, again after ttlMs', async () => {
    const first = await accounts.findCredential('alice-laptop', now);
    expect(first).toMatchObject({ username: 'Alice', kind: 'session', role: 'member' });
    time = 999;
    expect(await accounts.findCredential('alice-laptop', now)).toEqual(first);
    expect(lookups).toBe(1);
    time = 1_000;
    expect(await accounts.findCredential('alice-laptop', now)).toEqual(first);
    expect(lookups).toBe(2);
  });

  it('keeps nothing for a secret that signs no one in', async () => {
    expect(await accounts.findCredential('made-up', now)).toBeUndefined();
    expect(await accounts.findCredential('made-up', now)).toBeUndefined();
    expect(lookups).toBe(2);
  });

  it('still refuses a cached session once it has expired', async () => {
    await accounts.findCredential('alice-laptop', now);
    expect(await accounts.findCredential('alice-laptop', new Date('2030-01-31'))).toBeUndefined();
  });

  it('ends a session at sign-out on the next request', async () => {
    await accounts.findCredential('alice-laptop', now);
    expect(await accounts.deleteCredential('alice-laptop')).toBe(true);
    expect(await accounts.findCredential('alice-laptop', now)).toBeUndefined();
    // Her other sessions, and Bob's, go on.
    expect(await accounts.findCredential('alice-phone', now)).toBeDefined();
    expect(await accounts.findCredential('bob-laptop', now)).toBeDefined();
  });

  it('ends every session of the account at sign-out everywhere, whatever the name’s case', async () => {
    await accounts.findCredential('alice-laptop', now);
    await accounts.findCredential('alice-phone', now);
    await accounts.findCredential('bob-laptop', now);
    expect(await accounts.deleteCredentials('ALICE', 'session')).toBe(2);
    expect(await accounts.findCredential('alice-laptop', now)).toBeUndefined();
    expect(await accounts.findCredential('alice-phone', now)).toBeUndefined();
    expect(await accounts.findCredential('alice-token', now)).toBeDefined();
    expect(await accounts.findCredential('bob-laptop', now)).toBeDefined();
  });

  it('refuses a revoked token on the next request', async () => {
    await accounts.findCredential('alice-token', now);
    expect(await accounts.deleteCredentialById('Alice', 'id-alice-token')).toBe(true);
    expect(await accounts.findCredential('alice-token', now)).toBeUndefined();
  });

  it('does not keep what a lookup read while a sign-out was under way', async () => {
    // The store answers the lookup with the row as it was before the sign-out deleted it.
    let answer: (found: FoundCredential | undefined) => void = () => {};
    let answered = false;
    const slow = cacheCredentials(
      {
        ...countLookups(inner),
        // The first lookup waits for the test to answer it; later ones ask the store.
        findCredential: (hash, at) =>
          answered ? inner.findCredential(hash, at) : new Promise((resolve) => (answer = resolve)),
      },
      { clock: () => time },
    );
    const before = await inner.findCredential('alice-laptop', now);
    const lookup = slow.findCredential('alice-laptop', now);
    await slow.deleteCredential('alice-laptop');
    answered = true;
    answer(before);
    expect(await lookup).toEqual(before); // that request began before the sign-out
    expect(await slow.findCredential('alice-laptop', now)).toBeUndefined();
  });

  it('looks up again what forget drops (a change heard from another process)', async () => {
    await accounts.findCredential('alice-laptop', now);
    await accounts.findCredential('bob-laptop', now);
    accounts.forget('alice');
    await accounts.findCredential('alice-laptop', now);
    await accounts.findCredential('bob-laptop', now);
    expect(lookups).toBe(3);
    accounts.forget();
    await accounts.findCredential('bob-laptop', now);
    expect(lookups).toBe(4);
  });

  it('keeps at most maxEntries credentials, dropping the oldest', async () => {
    const small = cacheCredentials(countLookups(inner), { maxEntries: 2, clock: () => 0 });
    for (const hash of ['alice-laptop', 'alice-phone', 'bob-laptop']) {
      await small.findCredential(hash, now);
    }
    lookups = 0;
    await small.findCredential('bob-laptop', now);
    await small.findCredential('alice-phone', now);
    expect(lookups).toBe(0);
    await small.findCredential('alice-laptop', now);
    expect(lookups).toBe(1);
  });
});
