import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, MAX_WORD_DIFF_TOKENS } from './diff-words.ts';
import { tokenizeWords } from './tokenize-words.ts';

function side(changes: ReturnType<typeof diffWords>, kind: 'removed' | 'added'): string {
  return changes
    .filter((c) => c.kind === 'same' || c.kind === kind)
    .map((c) => c.text)
    .join('');
}

/** Whether every stretch of `changes` starts and ends where a token of each side does. */
function cutsOnlyBetweenTokens(changes: ReturnType<typeof diffWords>, a: string, b: string) {
  const bounds = (text: string) => {
    const ends = new Set([0]);
    let at = 0;
    for (const token of tokenizeWords(text)) ends.add((at += token.length));
    return ends;
  };
  const [boundsA, boundsB] = [bounds(a), bounds(b)];
  let [atA, atB] = [0, 0];
  for (const { kind, text } of changes) {
    if (kind !== 'added') atA += text.length;
    if (kind !== 'removed') atB += text.length;
    if (!boundsA.has(atA) || !boundsB.has(atB)) return false;
  }
  return true;
}

/** Prose of `n` words from a small vocabulary, a line break now and then. */
function prose(n: number, seed: number): string {
  const vocabulary = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'and', 'dog', 'ran', 'far', 'café'];
  let text = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 16807) % 2147483647;
    text += vocabulary[seed % vocabulary.length] + (seed % 13 === 0 ? '.\n' : ' ');
  }
  return text;
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

  it('folds a lone space between two changed words into one change', () => {
    expect(diffWords('the quick brown fox', 'the slow red fox')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick brown' },
      { kind: 'added', text: 'slow red' },
      { kind: 'same', text: ' fox' },
    ]);
  });

  it('keeps a long shared word between two small changes', () => {
    expect(diffWords('a wonderful b', 'c wonderful d')).toEqual([
      { kind: 'removed', text: 'a' },
      { kind: 'added', text: 'c' },
      { kind: 'same', text: ' wonderful ' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('rebuilds both texts exactly from its stretches, cutting only between tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const changes = diffWords(a, b);
        expect(side(changes, 'removed')).toBe(a);
        expect(side(changes, 'added')).toBe(b);
        expect(cutsOnlyBetweenTokens(changes, a, b)).toBe(true);
      }),
    );
  });

  it('does the same on texts of a few words, where coincidental matches are common', () => {
    const words = fc.array(fc.constantFrom('the', 'cat', ' ', ', ', '\n', 'é', '👍🏽'), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(words, words, (x, y) => {
        const [a, b] = [x.join(''), y.join('')];
        const changes = diffWords(a, b);
        expect(side(changes, 'removed')).toBe(a);
        expect(side(changes, 'added')).toBe(b);
        expect(cutsOnlyBetweenTokens(changes, a, b)).toBe(true);
      }),
    );
  });

  it('diffs a text past the word budget by lines, then words within the changed lines', () => {
    const before = prose(MAX_WORD_DIFF_TOKENS, 1);
    expect(before.length).toBeGreaterThan(MAX_WORD_DIFF_TOKENS);
    const lines = before.split('\n');
    lines[3] = `${lines[3]} and one more sat`;
    lines[lines.length - 4] = lines.at(-4)!.replace(/cat/g, 'lion');
    const after = lines.join('\n');
    const changes = diffWords(before, after);
    expect(side(changes, 'removed')).toBe(before);
    expect(side(changes, 'added')).toBe(after);
    expect(cutsOnlyBetweenTokens(changes, before, after)).toBe(true);
    expect(changes.filter((c) => c.kind === 'added').map((c) => c.text)).toContain(
      ' and one more sat',
    );
    expect(
      changes.filter((c) => c.kind === 'removed').every((c) => /^(cat ?)+$/.test(c.text)),
    ).toBe(true);
  });

  it('shows a changed stretch past the word budget as changed whole', () => {
    // One line each, far past the budget, then a line both share.
    const before = `${prose(MAX_WORD_DIFF_TOKENS, 1).replace(/\n/g, '')}\nend\n`;
    const after = `${prose(MAX_WORD_DIFF_TOKENS, 2).replace(/\n/g, '')}\nend\n`;
    expect(diffWords(before, after)).toEqual([
      { kind: 'removed', text: before.slice(0, -4) },
      { kind: 'added', text: after.slice(0, -4) },
      { kind: 'same', text: 'end\n' },
    ]);
  });
});
