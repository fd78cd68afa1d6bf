import type pg from 'pg';
import { toUsernameKey } from '../account-store.ts';
import type {
  AccountStore,
  CreateUserOutcome,
  CredentialKind,
  FoundCredential,
  StoredCredential,
  StoredUser,
} from '../account-store.ts';

type TimestampRow<Row> = Omit<Row, 'created_at' | 'expires_at'> & {
  created_at: Date;
  expires_at?: Date | null;
};

const credentialColumns = `c.id, c.secret_hash, u.username, c.kind, c.name, c.created_at,
  c.expires_at`;

/**
 * The `AccountStore` of `PostgresStore`, on its pool. `ready` is the store's: every method
 * waits for the schema to be migrated. `channel` is the store's change channel: deleting
 * credentials notifies it (`credentials-changed`), in the same statement, so that every
 * process drops what its credential cache holds of that account once the delete commits.
 */
export class PostgresAccountStore implements AccountStore {
  readonly #pool: pg.Pool;
  readonly #ready: () => Promise<void>;
  readonly #channel: () => string;

  constructor(pool: pg.Pool, ready: () => Promise<void>, channel: () => string) {
    this.#pool = pool;
    this.#ready = ready;
    this.#channel = channel;
  }

  async hasUsers(): Promise<boolean> {
    return (await this.#query('SELECT 1 FROM users LIMIT 1')).length > 0;
  }

  async createUser(
    user: StoredUser,
    options: { onlyIfFirst: boolean },
  ): Promise<CreateUserOutcome> {
    await this.#ready();
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      // Under READ COMMITTED two first accounts could both see an empty table: the lock makes
      // the second wait for the first's commit, then see its row. It conflicts only with
      // itself and writers, so sign-ins (readers) go on.
      if (options.onlyIfFirst) await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if (options.onlyIfFirst && (await client.query('SELECT 1 FROM users LIMIT 1')).rowCount) {
        await client.query('ROLLBACK');
        return { status: 'notFirst' };
      }
      const inserted = await client.query(
        `INSERT INTO users (username_key, username, password_hash, role, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username_key) DO NOTHING`,
        [
          toUsernameKey(user.username),
          user.username,
          user.password_hash,
          user.role,
          user.created_at,
        ],
      );
      await client.query('COMMIT');
      return inserted.rowCount === 1 ? { status: 'created' } : { status: 'taken' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async findUser(username: string): Promise<StoredUser | undefined> {
    const rows = await this.#query<TimestampRow<StoredUser>>(
      'SELECT username, password_hash, role, created_at FROM users WHERE username_key = $1',
      [toUsernameKey(username)],
    );
    return rows.map((row) => toIsoTimes<StoredUser>(row))[0];
  }

  async addCredential(credential: StoredCredential): Promise<void> {
    await this.#query(
      `INSERT INTO credentials (secret_hash, id, username_key, kind, name, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        credential.secret_hash,
        credential.id,
        toUsernameKey(credential.username),
        credential.kind,
        credential.name,
        credential.created_at,
        credential.expires_at,
      ],
    );
  }

  async findCredential(secretHash: string, now: Date): Promise<FoundCredential | undefined> {
    const rows = await this.#query<TimestampRow<FoundCredential>>(
      `SELECT ${credentialColumns}, u.role FROM credentials c
       JOIN users u ON u.username_key = c.username_key
       WHERE c.secret_hash = $1 AND (c.expires_at IS NULL OR c.expires_at > $2)`,
      [secretHash, now],
    );
    return rows.map((row) => toIsoTimes<FoundCredential>(row))[0];
  }

  async listCredentials(
    username: string,
    kind: CredentialKind,
    now: Date,
  ): Promise<StoredCredential[]> {
    const rows = await this.#query<TimestampRow<StoredCredential>>(
      `SELECT ${credentialColumns} FROM credentials c
       JOIN users u ON u.username_key = c.username_key
       WHERE c.username_key = $1 AND c.kind = $2 AND (c.expires_at IS NULL OR c.expires_at > $3)
       ORDER BY c.created_at DESC, c.id COLLATE "C"`,
      [toUsernameKey(username), kind, now],
    );
    return rows.map((row) => toIsoTimes<StoredCredential>(row));
  }

  async deleteCredential(secretHash: string): Promise<boolean> {
    const rows = await this.#deleteAndNotify('secret_hash = $2', [secretHash]);
    return rows.length > 0;
  }

  async deleteCredentialById(username: string, id: string): Promise<boolean> {
    const rows = await this.#deleteAndNotify('username_key = $2 AND id = $3', [
      toUsernameKey(username),
      id,
    ]);
    return rows.length > 0;
  }

  async deleteCredentials(username: string, kind: CredentialKind): Promise<number> {
    const rows = await this.#deleteAndNotify('username_key = $2 AND kind = $3', [
      toUsernameKey(username),
      kind,
    ]);
    return rows.length;
  }

  /** Deletes the credentials `where` selects ($2…), notifying `credentials-changed` of each. */
  async #deleteAndNotify(where: string, values: unknown[]): Promise<object[]> {
    await this.#ready(); // for the channel
    // NOTIFY is transactional: the others hear it once the delete is committed (PostgreSQL
    // folds identical payloads of one transaction into one).
    return this.#query(
      `WITH gone AS (DELETE FROM credentials WHERE ${where} RETURNING id, username_key)
       SELECT id, pg_notify($1, json_build_object(
         'type', 'credentials-changed', 'username_key', username_key)::text) FROM gone`,
      [this.#channel(), ...values],
    );
  }

  async #query<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
    await this.#ready();
    return (await this.#pool.query<Row>(text, values)).rows;
  }
}

// PostgreSQL hands back timestamps as Dates; the store contract has ISO strings, as SQLite keeps.
function toIsoTimes<Out>(row: object): Out {
  const times = row as { created_at: Date; expires_at?: Date | null };
  const out: Record<string, unknown> = { ...row, created_at: times.created_at.toISOString() };
  if ('expires_at' in times) out.expires_at = times.expires_at?.toISOString() ?? null;
  return out as Out;
}
