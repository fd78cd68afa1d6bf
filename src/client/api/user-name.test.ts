import { describe, expect, it } from 'vitest';
import { decodeUserName, encodeUserName, limits } from '../../protocol/index.ts';
import { toSendableUserName } from './user-name.ts';

describe('toSendableUserName', () => {
  it('keeps an ordinary name, trimmed', () => {
    expect(toSendableUserName('  Zoë Ångström ')).toBe('Zoë Ångström');
  });

  it('removes control characters the server would refuse', () => {
    expect(toSendableUserName('Al\u0000ice\n\t')).toBe('Alice');
  });

  it('cuts a long name to the limit without splitting an emoji', () => {
    const name = toSendableUserName('😀'.repeat(limits.userNameMaxLength));
    expect(name.length).toBeLessThanOrEqual(limits.userNameMaxLength);
    expect(name).toBe('😀'.repeat(limits.userNameMaxLength / 2));
  });

  it('drops a lone surrogate, which cannot be percent-encoded', () => {
    expect(toSendableUserName('Bob\ud800')).toBe('Bob');
  });

  it('always gives a name the server decodes back unchanged', () => {
    for (const raw of ['x'.repeat(500), 'a\u0085b', ' \u2028 Léa ', '\ud83d']) {
      const name = toSendableUserName(raw);
      expect(decodeUserName(encodeUserName(name))).toBe(name);
    }
  });
});
