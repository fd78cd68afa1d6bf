import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters (RFC 7914 §2): N (a power of two), r and p. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * One of OWASP's equivalent minimums for scrypt (N=2^15, r=8, p=3): the work of N=2^17, p=1 in
 * a quarter of its memory (32 MiB), so a burst of sign-ins does not take 128 MiB each:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const keyLength = 32;

/**
 * Hashes a password with scrypt (node:crypto, no native build) and a random 16-byte salt of
 * its own, into a string that names its parameters — `scrypt$N$r$p$salt$hash`, base64url —
 * so that hashes made with another cost still verify after the default changes.
 *
 * @example const stored = await hashPassword('correct horse battery staple');
 */
export async function hashPassword(
  password: string,
  cost: ScryptCost = defaultScryptCost,
): Promise<string> {
  const salt = randomBytes(16);
  const hash = await deriveKey(password, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/**
 * Whether `password` is the one `stored` was made from. Compares in constant time; `false`
 * (never a throw) for a malformed `stored`.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== keyLength) return false;
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), cost).catch(() => null);
  return actual !== null && timingSafeEqual(actual, expected);
}

function deriveKey(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is just what N=2^15, r=8 needs (128·N·r bytes): leave room.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
