import { describe, expect, it } from 'vitest';
import { describeWhose } from './describe-whose.ts';

describe('describeWhose', () => {
  it('starts a sentence with a capital when the server gives no name', () => {
    expect(describeWhose('', 'start')).toBe('Someone else’s');
  });

  it('keeps “someone else’s” lowercase inside a sentence', () => {
    expect(describeWhose('', 'inside')).toBe('someone else’s');
  });

  it('keeps a name as its person spells it, wherever it stands', () => {
    expect(describeWhose('bob', 'start')).toBe('bob’s');
    expect(describeWhose('Alice', 'inside')).toBe('Alice’s');
  });

  it('puts only an apostrophe after a name ending in s', () => {
    expect(describeWhose('Chris', 'start')).toBe('Chris’');
  });
});
