import { describe, expect, it } from 'vitest';
import { prefersMinimalReturn } from './prefers-minimal-return.ts';

describe('prefersMinimalReturn', () => {
  it.each([
    ['return=minimal', true],
    ['RETURN = Minimal', true],
    ['return="minimal"', true],
    ['respond-async, return=minimal; foo=bar', true],
    ['return=representation', false],
    ['handling=lenient', false],
    ['minimal', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (prefer, expected) => {
    expect(prefersMinimalReturn(prefer)).toBe(expected);
  });
});
