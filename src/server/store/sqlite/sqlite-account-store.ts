import type Database from 'better-sqlite3';
import { createStatementCache, type PrepareStatement } from '../statement-cache.ts';
import { toUsernameKey } from '../account-store.ts';
import type {
  AccountStore,
  CreateUserOutcome,
  CredentialKind,
  FoundCredential,
  StoredCredential,
  StoredUser,
} from '../account-store.ts';

const credentialColumns = `c.id, c.secret_hash, u.username, c.kind, c.name, c.created_at,
  c.expires_at`;

/**
 * The `AccountStore` of `SqliteStore`, on its connection. Account writes are rare and small, so
 * they commit on their own rather than in the document writes' group commits; better-sqlite3
 * runs each synchronously, so none of them interleaves with a group.
 */
export class SqliteAccountStore implements AccountStore {
  readonly #db: Database.Database;
  readonly #prepare: PrepareStatement;

  constructor(db: Database.Database, prepare: PrepareStatement = createStatementCache(db)) {
    this.#db = db;
    this.#prepare = prepare;
  }

  async hasUsers(): Promise<boolean> {
    return this.#prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  }

  async createUser(
    user: StoredUser,
    options: { onlyIfFirst: boolean },
  ): Promise<CreateUserOutcome> {
    const key = toUsernameKey(user.username);
    // IMMEDIATE: the write lock is taken before the checks, so that another process on the
    // same file cannot make a first account in between.
    return this.#db
      .transaction((): CreateUserOutcome => {
        if (options.onlyIfFirst && this.#prepare('SELECT 1 FROM users LIMIT 1').get()) {
          return { status: 'notFirst' };
        }
        const inserted = this.#prepare(
          `INSERT INTO users (username_key, username, password_hash, role, created_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (username_key) DO NOTHING`,
        ).run(key, user.username, user.password_hash, user.role, user.created_at);
        return inserted.changes === 1 ? { status: 'created' } : { status: 'taken' };
      })
      .immediate();
  }

  async findUser(username: string): Promise<StoredUser | undefined> {
    return this.#prepare<[string], StoredUser>(
      'SELECT username, password_hash, role, created_at FROM users WHERE username_key = ?',
    ).get(toUsernameKey(username));
  }

  async addCredential(credential: StoredCredential): Promise<void> {
    this.#prepare(
      `INSERT INTO credentials (secret_hash, id, username_key, kind, name, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      credential.secret_hash,
      credential.id,
      toUsernameKey(credential.username),
      credential.kind,
      credential.name,
      credential.created_at,
      credential.expires_at,
    );
  }

  async findCredential(secretHash: string, now: Date): Promise<FoundCredential | undefined> {
    return this.#prepare<[string, string], FoundCredential>(
      `SELECT ${credentialColumns}, u.role FROM credentials c
       JOIN users u ON u.username_key = c.username_key
       WHERE c.secret_hash = ? AND (c.expires_at IS NULL OR c.expires_at > ?)`,
    ).get(secretHash, now.toISOString());
  }

  async listCredentials(
    username: string,
    kind: CredentialKind,
    now: Date,
  ): Promise<StoredCredential[]> {
    return this.#prepare<[string, string, string], StoredCredential>(
      `SELECT ${credentialColumns} FROM credentials c
         JOIN users u ON u.username_key = c.username_key
         WHERE c.username_key = ? AND c.kind = ? AND (c.expires_at IS NULL OR c.expires_at > ?)
         ORDER BY c.created_at DESC, c.id`,
    ).all(toUsernameKey(username), kind, now.toISOString());
  }

  async deleteCredential(secretHash: string): Promise<boolean> {
    return (
      this.#prepare('DELETE FROM credentials WHERE secret_hash = ?').run(secretHash).changes > 0
    );
  }

  async deleteCredentialById(username: string, id: string): Promise<boolean> {
    const result = this.#prepare('DELETE FROM credentials WHERE username_key = ? AND id = ?').run(
      toUsernameKey(username),
      id,
    );
    return result.changes > 0;
  }

  async deleteCredentials(username: string, kind: CredentialKind): Promise<number> {
    return this.#prepare('DELETE FROM credentials WHERE username_key = ? AND kind = ?').run(
      toUsernameKey(username),
      kind,
    ).changes;
  }
}
