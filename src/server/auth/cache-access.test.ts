import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessFacts } from './decide-access.ts';
import { cacheAccess } from './cache-access.ts';
import type { CachedMemberStore } from './cache-access.ts';
import type { MemberStore } from '../store/member-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';

// Every request to a document asks who may read or change it through this cache: sharing and
// unsharing must decide the very next request, whatever the cache held.

let store: SqliteStore;
let inner: MemberStore;
let lookups: number;
let time: number;
let members: CachedMemberStore;
let id: string;

/** The store's members, counting the lookups that reach it. */
function countLookups(of: MemberStore): MemberStore {
  return {
    findAccess: (doc, username) => {
      lookups++;
      return of.findAccess(doc, username);
    },
    listMembers: (doc) => of.listMembers(doc),
    setMember: (doc, member) => of.setMember(doc, member),
    removeMember: (doc, username) => of.removeMember(doc, username),
  };
}

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  const at = new Date('2030-01-01T00:00:00.000Z');
  const created = await store.createDocument({
    title: 'Plan',
    body: 'one\n',
    user: 'Alice',
    owner: 'Alice',
    at,
  });
  if (created.status !== 'created') throw new Error(created.status);
  id = created.document.id;
  // The store's own members are cached too: count beneath a cache of our own, on the same rows.
  inner = store.members;
  lookups = 0;
  time = 0;
  members = cacheAccess(countLookups(inner), { clock: () => time });
});
afterEach(() => store.close());

describe('cacheAccess', () => {
  it('looks a person’s access up once while it is fresh, again after ttlMs', async () => {
    expect(await members.findAccess(id, 'bob')).toEqual({ owner: 'Alice', memberRole: undefined });
    time = 999;
    await members.findAccess(id, 'BOB');
    expect(lookups).toBe(1);
    time = 1_000;
    await members.findAccess(id, 'bob');
    expect(lookups).toBe(2);
  });

  it('keeps nothing for a document that does not exist', async () => {
    expect(await members.findAccess('no-such-document', 'bob')).toBeUndefined();
    expect(await members.findAccess('no-such-document', 'bob')).toBeUndefined();
    expect(lookups).toBe(2);
  });

  it('decides the next request on the new role once the owner shares, changes or unshares', async () => {
    expect((await members.findAccess(id, 'bob'))?.memberRole).toBeUndefined();
    await members.setMember(id, { username: 'Bob', role: 'viewer' });
    expect((await members.findAccess(id, 'bob'))?.memberRole).toBe('viewer');
    await members.setMember(id, { username: 'Bob', role: 'editor' });
    expect((await members.findAccess(id, 'bob'))?.memberRole).toBe('editor');
    await members.removeMember(id, 'Bob');
    expect((await members.findAccess(id, 'bob'))?.memberRole).toBeUndefined();
  });

  it('does not keep what a lookup read while unsharing was under way', async () => {
    await members.setMember(id, { username: 'Bob', role: 'editor' });
    const before = await inner.findAccess(id, 'bob');
    let answer: (facts: AccessFacts | undefined) => void = () => {};
    let answered = false;
    const slow = cacheAccess(
      {
        ...countLookups(inner),
        // The first lookup waits for the test to answer it; later ones ask the store.
        findAccess: (doc, username) =>
          answered ? inner.findAccess(doc, username) : new Promise((resolve) => (answer = resolve)),
      },
      { clock: () => time },
    );
    const lookup = slow.findAccess(id, 'bob');
    await slow.removeMember(id, 'Bob');
    answered = true;
    answer(before);
    expect((await lookup)?.memberRole).toBe('editor'); // that request began before
    expect((await slow.findAccess(id, 'bob'))?.memberRole).toBeUndefined();
  });

  it('looks up again what forget drops (a change heard from another process)', async () => {
    await members.findAccess(id, 'bob');
    members.forget(id);
    await members.findAccess(id, 'bob');
    members.forget();
    await members.findAccess(id, 'bob');
    expect(lookups).toBe(3);
  });
});
