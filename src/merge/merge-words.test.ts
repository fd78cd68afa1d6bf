import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { sidesOf } from './test-support.ts';
import { tokenizeWords } from './tokenize-words.ts';

const word = { granularity: 'word' } as const;

describe('merge at word granularity', () => {
  it('merges edits to different sentences of one paragraph, for review', () => {
    const result = merge(
      {
        base: 'Intro.\nCats purr. Dogs bark. Birds sing.\nEnd.\n',
        mine: 'Intro.\nCats purr loudly. Dogs bark. Birds sing.\nEnd.\n',
        theirs: 'Intro.\nCats purr. Dogs bark. Birds sing at dawn.\nEnd.\n',
      },
      word,
    );
    expect(result).toMatchObject({
      clean: true,
      text: 'Intro.\nCats purr loudly. Dogs bark. Birds sing at dawn.\nEnd.\n',
    });
    expect(result.regions[1]).toMatchObject({ kind: 'merged', reason: 'within-line' });
  });

  it('still conflicts on edits to the same words', () => {
    const result = merge(
      { base: 'I like cats.\n', mine: 'I love cats.\n', theirs: 'I adore cats.\n' },
      word,
    );
    expect(result.regions).toEqual([
      {
        kind: 'conflict',
        base: 'I like cats.\n',
        mine: 'I love cats.\n',
        theirs: 'I adore cats.\n',
      },
    ]);
  });

  it('merges an edited list item with an item added after it', () => {
    const result = merge(
      { base: '- milk\n- eggs\n', mine: '- milk\n- bread\n', theirs: '- milk\n- eggs\n- jam\n' },
      word,
    );
    expect(result).toMatchObject({ clean: true, text: '- milk\n- bread\n- jam\n' });
  });

  it('merges edits to adjacent lines that git would call a conflict', () => {
    const result = merge({ base: 'a\nb\n', mine: 'A\nb\n', theirs: 'a\nB\n' }, word);
    expect(result).toMatchObject({ clean: true, text: 'A\nB\n' });
  });

  it('keeps both sides’ new list items, mine first', () => {
    const result = merge(
      {
        base: '- milk\n- eggs\n\nNext\n',
        mine: '- milk\n- eggs\n- bread\n\nNext\n',
        theirs: '- milk\n- eggs\n- butter\n- jam\n\nNext\n',
      },
      word,
    );
    expect(result).toMatchObject({
      clean: true,
      text: '- milk\n- eggs\n- bread\n- butter\n- jam\n\nNext\n',
    });
    expect(result.regions[1]).toMatchObject({ kind: 'merged', reason: 'both-inserted' });
  });

  it('does not keep both when a side also deleted or edited base lines there', () => {
    const result = merge(
      { base: '- milk\n- eggs\n', mine: '- milk\n', theirs: '- milk\n- eggs\n- jam\n' },
      word,
    );
    expect(result.clean).toBe(false);
  });

  it('never splits an emoji, a flag, CJK text or a combining accent', () => {
    const result = merge(
      {
        base: '👩‍👩‍👧 🇫🇷 漢字かな cafe\u0301\n',
        mine: '👩‍👩‍👦 🇫🇷 漢字かな cafe\u0301\n',
        theirs: '👩‍👩‍👧 🇫🇷 漢字かナ cafe\u0300\n',
      },
      word,
    );
    expect(result).toMatchObject({ clean: true, text: '👩‍👩‍👦 🇫🇷 漢字かナ cafe\u0300\n' });
  });
});

describe('tokenizeWords', () => {
  it('gives the text back and keeps graphemes whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(tokenizeWords(text).join('')).toBe(text);
        for (const token of tokenizeWords(text)) {
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$|^\p{M}/u.test(token)).toBe(false);
        }
      }),
    );
  });
});

describe('word merge properties', () => {
  const words = fc.constantFrom('cat', 'dog', ' ', '. ', ', ', '\n', 'é', '🎉', '漢');
  const text = fc.array(words, { maxLength: 14 }).map((w) => w.join(''));
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });
  const documents = fc
    .record({
      base: text,
      mine: fc.array(edit, { maxLength: 2 }),
      theirs: fc.array(edit, { maxLength: 2 }),
    })
    .map(({ base, mine, theirs }) => {
      const apply = (edits: Array<{ at: number; remove: number; insert: string }>): string =>
        edits.reduce((t, e) => {
          const at = e.at % (t.length + 1);
          return t.slice(0, at) + e.insert + t.slice(at + e.remove);
        }, base);
      return { base, mine: apply(mine), theirs: apply(theirs) };
    });

  it('keeps the identities and accounts for every input character', () => {
    fc.assert(
      fc.property(documents, (input) => {
        const { base, mine, theirs } = input;
        expect(merge({ base, mine: base, theirs }, word)).toMatchObject({
          clean: true,
          text: theirs,
        });
        expect(merge({ base, mine, theirs: base }, word)).toMatchObject({
          clean: true,
          text: mine,
        });
        expect(merge({ base, mine, theirs: mine }, word)).toMatchObject({
          clean: true,
          text: mine,
        });
        expect(sidesOf(merge(input, word).regions)).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it('writes only words one of the sides wrote', () => {
    fc.assert(
      fc.property(documents, (input) => {
        const known = new Set(
          [input.base, input.mine, input.theirs].flatMap((t) => tokenizeWords(t)),
        );
        for (const region of merge(input, word).regions) {
          if (region.kind !== 'merged') continue;
          for (const token of tokenizeWords(region.text)) expect(known).toContain(token);
        }
      }),
      { numRuns: 300 },
    );
  });
});
