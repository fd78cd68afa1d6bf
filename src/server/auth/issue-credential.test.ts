import { describe, expect, it } from 'vitest';
import { hashSecret, rememberHashes } from './issue-credential.ts';

describe('rememberHashes', () => {
  it('answers the SHA-256 hashSecret gives, for secrets seen before and new', () => {
    const hash = rememberHashes(2);
    expect(hash('a')).toBe(hashSecret('a'));
    expect(hash('a')).toBe(hashSecret('a'));
    expect(hash('b')).toBe(hashSecret('b'));
    expect(hashSecret('a')).toBe(
      'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
    );
  });

  it('still hashes right once secrets past max have pushed out the oldest', () => {
    const hash = rememberHashes(2);
    for (const secret of ['one', 'two', 'three', 'one'])
      expect(hash(secret)).toBe(hashSecret(secret));
  });
});
