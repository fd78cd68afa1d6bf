import { toUsernameKey } from '../store/account-store.ts';
import { createForgetting } from './create-forgetting.ts';
import type { AccessFacts } from './decide-access.ts';
import type { MemberStore, SetMemberOutcome, StoredMember } from '../store/member-store.ts';

/** How `cacheAccess` keeps what it found. */
export interface AccessCacheOptions {
  /**
   * Milliseconds the access facts found for a document and a person are answered from memory
   * (default 1 000). A change of members made through the cached store takes effect at once;
   * this bounds only changes it cannot see (another process on the same database).
   */
  ttlMs?: number;
  /** Documents kept at most (default 10 000); past it the oldest are dropped first. */
  maxDocuments?: number;
  /** A monotonic clock in milliseconds, for the time to live; tests pass a fake one. */
  clock?: () => number;
}

/** A `MemberStore` that answers `findAccess` from memory; `forget` drops what it holds. */
export interface CachedMemberStore extends MemberStore {
  /**
   * Drops what is cached of document `id` (every document's when `undefined`), so that it is
   * looked up again: for a change made elsewhere, such as one heard from another process.
   */
  forget(id?: string): void;
}

interface Entry {
  facts: AccessFacts;
  /** `clock()` when it was looked up. */
  at: number;
}

/**
 * Wraps `members` so that the access facts of a document for a person (its owner and their
 * role), found once, are answered from memory for a short time: every request to a document
 * looks them up (`guardDocumentAccess`), and so does every event for every listening person.
 * Only facts of documents that exist are kept: a made-up id fills nothing, and a document made
 * later is found.
 *
 * Sharing (`setMember`) and unsharing (`removeMember`) through the wrapper drop the document's
 * entries before and after the store's write, and a lookup under way meanwhile is not kept
 * (an epoch counter): the next request is decided on the new members, as without the cache.
 * A document's owner never changes; a purged document's stale facts only let its former
 * readers through to the route, which answers the same 404 as the guard.
 *
 * @example
 * const members = cacheAccess(new SqliteMemberStore(prepare));
 * await members.findAccess(id, 'bob'); // the store's answer, then memory's for 1 s
 */
export function cacheAccess(
  members: MemberStore,
  options: AccessCacheOptions = {},
): CachedMemberStore {
  const { ttlMs = 1_000, maxDocuments = 10_000, clock = () => performance.now() } = options;
  // Document id → toUsernameKey(username) → what was found.
  const documents = new Map<string, Map<string, Entry>>();
  const { forget, around, begin, unchangedSince } = createForgetting((id?: string) => {
    if (id === undefined) documents.clear();
    else documents.delete(id);
  });

  return {
    forget,

    async findAccess(id: string, username: string): Promise<AccessFacts | undefined> {
      const key = toUsernameKey(username);
      const cached = documents.get(id)?.get(key);
      if (cached && clock() - cached.at < ttlMs) return cached.facts;
      const began = begin();
      const facts = await members.findAccess(id, username);
      if (!facts) documents.delete(id);
      else if (unchangedSince(began)) {
        let people = documents.get(id);
        if (!people) {
          if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value!);
          documents.set(id, (people = new Map()));
        }
        people.set(key, { facts, at: clock() });
      }
      return facts;
    },

    setMember: (id: string, member: StoredMember): Promise<SetMemberOutcome> =>
      around(() => members.setMember(id, member), id),
    removeMember: (id: string, username: string): Promise<boolean> =>
      around(() => members.removeMember(id, username), id),
    listMembers: (id: string): Promise<StoredMember[]> => members.listMembers(id),
  };
}
