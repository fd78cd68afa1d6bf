import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredCredential } from './account-store.ts';
import { createTestStore } from '../testing/create-test-store.ts';
import type { TestStore } from '../testing/create-test-store.ts';

// The AccountStore contract, on SQLite here and on PostgreSQL in the "postgres" project.

const at = '2030-01-01T00:00:00.000Z';
const user = (username: string, role: 'admin' | 'member' = 'member') => ({
  username,
  password_hash: `hash of ${username}`,
  role,
  created_at: at,
});
const credential = (over: Partial<StoredCredential>): StoredCredential => ({
  id: `id-${over.secret_hash}`,
  secret_hash: 'h',
  username: 'Alice',
  kind: 'session',
  name: '',
  created_at: at,
  expires_at: '2030-01-31T00:00:00.000Z',
  ...over,
});

let t: TestStore;
beforeEach(() => {
  t = createTestStore();
});
afterEach(() => t.close());

describe('AccountStore', () => {
  it('makes the first account once, and names unique whatever their case', async () => {
    const accounts = t.store.accounts;
    expect(await accounts.hasUsers()).toBe(false);
    const outcomes = await Promise.all([
      accounts.createUser(user('Alice', 'admin'), { onlyIfFirst: true }),
      accounts.createUser(user('Bob', 'admin'), { onlyIfFirst: true }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'notFirst']);
    expect(await accounts.hasUsers()).toBe(true);
    const winner = outcomes[0]!.status === 'created' ? 'Alice' : 'Bob';
    expect(await accounts.createUser(user(winner.toUpperCase()), { onlyIfFirst: false })).toEqual({
      status: 'taken',
    });
    expect(await accounts.findUser(winner.toLowerCase())).toEqual(user(winner, 'admin'));
    expect(await accounts.findUser('nobody')).toBeUndefined();
  });

  it('finds a credential by its hash until it expires, with its account and role', async () => {
    const accounts = t.store.accounts;
    await accounts.createUser(user('Alice', 'admin'), { onlyIfFirst: true });
    await accounts.addCredential(credential({ secret_hash: 's1' }));
    await accounts.addCredential(
      credential({ secret_hash: 't1', kind: 'token', name: 'ci', expires_at: null }),
    );
    const before = new Date('2030-01-30T00:00:00.000Z');
    const after = new Date('2030-02-01T00:00:00.000Z');
    expect(await accounts.findCredential('s1', before)).toEqual({
      ...credential({ secret_hash: 's1' }),
      role: 'admin',
    });
    expect(await accounts.findCredential('s1', after)).toBeUndefined();
    expect((await accounts.findCredential('t1', after))?.kind).toBe('token');
    expect(await accounts.findCredential('nope', before)).toBeUndefined();
    expect((await accounts.listCredentials('alice', 'token', after)).map((c) => c.name)).toEqual([
      'ci',
    ]);
    expect(await accounts.listCredentials('alice', 'session', after)).toEqual([]);
  });

  it('deletes one credential, one by id of its own account only, or all of a kind', async () => {
    const accounts = t.store.accounts;
    await accounts.createUser(user('Alice'), { onlyIfFirst: false });
    await accounts.createUser(user('Bob'), { onlyIfFirst: false });
    for (const hash of ['a1', 'a2'])
      await accounts.addCredential(credential({ secret_hash: hash }));
    await accounts.addCredential(
      credential({ secret_hash: 'at', kind: 'token', expires_at: null }),
    );
    await accounts.addCredential(credential({ secret_hash: 'b1', username: 'Bob' }));
    const now = new Date(at);
    expect(await accounts.deleteCredential('a1')).toBe(true);
    expect(await accounts.deleteCredential('a1')).toBe(false);
    expect(await accounts.deleteCredentialById('Bob', 'id-at')).toBe(false);
    expect(await accounts.deleteCredentials('ALICE', 'session')).toBe(1);
    expect(await accounts.findCredential('at', now)).toBeDefined();
    expect(await accounts.findCredential('b1', now)).toBeDefined();
    expect(await accounts.deleteCredentialById('Alice', 'id-at')).toBe(true);
    expect(await accounts.findCredential('at', now)).toBeUndefined();
  });
});
