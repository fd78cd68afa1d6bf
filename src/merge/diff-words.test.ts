import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords } from './diff-words.ts';

function side(changes: ReturnType<typeof diffWords>, kind: 'removed' | 'added'): string {
  return changes
    .filter((c) => c.kind === 'same' || c.kind === kind)
    .map((c) => c.text)
    .join('');
}

describe('diffWords', () => {
  it('marks a replaced word as removed and added, keeping the rest', () => {
    expect(diffWords('the quick fox', 'the slow fox')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' fox' },
    ]);
  });

  it('never splits a word or an emoji', () => {
    const changes = diffWords('a café, and then 👍🏽 ok', 'a cafés, and then 👍🏿 ok');
    expect(changes.filter((c) => c.kind !== 'same').map((c) => c.text)).toEqual([
      'café',
      'cafés',
      '👍🏽',
      '👍🏿',
    ]);
  });

  it('gives nothing for two empty texts and one stretch for equal ones', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('rebuilds both texts exactly from its stretches', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const changes = diffWords(a, b);
        expect(side(changes, 'removed')).toBe(a);
        expect(side(changes, 'added')).toBe(b);
      }),
    );
  });
});
