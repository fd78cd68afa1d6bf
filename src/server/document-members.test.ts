import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentStore, WriteInput } from './store/store.ts';
import { createTestStore } from './testing/create-test-store.ts';
import type { TestStore } from './testing/create-test-store.ts';

// The store contract of per-document access, on both stores (see vitest.config.ts).
describe('document owners and members', () => {
  let testStore: TestStore;
  let store: DocumentStore;
  let clock = 0;
  const at = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000);
  const input = (title: string, owner?: string | null): WriteInput => ({
    title,
    body: 'text\n',
    user: owner ?? '',
    at: at(),
    owner,
  });
  const create = async (title: string, owner?: string | null) => {
    const outcome = await store.createDocument(input(title, owner));
    if (outcome.status !== 'created') throw new Error(outcome.status);
    return outcome.document.id;
  };
  const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

  beforeEach(() => {
    testStore = createTestStore();
    store = testStore.store;
  });
  afterEach(() => testStore.close());

  it('keeps the creator as owner, and no owner for a document created without one', async () => {
    const owned = await create('Owned', 'Alice');
    const open = await create('Open');
    expect(await store.members.findAccess(owned, 'alice')).toEqual({
      owner: 'Alice',
      memberRole: undefined,
    });
    expect(await store.members.findAccess(open, 'bob')).toEqual({
      owner: null,
      memberRole: undefined,
    });
    expect(await store.members.findAccess('no-such-document', 'alice')).toBeUndefined();
  });

  it('adds, changes and removes members, names compared case-insensitively', async () => {
    const id = await create('Shared', 'alice');
    expect(await store.members.setMember(id, { username: 'Bob', role: 'viewer' })).toBe('created');
    expect(await store.members.setMember(id, { username: 'carol', role: 'editor' })).toBe(
      'created',
    );
    expect(await store.members.setMember(id, { username: 'BOB', role: 'viewer' })).toBe(
      'unchanged',
    );
    expect(await store.members.setMember(id, { username: 'bob', role: 'editor' })).toBe('changed');
    expect(await store.members.listMembers(id)).toEqual([
      { username: 'Bob', role: 'editor' },
      { username: 'carol', role: 'editor' },
    ]);
    expect(await store.members.findAccess(id, 'bob')).toEqual({
      owner: 'alice',
      memberRole: 'editor',
    });
    expect(await store.members.removeMember(id, 'BOB')).toBe(true);
    expect(await store.members.removeMember(id, 'bob')).toBe(false);
    expect(await store.members.listMembers(id)).toEqual([{ username: 'carol', role: 'editor' }]);
    expect(
      await store.members.setMember('no-such-document', { username: 'bob', role: 'viewer' }),
    ).toBe('notFound');
  });

  it('lists to one person only what they own, are a member of, or has no owner', async () => {
    await create('Alice only', 'alice');
    const shared = await create('Shared with bob', 'alice');
    await create('Open to all');
    await create("Bob's", 'bob');
    await store.members.setMember(shared, { username: 'bob', role: 'viewer' });
    expect(titles(await store.listDocuments({ limit: 10, visibleTo: 'Bob' }))).toEqual([
      "Bob's",
      'Open to all',
      'Shared with bob',
    ]);
    expect(titles(await store.listDocuments({ limit: 10, visibleTo: 'alice' }))).toEqual([
      'Open to all',
      'Shared with bob',
      'Alice only',
    ]);
    expect(await store.listDocuments({ limit: 10 })).toHaveLength(4);
  });

  it('pages a filtered list without skipping or repeating', async () => {
    for (let n = 0; n < 7; n++) await create(`Alice ${n}`, 'alice');
    for (let n = 0; n < 5; n++) await create(`Bob ${n}`, 'bob');
    const seen: string[] = [];
    let after: { updated_at: string; id: string } | undefined;
    for (;;) {
      const page = await store.listDocuments({ limit: 2, after, visibleTo: 'bob' });
      seen.push(...titles(page));
      const last = page.at(-1);
      if (page.length < 2 || !last) break;
      after = { updated_at: last.updated_at, id: last.id };
    }
    expect(seen).toEqual(['Bob 4', 'Bob 3', 'Bob 2', 'Bob 1', 'Bob 0']);
  });

  it('keeps the trash to what one may see, and purges members with their document', async () => {
    const mine = await create('Mine', 'alice');
    const theirs = await create('Theirs', 'bob');
    await store.members.setMember(mine, { username: 'carol', role: 'editor' });
    await store.deleteDocument(mine, '*', at(), 'alice');
    await store.deleteDocument(theirs, '*', at(), 'alice');
    expect(titles(await store.listTrash({ limit: 10, visibleTo: 'alice' }))).toEqual(['Mine']);
    expect(titles(await store.listTrash({ limit: 10, visibleTo: 'carol' }))).toEqual(['Mine']);
    expect(titles(await store.listTrash({ limit: 10 }))).toEqual(['Theirs', 'Mine']);
    // In the trash its access is still known (to answer who may restore it).
    expect(await store.members.findAccess(mine, 'carol')).toEqual({
      owner: 'alice',
      memberRole: 'editor',
    });
    expect(await store.purgeTrash(at())).toBe(2);
    expect(await store.members.listMembers(mine)).toEqual([]);
    expect(await store.members.findAccess(mine, 'carol')).toBeUndefined();
  });
});
