import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absorbSmallMatches, type DiffStretch } from './absorb-small-matches.ts';
import { tokenizeWords } from './tokenize-words.ts';

const count = (text: string) => tokenizeWords(text).length;
const same = (text: string): DiffStretch => ({ kind: 'same', text, tokens: count(text) });
const change = (removed: string, added: string): DiffStretch => ({
  kind: 'change',
  removed,
  added,
  removedTokens: count(removed),
  addedTokens: count(added),
});

function side(stretches: readonly DiffStretch[], which: 'removed' | 'added'): string {
  return stretches.map((s) => (s.kind === 'same' ? s.text : s[which])).join('');
}

/** Alternating stretches, as a diff gives them. */
const stretches = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([startSame, parts]) => {
    const out: DiffStretch[] = [];
    for (const [text, removed, added] of parts) {
      if (startSame || out.length > 0) out.push(same(text || 'x'));
      out.push(change(removed, added || (removed ? '' : 'y')));
    }
    return out;
  });

describe('absorbSmallMatches', () => {
  it('folds a lone space between two changes into one change', () => {
    expect(
      absorbSmallMatches([change('quick', 'slow'), same(' '), change('brown', 'red')]),
    ).toEqual([change('quick brown', 'slow red')]);
  });

  it('folds " the " between changes at least as long in tokens, and keeps it between shorter ones', () => {
    expect(
      absorbSmallMatches([
        change('I like', 'We love'),
        same(' the '),
        change('old cats', 'new birds'),
      ]),
    ).toEqual([change('I like the old cats', 'We love the new birds')]);
    const kept = [change('like', 'love'), same(' the '), change('cats', 'birds')];
    expect(absorbSmallMatches(kept)).toEqual(kept);
  });

  it('keeps a match longer than either change beside it', () => {
    const kept = [change('a', 'b'), same(' internationalization '), change('c', 'd')];
    expect(absorbSmallMatches(kept)).toEqual(kept);
  });

  it('keeps matches at either end, however short', () => {
    const kept = [same(' '), change('long words', 'other words'), same('.')];
    expect(absorbSmallMatches(kept)).toEqual(kept);
  });

  it('looks again at an earlier match once folding made the change after it longer', () => {
    // ' d ' (3 tokens) is longer than 'e'→'f' after it, until folding ' ' makes that change 5 long.
    expect(
      absorbSmallMatches([
        change('a b c', 'x y z'),
        same(' d '),
        change('e', 'f'),
        same(' '),
        change('g h', 'i j'),
      ]),
    ).toEqual([change('a b c d e g h', 'x y z d f i j')]);
  });

  it('rebuilds both sides, alternates and leaves no foldable match', () => {
    fc.assert(
      fc.property(stretches, (input) => {
        const out = absorbSmallMatches(input);
        expect(side(out, 'removed')).toBe(side(input, 'removed'));
        expect(side(out, 'added')).toBe(side(input, 'added'));
        for (let i = 1; i < out.length; i++) expect(out[i]!.kind).not.toBe(out[i - 1]!.kind);
        for (let i = 1; i + 1 < out.length; i++) {
          const [before, match, after] = [out[i - 1]!, out[i]!, out[i + 1]!];
          if (match.kind !== 'same' || before.kind !== 'change' || after.kind !== 'change')
            continue;
          const larger = Math.min(
            Math.max(before.removedTokens, before.addedTokens),
            Math.max(after.removedTokens, after.addedTokens),
          );
          expect(match.tokens).toBeGreaterThan(larger);
        }
      }),
    );
  });
});
