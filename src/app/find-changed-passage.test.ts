import { describe, expect, it } from 'vitest';
import { findChangedPassage } from './find-changed-passage.ts';

describe('findChangedPassage', () => {
  it('finds the whole line of a change inside one line', () => {
    expect(findChangedPassage('a\nthe cat sat\nc\n', 'a\nthe big cat sat\nc\n')).toEqual({
      before: 'the cat sat',
      after: 'the big cat sat',
      shortened: false,
    });
  });

  it('spans from the first changed line to the last', () => {
    expect(findChangedPassage('one\ntwo\nthree\n', 'ONE\ntwo\nTHREE\n')).toEqual({
      before: 'one\ntwo\nthree',
      after: 'ONE\ntwo\nTHREE',
      shortened: false,
    });
  });

  it('finds an added line, and a line added at the end', () => {
    expect(findChangedPassage('a\nc\n', 'a\nb\nc\n')?.after).toContain('b');
    expect(findChangedPassage('a', 'a\nb')).toEqual({
      before: 'a',
      after: 'a\nb',
      shortened: false,
    });
  });

  it('finds nothing when nothing changed', () => {
    expect(findChangedPassage('same', 'same')).toBeUndefined();
  });

  it('keeps only the first lines of a long change', () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const passage = findChangedPassage('', long);
    expect(passage?.shortened).toBe(true);
    expect(passage?.after.startsWith('line 0\nline 1')).toBe(true);
    expect(passage!.after.length).toBeLessThanOrEqual(400);
  });
});
