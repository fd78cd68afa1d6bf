import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AccountStore, CredentialKind } from '../store/account-store.ts';

/** What `issueCredential` made: the secret to hand over once, and its public id. */
export interface IssuedCredential {
  id: string;
  secret: string;
  created_at: string;
  expires_at: string | null;
}

// API tokens say what they are, so a secret scanner (or a person) recognises a leaked one.
const tokenPrefix = 'concord_';

/** The SHA-256 of a secret, as credentials are stored and looked up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * `hashSecret` that remembers the last `max` secrets it hashed: a signed-in browser sends the
 * same cookie with every request, and SHA-256 through `createHash` was ~4 µs of the ~60 µs of
 * server CPU a signed-in GET took (`npm run bench:server`). The secrets stay in this process's
 * memory, as the requests' own headers do; made-up ones only push out the oldest.
 *
 * @example const hash = rememberHashes(); hash(secret) === hashSecret(secret); // true
 */
export function rememberHashes(max = 10_000): (secret: string) => string {
  const hashes = new Map<string, string>();
  return (secret) => {
    let hash = hashes.get(secret);
    if (hash === undefined) {
      hash = hashSecret(secret);
      if (hashes.size >= max) hashes.delete(hashes.keys().next().value!);
      hashes.set(secret, hash);
    }
    return hash;
  };
}

/**
 * Makes a session or API token for `username`: 32 random bytes (base64url), of which the store
 * keeps only the SHA-256. A fast hash is enough here, unlike for passwords: the secret has 256
 * bits of entropy, so there is nothing to guess.
 */
export async function issueCredential(
  accounts: AccountStore,
  request: { username: string; kind: CredentialKind; name?: string; at: Date; lifetimeMs?: number },
): Promise<IssuedCredential> {
  const random = randomBytes(32).toString('base64url');
  const secret = request.kind === 'token' ? `${tokenPrefix}${random}` : random;
  const issued: IssuedCredential = {
    id: randomUUID(),
    secret,
    created_at: request.at.toISOString(),
    expires_at:
      request.lifetimeMs === undefined
        ? null
        : new Date(request.at.getTime() + request.lifetimeMs).toISOString(),
  };
  await accounts.addCredential({
    id: issued.id,
    secret_hash: hashSecret(secret),
    username: request.username,
    kind: request.kind,
    name: request.name ?? '',
    created_at: issued.created_at,
    expires_at: issued.expires_at,
  });
  return issued;
}
