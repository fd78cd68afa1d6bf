import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './hash-password.ts';

const cheap = { N: 1024, r: 8, p: 1 };

describe('hashPassword', () => {
  it('verifies the password it was made from, and no other', async () => {
    const stored = await hashPassword('correct horse', cheap);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('Correct horse', stored)).toBe(false);
  });

  it('salts each hash, so equal passwords do not make equal hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same', cheap), hashPassword('same', cheap)]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same');
  });

  it('names its cost, so a hash made with another cost still verifies', async () => {
    const stored = await hashPassword('pw', { N: 2048, r: 4, p: 2 });
    expect(stored.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
  });

  it('treats a malformed hash as no match rather than throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$y$z$salt$hash', 'bcrypt$1$2$3$a$b']) {
      expect(await verifyPassword('pw', stored)).toBe(false);
    }
  });

  it('reads a password the same whichever Unicode normal form the keyboard sent', async () => {
    const stored = await hashPassword('caf\u00e9', cheap);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });
});
