import type { MemberRole } from '../../protocol/member.ts';
import type { AccessFacts } from '../auth/decide-access.ts';

/** One person a document is shared with, as a store keeps them. */
export interface StoredMember {
  /** The name as the account spells it. */
  username: string;
  role: MemberRole;
}

/** `setMember`'s outcome: a new member, a changed role, or (nothing to do) the same role. */
export type SetMemberOutcome = 'created' | 'changed' | 'unchanged' | 'notFound';

/**
 * Who a document is shared with, beside the documents in the same database. A document's owner
 * is kept with the document (`WriteInput.owner` on create); members are kept here and go with
 * the document when the trash is purged. Names are compared by `toUsernameKey`.
 */
export interface MemberStore {
  /**
   * The owner of document `id` (live or in the trash) and the role `username` was given in it;
   * `undefined` when there is no such document.
   */
  findAccess(id: string, username: string): Promise<AccessFacts | undefined>;
  /** Document `id`'s members, by name (`toUsernameKey`, ascending); the owner is not one. */
  listMembers(id: string): Promise<StoredMember[]>;
  /** Gives `member.username` `member.role` in document `id` (`notFound`: no such document). */
  setMember(id: string, member: StoredMember): Promise<SetMemberOutcome>;
  /** Takes `username` off document `id`'s members; whether they were one. */
  removeMember(id: string, username: string): Promise<boolean>;
}
