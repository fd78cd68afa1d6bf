import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { startsProseUnit } from './prose-units.ts';
import { sidesOf } from './test-support.ts';
import type { MergeRegion } from './types.ts';

const word = { granularity: 'word' } as const;
type Side = 'base' | 'mine' | 'theirs';

/** The kind of each region, with its reason when it was merged below line level. */
function kindsOf(regions: MergeRegion[]): string[] {
  return regions.map((r) => (r.kind === 'merged' ? `merged:${r.reason}` : r.kind));
}

describe('word granularity keeps prose units apart', () => {
  it('merges two neighbouring paragraphs each on its own', () => {
    const input = {
      base: 'Cats purr.\n\nDogs bark. Birds sing.\n',
      mine: 'Cats meow.\n\nDogs bark loudly. Birds sing.\n',
      theirs: 'Cats hiss.\n\nDogs bark. Birds sing at dawn.\n',
    };
    // git joins conflicts one blank line apart: one all-or-nothing conflict.
    expect(merge(input).conflicts).toBe(1);
    const result = merge(input, word);
    expect(result.conflicts).toBe(1);
    expect(result.regions).toEqual([
      { kind: 'conflict', base: 'Cats purr.\n', mine: 'Cats meow.\n', theirs: 'Cats hiss.\n' },
      { kind: 'unchanged', text: '\n' },
      {
        kind: 'merged',
        text: 'Dogs bark loudly. Birds sing at dawn.\n',
        base: 'Dogs bark. Birds sing.\n',
        mine: 'Dogs bark loudly. Birds sing.\n',
        theirs: 'Dogs bark. Birds sing at dawn.\n',
        reason: 'within-line',
      },
    ]);
  });

  it('makes each list item its own decision, clean where only one side changed it', () => {
    const items = Array.from({ length: 14 }, (_, i) => `- [ ] task ${i}\n`);
    const edit = (at: number[], text: string): string =>
      items.map((item, i) => (at.includes(i) ? item.replace('task', text) : item)).join('');
    const input = {
      base: items.join(''),
      mine: edit([0, 2, 4, 6], 'mine'),
      theirs: edit([1, 3, 4, 5], 'theirs'),
    };
    expect(merge(input).conflicts).toBe(1);
    const result = merge(input, word);
    // Item 4 both changed the same word: the one conflict; items of one side are simply taken.
    expect(result.conflicts).toBe(1);
    expect(kindsOf(result.regions)).toEqual([
      'mine',
      'theirs',
      'mine',
      'theirs',
      'conflict',
      'theirs',
      'mine',
      'unchanged',
    ]);
    expect(result.regions[4]).toMatchObject({
      mine: '- [ ] mine 4\n',
      theirs: '- [ ] theirs 4\n',
    });
  });

  it('keeps the answers of an FAQ apart across the headings between them', () => {
    const faq = (a: string, b: string): string => `## Why?\n${a}\n## How?\n${b}\n## When?\nSoon.\n`;
    const input = {
      base: faq('Because.', 'Like this.'),
      mine: faq('Because we can.', 'Like that.'),
      theirs: faq('Because we must.', 'Like this, quickly.'),
    };
    expect(merge(input).conflicts).toBe(1);
    const result = merge(input, word);
    expect(kindsOf(result.regions)).toEqual([
      'unchanged',
      'conflict',
      'unchanged',
      'conflict',
      'unchanged',
    ]);
  });

  it('still joins conflicts within one paragraph, as git does', () => {
    const input = {
      base: 'One line\nof a wrapped\nparagraph.\n',
      mine: 'One row\nof a wrapped\nparagraph!\n',
      theirs: 'One verse\nof a wrapped\nparagraph?\n',
    };
    expect(merge(input, word).regions).toEqual([
      { kind: 'conflict', base: input.base, mine: input.mine, theirs: input.theirs },
    ]);
  });

  it('merges the words of each unit of one line-level conflict on their own', () => {
    // Adjacent lines touch at line level (one conflict for git), but are two list items.
    const input = {
      base: '- milk\n- eggs and ham\n',
      mine: '- oat milk\n- eggs and bacon\n',
      theirs: '- soy milk\n- fresh eggs and ham\n',
    };
    const result = merge(input, word);
    expect(kindsOf(result.regions)).toEqual(['conflict', 'merged:within-line']);
    expect(result.regions[1]).toMatchObject({ text: '- fresh eggs and bacon\n' });
  });
});

describe('startsProseUnit', () => {
  it('starts a unit at paragraphs, headings and list items, not inside a paragraph', () => {
    expect(startsProseUnit('more text\n', 'some text\n')).toBe(false);
    expect(startsProseUnit('\n', 'some text\n')).toBe(true);
    expect(startsProseUnit('Next.\n', '\n')).toBe(true);
    expect(startsProseUnit('# Title\n', 'text\n')).toBe(true);
    expect(startsProseUnit('text\n', '### Title\r\n')).toBe(true);
    expect(startsProseUnit('2. two\n', '1. one\n')).toBe(true);
    expect(startsProseUnit('* two\n', '  continued\n')).toBe(true);
    expect(startsProseUnit('  continued\n', '- one\n')).toBe(false);
    // A setext underline belongs to its heading; the text after it starts anew.
    expect(startsProseUnit('=====\n', 'Title\n')).toBe(false);
    expect(startsProseUnit('Text\n', '-----\n')).toBe(true);
    expect(startsProseUnit('#hashtag\n', 'text\n')).toBe(false);
  });
});

describe('prose granularity properties', () => {
  const words = fc.array(fc.constantFrom('cat', 'dog', 'eel', 'owl'), {
    minLength: 1,
    maxLength: 4,
  });
  /** One line of a unit: its words in base, and in mine and theirs when they changed them. */
  const lineEdit = fc.record({
    words,
    mine: fc.option(words, { nil: undefined }),
    theirs: fc.option(words, { nil: undefined }),
  });
  type LineEdit = { words: string[]; mine?: string[]; theirs?: string[] };
  const layouts = ['paragraphs', 'faq', 'list'] as const;
  /**
   * A document of units (paragraphs, answers under headings, or list items) whose lines are
   * tagged with the unit's number, and each unit's three texts on their own. The boundaries
   * between units are never edited.
   */
  const documents = fc
    .record({
      layout: fc.constantFrom(...layouts),
      units: fc.array(fc.array(lineEdit, { minLength: 1, maxLength: 2 }), {
        minLength: 1,
        maxLength: 5,
      }),
    })
    .map(({ layout, units }) => {
      const build = (lines: LineEdit[], u: number, side: Side): string => {
        const text = lines
          .map((l, k) => {
            const chosen = side === 'base' ? l.words : (l[side] ?? l.words);
            const lead = layout === 'list' ? (k === 0 ? '- ' : '  ') : '';
            return `${lead}u${u}l${k} ${chosen.join(' ')}\n`;
          })
          .join('');
        if (layout === 'faq') return `## Q${u}\n${text}`;
        return layout === 'paragraphs' && u > 0 ? `\n${text}` : text;
      };
      const parts = units.map((lines, u) => ({
        base: build(lines, u, 'base'),
        mine: build(lines, u, 'mine'),
        theirs: build(lines, u, 'theirs'),
      }));
      const join = (side: Side): string => parts.map((part) => part[side]).join('');
      return { input: { base: join('base'), mine: join('mine'), theirs: join('theirs') }, parts };
    });

  it('never puts two units in one conflict or one word merge', () => {
    fc.assert(
      fc.property(documents, ({ input }) => {
        const result = merge(input, word);
        expect(sidesOf(result.regions)).toEqual(input);
        for (const region of result.regions) {
          if (region.kind !== 'conflict' && region.kind !== 'merged') continue;
          const units = new Set(`${region.base}${region.mine}${region.theirs}`.match(/u\d+/g));
          expect(units.size).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decides each unit as a merge of that unit alone would', () => {
    fc.assert(
      fc.property(documents, ({ input, parts }) => {
        const result = merge(input, word);
        const alone = parts.map((part) => merge(part, word));
        expect(result.conflicts).toBe(alone.reduce((n, r) => n + r.conflicts, 0));
        if (result.clean) {
          expect(result.text).toBe(alone.map((r) => (r.clean ? r.text : '')).join(''));
        }
      }),
      { numRuns: 500 },
    );
  });
});
