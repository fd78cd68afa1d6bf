import type { DocumentRole, MemberRole } from '../../protocol/member.ts';
import { toUsernameKey } from '../store/account-store.ts';

/** What the store knows of one document's access for one person (`MemberStore.findAccess`). */
export interface AccessFacts {
  /** The creator's name; `null` for a document created before accounts existed. */
  owner: string | null;
  /** The role the asker was given as a member; `undefined` when they were given none. */
  memberRole: MemberRole | undefined;
}

/** Who is asking: the signed-in account's name, or `undefined` with `CONCORD_AUTH=off`. */
export interface Asker {
  username: string;
}

/** What one may do with a document: a role, or `none` (it is as if it did not exist). */
export type Access = DocumentRole | 'none';

/**
 * The access rule, pure:
 *
 * - without accounts (`CONCORD_AUTH=off`, `asker` undefined) everyone is an editor;
 * - the creator owns the document (names compared by `toUsernameKey`);
 * - a member has the role the owner gave them;
 * - a document created before accounts existed (no owner) stays open to every signed-in
 *   person as an editor (it had been theirs to edit all along);
 * - anyone else has no access. Admins are no exception: administering accounts gives no right
 *   to read other people's documents.
 *
 * @example decideAccess({ username: 'bob' }, { owner: 'alice', memberRole: 'viewer' }) // 'viewer'
 */
export function decideAccess(asker: Asker | undefined, facts: AccessFacts): Access {
  if (!asker) return 'editor';
  // Nobody can share an ownerless document, so it has no members to look at.
  if (facts.owner === null) return 'editor';
  if (toUsernameKey(facts.owner) === toUsernameKey(asker.username)) return 'owner';
  return facts.memberRole ?? 'none';
}

/** Whether `access` lets one read the document (and its history and events). */
export function canRead(access: Access): boolean {
  return access !== 'none';
}

/** Whether `access` lets one change the document: save, delete, restore from the trash. */
export function canWrite(access: Access): boolean {
  return access === 'owner' || access === 'editor';
}
