import { describe, expect, it } from 'vitest';
import { readNextPath, toSignInPath } from './sign-in-target.ts';

describe('toSignInPath and readNextPath', () => {
  it('come back to the page the person was on', () => {
    const path = toSignInPath('/docs/a%20b?x=1');
    expect(readNextPath(new URL(path, 'http://localhost').search)).toBe('/docs/a%20b?x=1');
  });

  it('go to the list from the list or the sign-in page itself', () => {
    expect(toSignInPath('/')).toBe('/sign-in');
    expect(toSignInPath('/sign-in?next=%2Fdocs%2Fx')).toBe('/sign-in');
    expect(readNextPath('')).toBe('/');
    expect(readNextPath('?next=%2Fsign-in')).toBe('/');
  });

  it('never send anyone to another site', () => {
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', 'docs/x']) {
      expect(readNextPath(`?next=${encodeURIComponent(next)}`)).toBe('/');
    }
  });
});
