import type { MemberRole } from '../../../protocol/member.ts';
import { toUsernameKey } from '../account-store.ts';
import type { AccessFacts } from '../../auth/decide-access.ts';
import type { MemberStore, SetMemberOutcome, StoredMember } from '../member-store.ts';
import type { PrepareStatement } from '../statement-cache.ts';

/**
 * The `MemberStore` of `SqliteStore`, on its connection's statement cache. Sharing is rare and
 * small, so each write commits on its own rather than in the document writes' group commits;
 * better-sqlite3 runs each synchronously, so none of them interleaves with a group.
 */
export class SqliteMemberStore implements MemberStore {
  readonly #prepare: PrepareStatement;

  constructor(prepare: PrepareStatement) {
    this.#prepare = prepare;
  }

  async findAccess(id: string, username: string): Promise<AccessFacts | undefined> {
    const row = this.#prepare<[string, string], { owner: string | null; role: MemberRole | null }>(
      `SELECT d.owner, m.role FROM documents d
         LEFT JOIN document_members m ON m.document_id = d.id AND m.username_key = ?
         WHERE d.id = ?`,
    ).get(toUsernameKey(username), id);
    return row && { owner: row.owner, memberRole: row.role ?? undefined };
  }

  async listMembers(id: string): Promise<StoredMember[]> {
    return this.#prepare<[string], StoredMember>(
      `SELECT username, role FROM document_members WHERE document_id = ? ORDER BY username_key`,
    ).all(id);
  }

  async setMember(id: string, member: StoredMember): Promise<SetMemberOutcome> {
    const key = toUsernameKey(member.username);
    const before = this.#prepare<[string, string], { role: MemberRole }>(
      'SELECT role FROM document_members WHERE document_id = ? AND username_key = ?',
    ).get(id, key);
    if (before?.role === member.role) return 'unchanged';
    if (before) {
      this.#prepare(
        'UPDATE document_members SET role = ? WHERE document_id = ? AND username_key = ?',
      ).run(member.role, id, key);
      return 'changed';
    }
    // The document may be gone (purged) since the route looked: the SELECT inserts nothing then.
    const { changes } = this.#prepare(
      `INSERT INTO document_members (document_id, username_key, username, role)
         SELECT id, ?, ?, ? FROM documents WHERE id = ?`,
    ).run(key, member.username, member.role, id);
    return changes === 1 ? 'created' : 'notFound';
  }

  async removeMember(id: string, username: string): Promise<boolean> {
    const { changes } = this.#prepare(
      'DELETE FROM document_members WHERE document_id = ? AND username_key = ?',
    ).run(id, toUsernameKey(username));
    return changes === 1;
  }
}
