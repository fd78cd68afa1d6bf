import type pg from 'pg';
import type { MemberRole } from '../../../protocol/member.ts';
import { toUsernameKey } from '../account-store.ts';
import type { AccessFacts } from '../../auth/decide-access.ts';
import type { MemberStore, SetMemberOutcome, StoredMember } from '../member-store.ts';

/**
 * The `MemberStore` of `PostgresStore`, on its pool. `ready` is the store's: every method
 * waits for the schema to be migrated. `channel` is the store's change channel: a members
 * write notifies it (`access-changed`), in the same statement, so that every process drops
 * what its access cache holds of that document once the write commits.
 */
export class PostgresMemberStore implements MemberStore {
  readonly #pool: pg.Pool;
  readonly #ready: () => Promise<void>;
  readonly #channel: () => string;

  constructor(pool: pg.Pool, ready: () => Promise<void>, channel: () => string) {
    this.#pool = pool;
    this.#ready = ready;
    this.#channel = channel;
  }

  async findAccess(id: string, username: string): Promise<AccessFacts | undefined> {
    if (hasNul(id)) return undefined;
    const [row] = await this.#query<{ owner: string | null; role: MemberRole | null }>(
      `SELECT d.owner, m.role FROM documents d
         LEFT JOIN document_members m ON m.document_id = d.id AND m.username_key = $1
         WHERE d.id = $2`,
      [toUsernameKey(username), id],
    );
    return row && { owner: row.owner, memberRole: row.role ?? undefined };
  }

  async listMembers(id: string): Promise<StoredMember[]> {
    if (hasNul(id)) return [];
    return this.#query<StoredMember>(
      `SELECT username, role FROM document_members WHERE document_id = $1
         ORDER BY username_key COLLATE "C"`,
      [id],
    );
  }

  async setMember(id: string, member: StoredMember): Promise<SetMemberOutcome> {
    if (hasNul(id)) return 'notFound';
    await this.#ready(); // for the channel
    // One statement: the insert (when the document exists), or the role's update, and what the
    // role was before (`xmax = 0` marks a row this statement inserted).
    const [row] = await this.#query<{ inserted: boolean; before: MemberRole | null }>(
      `WITH before AS (
         SELECT role FROM document_members WHERE document_id = $1 AND username_key = $2
       )
       INSERT INTO document_members (document_id, username_key, username, role)
         SELECT id, $2, $3, $4 FROM documents WHERE id = $1
       ON CONFLICT (document_id, username_key) DO UPDATE SET role = EXCLUDED.role
       RETURNING (xmax = 0) AS inserted, (SELECT role FROM before) AS before,
         pg_notify($5, ${accessChanged('$1')})`,
      [id, toUsernameKey(member.username), member.username, member.role, this.#channel()],
    );
    if (!row) return 'notFound';
    if (row.inserted) return 'created';
    return row.before === member.role ? 'unchanged' : 'changed';
  }

  async removeMember(id: string, username: string): Promise<boolean> {
    if (hasNul(id)) return false;
    await this.#ready(); // for the channel
    const rows = await this.#query(
      `DELETE FROM document_members WHERE document_id = $1 AND username_key = $2
         RETURNING pg_notify($3, ${accessChanged('$1')})`,
      [id, toUsernameKey(username), this.#channel()],
    );
    return rows.length === 1;
  }

  async #query<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
    await this.#ready();
    return (await this.#pool.query<Row>(text, values)).rows;
  }
}

/** The `access-changed` payload of document `id` (a parameter), as SQL. */
function accessChanged(id: string): string {
  return `json_build_object('type', 'access-changed', 'id', ${id}::text)::text`;
}

// PostgreSQL text cannot hold NUL: such an id names no document.
function hasNul(id: string): boolean {
  return id.includes('\0');
}
