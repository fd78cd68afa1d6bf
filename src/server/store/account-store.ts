/** What an account may do beyond its own documents: an admin also creates accounts. */
export type AccountRole = 'admin' | 'member';

/** An account as a store keeps it. */
export interface StoredUser {
  /** The name as it was created, shown as `updated_by`. */
  username: string;
  /** `hashPassword`'s self-describing string (scrypt parameters, salt and hash). */
  password_hash: string;
  role: AccountRole;
  created_at: string;
}

/** A session (from signing in, in a cookie) or an API token (for scripts). */
export type CredentialKind = 'session' | 'token';

/**
 * A credential as a store keeps it. The secret itself is never stored: only its SHA-256
 * (`secret_hash`), so a copy of the database signs no one in.
 */
export interface StoredCredential {
  /** A public id, to list and revoke tokens by; never the secret. */
  id: string;
  secret_hash: string;
  username: string;
  kind: CredentialKind;
  /** A token's label ("deploy script"); `''` for sessions. */
  name: string;
  created_at: string;
  /** When it stops signing anyone in; `null`: never (tokens, until revoked). */
  expires_at: string | null;
}

/** A credential that signed a request in, with its account's current role. */
export type FoundCredential = StoredCredential & { role: AccountRole };

export type CreateUserOutcome =
  | { status: 'created' }
  /** Another account has this name (compared by `toUsernameKey`). */
  | { status: 'taken' }
  /** Asked for the first account, but one exists already; nothing was written. */
  | { status: 'notFirst' };

/**
 * Accounts and their credentials, beside the documents in the same database. Every method is
 * async so that SQLite and PostgreSQL fit the same shape.
 */
export interface AccountStore {
  /** Whether any account exists (the first-account form is open only while none does). */
  hasUsers(): Promise<boolean>;
  /**
   * Adds `user` unless its name is taken. With `onlyIfFirst`, only while no account exists, in
   * one transaction with that check: two first accounts racing make one, the other `notFirst`.
   */
  createUser(user: StoredUser, options: { onlyIfFirst: boolean }): Promise<CreateUserOutcome>;
  /** The account named `username` (compared by `toUsernameKey`). */
  findUser(username: string): Promise<StoredUser | undefined>;
  addCredential(credential: StoredCredential): Promise<void>;
  /** The unexpired credential whose secret hashes to `secretHash`, with its account's role. */
  findCredential(secretHash: string, now: Date): Promise<FoundCredential | undefined>;
  /** `username`'s credentials of `kind`, newest first (expired sessions left out). */
  listCredentials(username: string, kind: CredentialKind, now: Date): Promise<StoredCredential[]>;
  /** Deletes the credential with this secret hash (signing out); whether there was one. */
  deleteCredential(secretHash: string): Promise<boolean>;
  /** Deletes `username`'s credential with public id `id` (revoking a token); whether found. */
  deleteCredentialById(username: string, id: string): Promise<boolean>;
  /** Deletes every credential of `kind` that `username` holds (sign out everywhere); the count. */
  deleteCredentials(username: string, kind: CredentialKind): Promise<number>;
}

/**
 * The key account names are unique by and looked up by: compatibility forms folded (NFKC) and
 * case folded, so "Alice" and "ALICE" are one account.
 */
export function toUsernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}
